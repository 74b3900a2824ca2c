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

    public async Task<int> RunAsync(CommandLine line, ResMonitorDbContext db, CancellationToken ct)
    {
        var regionId = line.Value("--region") ?? ReferenceData.DefaultRegion;
        switch (line.Words.ElementAtOrDefault(1))
        {
            case "list":
                line.Allow("--region");
                foreach (var f in await db.PlanFailures.AsNoTracking().Where(f => f.RegionId == regionId).OrderBy(f => f.Date).ThenBy(f => f.Id).ToListAsync(ct))
                {
                    await output.WriteLineAsync($"{DutchFormat.Date(f.Date)}  {f.ProjectId ?? f.SearchAreaId}  {PlanFailureLabels.Kinds[f.Kind]}, reden: {PlanFailureLabels.Reasons[f.Reason]}. {f.Explanation}");
                }

                return CliApp.Success;
            case "add":
                line.Allow("--region", "--project", "--search-area", "--kind", "--date", "--reason", "--explanation", "--percent", "--expected", "--lost-mwh");
                return await AddAsync(line, db, regionId, ct);
            default:
                throw new UsageException(Usage);
        }
    }

    private async Task<int> AddAsync(CommandLine line, ResMonitorDbContext db, string regionId, CancellationToken ct)
    {
        var kind = Required(line, "--kind") is var k && PlanFailureLabels.KindKeys.TryGetValue(k, out var parsedKind)
            ? parsedKind
            : throw new UsageException($"--kind moet geen, gedeeltelijk of vertraagd zijn, niet '{k}'.");
        var reason = Required(line, "--reason") is var r && PlanFailureLabels.ReasonKeys.TryGetValue(r, out var parsedReason)
            ? parsedReason
            : throw new UsageException($"--reason moet een van {string.Join(", ", PlanFailureLabels.ReasonKeys.Keys)} zijn, niet '{r}'.");
        var failure = new PlanFailure
        {
            RegionId = regionId,
            ProjectId = line.Value("--project"),
            SearchAreaId = line.Value("--search-area"),
            Kind = kind,
            Date = Date(line, "--date") ?? throw new UsageException("--date is verplicht."),
            Reason = reason,
            Explanation = line.Value("--explanation") ?? "",
            RealisedPercent = Number(line, "--percent"),
            ExpectedOn = Date(line, "--expected"),
            LostMwh = Number(line, "--lost-mwh"),
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

    private static string Required(CommandLine line, string name) => line.Value(name) ?? throw new UsageException($"{name} is verplicht. {Usage}");

    private static DateOnly? Date(CommandLine line, string name) =>
        line.Value(name) is not { } text ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new UsageException($"{name} moet een datum zijn als 2025-03-01, niet '{text}'.");

    private static decimal? Number(CommandLine line, string name) =>
        line.Value(name) is not { } text ? null
        : decimal.TryParse(text.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value
        : throw new UsageException($"{name} moet een getal zijn, niet '{text}'.");
}
