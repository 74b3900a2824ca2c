using ResMonitor.Core.Projects;

namespace ResMonitor.Core.Import;

/// <summary>The columns of the one project file format, shared by import and export (docs/import-format.md).</summary>
public static class ProjectCsv
{
    public const string Id = "project_id";
    public const string Name = "naam";
    public const string Technique = "techniek";
    public const string Municipality = "gemeente";
    public const string Capacity = "vermogen_mw";
    public const string SearchArea = "zoekgebied";
    public const string Latitude = "lat";
    public const string Longitude = "lon";
    public const string RdX = "rd_x";
    public const string RdY = "rd_y";
    public const string MeasuredYield = "gemeten_opbrengst";
    public const string YieldUnit = "opbrengst_eenheid";
    public const string YieldYear = "opbrengst_jaar";
    public const string Authority = "bevoegd_gezag";
    public const string CaseNumber = "zaaknummer";
    public const string PermitApplied = "vergunning_aangevraagd";
    public const string PermitGranted = "vergunning_verleend";
    public const string PermitIrrevocable = "vergunning_onherroepelijk";
    public const string HandedOver = "overgedragen_aan_provincie";
    public const string Owners = "eigenaren";
    public const string LocalOwnership = "lokaal_eigendom_pct";
    public const string Participation = "participatie";
    public const string Example = "voorbeeld";
    public const string Source = "bron";
    public const string SourceDate = "peildatum";

    public static readonly string[] Required = [Id, Name, Technique, Municipality, Capacity];

    public static readonly Phase[] HistoryPhases = Enum.GetValues<Phase>();

    /// <summary>Columns that hold a number: numeric cells in a spreadsheet.</summary>
    public static readonly IReadOnlySet<string> NumberColumns = new HashSet<string>(StringComparer.Ordinal)
    {
        Capacity, Latitude, Longitude, RdX, RdY, MeasuredYield, YieldYear, LocalOwnership,
    };

    /// <summary>Columns that hold a date: date cells in a spreadsheet.</summary>
    public static readonly IReadOnlySet<string> DateColumns = new HashSet<string>(
        [.. HistoryPhases.Select(PhaseRules.FieldOf), PermitApplied, PermitGranted, PermitIrrevocable, HandedOver, SourceDate],
        StringComparer.Ordinal);

    /// <summary>Every column in the order export writes them.</summary>
    public static readonly string[] Columns =
    [
        Id, Name, Technique, Municipality, Capacity, SearchArea, Latitude, Longitude, RdX, RdY,
        MeasuredYield, YieldUnit, YieldYear,
        .. HistoryPhases.Select(PhaseRules.FieldOf),
        Authority, CaseNumber, PermitApplied, PermitGranted, PermitIrrevocable, HandedOver,
        Owners, LocalOwnership, Participation, Example, Source, SourceDate,
    ];
}
