namespace ResMonitor.Core.Import;

/// <summary>One problem in an import file. Line 0 means the file as a whole; <paramref name="Header"/> marks the header row.</summary>
public sealed record ImportError(int Line, string Column, string Message, bool Header = false)
{
    public override string ToString() => Line == 0
        ? Message
        : Column.Length == 0 ? $"Regel {Line}: {Message}" : $"Regel {Line}, kolom {Column}: {Message}";
}

/// <summary>A project the file adds to the register; <paramref name="Generated"/> when the file gave no id and the import made it.</summary>
public sealed record NewProject(int Line, string ProjectId, string Name, bool Generated = false);

/// <summary>
/// A new row of the file that looks like a project already in the register (<paramref name="Reasons"/>, in Dutch), held
/// back until someone says whether it is a new project or the same one. <paramref name="Key"/> is the row's stable
/// key (the id the import would give it), under which the decision is kept.
/// </summary>
public sealed record PossibleDuplicate(int Line, string Key, string Name, string Municipality, string ExistingId, string ExistingName, IReadOnlyList<string> Reasons);

/// <summary>
/// What was decided about a possible duplicate: a new project (<paramref name="SameAs"/> null) or the same project
/// as the one in the register with that id. Kept per region under the row's key.
/// </summary>
public sealed record DuplicateDecision(string Key, string? SameAs, string DecidedBy, DateTimeOffset DecidedAt);

/// <summary>A header the import did not recognise, for the column-matching step: its text and its position (1-based).</summary>
public sealed record UnknownColumn(int Position, string Header);

/// <summary>One column of a project that the file changes, with the values as the file format spells them ("" for empty).</summary>
public sealed record FieldChange(string Column, string Old, string New);

/// <summary>A project already in the register that the file changes, column by column.</summary>
public sealed record ChangedProject(int Line, string ProjectId, string Name, IReadOnlyList<FieldChange> Fields);

/// <summary>
/// A manual correction (the field's latest change came through the site or the API) that the import left standing:
/// the value in the register, the value in the file, and who corrected it when.
/// </summary>
public sealed record KeptCorrection(
    int Line, string ProjectId, string Name, string Column, string RegisterValue, string FileValue, string CorrectedBy, DateTimeOffset CorrectedAt);

public sealed record ImportReport(string FileName, int Rows, IReadOnlyList<ImportError> Errors, int Imported, bool DryRun)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>The data rows that have at least one error (the header row is not one of them).</summary>
    public int BadRows => Errors.Where(e => e.Line > 0 && !e.Header).Select(e => e.Line).Distinct().Count();

    /// <summary>True when the header row itself is wrong: then no row was read.</summary>
    public bool HeaderFailed => Errors.Any(e => e.Header);

    /// <summary>New rows that look like a project in the register, not imported until decided.</summary>
    public IReadOnlyList<PossibleDuplicate> HeldBack { get; init; } = [];

    /// <summary>New rows with their own new id that resemble a project in the register: imported, and listed.</summary>
    public IReadOnlyList<PossibleDuplicate> Resembling { get; init; } = [];

    /// <summary>Headers the import did not recognise (each also an error), for the column-matching step.</summary>
    public IReadOnlyList<UnknownColumn> UnknownColumns { get; init; } = [];

    /// <summary>Headers of the file read through a matched column (header as in the file → column), for the report.</summary>
    public IReadOnlyDictionary<string, string> AppliedMappings { get; init; } = new Dictionary<string, string>();

    /// <summary>The public source the new and changed projects get when the file has no bron column.</summary>
    public string? DefaultSource { get; init; }

    public IReadOnlyList<NewProject> Added { get; init; } = [];

    public IReadOnlyList<ChangedProject> Changed { get; init; } = [];

    /// <summary>Projects in the file that are in the register exactly as the file has them.</summary>
    public int Unchanged { get; init; }

    public IReadOnlyList<KeptCorrection> KeptCorrections { get; init; } = [];

    /// <summary>Whether the import was told to replace manual corrections.</summary>
    public bool OverwriteCorrections { get; init; }

    /// <summary>Audit entries written (0 for a dry run).</summary>
    public int AuditEntries { get; init; }
}

/// <summary>Import settings; the size limit is checked before a byte is parsed.</summary>
public sealed class ImportOptions
{
    public const long DefaultMaxFileBytes = 50L * 1024 * 1024;

    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    public const int DefaultMaxRows = 100_000;

    /// <summary>
    /// The most data rows (projects) one file may hold. Checked while the file is read, so that a larger file is
    /// refused as soon as the limit is passed and memory stays bounded whatever the file holds.
    /// </summary>
    public int MaxRows { get; set; } = DefaultMaxRows;

    /// <summary>After this many errors the file is not read further: the report lists these and says so.</summary>
    public const int MaxErrors = 1_000;

    /// <summary>
    /// The longest text one cell may hold, as in Excel (32,767 characters); a longer one is refused, so that one
    /// huge cell cannot fill the memory either.
    /// </summary>
    public const int MaxCellCharacters = 32_767;

    /// <summary>Reads the limits from the site's configuration values or the environment (RESMONITOR_IMPORT_MAX_BYTES, RESMONITOR_IMPORT_MAX_ROWS).</summary>
    public static ImportOptions From(string? maxBytes, string? maxRows)
    {
        var options = new ImportOptions();
        if (long.TryParse(maxBytes ?? Environment.GetEnvironmentVariable("RESMONITOR_IMPORT_MAX_BYTES"),
                System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bytes) && bytes > 0)
        {
            options.MaxFileBytes = bytes;
        }

        if (int.TryParse(maxRows ?? Environment.GetEnvironmentVariable("RESMONITOR_IMPORT_MAX_ROWS"),
                System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rows) && rows > 0)
        {
            options.MaxRows = rows;
        }

        return options;
    }

    /// <summary>
    /// The most an XLSX file may hold once unpacked, in all its parts together: a few kilobytes that unpack to
    /// gigabytes (a "zip bomb") are refused before they are read.
    /// </summary>
    public long MaxUnpackedBytes => Math.Max(MaxFileBytes * 10, 64L * 1024 * 1024);
}

/// <summary>What one import is asked to do, beyond the file itself.</summary>
public sealed record ImportRequest(string RegionId, string FileName, bool DryRun)
{
    /// <summary>Replace manual corrections (site or API) with the file's values; otherwise they are kept and listed.</summary>
    public bool OverwriteCorrections { get; init; }

    /// <summary>
    /// For a redacteur: the one municipality (organisation id) whose projects the file may hold; a row of any other
    /// municipality is an error. Null: every municipality of the region.
    /// </summary>
    public int? OnlyMunicipality { get; init; }

    /// <summary>The name of that municipality, for the error message.</summary>
    public string? OnlyMunicipalityName { get; init; }

    /// <summary>
    /// Headers the user matched to a column on the upload page: the header's key (<see cref="ImportColumns.Key"/>) to
    /// a column of <see cref="ImportColumns.Known"/>, or <see cref="ImportColumns.Ignore"/> to leave the column out.
    /// </summary>
    public IReadOnlyDictionary<string, string> ColumnMapping { get; init; } = new Dictionary<string, string>();

    /// <summary>Decisions about possible duplicates, by the row's key; a held-back row without one is not imported.</summary>
    public IReadOnlyDictionary<string, DuplicateDecision> Decisions { get; init; } = new Dictionary<string, DuplicateDecision>();

    /// <summary>
    /// Who imports, as the public may read it ("het werkbureau", "gemeente Assen"): the source a project gets when the
    /// file has no bron column is "Import door {Importer}, {date}", never the file's (internal) name.
    /// </summary>
    public string Importer { get; init; } = "het werkbureau";
}
