using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core;
using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Import;
using ResMonitor.Core.Projects;

namespace ResMonitor.Cli;

/// <summary>
/// The `resmonitor` command (except `serve`, which the web host runs). Exit codes: 0 success, 1 failure,
/// 2 bad usage. Every message is plain Dutch; nothing is printed that only a developer understands.
/// </summary>
public sealed class CliApp(TextWriter output, TextWriter error, TimeProvider clock)
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadUsage = 2;

    /// <summary>Where `user add` reads a password when RESMONITOR_PASSWORD is not set.</summary>
    public TextReader Input { get; init; } = Console.In;

    /// <summary>Environment lookup for the password variable (replaceable in tests).</summary>
    public Func<string, string?> Variables { get; init; } = Environment.GetEnvironmentVariable;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public const string Help = """
        resmonitor: het register en de monitor van een RES-regio.

        Gebruik: resmonitor [--database DB] OPDRACHT [opties]

        Opdrachten:
          serve [--urls URL]                 start de monitor (standaard http://127.0.0.1:5080)
          migrate                            maak of werk het databaseschema bij
          seed [--without-examples] [--region-folder MAP]
                                             laad de referentiegegevens (standaard Drenthe);
                                             --without-examples: alleen echte gegevens, voorbeelden eruit
          status [--json] [--region ID]
                                             het overzicht tegen het doel, als tabel of JSON
          import projects BESTAND [--dry-run] [--overwrite-corrections] [--region ID]
                                             lees projecten in, CSV of XLSX (formaat: docs/import-format.md);
                                             nieuwe projecten worden toegevoegd, bestaande bijgewerkt;
                                             --dry-run: alleen het rapport, niets opslaan;
                                             --overwrite-corrections: ook velden die met de hand
                                             zijn gecorrigeerd (site of API) overschrijven
          export projects --format csv|xlsx|json|geojson [--output BESTAND] [--region ID]
                                             schrijf alle projecten (zonder --output naar het scherm)
          forecast [--json] [--runs N] [--seed N] [--region ID]
                                             de prognose: kans dat het doel wordt gehaald, P10/P50/P90
          plan-failure add (--project ID | --search-area ID) --kind geen|gedeeltelijk|vertraagd
                  --date JJJJ-MM-DD --reason REDEN --explanation TEKST [--percent N] [--expected JJJJ-MM-DD]
                                             leg planuitval vast (reden: draagvlak, ruimte, netcapaciteit,
                                             financiering, vergunning, techniek of anders)
          plan-failure list                  de vastgelegde planuitval
          escalation remind [--days N] [--date JJJJ-MM-DD]
                                             leg herinneringen vast voor stappen in de opschaalprocedure
                                             waarvan de deadline binnen N dagen valt (standaard 7);
                                             eenmaal per stap, dus veilig om vaak te draaien (cron)
          backup BESTAND                     bewaar de hele database in één bestand (SQLite en PostgreSQL)
          restore BESTAND [--force]          zet een back-up terug; --force: vervang een niet-lege database
          user add E-MAIL --role beheerder|redacteur|lezer [--organisation CODE] [--name NAAM]
                                             maak een gebruiker; het wachtwoord (minstens 12 tekens)
                                             komt uit RESMONITOR_PASSWORD of standaardinvoer;
                                             een redacteur hoort bij één organisatie (code, bv. GM0106)
          user list                          toon de gebruikers met rol en organisatie
          help                               deze tekst

        Database: --database of de omgevingsvariabele RESMONITOR_DATABASE, als sqlite:PAD of
        postgres:Host=...;Database=...;Username=...;Password=... (standaard sqlite:data/resmonitor.db).

        Uitkomst: 0 gelukt, 1 mislukt, 2 verkeerd gebruik.
        """;

    public async Task<int> RunAsync(string[] args, CancellationToken ct = default)
    {
        try
        {
            var line = CommandLine.Parse(args);
            if (line.Words.Count == 0 || line.Words[0] is "help" or "-h" || line.Flag("--help"))
            {
                await output.WriteLineAsync(Help);
                return line.Words.Count == 0 && !line.Flag("--help") ? BadUsage : Success;
            }

            DatabaseSetting setting;
            try
            {
                setting = DatabaseSetting.FromEnvironment(line.Value("--database"));
            }
            catch (FormatException e)
            {
                throw new UsageException(e.Message);
            }

            return line.Words[0] switch
            {
                "migrate" => await MigrateAsync(line, setting, ct),
                "seed" => await SeedAsync(line, setting, ct),
                "status" => await StatusAsync(line, setting, ct),
                "import" => await ImportAsync(line, setting, ct),
                "export" => await ExportAsync(line, setting, ct),
                "forecast" => await ForecastAsync(line, setting, ct),
                "plan-failure" => await PlanFailureAsync(line, setting, ct),
                "escalation" => await EscalationAsync(line, setting, ct),
                "backup" => await new BackupCommands(output, error, clock).BackupAsync(line, setting, ct),
                "restore" => await new BackupCommands(output, error, clock).RestoreAsync(line, setting, ct),
                "user" => await new UserCommand(output, error, Input, Variables, clock).RunAsync(line, setting, EnsureSchemaAsync, ct),
                var other => throw new UsageException($"Onbekende opdracht '{other}'. 'resmonitor help' toont de opdrachten."),
            };
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync(e.Message);
            await error.WriteLineAsync("Zie 'resmonitor help'.");
            return BadUsage;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException or InvalidDataException
                                      or UnauthorizedAccessException or Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException
                                      or JsonException or DbUpdateException)
        {
            // A failed save says only "see the inner exception": the database's own words are the useful part.
            await error.WriteLineAsync($"Mislukt: {(e is DbUpdateException ? e.GetBaseException().Message : e.Message)}");
            return Failure;
        }
    }

    /// <summary>Opens the database, creating the SQLite folder when needed.</summary>
    public static ResMonitorDbContext Open(DatabaseSetting setting, TimeProvider? clock = null)
    {
        if (setting.SqlitePath is { } path && Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var db = setting.CreateContext(clock);
        db.Actor = new Core.Audit.AuditActor($"opdrachtregel ({Environment.UserName})", "cli");
        return db;
    }

    private async Task<int> MigrateAsync(CommandLine line, DatabaseSetting setting, CancellationToken ct)
    {
        Expect(line, 1);
        line.Allow();
        await using var db = Open(setting, clock);
        var result = await Migrator.MigrateAsync(db, ct);
        await output.WriteLineAsync(result.Applied.Count == 0
            ? $"{setting}: het schema is al bij ({result.AlreadyApplied.Count} migraties)."
            : $"{setting}: {result.Applied.Count} migratie(s) toegepast: {string.Join(", ", result.Applied)}.");
        return Success;
    }

    private async Task<int> SeedAsync(CommandLine line, DatabaseSetting setting, CancellationToken ct)
    {
        Expect(line, 1);
        line.Allow("--without-examples", "--region-folder");
        await using var db = Open(setting, clock);
        await Migrator.MigrateAsync(db, ct);
        var result = await new ReferenceData(db, clock).SeedAsync(line.Value("--region-folder"), !line.Flag("--without-examples"), ct);
        await output.WriteLineAsync(
            $"Regio '{result.RegionId}' geladen: {result.Organisations} partners, {result.Targets} doelen, {result.FullLoadHours} vollasturen.");
        if (result.ExamplesAdded > 0)
        {
            await output.WriteLineAsync($"{result.ExamplesAdded} voorbeeldprojecten toegevoegd (verzonnen, overal als voorbeeld gemarkeerd).");
        }

        if (result.ExamplesRemoved > 0)
        {
            await output.WriteLineAsync($"{result.ExamplesRemoved} voorbeeldprojecten verwijderd.");
        }

        return Success;
    }

    private async Task<int> StatusAsync(CommandLine line, DatabaseSetting setting, CancellationToken ct)
    {
        Expect(line, 1);
        line.Allow("--json", "--region");
        var regionId = line.Value("--region") ?? ReferenceData.DefaultRegion;

        await using var db = Open(setting, clock);
        await EnsureSchemaAsync(db, ct);
        var state = await Core.History.RegisterAsOf.LoadTodayAsync(db, DateOnly.FromDateTime(clock.GetLocalNow().Date), clock.LocalTimeZone, ct);
        if (Core.Register.RegisterFigures.Summary(state, regionId) is not { } summary)
        {
            await error.WriteLineAsync($"De regio '{regionId}' staat niet in het register. Laad haar met 'resmonitor seed'.");
            return Failure;
        }

        if (line.Flag("--json"))
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(summary, Json));
        }
        else
        {
            await output.WriteAsync(StatusTable.Render(summary));
        }

        return Success;
    }

    private async Task<int> ForecastAsync(CommandLine line, DatabaseSetting setting, CancellationToken ct)
    {
        Expect(line, 1);
        line.Allow("--json", "--runs", "--seed", "--region");
        var regionId = line.Value("--region") ?? ReferenceData.DefaultRegion;
        var runs = Core.Register.RegisterFigures.DefaultForecastRuns;
        if (line.Value("--runs") is { } runsText &&
            (!int.TryParse(runsText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out runs) || runs is < 100 or > 100_000))
        {
            throw new UsageException($"--runs moet een geheel getal van 100 tot en met 100.000 zijn, niet '{runsText}'.");
        }

        var seed = Core.Register.RegisterFigures.DefaultForecastSeed;
        if (line.Value("--seed") is { } seedText &&
            !ulong.TryParse(seedText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out seed))
        {
            throw new UsageException($"--seed moet een geheel getal van 0 of meer zijn, niet '{seedText}'.");
        }

        await using var db = Open(setting, clock);
        await EnsureSchemaAsync(db, ct);
        var state = await Core.History.RegisterAsOf.LoadTodayAsync(db, DateOnly.FromDateTime(clock.GetLocalNow().Date), clock.LocalTimeZone, ct);
        var forecast = Core.Register.RegisterFigures.Forecast(state, regionId, new Core.Forecast.ForecastSettings(runs, seed));
        if (forecast is null)
        {
            await error.WriteLineAsync($"De regio '{regionId}' staat niet in het register of heeft geen doel. Laad haar met 'resmonitor seed'.");
            return Failure;
        }

        await output.WriteAsync(line.Flag("--json")
            ? JsonSerializer.Serialize(forecast, ForecastJson) + Environment.NewLine
            : ForecastText.Render(forecast));
        return Success;
    }

    private async Task<int> PlanFailureAsync(CommandLine line, DatabaseSetting setting, CancellationToken ct)
    {
        await using var db = Open(setting, clock);
        await EnsureSchemaAsync(db, ct);
        return await new PlanFailureCommands(output, error, clock).RunAsync(line, db, ct);
    }

    private async Task<int> EscalationAsync(CommandLine line, DatabaseSetting setting, CancellationToken ct)
    {
        await using var db = Open(setting, clock);
        await EnsureSchemaAsync(db, ct);
        return await new EscalationCommands(output, clock).RunAsync(line, db, ct);
    }

    private static readonly JsonSerializerOptions ForecastJson = new(Json) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private async Task<int> ImportAsync(CommandLine line, DatabaseSetting setting, CancellationToken ct)
    {
        const string usage = "Gebruik: resmonitor import projects BESTAND [--dry-run] [--overwrite-corrections].";
        if (line.Words.Count < 2 || line.Words[1] != "projects")
        {
            throw new UsageException(usage);
        }

        Expect(line, 3, usage);
        line.Allow("--dry-run", "--region", "--overwrite-corrections");
        var dryRun = line.Flag("--dry-run");
        await using var db = Open(setting, clock);
        await EnsureSchemaAsync(db, ct);
        var importer = new ProjectImporter(db, ImportSettings(), clock);
        var path = line.Words[2];
        var request = new ImportRequest(line.Value("--region") ?? ReferenceData.DefaultRegion, Path.GetFileName(path), dryRun)
        {
            OverwriteCorrections = line.Flag("--overwrite-corrections"),
        };
        var report = await importer.ImportFileAsync(request, path, ct);
        if (!report.Succeeded)
        {
            await error.WriteLineAsync(report.BadRows > 0
                ? $"{report.FileName}: {report.BadRows} van {report.Rows} regels kloppen niet. Er is niets opgeslagen."
                : $"{report.FileName}: niet ingelezen. Er is niets opgeslagen.");
            foreach (var problem in report.Errors)
            {
                await error.WriteLineAsync("  " + problem);
            }

            return Failure;
        }

        await output.WriteAsync(ImportText.Render(report));
        return Success;
    }

    private async Task<int> ExportAsync(CommandLine line, DatabaseSetting setting, CancellationToken ct)
    {
        if (line.Words.Count != 2 || line.Words[1] != "projects")
        {
            throw new UsageException("Gebruik: resmonitor export projects --format csv|xlsx|json|geojson [--output BESTAND].");
        }

        line.Allow("--format", "--output", "--region");
        var format = line.Value("--format")?.ToLowerInvariant() switch
        {
            "csv" => ExportFormat.Csv,
            "xlsx" => ExportFormat.Xlsx,
            "json" => ExportFormat.Json,
            "geojson" => ExportFormat.GeoJson,
            null => throw new UsageException("Kies een formaat met --format csv, xlsx, json of geojson."),
            var other => throw new UsageException($"Onbekend formaat '{other}': kies csv, xlsx, json of geojson."),
        };
        if (format == ExportFormat.Xlsx && line.Value("--output") is null)
        {
            throw new UsageException("Een XLSX-bestand gaat niet naar het scherm: geef --output BESTAND.xlsx.");
        }
        await using var db = Open(setting, clock);
        await EnsureSchemaAsync(db, ct);
        var regionId = line.Value("--region") ?? ReferenceData.DefaultRegion;
        if (!await db.Regions.AnyAsync(r => r.Id == regionId, ct))
        {
            await error.WriteLineAsync($"De regio '{regionId}' staat niet in het register.");
            return Failure;
        }

        var path = line.Value("--output");
        var temporary = path is null ? null : path + ".part";
        await using (var stream = temporary is null ? Console.OpenStandardOutput() : File.Create(temporary))
        {
            await new ProjectExport(db).WriteAsync(regionId, format, stream, ct);
        }

        if (path is not null)
        {
            // Written to a side file first, so that a failed export never leaves half a file under the real name.
            File.Move(temporary!, path, overwrite: true);
            await output.WriteLineAsync($"Projecten geschreven naar {path}.");
        }

        return Success;
    }

    private static async Task EnsureSchemaAsync(ResMonitorDbContext db, CancellationToken ct)
    {
        var pending = await Migrator.PendingAsync(db, ct);
        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"de database mist {pending.Count} migratie(s) ({string.Join(", ", pending)}). Voer eerst 'resmonitor migrate' uit.");
        }
    }

    private static ImportOptions ImportSettings()
    {
        var options = new ImportOptions();
        if (Environment.GetEnvironmentVariable("RESMONITOR_IMPORT_MAX_BYTES") is { } text && long.TryParse(text, out var max) && max > 0)
        {
            options.MaxFileBytes = max;
        }

        return options;
    }

    private static void Expect(CommandLine line, int words, string? usage = null)
    {
        if (line.Words.Count != words)
        {
            throw new UsageException(usage ?? $"'{line.Words[0]}' verwacht geen verdere woorden; zie 'resmonitor help'.");
        }
    }
}
