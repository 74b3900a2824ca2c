using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core;
using ResMonitor.Core.Data;
using ResMonitor.Core.PlanFailures;

namespace ResMonitor.Cli;

/// <summary>`resmonitor plan-failure add|list`: record planuitval, see what was recorded.</summary>
internal sealed class PlanFailureCommands(TextWriter output, TextWriter error, TimeProvider clock)
{
    public const string Usage =
        "Gebruik: resmonitor plan-failure add (--project ID | --search-area ID) --kind geen|gedeeltelijk|vertraagd --date JJJJ-MM-DD " +
        "--reason draagvlak|ruimte|netcapaciteit|financiering|vergunning|techniek|anders --explanation TEKST [--percent N] [--expected JJJJ-MM-DD] [--lost-mwh N], " +
        "of: resmonitor plan-failure list [--region ID].";

    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public Command Build(Func<Option<string>> region, Func<DatabaseSetting, CancellationToken, Task<ResMonitorDbContext>> open, Func<ParseResult, DatabaseSetting> setting)
    {
        var listRegion = region();
        var list = CommandTree.Create("list", "de vastgelegde planuitval", Usage, listRegion);
        list.SetAction(async (parse, ct) =>
        {
            await using var db = await open(setting(parse), ct);
            return await ListAsync(db, parse.GetValue(listRegion) ?? ReferenceData.DefaultRegion, ct);
        });

        var addRegion = region();
        Option<string>[] options =
        [
            CommandTree.StringOption("--project", "ID", "het project"),
            CommandTree.StringOption("--search-area", "ID", "het zoekgebied"),
            CommandTree.StringOption("--kind", "geen|gedeeltelijk|vertraagd", "de soort uitval"),
            CommandTree.StringOption("--date", "JJJJ-MM-DD", "de datum van de uitval"),
            CommandTree.StringOption("--reason", "REDEN", "draagvlak, ruimte, netcapaciteit, financiering, vergunning, techniek of anders"),
            CommandTree.StringOption("--explanation", "TEKST", "de toelichting"),
            CommandTree.StringOption("--percent", "N", "het gerealiseerde deel in procenten"),
            CommandTree.StringOption("--expected", "JJJJ-MM-DD", "de verwachte datum (vertraagd)"),
            CommandTree.StringOption("--lost-mwh", "N", "de verloren opwek in MWh per jaar"),
        ];
        var add = CommandTree.Create("add", "leg planuitval vast", Usage, [.. options, addRegion]);
        add.SetAction(async (parse, ct) =>
        {
            foreach (var option in options)
            {
                _values[option.Name] = parse.GetValue(option);
            }

            await using var db = await open(setting(parse), ct);
            return await AddAsync(db, parse.GetValue(addRegion) ?? ReferenceData.DefaultRegion, ct);
        });
        return CommandTree.Create("plan-failure", "planuitval vastleggen en tonen", Usage, add, list);
    }

    private async Task<int> ListAsync(ResMonitorDbContext db, string regionId, CancellationToken ct)
    {
        foreach (var f in await db.PlanFailures.AsNoTracking().Where(f => f.RegionId == regionId).OrderBy(f => f.Date).ThenBy(f => f.Id).ToListAsync(ct))
        {
            await output.WriteLineAsync($"{DutchFormat.Date(f.Date)}  {f.ProjectId ?? f.SearchAreaId}  {PlanFailureLabels.Kinds[f.Kind]}, reden: {PlanFailureLabels.Reasons[f.Reason]}. {f.Explanation}");
        }

        return CliApp.Success;
    }

    private async Task<int> AddAsync(ResMonitorDbContext db, string regionId, CancellationToken ct)
    {
        var kind = Required("--kind") is var k && PlanFailureLabels.KindKeys.TryGetValue(k, out var parsedKind)
            ? parsedKind
            : throw new UsageException($"--kind moet geen, gedeeltelijk of vertraagd zijn, niet '{k}'.");
        var reason = Required("--reason") is var r && PlanFailureLabels.ReasonKeys.TryGetValue(r, out var parsedReason)
            ? parsedReason
            : throw new UsageException($"--reason moet een van {string.Join(", ", PlanFailureLabels.ReasonKeys.Keys)} zijn, niet '{r}'.");
        var failure = new PlanFailure
        {
            RegionId = regionId,
            ProjectId = Value("--project"),
            SearchAreaId = Value("--search-area"),
            Kind = kind,
            Date = Date("--date") ?? throw new UsageException("--date is verplicht."),
            Reason = reason,
            Explanation = Value("--explanation") ?? "",
            RealisedPercent = Number("--percent"),
            ExpectedOn = Date("--expected"),
            LostMwh = Number("--lost-mwh"),
            RecordedBy = "resmonitor (opdrachtregel, " + Environment.UserName + ")",
            RecordedAt = clock.GetUtcNow(),
        };
        var project = failure.ProjectId is null ? null : await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == failure.ProjectId && p.RegionId == regionId, ct);
        var areaExists = failure.SearchAreaId is not null && await db.SearchAreas.AnyAsync(a => a.Id == failure.SearchAreaId && a.RegionId == regionId, ct);
        var problems = PlanFailureRules.Validate(failure, project, areaExists, DateOnly.FromDateTime(clock.GetLocalNow().Date));
        if (problems.Count > 0)
        {
            await error.WriteLineAsync("Niet opgeslagen:");
            foreach (var problem in problems)
            {
                await error.WriteLineAsync($"  {problem.Field}: {problem.Message}");
            }

            return CliApp.Failure;
        }

        db.PlanFailures.Add(failure);
        await db.SaveChangesAsync(ct);
        await output.WriteLineAsync($"Planuitval vastgelegd voor {failure.ProjectId ?? failure.SearchAreaId}: {PlanFailureLabels.Kinds[kind]} per {DutchFormat.Date(failure.Date)}.");
        return CliApp.Success;
    }

    private string Required(string name) => Value(name) ?? throw new UsageException($"{name} is verplicht. {Usage}");

    private DateOnly? Date(string name) =>
        Value(name) is not { } text ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new UsageException($"{name} moet een datum zijn als 2025-03-01, niet '{text}'.");

    private decimal? Number(string name) =>
        Value(name) is not { } text ? null
        : decimal.TryParse(text.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value
        : throw new UsageException($"{name} moet een getal zijn, niet '{text}'.");

    private string? Value(string name) => _values.GetValueOrDefault(name);
}
