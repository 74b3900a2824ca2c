namespace ResMonitor.Core.Import;

/// <summary>One problem in an import file. Line 0 means the file as a whole.</summary>
public sealed record ImportError(int Line, string Column, string Message)
{
    public override string ToString() => Line == 0
        ? Message
        : Column.Length == 0 ? $"Regel {Line}: {Message}" : $"Regel {Line}, kolom {Column}: {Message}";
}

public sealed record ImportReport(string FileName, int Rows, IReadOnlyList<ImportError> Errors, int Imported, bool DryRun)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>The rows that have at least one error.</summary>
    public int BadRows => Errors.Where(e => e.Line > 0).Select(e => e.Line).Distinct().Count();
}

/// <summary>Import settings; the size limit is checked before a byte is parsed.</summary>
public sealed class ImportOptions
{
    public const long DefaultMaxFileBytes = 50L * 1024 * 1024;

    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;
}
