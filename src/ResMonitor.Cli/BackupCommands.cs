using System.CommandLine;
using ResMonitor.Core;
using ResMonitor.Core.Data;
using ResMonitor.Core.Data.Backup;

namespace ResMonitor.Cli;

/// <summary>`resmonitor backup BESTAND` and `resmonitor restore BESTAND [--force]` (docs/backup.md).</summary>
public sealed class BackupCommands(TextWriter output, TextWriter error, TimeProvider clock)
{
    private const string BackupUsage = "Gebruik: resmonitor backup BESTAND.";
    private const string RestoreUsage = "Gebruik: resmonitor restore BESTAND [--force].";

    internal Command BuildBackup(Func<ParseResult, DatabaseSetting> setting)
    {
        var file = new Argument<string>("BESTAND") { Description = "het back-upbestand" };
        var command = CommandTree.Create("backup", "bewaar de hele database in één bestand (SQLite en PostgreSQL)", BackupUsage, file);
        command.SetAction((parse, ct) => BackupAsync(setting(parse), parse.GetValue(file)!, ct));
        return command;
    }

    internal Command BuildRestore(Func<ParseResult, DatabaseSetting> setting)
    {
        var file = new Argument<string>("BESTAND") { Description = "het back-upbestand" };
        var force = CommandTree.Flag("--force", "vervang een niet-lege database");
        var command = CommandTree.Create("restore", "zet een back-up terug", RestoreUsage, file, force);
        command.SetAction((parse, ct) => RestoreAsync(setting(parse), parse.GetValue(file)!, parse.GetValue(force), ct));
        return command;
    }

    public async Task<int> BackupAsync(DatabaseSetting setting, string path, CancellationToken ct)
    {
        if (setting.SqlitePath is { } databaseFile && !File.Exists(databaseFile))
        {
            await error.WriteLineAsync($"De database {databaseFile} bestaat niet; er is niets om te bewaren.");
            return CliApp.Failure;
        }

        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder && !Directory.Exists(folder))
        {
            await error.WriteLineAsync($"De map {folder} bestaat niet; maak haar eerst aan of kies een andere plek voor de back-up.");
            return CliApp.Failure;
        }

        await using var db = CliApp.Open(setting, clock);
        var pending = await Migrator.PendingAsync(db, ct);
        if (pending.Count > 0)
        {
            await error.WriteLineAsync(
                $"De database mist {pending.Count} migratie(s) ({string.Join(", ", pending)}). Voer eerst 'resmonitor migrate' uit en maak dan de back-up.");
            return CliApp.Failure;
        }

        var summary = await DatabaseBackup.CreateAsync(db, path, clock, ct);
        await output.WriteLineAsync($"Back-up van {setting} geschreven naar {path}: {Describe(summary)}.");
        return CliApp.Success;
    }

    public async Task<int> RestoreAsync(DatabaseSetting setting, string path, bool force, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"Het bestand {path} bestaat niet. Er is niets veranderd.");
            return CliApp.Failure;
        }

        await using var db = CliApp.Open(setting, clock);
        try
        {
            var summary = await DatabaseBackup.RestoreAsync(db, path, force, ct);
            var created = summary.Manifest.CreatedAt.ToUniversalTime();
            await output.WriteLineAsync(
                $"{setting} hersteld uit {path} (back-up van {DutchFormat.Date(DateOnly.FromDateTime(created.UtcDateTime))} " +
                $"om {created.ToString("HH:mm", DutchFormat.Culture)} UTC): {Describe(summary)}.");
            return CliApp.Success;
        }
        catch (BackupException e)
        {
            await error.WriteLineAsync($"Niet hersteld: {e.Message}");
            return CliApp.Failure;
        }
    }

    private static string Describe(BackupSummary summary)
    {
        var projects = summary.RowsOf("projects");
        return $"{projects.ToString("N0", DutchFormat.Culture)} project{(projects == 1 ? "" : "en")}, " +
               $"{summary.TotalRows.ToString("N0", DutchFormat.Culture)} rijen in {summary.Manifest.Tables.Count} tabellen, " +
               $"schema {(summary.Manifest.Schema.Count == 0 ? "leeg" : summary.Manifest.Schema[^1].ToString())}";
    }
}
