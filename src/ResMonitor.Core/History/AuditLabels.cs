using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ResMonitor.Core.Energy;
using ResMonitor.Core.PlanFailures;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;

namespace ResMonitor.Core.History;

/// <summary>
/// Dutch words for the audit trail: tables, columns and values as a reader knows them (1 maart 2024, 12,5, vergund).
/// A table or column without a label is shown by its own name.
/// </summary>
public static partial class AuditLabels
{
    public static readonly IReadOnlyDictionary<string, string> Tables = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["projects"] = "project",
        ["phase_changes"] = "fasegeschiedenis",
        ["permits"] = "vergunning",
        ["plan_failures"] = "planuitval",
        ["organisations"] = "organisatie",
        ["targets"] = "doel",
        ["full_load_hours"] = "vollasturen",
        ["search_areas"] = "zoekgebied",
        ["regions"] = "regio",
        ["forecast_assumptions"] = "prognose-aanname",
        ["impasses"] = "impasse",
        ["escalation_events"] = "opschalingsstap",
        ["grid_congestions"] = "netcongestie",
        ["official_figures"] = "officieel cijfer (CBS)",
        ["decision_moments"] = "moment op de tijdlijn",
    };

    public static readonly IReadOnlyDictionary<string, string> Columns = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["id"] = "sleutel",
        ["name"] = "naam",
        ["technique"] = "techniek",
        ["capacity_mw"] = "vermogen (MW)",
        ["period_end"] = "einde van de getelde periode",
        ["table_id"] = "tabel",
        ["status"] = "status",
        ["municipality_id"] = "gemeente",
        ["organisation_id"] = "organisatie",
        ["search_area_id"] = "zoekgebied",
        ["latitude"] = "breedtegraad",
        ["longitude"] = "lengtegraad",
        ["measured_yield_mwh"] = "gemeten opbrengst (MWh per jaar)",
        ["measured_yield_year"] = "jaar van de meting",
        ["owners"] = "eigenaren",
        ["local_ownership_percent"] = "lokaal eigendom (%)",
        ["participation"] = "participatie",
        ["phase"] = "fase",
        ["phase_date"] = "fase sinds",
        ["is_example"] = "voorbeeld",
        ["source"] = "bron",
        ["source_date"] = "peildatum van de bron",
        ["project_id"] = "project",
        ["region_id"] = "regio",
        ["date"] = "datum",
        ["note"] = "toelichting",
        ["competent_authority"] = "bevoegd gezag",
        ["case_number"] = "zaaknummer",
        ["applied_on"] = "aangevraagd op",
        ["granted_on"] = "verleend op",
        ["irrevocable_on"] = "onherroepelijk op",
        ["handed_over_to_province_on"] = "overgedragen aan de provincie op",
        ["kind"] = "soort",
        ["reason"] = "reden",
        ["explanation"] = "toelichting",
        ["realised_percent"] = "deel dat wordt gerealiseerd (%)",
        ["expected_on"] = "nu verwacht op",
        ["lost_mwh"] = "verloren opbrengst (MWh per jaar)",
        ["recorded_by"] = "vastgelegd door",
        ["recorded_at"] = "vastgelegd op",
        ["hours"] = "vollasturen per jaar",
        ["valid_from"] = "geldig vanaf",
        ["valid_until"] = "geldig tot en met",
        ["value_mwh"] = "waarde (MWh per jaar)",
        ["year"] = "jaar",
        ["reference_date"] = "peildatum",
        ["code"] = "code",
        ["description"] = "beschrijving",
        ["website"] = "website",
        ["population"] = "inwoners",
        ["population_reference_date"] = "peildatum inwoners",
        ["population_source"] = "bron inwoners",
        ["boundary_geo_json"] = "grens",
        ["boundary_source"] = "bron van de grens",
        ["geometry_geo_json"] = "geometrie",
        ["title"] = "titel",
        ["topic"] = "onderwerp",
        ["owner"] = "eigenaar",
        ["version"] = "versie",
        ["grid_operator_id"] = "netbeheerder",
        ["since"] = "sinds",
        ["expected_end"] = "verwacht einde",
        ["reinforcement"] = "netverzwaring",
        ["ended_on"] = "beëindigd op",
        ["level"] = "niveau",
        ["date_precision"] = "precisie van de datum",
        ["starts_on"] = "eerste dag van de datum",
        ["bodies"] = "wie",
        ["is_legal_deadline"] = "wettelijke termijn",
    };

    /// <summary>
    /// Columns a public page leaves out: keys, the edit counter, and who recorded something (that may be an e-mail
    /// address).
    /// </summary>
    private static readonly HashSet<string> NotPublic = ["id", "project_id", "region_id", "recorded_by", "recorded_at", "version"];

    public static string Table(string table) => Tables.GetValueOrDefault(table, table);

    public static string Column(string column) => Columns.GetValueOrDefault(column, column);

    public static bool IsPublic(string column) => !NotPublic.Contains(column);

    /// <summary>The names of organisations by id, to show "Emmen" instead of 6.</summary>
    public static async Task<IReadOnlyDictionary<int, string>> OrganisationNamesAsync(Data.ResMonitorDbContext db, CancellationToken ct = default) =>
        await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);

    /// <summary>A value of a column as a Dutch reader reads it; null reads as "leeg".</summary>
    public static string Value(IModel model, string table, string column, string? value, IReadOnlyDictionary<int, string> organisations, bool publicView = false)
    {
        if (value is null)
        {
            return "leeg";
        }

        if (publicView && EmailPattern().IsMatch(value))
        {
            value = EmailPattern().Replace(value, "(e-mailadres)");
        }

        var type = PropertyType(model, table, column);
        try
        {
            return type switch
            {
                _ when (column is "municipality_id" or "organisation_id" or "grid_operator_id") && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) =>
                    organisations.TryGetValue(id, out var name) ? name : value,
                null => Shorten(value),
                _ when type == typeof(DateOnly) => DutchFormat.Date(DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture)),
                _ when type == typeof(DateTimeOffset) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture).ToString("d MMMM yyyy HH:mm 'UTC'", DutchFormat.Culture),
                _ when type == typeof(bool) => bool.Parse(value) ? "ja" : "nee",
                _ when type == typeof(decimal) || type == typeof(double) || type == typeof(float) =>
                    decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("#,##0.######", DutchFormat.Culture),
                _ when type == typeof(int) || type == typeof(long) => column.EndsWith("year", StringComparison.Ordinal) || column == "id" || column.EndsWith("_id", StringComparison.Ordinal)
                    ? value
                    : long.Parse(value, CultureInfo.InvariantCulture).ToString("#,##0", DutchFormat.Culture),
                _ when type == typeof(Phase) => Labels.Phase(Enum.Parse<Phase>(value)),
                _ when type == typeof(Technique) => Labels.Technique(Enum.Parse<Technique>(value)),
                _ when type == typeof(CompetentAuthority) => Labels.Authority(Enum.Parse<CompetentAuthority>(value)),
                _ when type == typeof(OrganisationKind) => Labels.OrganisationKind(Enum.Parse<OrganisationKind>(value)),
                _ when type == typeof(PlanFailureKind) => PlanFailureLabels.Kinds[Enum.Parse<PlanFailureKind>(value)],
                _ when type == typeof(PlanFailureReason) => PlanFailureLabels.Reasons[Enum.Parse<PlanFailureReason>(value)],
                _ when type == typeof(Grid.CongestionKind) => Grid.CongestionRules.KindLabel(Enum.Parse<Grid.CongestionKind>(value)),
                _ => Shorten(value),
            };
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException or KeyNotFoundException)
        {
            // A value this model no longer reads (an older schema): shown as it was written.
            return Shorten(value);
        }
    }

    /// <summary>A whole-row entry (a created or deleted row) as labelled, readable fields, in column order of the JSON.</summary>
    public static IReadOnlyList<(string Column, string Label, string Value)> Row(
        IModel model, string table, string? json, IReadOnlyDictionary<int, string> organisations, bool publicView = false)
    {
        if (json is null)
        {
            return [];
        }

        Dictionary<string, string?> values;
        try
        {
            values = JsonSerializer.Deserialize<Dictionary<string, string?>>(json) ?? [];
        }
        catch (JsonException)
        {
            return [("*", "inhoud", Shorten(json))];
        }

        return values
            .Where(v => !publicView || IsPublic(v.Key))
            .Select(v => (v.Key, Column(v.Key), Value(model, table, v.Key, v.Value, organisations, publicView)))
            .ToList();
    }

    private static Type? PropertyType(IModel model, string table, string column)
    {
        var property = model.GetEntityTypes().FirstOrDefault(e => e.GetTableName() == table)?
            .GetProperties().FirstOrDefault(p => p.GetColumnName() == column);
        return property is null ? null : Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
    }

    private static string Shorten(string value) => value.Length <= 160 ? value : value[..157] + "…";

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();
}
