using System.Buffers;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Geo;
using ResMonitor.Core.Import;

namespace ResMonitor.Core.Projects;

/// <summary>What the checks need to know about the register.</summary>
/// <param name="Municipalities">The region's municipalities, CBS code to id.</param>
/// <param name="SearchAreas">The region's search areas by id.</param>
public sealed record ValidationContext(
    IReadOnlyDictionary<string, int> Municipalities, IReadOnlySet<string> SearchAreas, DateOnly Today);

/// <summary>
/// The register's rules for one project, in Dutch, per field: the same rules as the import (capacity, ownership,
/// location, municipality, search area, phase order and dates through <see cref="PhaseRules"/>, permits, the
/// competent authority), for the site's forms and the API.
/// </summary>
public static class ProjectValidation
{
    public const int MaxIdLength = 64;
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 2_000;

    /// <summary>The earliest year a measured yield can be for.</summary>
    public const int FirstYieldYear = 1990;

    private static readonly SearchValues<char> IdCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");

    /// <summary>The message for a project key that is not well formed, or null when it is.</summary>
    public static string? CheckId(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return "Geef het project-id, bijvoorbeeld DR-W-012.";
        }

        if (id.Length > MaxIdLength || id.AsSpan().ContainsAnyExcept(IdCharacters))
        {
            return $"'{id}' is geen geldig project-id: gebruik letters, cijfers, punt, liggend streepje of koppelteken, hoogstens {MaxIdLength} tekens.";
        }

        // The address of the form for a new project.
        return id.Equals("nieuw", StringComparison.OrdinalIgnoreCase) ? "'nieuw' kan geen project-id zijn: kies een andere sleutel." : null;
    }

    /// <summary>
    /// Checks a submitted project. <paramref name="history"/> is the project's phase history so far (oldest first;
    /// empty for a new project), to which <see cref="ProjectInput.NewPhase"/> is added.
    /// </summary>
    public static List<RuleViolation> Validate(ProjectInput input, ValidationContext context, IReadOnlyList<PhaseChange> history, bool isNew)
    {
        var errors = new List<RuleViolation>();
        void Error(string field, string message) => errors.Add(new(field, message));

        if (isNew && CheckId(input.Id?.Trim()) is { } idError)
        {
            Error(ProjectFields.Id, idError);
        }

        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            Error(ProjectFields.Name, "Geef de naam van het project.");
        }
        else if (name.Length > MaxNameLength)
        {
            Error(ProjectFields.Name, $"De naam is langer dan {MaxNameLength} tekens.");
        }

        if (input.Technique is null or Technique.TechnologyNeutral)
        {
            Error(ProjectFields.Technique, "Kies de techniek: wind, zon op land of zon op dak.");
        }

        var municipality = input.Municipality?.Trim() ?? "";
        if (municipality.Length == 0)
        {
            Error(ProjectFields.Municipality, "Kies de gemeente.");
        }
        else if (!context.Municipalities.ContainsKey(municipality))
        {
            Error(ProjectFields.Municipality, $"Onbekende gemeente '{municipality}': deze gemeente hoort niet bij de regio.");
        }

        switch (input.CapacityMw)
        {
            case null:
                Error(ProjectFields.CapacityMw, "Geef het vermogen in MW.");
                break;
            case <= 0m:
                Error(ProjectFields.CapacityMw, $"Het vermogen moet groter dan 0 MW zijn, niet {DutchFormat.Number(input.CapacityMw.Value, 1)}.");
                break;
            case > ProjectImporter.MaxCapacityMw:
                Error(ProjectFields.CapacityMw, $"{DutchFormat.Number(input.CapacityMw.Value, 0)} MW is onwaarschijnlijk groot (meer dan 2.000 MW). Staat het in kW?");
                break;
        }

        if (!string.IsNullOrWhiteSpace(input.SearchArea) && !context.SearchAreas.Contains(input.SearchArea.Trim()))
        {
            Error(ProjectFields.SearchArea, $"Onbekend zoekgebied '{input.SearchArea.Trim()}'.");
        }

        if ((input.Latitude is null) != (input.Longitude is null))
        {
            Error(input.Latitude is null ? ProjectFields.Latitude : ProjectFields.Longitude,
                "Geef de breedtegraad en de lengtegraad allebei, of geen van beide.");
        }
        else if (input.Latitude is { } lat && input.Longitude is { } lon && !RdCoordinates.IsInNetherlandsWgs84(lat, lon))
        {
            Error(ProjectFields.Latitude, $"De ligging ({lat.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {lon.ToString(System.Globalization.CultureInfo.InvariantCulture)}) ligt buiten Nederland. Zijn breedte- en lengtegraad verwisseld?");
        }

        if (input.MeasuredYieldMwh is < 0m)
        {
            Error(ProjectFields.MeasuredYieldMwh, "De gemeten opbrengst kan niet negatief zijn.");
        }

        if (input.MeasuredYieldYear is { } year && (year < FirstYieldYear || year > context.Today.Year))
        {
            Error(ProjectFields.MeasuredYieldYear, $"Het jaar van de meting moet tussen {FirstYieldYear} en {context.Today.Year} liggen, niet {year}.");
        }
        else if (input.MeasuredYieldYear is not null && input.MeasuredYieldMwh is null)
        {
            Error(ProjectFields.MeasuredYieldMwh, "Bij een jaar van meting hoort een gemeten opbrengst.");
        }

        if (input.LocalOwnershipPercent is { } ownership and (< 0m or > 100m))
        {
            Error(ProjectFields.LocalOwnershipPercent, $"Lokaal eigendom is een percentage van 0 tot 100, niet {DutchFormat.Number(ownership, 1)}.");
        }

        CheckLength(input.Owners, ProjectFields.Owners, "De eigenaren", errors);
        CheckLength(input.Participation, ProjectFields.Participation, "De participatie", errors);

        if (string.IsNullOrWhiteSpace(input.Source))
        {
            Error(ProjectFields.Source, "Geef de bron van de gegevens.");
        }
        else
        {
            CheckLength(input.Source, ProjectFields.Source, "De bron", errors);
        }

        if (input.SourceDate is null)
        {
            Error(ProjectFields.SourceDate, "Geef de peildatum van de bron.");
        }
        else if (input.SourceDate > context.Today)
        {
            Error(ProjectFields.SourceDate, $"De peildatum {DutchFormat.Date(input.SourceDate.Value)} ligt in de toekomst.");
        }

        var fullHistory = CheckNewPhase(input.NewPhase, history, isNew, errors);
        if (fullHistory is not null)
        {
            foreach (var v in PhaseRules.Validate(fullHistory, [], context.Today))
            {
                Error(ProjectFields.NewPhaseDate, v.Message);
            }
        }

        for (var i = 0; i < input.Permits.Count; i++)
        {
            if (input.Permits[i] is { Id: null, IsEmpty: true })
            {
                // The form's empty row for a new permit.
                continue;
            }

            CheckPermit(i, input.Permits[i], input, fullHistory, context, errors);
        }

        return errors;
    }

    /// <summary>The history with the new phase added, or null when it cannot be checked (a field is missing).</summary>
    private static List<PhaseChange>? CheckNewPhase(PhaseInput? phase, IReadOnlyList<PhaseChange> history, bool isNew, List<RuleViolation> errors)
    {
        var given = phase is not null && (phase.Phase is not null || phase.Date is not null || !string.IsNullOrWhiteSpace(phase.Note));
        if (!given)
        {
            if (isNew)
            {
                errors.Add(new(ProjectFields.NewPhase, "Kies de fase waarin het project nu is."));
                errors.Add(new(ProjectFields.NewPhaseDate, "Geef de datum waarop het project die fase bereikte."));
                return null;
            }

            return history.ToList();
        }

        if (phase!.Phase is null)
        {
            errors.Add(new(ProjectFields.NewPhase, isNew ? "Kies de fase waarin het project nu is." : "Kies de nieuwe fase."));
        }

        if (phase.Date is null)
        {
            errors.Add(new(ProjectFields.NewPhaseDate, isNew ? "Geef de datum waarop het project die fase bereikte." : "Geef de datum van de nieuwe fase."));
        }

        CheckLength(phase.Note, ProjectFields.NewPhaseNote, "De toelichting", errors);
        if (phase.Phase is not { } p || phase.Date is not { } date)
        {
            return null;
        }

        return [.. history, new PhaseChange { ProjectId = "", Phase = p, Date = date, Note = phase.Note }];
    }

    private static void CheckPermit(
        int index, PermitInput permit, ProjectInput input, List<PhaseChange>? history, ValidationContext context, List<RuleViolation> errors)
    {
        string Field(string name) => ProjectFields.Permit(index, name);
        var entity = ToPermit(permit, "");
        if (history is not null)
        {
            // The permit's own dates and 'realised not before granted', named by the permit's fields.
            var withoutPermit = PhaseRules.Validate(history, [], context.Today).Select(v => v.Message).ToHashSet();
            foreach (var v in PhaseRules.Validate(history, [entity], context.Today).Where(v => !withoutPermit.Contains(v.Message)))
            {
                var field = v.Field switch
                {
                    ProjectCsv.PermitApplied => ProjectFields.PermitApplied,
                    ProjectCsv.PermitIrrevocable => ProjectFields.PermitIrrevocable,
                    _ => ProjectFields.PermitGranted,
                };
                errors.Add(new(Field(field), v.Message));
            }
        }

        if (permit.HandedOverToProvinceOn is { } handed && handed > context.Today)
        {
            errors.Add(new(Field(ProjectFields.PermitHandedOver), $"De datum van overdracht aan de provincie ({DutchFormat.Date(handed)}) ligt in de toekomst."));
        }

        if (permit.CompetentAuthority is null)
        {
            errors.Add(new(Field(ProjectFields.PermitAuthority), "Kies het bevoegd gezag: gemeente, provincie of Rijk."));
        }
        else if (input.Technique is { } technique and not Technique.TechnologyNeutral && input.CapacityMw is > 0m and <= ProjectImporter.MaxCapacityMw and { } mw)
        {
            var rule = CompetentAuthorityRule.Decide(technique, mw, permit.HandedOverToProvinceOn);
            if (rule.Authority != permit.CompetentAuthority)
            {
                errors.Add(new(Field(ProjectFields.PermitAuthority), $"Bevoegd gezag '{Labels.Authority(permit.CompetentAuthority.Value)}' past niet bij de regel: {rule.Reason}"));
            }
        }

        if (permit.CaseNumber?.Trim().Length > 100)
        {
            errors.Add(new(Field(ProjectFields.PermitCaseNumber), "Het zaaknummer is langer dan 100 tekens."));
        }
    }

    private static void CheckLength(string? text, string field, string what, List<RuleViolation> errors)
    {
        if (text?.Trim().Length > MaxTextLength)
        {
            errors.Add(new(field, $"{what} is langer dan {DutchFormat.Number(MaxTextLength, 0)} tekens."));
        }
    }

    /// <summary>A permit entity with the submitted values (trimmed).</summary>
    public static Permit ToPermit(PermitInput input, string projectId) => new()
    {
        ProjectId = projectId,
        CompetentAuthority = input.CompetentAuthority ?? CompetentAuthority.Municipality,
        CaseNumber = string.IsNullOrWhiteSpace(input.CaseNumber) ? null : input.CaseNumber.Trim(),
        AppliedOn = input.AppliedOn,
        GrantedOn = input.GrantedOn,
        IrrevocableOn = input.IrrevocableOn,
        HandedOverToProvinceOn = input.HandedOverToProvinceOn,
    };
}
