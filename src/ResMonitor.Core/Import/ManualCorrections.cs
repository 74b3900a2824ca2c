using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Audit;
using ResMonitor.Core.Data;
using ResMonitor.Core.Projects;
using C = ResMonitor.Core.Import.ProjectCsv;

namespace ResMonitor.Core.Import;

/// <summary>
/// The fields of the register that were corrected by hand: the latest audit entry for the field (a project column,
/// a phase date, a permit column) came through the site (<c>web</c>) or the API (<c>api</c>). An import keeps them
/// unless it is told to overwrite them. A project created on the site is not a correction: only a change of an
/// existing value, or a phase or permit row added or removed by hand, is. Keys are the file's column names.
/// </summary>
public sealed class ManualCorrections
{
    public static readonly IReadOnlyList<string> ManualChannels = ["web", "api"];

    public static readonly ManualCorrections None = new(new());

    private readonly Dictionary<(string Project, string Column), Correction> _fields;

    private ManualCorrections(Dictionary<(string, string), Correction> fields) => _fields = fields;

    public sealed record Correction(long EntryId, string Actor, DateTimeOffset At);

    public int Count => _fields.Count;

    public Correction? Find(string projectId, string column) => _fields.GetValueOrDefault((projectId, column));

    public static async Task<ManualCorrections> LoadAsync(ResMonitorDbContext db, CancellationToken ct = default)
    {
        var names = new Names(new RegisterSql(db));
        var tables = new[] { names.Projects, names.Phases, names.Permits };
        var manual = await db.AuditEntries.AsNoTracking()
            .Where(a => tables.Contains(a.TableName) && (a.Channel == "web" || a.Channel == "api"))
            .OrderBy(a => a.Id)
            .ToListAsync(ct);
        if (manual.Count == 0)
        {
            return None;
        }

        // Which project (and phase) a phase or permit row belongs to: from the whole-row entries, else from the row.
        var rows = new Dictionary<(string Table, string Key), (string Project, Phase? Phase)>();
        Remember(rows, names, manual);
        await LoadRowsAsync(db, names, rows, manual.Where(a => a.TableName != names.Projects).Select(a => (a.TableName, a.RowKey)), ct);

        var candidates = new Dictionary<(string, string), (AuditEntry Entry, Correction Correction)>();
        foreach (var entry in manual)
        {
            foreach (var key in Keys(entry, names, rows, manualChannel: true))
            {
                candidates[key] = (entry, new Correction(entry.Id, entry.Actor, entry.At));
            }
        }

        if (candidates.Count == 0)
        {
            return None;
        }

        // A later change through another channel (an import told to overwrite, the command line) ends a correction.
        var projects = candidates.Keys.Select(k => k.Item1).ToHashSet(StringComparer.Ordinal);
        var projectList = projects.ToList();
        var phaseRows = await db.PhaseChanges.AsNoTracking().Where(c => projectList.Contains(c.ProjectId)).Select(c => new { c.Id, c.ProjectId, c.Phase }).ToListAsync(ct);
        var permitRows = await db.Permits.AsNoTracking().Where(c => projectList.Contains(c.ProjectId)).Select(c => new { c.Id, c.ProjectId }).ToListAsync(ct);
        foreach (var r in phaseRows)
        {
            rows.TryAdd((names.Phases, Key(r.Id)), (r.ProjectId, r.Phase));
        }

        foreach (var r in permitRows)
        {
            rows.TryAdd((names.Permits, Key(r.Id)), (r.ProjectId, null));
        }

        var keys = projects.Concat(rows.Where(r => projects.Contains(r.Value.Project)).Select(r => r.Key.Key)).Distinct().ToList();
        var first = candidates.Values.Min(c => c.Entry.Id);
        var later = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Id > first && tables.Contains(a.TableName) && keys.Contains(a.RowKey) && a.Channel != "web" && a.Channel != "api")
            .OrderBy(a => a.Id)
            .ToListAsync(ct);
        Remember(rows, names, later);
        foreach (var entry in later)
        {
            foreach (var key in Keys(entry, names, rows, manualChannel: false))
            {
                if (candidates.TryGetValue(key, out var candidate) && candidate.Entry.Id < entry.Id)
                {
                    candidates.Remove(key);
                }
            }
        }

        return new(candidates.ToDictionary(c => c.Key, c => c.Value.Correction));
    }

    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The file columns an audit entry concerns.</summary>
    private static IEnumerable<(string, string)> Keys(
        AuditEntry entry, Names names, Dictionary<(string, string), (string Project, Phase? Phase)> rows, bool manualChannel)
    {
        if (entry.TableName == names.Projects)
        {
            if (entry.Field == AuditRecorder.RowField)
            {
                // A project created or removed by hand is no correction; created or removed otherwise, it ends them all.
                return manualChannel ? [] : C.Columns.Select(c => (entry.RowKey, c));
            }

            return names.ProjectColumns.TryGetValue(entry.Field, out var column) ? [(entry.RowKey, column)] : [];
        }

        if (!rows.TryGetValue((entry.TableName, entry.RowKey), out var row))
        {
            return [];
        }

        if (entry.TableName == names.Permits)
        {
            if (entry.Field == AuditRecorder.RowField)
            {
                return ProjectMerge.PermitColumns.Select(c => (row.Project, c));
            }

            return names.PermitColumns.TryGetValue(entry.Field, out var column) ? [(row.Project, column)] : [];
        }

        // A phase row: its date column; a change of the phase itself concerns the old and the new phase.
        var phases = new List<Phase>();
        if (row.Phase is { } phase)
        {
            phases.Add(phase);
        }

        if (entry.Field == names.PhaseField)
        {
            foreach (var value in new[] { entry.OldValue, entry.NewValue })
            {
                if (Enum.TryParse<Phase>(value, out var named))
                {
                    phases.Add(named);
                }
            }
        }

        return phases.Distinct().Select(p => (row.Project, PhaseRules.FieldOf(p)));
    }

    /// <summary>Reads project and phase of phase and permit rows from their whole-row entries (added or removed).</summary>
    private static void Remember(Dictionary<(string, string), (string Project, Phase? Phase)> rows, Names names, IEnumerable<AuditEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.TableName == names.Projects || entry.Field != AuditRecorder.RowField || (entry.NewValue ?? entry.OldValue) is not { } json)
            {
                continue;
            }

            try
            {
                var values = JsonSerializer.Deserialize<Dictionary<string, string>>(json);
                if (values is not null && values.TryGetValue(names.ProjectIdColumn, out var project))
                {
                    Phase? phase = values.TryGetValue(names.PhaseField, out var text) && Enum.TryParse<Phase>(text, out var p) ? p : null;
                    rows.TryAdd((entry.TableName, entry.RowKey), (project, phase));
                }
            }
            catch (JsonException)
            {
                // Not a row snapshot: the entry cannot be placed and is left out.
            }
        }
    }

    private static async Task LoadRowsAsync(
        ResMonitorDbContext db, Names names, Dictionary<(string, string), (string Project, Phase? Phase)> rows,
        IEnumerable<(string Table, string Key)> wanted, CancellationToken ct)
    {
        var missing = wanted.Where(w => !rows.ContainsKey(w)).Distinct().ToList();
        var phaseIds = missing.Where(w => w.Table == names.Phases).Select(w => long.TryParse(w.Key, CultureInfo.InvariantCulture, out var id) ? id : -1).ToList();
        var permitIds = missing.Where(w => w.Table == names.Permits).Select(w => long.TryParse(w.Key, CultureInfo.InvariantCulture, out var id) ? id : -1).ToList();
        if (phaseIds.Count > 0)
        {
            foreach (var r in await db.PhaseChanges.AsNoTracking().Where(c => phaseIds.Contains(c.Id)).Select(c => new { c.Id, c.ProjectId, c.Phase }).ToListAsync(ct))
            {
                rows.TryAdd((names.Phases, Key(r.Id)), (r.ProjectId, r.Phase));
            }
        }

        if (permitIds.Count > 0)
        {
            foreach (var r in await db.Permits.AsNoTracking().Where(c => permitIds.Contains(c.Id)).Select(c => new { c.Id, c.ProjectId }).ToListAsync(ct))
            {
                rows.TryAdd((names.Permits, Key(r.Id)), (r.ProjectId, null));
            }
        }
    }

    /// <summary>Table and column names from the model, and the file column each one stands for.</summary>
    private sealed class Names
    {
        public Names(RegisterSql sql)
        {
            Projects = sql.Table<Project>();
            Phases = sql.Table<PhaseChange>();
            Permits = sql.Table<Permit>();
            PhaseField = sql.Column<PhaseChange>(nameof(PhaseChange.Phase));
            ProjectIdColumn = sql.Column<PhaseChange>(nameof(PhaseChange.ProjectId));
            ProjectColumns = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [sql.Column<Project>(nameof(Project.Name))] = C.Name,
                [sql.Column<Project>(nameof(Project.Technique))] = C.Technique,
                [sql.Column<Project>(nameof(Project.MunicipalityId))] = C.Municipality,
                [sql.Column<Project>(nameof(Project.CapacityMw))] = C.Capacity,
                [sql.Column<Project>(nameof(Project.SearchAreaId))] = C.SearchArea,
                [sql.Column<Project>(nameof(Project.Latitude))] = C.Latitude,
                [sql.Column<Project>(nameof(Project.Longitude))] = C.Longitude,
                [sql.Column<Project>(nameof(Project.MeasuredYieldMwh))] = C.MeasuredYield,
                [sql.Column<Project>(nameof(Project.MeasuredYieldYear))] = C.YieldYear,
                [sql.Column<Project>(nameof(Project.Owners))] = C.Owners,
                [sql.Column<Project>(nameof(Project.LocalOwnershipPercent))] = C.LocalOwnership,
                [sql.Column<Project>(nameof(Project.Participation))] = C.Participation,
                [sql.Column<Project>(nameof(Project.IsExample))] = C.Example,
                [sql.Column<Project>(nameof(Project.Source))] = C.Source,
                [sql.Column<Project>(nameof(Project.SourceDate))] = C.SourceDate,
            };
            PermitColumns = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [sql.Column<Permit>(nameof(Permit.CompetentAuthority))] = C.Authority,
                [sql.Column<Permit>(nameof(Permit.CaseNumber))] = C.CaseNumber,
                [sql.Column<Permit>(nameof(Permit.AppliedOn))] = C.PermitApplied,
                [sql.Column<Permit>(nameof(Permit.GrantedOn))] = C.PermitGranted,
                [sql.Column<Permit>(nameof(Permit.IrrevocableOn))] = C.PermitIrrevocable,
                [sql.Column<Permit>(nameof(Permit.HandedOverToProvinceOn))] = C.HandedOver,
            };
        }

        public string Projects { get; }

        public string Phases { get; }

        public string Permits { get; }

        public string PhaseField { get; }

        public string ProjectIdColumn { get; }

        public Dictionary<string, string> ProjectColumns { get; }

        public Dictionary<string, string> PermitColumns { get; }
    }
}
