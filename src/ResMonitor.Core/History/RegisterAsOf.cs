using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ResMonitor.Core.Audit;
using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;
using ResMonitor.Core.PlanFailures;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;

namespace ResMonitor.Core.History;

/// <summary>
/// The register as it was known at the end of a day, rebuilt from today's rows and the audit trail (see
/// docs/decisions/0007-history.md): every audit entry written after that moment is undone, newest first. A row
/// created later is dropped, a row deleted later comes back from the whole-row entry, a changed column gets its old
/// value back. Rows that have no audit entries (the initial seed) are taken as they are now.
/// </summary>
public static class RegisterAsOf
{
    /// <summary>The tables the monitor's figures are built from; the others are not rebuilt.</summary>
    public static readonly IReadOnlyList<string> Tables =
        ["regions", "organisations", "targets", "projects", "phase_changes", "permits", "search_areas", "full_load_hours", "plan_failures"];

    /// <summary>The first moment after <paramref name="date"/> in the given time zone: entries from then on are undone.</summary>
    public static DateTimeOffset EndOf(DateOnly date, TimeZoneInfo zone)
    {
        var midnight = date.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(midnight, zone), TimeSpan.Zero);
    }

    /// <summary>Loads the register's current rows and undoes every audit entry from the end of <paramref name="date"/> on.</summary>
    /// <remarks>
    /// Nothing was known before the register's first day (the day of its first audit entry, normally the initial
    /// seed): for an earlier date the rows are those of the end of that first day, or of the moment before the first
    /// correction through the site or the API if that came earlier, while the figures (phases, plan failures,
    /// full-load hours) still follow the date asked for.
    /// </remarks>
    public static Task<RegisterState> LoadAsync(ResMonitorDbContext db, DateOnly date, TimeZoneInfo zone, CancellationToken ct = default) =>
        LoadAsync(db, date, zone, replay: true, ct);

    /// <summary>
    /// The register of today: the same rows, the same state and the same figures as <see cref="LoadAsync(ResMonitorDbContext, DateOnly, TimeZoneInfo, CancellationToken)"/>
    /// for today, without reading the audit trail (nothing was written after the end of today).
    /// </summary>
    public static Task<RegisterState> LoadTodayAsync(ResMonitorDbContext db, DateOnly today, TimeZoneInfo zone, CancellationToken ct = default) =>
        LoadAsync(db, today, zone, replay: false, ct);

    private static async Task<RegisterState> LoadAsync(ResMonitorDbContext db, DateOnly date, TimeZoneInfo zone, bool replay, CancellationToken ct) =>
        await BuildAsync(db, await RegisterRows.LoadAsync(db, ct), date, zone, replay, ct);

    /// <summary>
    /// The register on <paramref name="date"/> built from rows read before (<see cref="RegisterRows"/>, shared and never
    /// changed): a shallow copy of every row, the audit entries from the end of that day on undone (when
    /// <paramref name="replay"/>, or when the day lies before the register's first day), then the day's figures. Only the
    /// audit trail is read from the database.
    /// </summary>
    public static async Task<RegisterState> BuildAsync(
        ResMonitorDbContext db, RegisterRows rows, DateOnly date, TimeZoneInfo zone, bool replay, CancellationToken ct = default)
    {
        DateOnly? firstDay = rows.FirstEntry is { } f ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(f, zone).DateTime) : null;
        var cutoff = EndOf(date, zone);
        if (firstDay is { } day && day > date)
        {
            // Before the first day: the first load as it was before anyone corrected it through the site or the API.
            cutoff = EndOf(day, zone);
            if (rows.FirstCorrection is { } correction && correction < cutoff)
            {
                cutoff = correction;
            }
        }

        var tables = rows.Tables.ToDictionary(t => t.Key, t => new RowSet(t.Value.Type, t.Value.Rows.Select(RowSet.Copy)), StringComparer.Ordinal);
        var entries = replay || cutoff != EndOf(date, zone)
            ? await AuditQuery.Since(db, cutoff).Where(a => Tables.Contains(a.TableName)).ToListAsync(ct)
            : [];
        var reversed = Replay(tables, entries);
        return new RegisterState(date, firstDay, cutoff, reversed,
            tables["regions"].Rows<Region>(), tables["organisations"].Rows<Organisation>(), tables["targets"].Rows<Target>(),
            tables["projects"].Rows<Project>(), tables["phase_changes"].Rows<PhaseChange>(), tables["permits"].Rows<Permit>(),
            tables["search_areas"].Rows<SearchArea>(), tables["full_load_hours"].Rows<FullLoadHours>(), tables["plan_failures"].Rows<PlanFailure>())
        {
            Congestions = rows.Congestions,
            ForecastAssumptions = rows.ForecastAssumptions,
            OfficialFigures = rows.OfficialFigures,
            RegionBids = rows.RegionBids,
        };
    }

    /// <summary>Undoes <paramref name="entries"/> (all after the moment asked for) on the rows, newest first; returns how many applied.</summary>
    public static int Replay(IReadOnlyDictionary<string, RowSet> tables, IEnumerable<AuditEntry> entries)
    {
        var applied = 0;
        foreach (var entry in entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id))
        {
            if (tables.TryGetValue(entry.TableName, out var table) && table.Undo(entry))
            {
                applied++;
            }
        }

        return applied;
    }

    /// <summary>
    /// A value as the audit trail writes it (<see cref="AuditRecorder.Format"/>), read back as <paramref name="type"/>:
    /// dates yyyy-MM-dd, numbers with a dot, enums by name.
    /// </summary>
    public static object? Parse(string? text, Type type)
    {
        if (text is null)
        {
            return null;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string))
        {
            return text;
        }

        if (target.IsEnum)
        {
            return Enum.Parse(target, text, ignoreCase: false);
        }

        if (target == typeof(DateOnly))
        {
            return DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (target == typeof(DateTimeOffset))
        {
            return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        }

        if (target == typeof(DateTime))
        {
            return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        }

        if (target == typeof(Guid))
        {
            return Guid.Parse(text, CultureInfo.InvariantCulture);
        }

        if (target == typeof(bool))
        {
            return bool.Parse(text);
        }

        return Convert.ChangeType(text, target, CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// The stored rows behind the register's figures, read once (per register version, see the web's resolver) and never
/// changed afterwards: each state of a day is built from shallow copies (<see cref="RegisterAsOf.BuildAsync"/>), so
/// building a past day reads only the audit trail, and the states share every string.
/// </summary>
public sealed class RegisterRows
{
    private RegisterRows(IReadOnlyDictionary<string, (IEntityType Type, IReadOnlyList<object> Rows)> tables) => Tables = tables;

    public IReadOnlyDictionary<string, (IEntityType Type, IReadOnlyList<object> Rows)> Tables { get; }

    /// <summary>The congestion register as it is now (it keeps its own dates).</summary>
    public IReadOnlyList<Grid.Congestion> Congestions { get; private init; } = [];

    /// <summary>Every stored forecast assumption row of a known phase (versions carry their own start date).</summary>
    public IReadOnlyList<Forecast.ForecastAssumptionRow> ForecastAssumptions { get; private init; } = [];

    /// <summary>The official counts per region and technique (reference data, dated by their own period).</summary>
    public IReadOnlyList<Regions.OfficialFigure> OfficialFigures { get; private init; } = [];

    /// <summary>The regions' CBS codes, RES 1.0 bids and boundaries (reference data, as they are now).</summary>
    public IReadOnlyList<National.RegionBid> RegionBids { get; private init; } = [];

    /// <summary>The moment of the first audit entry (the register's first load), if any.</summary>
    public DateTimeOffset? FirstEntry { get; private init; }

    /// <summary>The moment of the first correction through the site or the API, if any.</summary>
    public DateTimeOffset? FirstCorrection { get; private init; }

    public static async Task<RegisterRows> LoadAsync(ResMonitorDbContext db, CancellationToken ct = default)
    {
        var tables = new Dictionary<string, (IEntityType, IReadOnlyList<object>)>(StringComparer.Ordinal)
        {
            ["regions"] = await ReadAsync(db, db.Regions, ct),
            ["organisations"] = await ReadAsync(db, db.Organisations, ct),
            ["targets"] = await ReadAsync(db, db.Targets, ct),
            ["projects"] = await ReadAsync(db, db.Projects, ct),
            ["phase_changes"] = await ReadAsync(db, db.PhaseChanges, ct),
            ["permits"] = await ReadAsync(db, db.Permits, ct),
            ["search_areas"] = await ReadAsync(db, db.SearchAreas, ct),
            ["full_load_hours"] = await ReadAsync(db, db.FullLoadHours, ct),
            ["plan_failures"] = await ReadAsync(db, db.PlanFailures, ct),
        };
        var known = Enum.GetValues<Phase>();
        return new RegisterRows(tables)
        {
            Congestions = await db.Congestions.AsNoTracking().ToListAsync(ct),
            ForecastAssumptions = await db.ForecastAssumptions.AsNoTracking().Where(a => known.Contains(a.Phase)).ToListAsync(ct),
            OfficialFigures = await db.OfficialFigures.AsNoTracking().ToListAsync(ct),
            RegionBids = await db.RegionBids.AsNoTracking().ToListAsync(ct),
            FirstEntry = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).Select(a => (DateTimeOffset?)a.At).FirstOrDefaultAsync(ct),
            FirstCorrection = await db.AuditEntries.AsNoTracking().Where(a => a.Channel == "web" || a.Channel == "api")
                .OrderBy(a => a.Id).Select(a => (DateTimeOffset?)a.At).FirstOrDefaultAsync(ct),
        };
    }

    private static async Task<(IEntityType, IReadOnlyList<object>)> ReadAsync<T>(ResMonitorDbContext db, DbSet<T> set, CancellationToken ct)
        where T : class =>
        (db.Model.FindEntityType(typeof(T))!, await set.AsNoTracking().ToListAsync(ct));
}

/// <summary>The rows of one table by their audit key (the primary key, composite parts joined with '/').</summary>
public sealed class RowSet
{
    private readonly IEntityType _type;
    private readonly List<object> _list;
    private Dictionary<string, object>? _rows;
    private readonly Dictionary<string, IProperty> _columns;
    private readonly System.Reflection.PropertyInfo[] _key;

    private static readonly Func<object, object> ShallowCopy =
        typeof(object).GetMethod("MemberwiseClone", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!
            .CreateDelegate<Func<object, object>>();

    public RowSet(IEntityType type, IEnumerable<object> rows)
    {
        _type = type;
        _columns = type.GetProperties().Where(p => p.PropertyInfo is not null)
            .ToDictionary(p => p.GetColumnName(), StringComparer.Ordinal);
        _key = type.FindPrimaryKey()!.Properties.Select(k => k.PropertyInfo!).ToArray();
        _list = rows.ToList();
    }

    /// <summary>The rows by key, built at the first undo (a table nothing is undone in is never indexed).</summary>
    private Dictionary<string, object> Indexed
    {
        get
        {
            if (_rows is null)
            {
                _rows = new Dictionary<string, object>(_list.Count, StringComparer.Ordinal);
                foreach (var row in _list)
                {
                    _rows[KeyOf(row)] = row;
                }
            }

            return _rows;
        }
    }

    public int Count => _rows?.Count ?? _list.Count;

    public List<T> Rows<T>() => (_rows?.Values ?? (IEnumerable<object>)_list).Cast<T>().ToList();

    /// <summary>A copy of a row that shares its values (strings included): what a state changes is its own.</summary>
    public static object Copy(object row) => ShallowCopy(row);

    public string KeyOf(object row) => _key.Length == 1
        ? AuditRecorder.Format(_key[0].GetValue(row)) ?? ""
        : string.Join("/", _key.Select(k => AuditRecorder.Format(k.GetValue(row))));

    /// <summary>Undoes one entry; false when it does not touch a row of this set (e.g. a column this model has not).</summary>
    public bool Undo(AuditEntry entry)
    {
        if (entry.Field == AuditRecorder.RowField)
        {
            if (entry.OldValue is null)
            {
                // Created after the moment: it did not exist yet.
                return Indexed.Remove(entry.RowKey);
            }

            // Deleted after the moment: it existed as the entry recorded it.
            Indexed[entry.RowKey] = FromJson(entry.OldValue);
            return true;
        }

        if (!_columns.TryGetValue(entry.Field, out var property) || !Indexed.TryGetValue(entry.RowKey, out var row))
        {
            return false;
        }

        property.PropertyInfo!.SetValue(row, RegisterAsOf.Parse(entry.OldValue, property.ClrType));
        return true;
    }

    private object FromJson(string json)
    {
        var row = Activator.CreateInstance(_type.ClrType)!;
        var values = JsonSerializer.Deserialize<Dictionary<string, string?>>(json) ?? [];
        foreach (var (column, value) in values)
        {
            if (_columns.TryGetValue(column, out var property))
            {
                property.PropertyInfo!.SetValue(row, RegisterAsOf.Parse(value, property.ClrType));
            }
        }

        return row;
    }
}

/// <summary>The register on a past day, and the figures of that day: phase from the dated history, plan failures dated then.</summary>
public sealed class RegisterState
{
    public RegisterState(
        DateOnly date, DateOnly? firstDay, DateTimeOffset knownBefore, int reversedEntries, List<Region> regions, List<Organisation> organisations,
        List<Target> targets, List<Project> projects, List<PhaseChange> phaseChanges, List<Permit> permits,
        List<SearchArea> searchAreas, List<FullLoadHours> fullLoadHours, List<PlanFailure> planFailures)
    {
        Date = date;
        FirstDay = firstDay;
        KnownBefore = knownBefore;
        ReversedEntries = reversedEntries;
        Regions = regions;
        Organisations = organisations;
        Targets = targets;
        PhaseChanges = phaseChanges;
        Permits = permits;
        SearchAreas = searchAreas;
        FullLoadHours = fullLoadHours;
        PlanFailures = planFailures;

        var organisationsById = organisations.ToDictionary(o => o.Id);
        var areas = searchAreas.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var history = phaseChanges.ToLookup(c => c.ProjectId, StringComparer.Ordinal);
        var projectPermits = permits.ToLookup(c => c.ProjectId, StringComparer.Ordinal);
        foreach (var area in searchAreas)
        {
            area.Municipality = area.MunicipalityId is { } id ? organisationsById.GetValueOrDefault(id) : null;
        }

        foreach (var hours in fullLoadHours)
        {
            hours.Municipality = hours.MunicipalityId is { } id ? organisationsById.GetValueOrDefault(id) : null;
        }

        foreach (var project in projects)
        {
            project.Municipality = organisationsById.GetValueOrDefault(project.MunicipalityId);
            project.SearchArea = project.SearchAreaId is { } areaId ? areas.GetValueOrDefault(areaId) : null;
            project.PhaseHistory = [.. history[project.Id].OrderBy(c => c.Date).ThenBy(c => c.Id)];
            project.Permits = [.. projectPermits[project.Id].OrderBy(c => c.Id)];
            (project.Phase, project.PhaseDate) = PhaseOn(project, date);
        }

        Projects = projects.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The day asked for.</summary>
    public DateOnly Date { get; }

    /// <summary>The day of the register's first audit entry (its first load), if it has any.</summary>
    public DateOnly? FirstDay { get; }

    /// <summary>True when the day asked for lies before the register's first day: the rows are then those of the first load.</summary>
    public bool BeforeFirstDay => FirstDay is { } first && first > Date;

    /// <summary>The end of that day (or of the first day): what was written before this moment is in the state.</summary>
    public DateTimeOffset KnownBefore { get; }

    /// <summary>How many audit entries were undone to get here.</summary>
    public int ReversedEntries { get; }

    public IReadOnlyList<Region> Regions { get; }

    public IReadOnlyList<Organisation> Organisations { get; }

    public IReadOnlyList<Target> Targets { get; }

    /// <summary>In key order, each with its municipality, search area, phase history and permits; Phase and PhaseDate as on <see cref="Date"/>.</summary>
    public IReadOnlyList<Project> Projects { get; }

    public IReadOnlyList<PhaseChange> PhaseChanges { get; }

    public IReadOnlyList<Permit> Permits { get; }

    public IReadOnlyList<SearchArea> SearchAreas { get; }

    public IReadOnlyList<FullLoadHours> FullLoadHours { get; }

    /// <summary>Every plan failure known then, also those dated later (use <see cref="PlanFailuresOn"/> for the figures).</summary>
    public IReadOnlyList<PlanFailure> PlanFailures { get; }

    /// <summary>Every congestion record as it is now (the register keeps their dates itself).</summary>
    public IReadOnlyList<Grid.Congestion> Congestions { get; init; } = [];

    /// <summary>Every stored forecast assumption row as it is now (versions carry their own start date).</summary>
    public IReadOnlyList<Forecast.ForecastAssumptionRow> ForecastAssumptions { get; init; } = [];

    /// <summary>The official counts (CBS) as they are now; each says which period it counts.</summary>
    public IReadOnlyList<Regions.OfficialFigure> OfficialFigures { get; init; } = [];

    /// <summary>The regions' CBS codes, RES 1.0 bids and boundaries as they are now (reference data).</summary>
    public IReadOnlyList<National.RegionBid> RegionBids { get; init; } = [];

    public Region? Region(string regionId) => Regions.FirstOrDefault(r => r.Id == regionId);

    /// <summary>The targets of the whole region (not those of a municipality).</summary>
    public IReadOnlyList<Target> RegionTargetsOf(string regionId) => Targets.Where(t => t.RegionId == regionId && t.MunicipalityId is null).ToList();

    /// <summary>The municipalities' agreed contributions (municipal targets) in the region.</summary>
    public IReadOnlyList<Target> MunicipalTargetsOf(string regionId, int? municipalityId = null) =>
        Targets.Where(t => t.RegionId == regionId && t.MunicipalityId is { } m && (municipalityId is null || m == municipalityId)).ToList();

    public IReadOnlyList<Organisation> MunicipalitiesOf(string regionId) =>
        Organisations.Where(o => o.RegionId == regionId && o.Kind == OrganisationKind.Municipality).ToList();

    public IReadOnlyList<Project> ProjectsOf(string regionId, int? municipalityId = null) =>
        Projects.Where(p => p.RegionId == regionId && (municipalityId is null || p.MunicipalityId == municipalityId)).ToList();

    public Project? Project(string id) => Projects.FirstOrDefault(p => p.Id == id);

    /// <summary>The plan failures of a region dated on or before the day.</summary>
    public IReadOnlyList<PlanFailure> PlanFailuresOn(string regionId) =>
        PlanFailures.Where(f => f.RegionId == regionId && f.Date <= Date).ToList();

    /// <summary>What the overview needs of each project of the region on the day, plan failures applied.</summary>
    public IReadOnlyList<ProjectFacts> FactsOf(string regionId, int? municipalityId = null)
    {
        var failures = PlanFailureRules.LatestPerProject(PlanFailuresOn(regionId));
        return ProjectsOf(regionId, municipalityId)
            .Select(p => new ProjectFacts(p.Id, p.Technique, p.CapacityMw, p.MunicipalityId, p.Phase, p.MeasuredYieldMwh, p.IsExample,
                failures.TryGetValue(p.Id, out var f) ? PlanFailureEffect.Of(f).RemainingShare : 1m, p.SourceDate))
            .ToList();
    }

    /// <summary>
    /// The phase a project had on the day: the last step of its history on or before it. A project without any
    /// history keeps the phase the register knew; one whose history only starts later was no more than an idea.
    /// </summary>
    /// <remarks>Steps on the same day count in the order they were recorded (by id): the later record wins.</remarks>
    public static (Phase Phase, DateOnly? Since) PhaseOn(Project project, DateOnly date)
    {
        var step = StepOn(project.PhaseHistory, date);
        if (step is not null)
        {
            return (step.Phase, step.Date);
        }

        return project.PhaseHistory.Count == 0 && (project.PhaseDate is null || project.PhaseDate <= date)
            ? (project.Phase, project.PhaseDate)
            : (Phase.Idea, null);
    }

    /// <summary>The last step of a history (in date order, same-day steps in the order recorded) on or before the day.</summary>
    public static PhaseChange? StepOn(IReadOnlyList<PhaseChange> orderedHistory, DateOnly day)
    {
        PhaseChange? step = null;
        foreach (var change in orderedHistory)
        {
            if (change.Date > day)
            {
                break;
            }

            step = change;
        }

        return step;
    }
}
