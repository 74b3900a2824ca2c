using System.Text.Json;

namespace ResMonitor.Core.Data.Backup;

/// <summary>manifest.json of a backup: what it is, which schema it belongs to, and per table its rows and checksum.</summary>
public sealed record BackupManifest(
    string Format,
    int FormatVersion,
    DateTimeOffset CreatedAt,
    string SourceProvider,
    IReadOnlyList<BackupMigration> Schema,
    IReadOnlyList<BackupTableEntry> Tables)
{
    public const string FormatName = "resmonitor-backup";
    public const int CurrentVersion = 1;
    public const string FileName = "manifest.json";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}

/// <summary>One applied migration (a row of schema_migrations) as "0001" and "initial".</summary>
public sealed record BackupMigration(string Version, string Name)
{
    public override string ToString() => $"{Version}_{Name}";
}

/// <summary>One table: the file in the archive (JSON lines, one array of values per row), its columns, rows and SHA-256.</summary>
public sealed record BackupTableEntry(string Name, string File, long Rows, string Sha256, IReadOnlyList<BackupColumnEntry> Columns);

public sealed record BackupColumnEntry(string Name, string Type);

/// <summary>What a backup or a restore did: rows per table, in insert order.</summary>
public sealed record BackupSummary(BackupManifest Manifest)
{
    public long TotalRows => Manifest.Tables.Sum(t => t.Rows);

    public long RowsOf(string table) => Manifest.Tables.FirstOrDefault(t => t.Name == table)?.Rows ?? 0;
}

public enum BackupProblem
{
    NotABackup,
    Damaged,
    SchemaMismatch,
    TargetNotEmpty,
}

/// <summary>A backup that cannot be restored here, with a plain Dutch reason. Nothing in the database was changed.</summary>
public sealed class BackupException : Exception
{
    public BackupException()
    {
    }

    public BackupException(string message) : base(message)
    {
    }

    public BackupException(string message, Exception inner) : base(message, inner)
    {
    }

    public BackupException(BackupProblem problem, string message, Exception? inner = null) : base(message, inner) => Problem = problem;

    public BackupProblem Problem { get; }
}
