using System.Globalization;
using ResMonitor.Core;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Import;
using ResMonitor.Core.Projects;
using ResMonitor.Web.Features.Editing;
using F = ResMonitor.Core.Projects.ProjectFields;

namespace ResMonitor.Web.Features.Projects;

/// <summary>
/// The project form's values as typed (to show them again after a refusal) and their reading into a
/// <see cref="ProjectInput"/>; a value that cannot be read gets its message next to the field.
/// </summary>
public sealed class ProjectForm
{
    public const string StartedFromField = "startedFrom";

    private ProjectForm(Dictionary<string, string> values) => Values = values;

    /// <summary>Raw values by field name.</summary>
    public Dictionary<string, string> Values { get; }

    /// <summary>How many permit rows the form has (existing permits plus one empty row for a new one).</summary>
    public int PermitRows { get; private set; }

    public string this[string field] => Values.GetValueOrDefault(field, "");

    public static ProjectForm Empty(DateOnly today) => new(new(StringComparer.Ordinal)
    {
        [F.SourceDate] = Iso(today),
        [F.NewPhaseDate] = "",
    })
    { PermitRows = 1 };

    /// <summary>The form filled with a project as it is in the register, with an empty row for a new permit.</summary>
    public static ProjectForm Of(Project p, string municipalityCode)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [F.Id] = p.Id,
            [F.Name] = p.Name,
            [F.Technique] = p.Technique.ToString(),
            [F.Municipality] = municipalityCode,
            [F.CapacityMw] = Number(p.CapacityMw),
            [F.SearchArea] = p.SearchAreaId ?? "",
            [F.Latitude] = p.Latitude?.ToString("0.######", DutchFormat.Culture) ?? "",
            [F.Longitude] = p.Longitude?.ToString("0.######", DutchFormat.Culture) ?? "",
            [F.MeasuredYieldMwh] = Number(p.MeasuredYieldMwh),
            [F.MeasuredYieldYear] = p.MeasuredYieldYear?.ToString(CultureInfo.InvariantCulture) ?? "",
            [F.Owners] = p.Owners ?? "",
            [F.LocalOwnershipPercent] = Number(p.LocalOwnershipPercent),
            [F.Participation] = p.Participation ?? "",
            [F.IsExample] = p.IsExample ? "true" : "",
            [F.Source] = p.Source,
            [F.SourceDate] = Iso(p.SourceDate),
        };
        var permits = p.Permits.OrderBy(x => x.Id).ToList();
        for (var i = 0; i < permits.Count; i++)
        {
            var permit = permits[i];
            values[F.Permit(i, "id")] = permit.Id.ToString(CultureInfo.InvariantCulture);
            values[F.Permit(i, F.PermitAuthority)] = permit.CompetentAuthority.ToString();
            values[F.Permit(i, F.PermitCaseNumber)] = permit.CaseNumber ?? "";
            values[F.Permit(i, F.PermitApplied)] = Iso(permit.AppliedOn);
            values[F.Permit(i, F.PermitGranted)] = Iso(permit.GrantedOn);
            values[F.Permit(i, F.PermitIrrevocable)] = Iso(permit.IrrevocableOn);
            values[F.Permit(i, F.PermitHandedOver)] = Iso(permit.HandedOverToProvinceOn);
        }

        return new(values) { PermitRows = permits.Count + 1 };
    }

    /// <summary>Reads a posted form; messages for unreadable values go to <paramref name="errors"/>.</summary>
    public static (ProjectForm Form, ProjectInput Input) Read(IFormCollection form, FieldErrors errors)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in form)
        {
            if (key != "__RequestVerificationToken")
            {
                values[key] = value.ToString();
            }
        }

        var rows = 0;
        while (values.Keys.Any(k => k.StartsWith($"permits[{rows}].", StringComparison.Ordinal)))
        {
            rows++;
        }

        var reader = new FormReader(values, errors);
        var permits = new List<PermitInput>();
        for (var i = 0; i < rows; i++)
        {
            permits.Add(new PermitInput
            {
                Id = reader.WholeNumber(F.Permit(i, "id")),
                CompetentAuthority = reader.Enum<CompetentAuthority>(F.Permit(i, F.PermitAuthority)),
                CaseNumber = reader.Text(F.Permit(i, F.PermitCaseNumber)),
                AppliedOn = reader.Date(F.Permit(i, F.PermitApplied)),
                GrantedOn = reader.Date(F.Permit(i, F.PermitGranted)),
                IrrevocableOn = reader.Date(F.Permit(i, F.PermitIrrevocable)),
                HandedOverToProvinceOn = reader.Date(F.Permit(i, F.PermitHandedOver)),
            });
        }

        var phase = reader.Enum<Phase>(F.NewPhase);
        var phaseDate = reader.Date(F.NewPhaseDate);
        var note = reader.Text(F.NewPhaseNote);
        var input = new ProjectInput
        {
            Id = reader.Text(F.Id),
            Name = reader.Text(F.Name),
            Technique = reader.Enum<Technique>(F.Technique),
            Municipality = reader.Text(F.Municipality),
            CapacityMw = reader.Number(F.CapacityMw),
            SearchArea = reader.Text(F.SearchArea),
            Latitude = (double?)reader.Number(F.Latitude),
            Longitude = (double?)reader.Number(F.Longitude),
            MeasuredYieldMwh = reader.Number(F.MeasuredYieldMwh),
            MeasuredYieldYear = (int?)reader.WholeNumber(F.MeasuredYieldYear),
            Owners = reader.Text(F.Owners),
            LocalOwnershipPercent = reader.Number(F.LocalOwnershipPercent),
            Participation = reader.Text(F.Participation),
            IsExample = values.GetValueOrDefault(F.IsExample) == "true",
            Source = reader.Text(F.Source),
            SourceDate = reader.Date(F.SourceDate),
            Permits = permits,
            NewPhase = phase is null && phaseDate is null && note is null ? null : new PhaseInput(phase, phaseDate, note),
        };
        // Always one empty row for a new permit.
        var formRows = permits.Count > 0 && permits[^1] is { Id: null, IsEmpty: true } ? rows : rows + 1;
        return (new ProjectForm(values) { PermitRows = formRows }, input);
    }

    private static string Number(decimal? value) => value?.ToString("0.######", DutchFormat.Culture) ?? "";

    private static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
