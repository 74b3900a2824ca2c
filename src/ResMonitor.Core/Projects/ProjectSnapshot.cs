using System.Globalization;

namespace ResMonitor.Core.Projects;

/// <summary>One editable value of a project as a person reads it, and where the audit trail logs its changes.</summary>
/// <param name="Key">Stable key (a form field name; permits by their id).</param>
/// <param name="Label">Dutch name of the field.</param>
/// <param name="Value">The value in Dutch notation, or null when empty.</param>
/// <param name="Table">Audit table of the value.</param>
/// <param name="RowKey">Audit row key of the value.</param>
/// <param name="Column">Audit field of the value; <see cref="Audit.AuditRecorder.RowField"/> for the phase history.</param>
public sealed record SnapshotValue(string Key, string Label, string? Value, string Table, string RowKey, string Column);

/// <summary>
/// A project's editable values as a person reads them: what an editor started from (carried in the form) and what
/// is in the register now. Comparing the two tells what changed in between.
/// </summary>
public static class ProjectSnapshot
{
    public const string PhaseHistoryKey = "phaseHistory";

    /// <param name="municipalityNames">Id to name of the municipalities.</param>
    public static IReadOnlyList<SnapshotValue> Of(Project p, IReadOnlyDictionary<int, string> municipalityNames)
    {
        SnapshotValue Column(string key, string label, string? value, string column) => new(key, label, value, "projects", p.Id, column);
        var values = new List<SnapshotValue>
        {
            Column(ProjectFields.Name, "Naam", p.Name, "name"),
            Column(ProjectFields.Technique, "Techniek", Labels.Technique(p.Technique), "technique"),
            Column(ProjectFields.Municipality, "Gemeente", municipalityNames.GetValueOrDefault(p.MunicipalityId, p.MunicipalityId.ToString(CultureInfo.InvariantCulture)), "municipality_id"),
            Column(ProjectFields.CapacityMw, "Vermogen (MW)", Number(p.CapacityMw), "capacity_mw"),
            Column(ProjectFields.SearchArea, "Zoekgebied", p.SearchAreaId, "search_area_id"),
            Column(ProjectFields.Latitude, "Breedtegraad", p.Latitude?.ToString("0.######", DutchFormat.Culture), "latitude"),
            Column(ProjectFields.Longitude, "Lengtegraad", p.Longitude?.ToString("0.######", DutchFormat.Culture), "longitude"),
            Column(ProjectFields.MeasuredYieldMwh, "Gemeten opbrengst (MWh per jaar)", Number(p.MeasuredYieldMwh), "measured_yield_mwh"),
            Column(ProjectFields.MeasuredYieldYear, "Jaar van de meting", p.MeasuredYieldYear?.ToString(CultureInfo.InvariantCulture), "measured_yield_year"),
            Column(ProjectFields.Owners, "Eigenaren", p.Owners, "owners"),
            Column(ProjectFields.LocalOwnershipPercent, "Lokaal eigendom (%)", Number(p.LocalOwnershipPercent), "local_ownership_percent"),
            Column(ProjectFields.Participation, "Participatie", p.Participation, "participation"),
            Column(ProjectFields.IsExample, "Voorbeeldproject", p.IsExample ? "ja" : "nee", "is_example"),
            Column(ProjectFields.Source, "Bron", p.Source, "source"),
            Column(ProjectFields.SourceDate, "Peildatum van de bron", DutchFormat.Date(p.SourceDate), "source_date"),
            new(PhaseHistoryKey, "Fasen", History(p.PhaseHistory), "phase_changes", p.Id, Audit.AuditRecorder.RowField),
        };
        foreach (var permit in p.Permits.OrderBy(x => x.Id))
        {
            var id = permit.Id.ToString(CultureInfo.InvariantCulture);
            SnapshotValue Permit(string field, string label, string? value, string column) =>
                new($"permit:{id}.{field}", $"Vergunning {permit.CaseNumber ?? id}: {label}", value, "permits", id, column);
            values.Add(Permit(ProjectFields.PermitAuthority, "bevoegd gezag", Labels.Authority(permit.CompetentAuthority), "competent_authority"));
            values.Add(Permit(ProjectFields.PermitCaseNumber, "zaaknummer", permit.CaseNumber, "case_number"));
            values.Add(Permit(ProjectFields.PermitApplied, "aangevraagd", Date(permit.AppliedOn), "applied_on"));
            values.Add(Permit(ProjectFields.PermitGranted, "verleend", Date(permit.GrantedOn), "granted_on"));
            values.Add(Permit(ProjectFields.PermitIrrevocable, "onherroepelijk", Date(permit.IrrevocableOn), "irrevocable_on"));
            values.Add(Permit(ProjectFields.PermitHandedOver, "overgedragen aan de provincie", Date(permit.HandedOverToProvinceOn), "handed_over_to_province_on"));
        }

        return values;
    }

    /// <summary>The values as key to value, to carry in a form.</summary>
    public static Dictionary<string, string?> ToDictionary(IEnumerable<SnapshotValue> values) =>
        values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    /// <summary>The values that differ between what the editor started from and what is in the register now.</summary>
    public static IReadOnlyList<(SnapshotValue Now, string? StartedFrom)> Differences(
        IReadOnlyDictionary<string, string?> startedFrom, IReadOnlyList<SnapshotValue> now) =>
        now.Where(v => !startedFrom.TryGetValue(v.Key, out var before) || before != v.Value)
            .Select(v => (v, startedFrom.GetValueOrDefault(v.Key)))
            .ToList();

    private static string? Number(decimal? value) => value?.ToString("0.###", DutchFormat.Culture);

    private static string? Date(DateOnly? date) => date is { } d ? DutchFormat.Date(d) : null;

    private static string? History(IEnumerable<PhaseChange> history) =>
        string.Join("; ", history.OrderBy(c => c.Date).ThenBy(c => c.Id).Select(c => $"{Labels.Phase(c.Phase)} {DutchFormat.Date(c.Date)}")) is { Length: > 0 } s ? s : null;
}
