using ResMonitor.Core.Projects;
using C = ResMonitor.Core.Import.ProjectCsv;

namespace ResMonitor.Core.OpenData;

/// <summary>One column of an open-data file, with a Frictionless Table Schema type (string, number, integer, date, boolean).</summary>
public sealed record OpenDataField(string Name, string Type, string Description);

/// <summary>The columns of the published files, described once for the datapackage.json, the page and the docs.</summary>
public static class OpenDataSchema
{
    // Declared before the field lists: static fields are initialised in order.
    private static readonly HashSet<string> Numbers =
        [C.Capacity, C.Latitude, C.Longitude, C.RdX, C.RdY, C.MeasuredYield, C.LocalOwnership];

    private static readonly HashSet<string> Dates =
        [.. C.HistoryPhases.Select(PhaseRules.FieldOf), C.PermitApplied, C.PermitGranted, C.PermitIrrevocable, C.HandedOver, C.SourceDate];

    /// <summary>The project file's columns: exactly the import format (docs/import-format.md), in export order.</summary>
    public static readonly IReadOnlyList<OpenDataField> ProjectFields = C.Columns.Select(ProjectField).ToList();

    public static readonly IReadOnlyList<OpenDataField> MunicipalityFields =
    [
        new("gemeente", "string", "CBS-code van de gemeente, bijvoorbeeld GM0106"),
        new("naam", "string", "naam van de gemeente"),
        new("inwoners", "integer", "aantal inwoners"),
        new("inwoners_peildatum", "date", "peildatum van het aantal inwoners"),
        new("inwoners_bron", "string", "bron van het aantal inwoners"),
        new("gerealiseerd_mwh", "number", "opwek per jaar van gerealiseerde projecten, in MWh"),
        new("vergund_of_in_procedure_mwh", "number", "verwachte opwek per jaar van vergunde projecten en projecten in procedure tot en met in aanbouw, in MWh"),
        new("idee_mwh", "number", "verwachte opwek per jaar van projecten in de ideefase, in MWh"),
        new("gerealiseerd_mw", "number", "vermogen van gerealiseerde projecten, in MW"),
        new("vergund_of_in_procedure_mw", "number", "vermogen van vergunde projecten en projecten in procedure, in MW"),
        new("projecten", "integer", "aantal projecten, ingetrokken projecten niet meegeteld"),
        new("projecten_zonder_opbrengst", "integer", "projecten waarvoor geen opbrengst te bepalen is (geen gemeten opbrengst en geen vollasturen)"),
        new("peildatum", "date", "peildatum van de cijfers"),
        new("bron", "string", "bron van de cijfers en de rekenwijze"),
        new("grens_bron", "string", "bron van de gemeentegrens (alleen in GeoJSON als geometrie)"),
    ];

    private static OpenDataField ProjectField(string column) => new(
        column,
        column == C.YieldYear ? "integer" : column == C.Example ? "boolean" : Numbers.Contains(column) ? "number" : Dates.Contains(column) ? "date" : "string",
        Describe(column));

    private static string Describe(string column) => column switch
    {
        C.Id => "sleutel van het project in het register",
        C.Name => "naam van het project",
        C.Technique => "wind, zon op land of zon op dak",
        C.Municipality => "CBS-code van de gemeente, bijvoorbeeld GM0106",
        C.Capacity => "opgesteld vermogen in MW",
        C.SearchArea => "sleutel van het zoekgebied",
        C.Latitude => "breedtegraad (WGS84)",
        C.Longitude => "lengtegraad (WGS84)",
        C.RdX => "x in RD New (EPSG:28992); leeg in exports, die lat/lon geven",
        C.RdY => "y in RD New (EPSG:28992); leeg in exports, die lat/lon geven",
        C.MeasuredYield => "gemeten opbrengst per jaar",
        C.YieldUnit => "eenheid van de gemeten opbrengst (kWh, MWh of GWh)",
        C.YieldYear => "jaar van de gemeten opbrengst",
        C.Authority => "bevoegd gezag voor de vergunning: gemeente, provincie of Rijk",
        C.CaseNumber => "zaaknummer van de omgevingsvergunning",
        C.PermitApplied => "datum aanvraag omgevingsvergunning",
        C.PermitGranted => "datum verlening omgevingsvergunning",
        C.PermitIrrevocable => "datum waarop de vergunning onherroepelijk werd",
        C.HandedOver => "datum waarop de gemeente de procedure aan de provincie overdroeg",
        C.Owners => "eigenaren",
        C.LocalOwnership => "aandeel lokaal eigendom in procenten (0 tot 100)",
        C.Participation => "proces- en financiële participatie",
        C.Example => "ja bij een verzonnen voorbeeldproject",
        C.Source => "bron van de gegevens",
        C.SourceDate => "peildatum van de bron",
        _ => "datum waarop het project deze fase bereikte",
    };
}
