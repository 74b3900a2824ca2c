using ResMonitor.Core.Projects;
using C = ResMonitor.Core.Import.ProjectCsv;

namespace ResMonitor.Core.Import;

/// <summary>
/// Which column a header means: the format's own names (<see cref="ProjectCsv.Columns"/>) and the headers people
/// write in their own spreadsheets ("Naam project", "Vermogen (MW)", "Datum status"), compared without case, accents,
/// spaces or punctuation. The one list of known variants; the template's headers and the upload page's column choice
/// read it too.
/// </summary>
public static class ImportColumns
{
    /// <summary>The project's current phase as people write it ("Vergund", "In bedrijf"); needs <see cref="StatusDate"/>.</summary>
    public const string Status = "status";

    /// <summary>The date the project reached its <see cref="Status"/>.</summary>
    public const string StatusDate = "datum_status";

    /// <summary>The choice "negeren" on the column-matching step: the column is left out of the import.</summary>
    public const string Ignore = "negeren";

    /// <summary>Every column a file may hold: the format's columns and the status pair.</summary>
    public static readonly string[] Known = [.. C.Columns, Status, StatusDate];

    /// <summary>The Dutch header of each column in the template and in messages ("Naam project" for naam).</summary>
    public static string Label(string column) => column switch
    {
        C.Id => "Project-id",
        C.Name => "Naam project",
        C.Technique => "Techniek",
        C.Municipality => "Gemeente",
        C.Capacity => "Vermogen (MW)",
        Status => "Status",
        StatusDate => "Datum status",
        C.SearchArea => "Zoekgebied",
        C.Latitude => "Breedtegraad (lat)",
        C.Longitude => "Lengtegraad (lon)",
        C.Owners => "Eigenaren",
        C.LocalOwnership => "Lokaal eigendom (%)",
        C.Participation => "Participatie",
        C.Source => "Bron",
        C.SourceDate => "Peildatum bron",
        _ => column,
    };

    /// <summary>Headers people write, per column (the column's own name and its <see cref="Label"/> always count).</summary>
    private static readonly Dictionary<string, string[]> Variants = new(StringComparer.Ordinal)
    {
        [C.Id] = ["id", "projectid", "projectnummer", "projectcode", "kenmerk"],
        [C.Name] = ["naam project", "projectnaam", "project", "naam van het project", "naam initiatief"],
        [C.Technique] = ["techniek", "technologie", "soort", "type", "soort opwek", "type opwek", "opwekking"],
        [C.Municipality] = ["gemeente", "gemeentenaam", "gemeentecode", "cbs-code", "cbs code gemeente"],
        [C.Capacity] = ["vermogen", "vermogen (mw)", "vermogen mw", "vermogen in mw", "mw", "opgesteld vermogen", "opgesteld vermogen (mw)", "capaciteit (mw)", "vermogen (mwp)", "mwp"],
        [Status] = ["status", "fase", "projectstatus", "huidige fase", "stand"],
        [StatusDate] = ["datum", "datum status", "statusdatum", "datum fase", "sinds", "status sinds"],
        [C.Latitude] = ["breedtegraad", "latitude", "lat (wgs84)"],
        [C.Longitude] = ["lengtegraad", "longitude", "lon (wgs84)", "lng"],
        [C.RdX] = ["x", "x-coördinaat", "x (rd)", "rd x"],
        [C.RdY] = ["y", "y-coördinaat", "y (rd)", "rd y"],
        [C.Owners] = ["eigenaar", "eigenaren", "initiatiefnemer", "initiatiefnemers", "ontwikkelaar"],
        [C.LocalOwnership] = ["lokaal eigendom", "lokaal eigendom (%)", "lokaal eigendom %", "percentage lokaal eigendom"],
        [C.Participation] = ["participatie"],
        [C.Source] = ["bron", "bronvermelding", "bron gegevens"],
        [C.SourceDate] = ["peildatum", "peildatum bron", "datum bron"],
        [C.SearchArea] = ["zoekgebied"],
        [C.CaseNumber] = ["zaaknummer", "zaak"],
        [C.Authority] = ["bevoegd gezag"],
    };

    /// <summary>Headers that could mean two columns: refused, naming both, so that a value never lands in the wrong one.</summary>
    private static readonly Dictionary<string, string[]> Ambiguous = new(StringComparer.Ordinal)
    {
        [Key("vergunning")] = [C.PermitApplied, C.PermitGranted],
        [Key("datum vergunning")] = [C.PermitApplied, C.PermitGranted],
        [Key("coördinaten")] = [C.Latitude, C.Longitude],
        [Key("locatie")] = [C.Latitude, C.Longitude],
        [Key("ligging")] = [C.Latitude, C.Longitude],
        [Key("opbrengst")] = [C.MeasuredYield, C.YieldYear],
    };

    private static readonly Dictionary<string, string> ByKey = BuildKeys();

    private static Dictionary<string, string> BuildKeys()
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in Known)
        {
            keys[Key(column)] = column;
            keys[Key(Label(column))] = column;
        }

        foreach (var (column, variants) in Variants)
        {
            foreach (var variant in variants)
            {
                keys[Key(variant)] = column;
            }
        }

        return keys;
    }

    /// <summary>What a header is: one column, two possible columns, or not known (both null).</summary>
    public readonly record struct Match(string? Column, string[]? Candidates);

    public static Match Recognise(string header)
    {
        var key = Key(header);
        if (Ambiguous.TryGetValue(key, out var candidates))
        {
            return new(null, candidates);
        }

        return ByKey.TryGetValue(key, out var column) ? new(column, null) : new(null, null);
    }

    /// <summary>A header's key: the slug without its hyphens, lower case, without accents, spaces or punctuation ("Vermogen (MW)" → "vermogenmw").</summary>
    public static string Key(string text) => Slug.From(text).Replace("-", "", StringComparison.Ordinal);

    /// <summary>The allowed columns for a message: the format's names, then the Dutch headers that are recognised too.</summary>
    public static string AllowedList() =>
        string.Join(", ", Known) + ". Ook herkend: " +
        string.Join(", ", Known.Select(Label).Where(l => !Known.Contains(l)).Distinct()) + ".";

    /// <summary>The status words people write, to the phase they mean ("In bedrijf" is realised).</summary>
    private static readonly Dictionary<string, Phase> StatusWords = BuildStatusWords();

    private static Dictionary<string, Phase> BuildStatusWords()
    {
        var words = new Dictionary<string, Phase>(StringComparer.Ordinal);
        foreach (var phase in Enum.GetValues<Phase>())
        {
            words[Key(Labels.Phase(phase))] = phase;
            words[Key(Labels.PhaseKey(phase))] = phase;
        }

        foreach (var (word, phase) in new (string, Phase)[]
                 {
                     ("initiatief", Phase.Idea), ("verkenning", Phase.Idea), ("in voorbereiding", Phase.Idea),
                     ("vergunning aangevraagd", Phase.InProcedure), ("aangevraagd", Phase.InProcedure), ("in behandeling", Phase.InProcedure),
                     ("vergunning verleend", Phase.Permitted), ("verleend", Phase.Permitted),
                     ("vergunning onherroepelijk", Phase.Irrevocable),
                     ("sde", Phase.Subsidy), ("sde beschikking", Phase.Subsidy), ("sde+", Phase.Subsidy), ("sde++", Phase.Subsidy), ("subsidie", Phase.Subsidy),
                     ("in uitvoering", Phase.UnderConstruction), ("in aanleg", Phase.UnderConstruction), ("bouw", Phase.UnderConstruction),
                     ("in bedrijf", Phase.Realised), ("gebouwd", Phase.Realised), ("operationeel", Phase.Realised), ("gereed", Phase.Realised), ("opgeleverd", Phase.Realised),
                     ("gestopt", Phase.Withdrawn), ("vervallen", Phase.Withdrawn), ("afgeblazen", Phase.Withdrawn),
                 })
        {
            words[Key(word)] = phase;
        }

        return words;
    }

    public static Phase? ParseStatus(string text) => StatusWords.TryGetValue(Key(text), out var phase) ? phase : null;

    /// <summary>The statuses a message and the template's drop-down offer.</summary>
    public static readonly string[] StatusNames =
    [
        "Idee", "In procedure", "Vergund", "Onherroepelijk", "SDE-beschikking", "In aanbouw", "Gerealiseerd", "In bedrijf", "Ingetrokken",
    ];

    private static readonly Dictionary<string, Energy.Technique> TechniqueWords = new(StringComparer.Ordinal)
    {
        [Key("zon")] = Energy.Technique.SolarOnLand,
        [Key("zonnepark")] = Energy.Technique.SolarOnLand,
        [Key("zonneveld")] = Energy.Technique.SolarOnLand,
        [Key("zon op veld")] = Energy.Technique.SolarOnLand,
        [Key("zon pv veld")] = Energy.Technique.SolarOnLand,
        [Key("zonnedak")] = Energy.Technique.SolarOnRoof,
        [Key("zon dak")] = Energy.Technique.SolarOnRoof,
        [Key("zonnepanelen op dak")] = Energy.Technique.SolarOnRoof,
        [Key("windpark")] = Energy.Technique.Wind,
        [Key("windturbine")] = Energy.Technique.Wind,
        [Key("windturbines")] = Energy.Technique.Wind,
        [Key("windmolen")] = Energy.Technique.Wind,
        [Key("windenergie")] = Energy.Technique.Wind,
    };

    /// <summary>
    /// A technique as people write it: the register's names ("zon op land") and the short words of a spreadsheet
    /// ("Zon" and "Zonnepark" are solar on land, "Zonnedak" solar on a roof, "Windpark" wind).
    /// </summary>
    public static Energy.Technique? ParseTechnique(string text) =>
        Labels.ParseTechnique(text) ?? (TechniqueWords.TryGetValue(Key(text), out var technique) ? technique : null);

    /// <summary>The techniques as the template's drop-down offers them.</summary>
    public static readonly string[] TechniqueNames = ["Wind", "Zon op land", "Zon op dak"];
}
