using System.CommandLine;
using System.CommandLine.Help;
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
          seed [--examples | --without-examples] [--skip-projects] [--region-folder MAP]
                                             laad de referentiegegevens en de echte projecten
                                             (standaard Drenthe), zonder voorbeelden;
                                             --examples: ook de verzonnen voorbeeldprojecten
                                             (een demonstratie, overal als voorbeeld gemarkeerd);
                                             --without-examples: voorbeelden eruit;
                                             --skip-projects: de echte projecten niet laden
          seed --national | --regions ES01,ES03 [--national-folder MAP]
                                             ook alle 30 RES-regio's (of de gekozen) met hun
                                             gemeenten, grenzen en RES 1.0-bod met bron
          status [--json] [--region ID]
                                             het overzicht tegen het doel, als tabel of JSON
          import projects BESTAND [--dry-run] [--overwrite-corrections] [--max-rows N] [--region ID]
                                             lees projecten in, CSV of XLSX (formaat: docs/import-format.md);
                                             nieuwe projecten worden toegevoegd, bestaande bijgewerkt;
                                             --dry-run: alleen het rapport, niets opslaan;
                                             --overwrite-corrections: ook velden die met de hand
                                             zijn gecorrigeerd (site of API) overschrijven;
                                             --max-rows N: hoogstens N projecten per bestand
                                             (standaard 100.000)
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
          help [OPDRACHT]                    deze tekst, of de hulp bij één opdracht (ook: OPDRACHT --help)
          --version                          de versie van resmonitor

        Database: --database of de omgevingsvariabele RESMONITOR_DATABASE, als sqlite:PAD of
        postgres:Host=...;Database=...;Username=...;Password=... (standaard sqlite:data/resmonitor.db).

        Uitkomst: 0 gelukt, 1 mislukt, 2 verkeerd gebruik.
        """;

    private readonly Option<string> _database = new("--database") { HelpName = "DB", Recursive = true, Description = "de database" };

    /// <summary>
    /// True when the words ask for the web host (`serve`, or no command at all as the test host starts it) rather
    /// than a command; options the web host understands (such as --urls or --environment) are not the CLI's business.
    /// </summary>
    public static bool WantsServer(IReadOnlyList<string> args)
    {
        // Options that take a value: every such option of the command tree, and those of the web host.
        var tree = new CliApp(TextWriter.Null, TextWriter.Null, TimeProvider.System).BuildTree();
        var valued = new HashSet<string>(["--urls", "--environment", "--contentRoot", "--applicationName"], StringComparer.Ordinal);
        foreach (var command in Descendants(tree))
        {
            foreach (var option in command.Options.Where(o => o.Arity.MaximumNumberOfValues > 0))
            {
                valued.Add(option.Name);
            }
        }

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h" or "-?" or "--version")
            {
                return false;
            }

            if (arg.StartsWith('-'))
            {
                i += valued.Contains(arg) ? 1 : 0;
                continue;
            }

            return arg == "serve";
        }

        return true;
    }

    private static IEnumerable<Command> Descendants(Command command) => command.Subcommands.SelectMany(Descendants).Prepend(command);

    public async Task<int> RunAsync(string[] args, CancellationToken ct = default)
    {
        try
        {
            var root = BuildTree();
            var parse = root.Parse(args);
            if (parse.CommandResult.Command == root && root.Options.OfType<VersionOption>().Any(v => parse.GetResult(v) is not null))
            {
                // The library refuses --version next to any other option; --database before it is harmless.
                var assembly = System.Reflection.Assembly.GetEntryAssembly() ?? typeof(CliApp).Assembly;
                await output.WriteLineAsync(
                    (System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(assembly)?.InformationalVersion)
                    ?? assembly.GetName().Version?.ToString() ?? "onbekend");
                return Success;
            }

            if (parse.Errors.Count > 0 && parse.Action is not CommandTree.DutchHelp)
            {
                throw new UsageException(CommandTree.Explain(parse));
            }

            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, ct);
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

    private RootCommand BuildTree()
    {
        var root = new RootCommand("resmonitor: het register en de monitor van een RES-regio.");
        root.Options.Add(_database);
        foreach (var option in root.Options)
        {
            if (option is HelpOption helpOption)
            {
                helpOption.Action = new CommandTree.DutchHelp(Help);
            }
        }

        root.SetAction(async (_, _) =>
        {
            // No command: the overview, and "bad usage" so that a script that forgot its words notices.
            await output.WriteLineAsync(Help);
            return BadUsage;
        });

        var region = () => CommandTree.StringOption("--region", "ID", "de regio (standaard " + ReferenceData.DefaultRegion + ")");
        var json = () => CommandTree.Flag("--json", "als JSON");

        var help = CommandTree.Create("help", "toon de opdrachten", "Gebruik: resmonitor help [OPDRACHT].");
        var helpTopic = new Argument<string[]>("OPDRACHT") { Arity = ArgumentArity.ZeroOrMore, Description = "de opdracht waarover u hulp wilt" };
        help.Arguments.Add(helpTopic);
        help.SetAction(async (parse, _) =>
        {
            var words = parse.GetValue(helpTopic) ?? [];
            Command command = root;
            foreach (var word in words)
            {
                command = command.Subcommands.FirstOrDefault(c => c.Name == word)
                          ?? throw new UsageException($"Onbekende opdracht '{string.Join(' ', words)}'. 'resmonitor help' toont de opdrachten.");
            }

            if (ReferenceEquals(command, root))
            {
                await output.WriteLineAsync(Help);
            }
            else
            {
                CommandTree.DutchHelp.Write(command, output);
            }

            return Success;
        });
        root.Subcommands.Add(help);

        var serve = CommandTree.Create("serve", "start de monitor (standaard http://127.0.0.1:5080)", "Gebruik: resmonitor serve [--urls URL].",
            CommandTree.StringOption("--urls", "URL", "het adres van de monitor"));
        serve.SetAction((_, _) => throw new UsageException("'serve' start de monitor via het programma resmonitor, niet via deze opdrachtregel."));
        root.Subcommands.Add(serve);

        var migrate = CommandTree.Create("migrate", "maak of werk het databaseschema bij", "Gebruik: resmonitor migrate.");
        migrate.SetAction((parse, ct) => MigrateAsync(Setting(parse), ct));
        root.Subcommands.Add(migrate);

        var examples = CommandTree.Flag("--examples", "ook de verzonnen voorbeeldprojecten, voor een demonstratie");
        var withoutExamples = CommandTree.Flag("--without-examples", "alleen echte gegevens, voorbeelden eruit");
        var skipProjects = CommandTree.Flag("--skip-projects", "de echte projecten van de regio niet laden");
        var regionFolder = CommandTree.StringOption("--region-folder", "MAP", "de map met de gegevens van een regio (standaard Drenthe)");
        var national = CommandTree.Flag("--national", "ook alle 30 RES-regio's met hun gemeenten, grenzen en bod (landelijk)");
        var regionCodes = CommandTree.StringOption("--regions", "CODES", "alleen deze RES-regio's, bijvoorbeeld ES01,ES03 (CBS-codes)");
        var nationalFolder = CommandTree.StringOption("--national-folder", "MAP", "de map met de landelijke gegevens (standaard de meegeleverde)");
        var seed = CommandTree.Create("seed", "laad de referentiegegevens en de echte projecten",
            "Gebruik: resmonitor seed [--examples | --without-examples] [--skip-projects] [--region-folder MAP] [--national | --regions ES01,ES03] [--national-folder MAP].",
            examples, withoutExamples, skipProjects, regionFolder, national, regionCodes, nationalFolder);
        seed.SetAction((parse, ct) =>
        {
            if (parse.GetValue(examples) && parse.GetValue(withoutExamples))
            {
                throw new UsageException("--examples en --without-examples gaan niet samen: kies er één.");
            }

            var mode = parse.GetValue(examples) ? ExampleSeeding.Add : parse.GetValue(withoutExamples) ? ExampleSeeding.Remove : ExampleSeeding.Keep;
            var codes = parse.GetValue(regionCodes) is { } list
                ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToUpperInvariant()).ToList()
                : null;
            if (parse.GetValue(national) && codes is not null)
            {
                throw new UsageException("--national en --regions gaan niet samen: --national laadt alle 30 regio's, --regions alleen de genoemde.");
            }

            if (codes is { Count: 0 })
            {
                throw new UsageException("--regions vraagt om een of meer CBS-codes van RES-regio's, bijvoorbeeld --regions ES01,ES03.");
            }

            var nationalSeed = parse.GetValue(national) || codes is not null || parse.GetValue(nationalFolder) is not null
                ? new NationalSelection(parse.GetValue(nationalFolder), codes)
                : null;
            return SeedAsync(Setting(parse), parse.GetValue(regionFolder), new SeedOptions(mode, !parse.GetValue(skipProjects)), ct, nationalSeed);
        });
        root.Subcommands.Add(seed);

        var statusJson = json();
        var statusRegion = region();
        var status = CommandTree.Create("status", "het overzicht tegen het doel, als tabel of JSON", "Gebruik: resmonitor status [--json] [--region ID].",
            statusJson, statusRegion);
        status.SetAction((parse, ct) => StatusAsync(Setting(parse), parse.GetValue(statusRegion), parse.GetValue(statusJson), ct));
        root.Subcommands.Add(status);

        const string importUsage = "Gebruik: resmonitor import projects BESTAND [--dry-run] [--overwrite-corrections] [--max-rows N] [--region ID].";
        var importFile = new Argument<string>("BESTAND") { Description = "CSV- of XLSX-bestand (formaat: docs/import-format.md)" };
        var dryRun = CommandTree.Flag("--dry-run", "alleen het rapport, niets opslaan");
        var overwrite = CommandTree.Flag("--overwrite-corrections", "ook velden overschrijven die met de hand zijn gecorrigeerd");
        var maxRows = CommandTree.StringOption("--max-rows", "N", "hoogstens N projecten per bestand (standaard 100.000; ook RESMONITOR_IMPORT_MAX_ROWS)");
        var importRegion = region();
        var importProjects = CommandTree.Create("projects", "lees projecten in; nieuwe worden toegevoegd, bestaande bijgewerkt", importUsage,
            importFile, dryRun, overwrite, maxRows, importRegion);
        importProjects.SetAction((parse, ct) => ImportAsync(Setting(parse), parse.GetValue(importFile)!, parse.GetValue(importRegion),
            parse.GetValue(dryRun), parse.GetValue(overwrite), parse.GetValue(maxRows), ct));
        const string templateUsage = "Gebruik: resmonitor import template --output BESTAND.xlsx [--region ID].";
        var templateFile = CommandTree.StringOption("--output", "BESTAND", "het sjabloon (.xlsx)");
        var templateRegion = region();
        var importTemplate = CommandTree.Create("template", "schrijf het invulsjabloon (Excel, met keuzelijsten en uitleg)", templateUsage, templateFile, templateRegion);
        importTemplate.SetAction((parse, ct) => TemplateAsync(Setting(parse), parse.GetValue(templateFile), parse.GetValue(templateRegion), ct));
        root.Subcommands.Add(CommandTree.Create("import", "lees gegevens in", importUsage, importProjects, importTemplate));

        const string exportUsage = "Gebruik: resmonitor export projects --format csv|xlsx|json|geojson [--output BESTAND] [--region ID].";
        var format = CommandTree.StringOption("--format", "csv|xlsx|json|geojson", "het formaat");
        format.CompletionSources.Add("csv", "xlsx", "json", "geojson");
        var outputFile = CommandTree.StringOption("--output", "BESTAND", "het bestand (zonder: naar het scherm)");
        var exportRegion = region();
        var exportProjects = CommandTree.Create("projects", "schrijf alle projecten", exportUsage, format, outputFile, exportRegion);
        exportProjects.SetAction((parse, ct) => ExportAsync(Setting(parse), parse.GetValue(format), parse.GetValue(outputFile), parse.GetValue(exportRegion), ct));
        root.Subcommands.Add(CommandTree.Create("export", "schrijf gegevens weg", exportUsage, exportProjects));

        var forecastJson = json();
        var runs = CommandTree.StringOption("--runs", "N", "het aantal simulaties (100 tot en met 100.000)");
        var seedNumber = CommandTree.StringOption("--seed", "N", "het startgetal van de simulatie");
        var forecastRegion = region();
        var forecast = CommandTree.Create("forecast", "de prognose: kans dat het doel wordt gehaald, P10/P50/P90",
            "Gebruik: resmonitor forecast [--json] [--runs N] [--seed N] [--region ID].", forecastJson, runs, seedNumber, forecastRegion);
        forecast.SetAction((parse, ct) => ForecastAsync(Setting(parse), parse.GetValue(forecastRegion), parse.GetValue(forecastJson),
            parse.GetValue(runs), parse.GetValue(seedNumber), ct));
        root.Subcommands.Add(forecast);

        root.Subcommands.Add(new PlanFailureCommands(output, error, clock).Build(region, OpenCheckedAsync, Setting));
        root.Subcommands.Add(new EscalationCommands(output, clock).Build(OpenCheckedAsync, Setting));
        var backups = new BackupCommands(output, error, clock);
        root.Subcommands.Add(backups.BuildBackup(Setting));
        root.Subcommands.Add(backups.BuildRestore(Setting));
        root.Subcommands.Add(new UserCommand(output, error, Input, Variables, clock).Build(region, EnsureSchemaAsync, Setting));
        return root;
    }

    private DatabaseSetting Setting(ParseResult parse)
    {
        try
        {
            return DatabaseSetting.FromEnvironment(parse.GetValue(_database));
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private async Task<ResMonitorDbContext> OpenCheckedAsync(DatabaseSetting setting, CancellationToken ct)
    {
        var db = Open(setting, clock);
        try
        {
            await EnsureSchemaAsync(db, ct);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
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

    private async Task<int> MigrateAsync(DatabaseSetting setting, CancellationToken ct)
    {
        await using var db = Open(setting, clock);
        var result = await Migrator.MigrateAsync(db, ct);
        await output.WriteLineAsync(result.Applied.Count == 0
            ? $"{setting}: het schema is al bij ({result.AlreadyApplied.Count} migraties)."
            : $"{setting}: {result.Applied.Count} migratie(s) toegepast: {string.Join(", ", result.Applied)}.");
        return Success;
    }

    /// <summary>The national part of a seed: the folder (null: the embedded one) and the chosen region codes (null: all 30).</summary>
    private sealed record NationalSelection(string? Folder, IReadOnlyCollection<string>? Codes);

    private async Task<int> SeedAsync(DatabaseSetting setting, string? regionFolder, SeedOptions options, CancellationToken ct, NationalSelection? nationalSelection = null)
    {
        await using var db = Open(setting, clock);
        await Migrator.MigrateAsync(db, ct);
        SeedResult result = null!;
        Core.National.NationalSeedResult? nationalResult = null;
        if (nationalSelection is null)
        {
            result = await new ReferenceData(db, clock).SeedAsync(regionFolder, options, ct);
        }
        else
        {
            // The national files are checked first; the default region's own seed runs only when they are sound.
            nationalResult = await new Core.National.NationalSeed(db).SeedAsync(nationalSelection.Folder, nationalSelection.Codes,
                async token => result = await new ReferenceData(db, clock).SeedAsync(regionFolder, options, token), ct);
        }

        await output.WriteLineAsync(
            $"Regio '{result.RegionId}' geladen: {result.Organisations} partners, {result.Targets} doelen, {result.FullLoadHours} vollasturen"
            + (result.OfficialFigures > 0 ? $", {result.OfficialFigures} officiële cijfers (CBS)." : "."));
        if (result.ProjectsAdded > 0)
        {
            await output.WriteLineAsync($"{result.ProjectsAdded} echte projecten toegevoegd, elk met bron en peildatum.");
        }

        if (result.ExamplesAdded > 0)
        {
            await output.WriteLineAsync($"{result.ExamplesAdded} voorbeeldprojecten toegevoegd (verzonnen, overal als voorbeeld gemarkeerd).");
        }

        if (result.ExamplesRemoved > 0)
        {
            await output.WriteLineAsync($"{result.ExamplesRemoved} voorbeeldprojecten verwijderd.");
        }

        if (nationalResult is { } n)
        {
            await output.WriteLineAsync(
                $"Landelijk: {n.Regions} RES-regio's ({n.RegionsAdded} nieuw) met {n.Municipalities} gemeenten ({n.MunicipalitiesAdded} nieuw); " +
                $"bod: {n.SingleBids} met één getal, {n.Ranges} als bandbreedte, {n.Unknown} onbekend.");
        }

        return Success;
    }

    private async Task<int> StatusAsync(DatabaseSetting setting, string? regionOption, bool asJson, CancellationToken ct)
    {
        var regionId = regionOption ?? ReferenceData.DefaultRegion;

        await using var db = Open(setting, clock);
        await EnsureSchemaAsync(db, ct);
        var state = await Core.History.RegisterAsOf.LoadTodayAsync(db, DateOnly.FromDateTime(clock.GetLocalNow().Date), clock.LocalTimeZone, ct);
        if (Core.Register.RegisterFigures.Summary(state, regionId) is not { } summary)
        {
            await error.WriteLineAsync($"De regio '{regionId}' staat niet in het register. Laad haar met 'resmonitor seed'.");
            return Failure;
        }

        if (asJson)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(summary, Json));
        }
        else
        {
            await output.WriteAsync(StatusTable.Render(summary));
        }

        return Success;
    }

    private async Task<int> ForecastAsync(DatabaseSetting setting, string? regionOption, bool asJson, string? runsOption, string? seedOption, CancellationToken ct)
    {
        var regionId = regionOption ?? ReferenceData.DefaultRegion;
        var runs = Core.Register.RegisterFigures.DefaultForecastRuns;
        if (runsOption is { } runsText &&
            (!int.TryParse(runsText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out runs) || runs is < 100 or > 100_000))
        {
            throw new UsageException($"--runs moet een geheel getal van 100 tot en met 100.000 zijn, niet '{runsText}'.");
        }

        var seed = Core.Register.RegisterFigures.DefaultForecastSeed;
        if (seedOption is { } seedText &&
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

        await output.WriteAsync(asJson
            ? JsonSerializer.Serialize(forecast, ForecastJson) + Environment.NewLine
            : ForecastText.Render(forecast));
        return Success;
    }

    private static readonly JsonSerializerOptions ForecastJson = new(Json) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private async Task<int> ImportAsync(
        DatabaseSetting setting, string path, string? regionOption, bool dryRun, bool overwriteCorrections, string? maxRows, CancellationToken ct)
    {
        if (maxRows is not null && !(int.TryParse(maxRows, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rows) && rows > 0))
        {
            throw new UsageException($"--max-rows moet een geheel getal groter dan 0 zijn, niet '{maxRows}'.");
        }

        await using var db = Open(setting, clock);
        await EnsureSchemaAsync(db, ct);
        var importer = new ProjectImporter(db, ImportOptions.From(null, maxRows), clock);
        var request = new ImportRequest(regionOption ?? ReferenceData.DefaultRegion, Path.GetFileName(path), dryRun)
        {
            OverwriteCorrections = overwriteCorrections,
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

    private async Task<int> TemplateAsync(DatabaseSetting setting, string? path, string? regionOption, CancellationToken ct)
    {
        if (path is null)
        {
            throw new UsageException("Een sjabloon gaat niet naar het scherm: geef --output BESTAND.xlsx.");
        }

        var regionId = regionOption ?? ReferenceData.DefaultRegion;
        await using var db = Open(setting, clock);
        await EnsureSchemaAsync(db, ct);
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == regionId, ct);
        if (region is null)
        {
            await error.WriteLineAsync($"De regio '{regionId}' staat niet in het register.");
            return Failure;
        }

        var names = await db.MunicipalitiesOf(regionId).Select(m => m.Name).ToListAsync(ct);
        await File.WriteAllBytesAsync(path, ImportTemplate.Write(region.Name ?? region.Id, names, DateOnly.FromDateTime(clock.GetLocalNow().Date)), ct);
        await output.WriteLineAsync($"Sjabloon met {names.Count} gemeenten geschreven naar {path}.");
        return Success;
    }

    private async Task<int> ExportAsync(DatabaseSetting setting, string? formatOption, string? path, string? regionOption, CancellationToken ct)
    {
        var format = formatOption?.ToLowerInvariant() switch
        {
            "csv" => ExportFormat.Csv,
            "xlsx" => ExportFormat.Xlsx,
            "json" => ExportFormat.Json,
            "geojson" => ExportFormat.GeoJson,
            null => throw new UsageException("Kies een formaat met --format csv, xlsx, json of geojson."),
            var other => throw new UsageException($"Onbekend formaat '{other}': kies csv, xlsx, json of geojson."),
        };
        if (format == ExportFormat.Xlsx && path is null)
        {
            throw new UsageException("Een XLSX-bestand gaat niet naar het scherm: geef --output BESTAND.xlsx.");
        }
        // Plain SQL on a connection of its own: an export needs nothing of EF, and building its model would be most
        // of a small export's time.
        if (setting.SqlitePath is { } sqlitePath && Path.GetDirectoryName(Path.GetFullPath(sqlitePath)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await using var connection = setting.CreateConnection();
        await connection.OpenAsync(ct);
        ThrowWhenBehind(await Migrator.PendingAsync(connection, setting.Provider, ct));

        var regionId = regionOption ?? ReferenceData.DefaultRegion;
        if (!await ProjectExport.RegionExistsAsync(connection, regionId, ct))
        {
            await error.WriteLineAsync($"De regio '{regionId}' staat niet in het register.");
            return Failure;
        }

        var temporary = path is null ? null : path + ".part";
        await using (var stream = temporary is null ? Console.OpenStandardOutput() : File.Create(temporary))
        {
            await new ProjectExport(connection).WriteAsync(regionId, format, stream, ct);
        }

        if (path is not null)
        {
            // Written to a side file first, so that a failed export never leaves half a file under the real name.
            File.Move(temporary!, path, overwrite: true);
            await output.WriteLineAsync($"Projecten geschreven naar {path}.");
        }

        return Success;
    }

    internal static async Task EnsureSchemaAsync(ResMonitorDbContext db, CancellationToken ct) =>
        ThrowWhenBehind(await Migrator.PendingAsync(db, ct));

    private static void ThrowWhenBehind(IReadOnlyList<string> pending)
    {
        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"de database mist {pending.Count} migratie(s) ({string.Join(", ", pending)}). Voer eerst 'resmonitor migrate' uit.");
        }
    }


}
