using ResMonitor.Core.Projects;
using C = ResMonitor.Core.Import.ProjectCsv;

namespace ResMonitor.Core.Import;

/// <summary>
/// Compares a project in the register with the same project in an import file, column by column in the file's own
/// spelling (<see cref="ProjectExport.Cells"/>), so that a file exported from the register compares equal to it.
/// Only the columns the file has are compared: a column that is left out leaves the field as it is.
/// </summary>
internal sealed class ProjectMerge
{
    public static readonly string[] PermitColumns = [C.Authority, C.CaseNumber, C.PermitApplied, C.PermitGranted, C.PermitIrrevocable, C.HandedOver];

    private static readonly string[] PhaseColumns = C.HistoryPhases.Select(PhaseRules.FieldOf).ToArray();

    private static readonly Dictionary<string, int> Index = C.Columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);

    private readonly IReadOnlyDictionary<int, string> _codes;
    private readonly DateOnly _today;
    private readonly bool _overwrite;
    private readonly List<string> _compared = [];

    public ProjectMerge(IReadOnlySet<string> columns, IReadOnlyDictionary<int, string> codes, DateOnly today, bool overwrite)
    {
        _codes = codes;
        _today = today;
        _overwrite = overwrite;
        var location = columns.Contains(C.Latitude) || columns.Contains(C.Longitude) || columns.Contains(C.RdX) || columns.Contains(C.RdY);
        foreach (var column in C.Columns)
        {
            var compared = column switch
            {
                C.Id or C.RdX or C.RdY or C.YieldUnit or C.Source or C.SourceDate => false,
                C.Latitude or C.Longitude => location,
                _ => columns.Contains(column),
            };
            if (compared)
            {
                _compared.Add(column);
            }
        }
    }

    public sealed record Outcome(List<string> Columns, List<FieldChange> Fields, List<KeptCorrection> Kept);

    /// <summary>
    /// The columns to write, their old and new values, and the manual corrections that stay. The source and reference
    /// date follow the file when the file states them, or when anything else changes (empty: the file name and today).
    /// </summary>
    public Outcome Compare(Project register, Project file, int line, bool sourceGiven, bool sourceDateGiven, ManualCorrections corrections, string? statusColumn = null)
    {
        var old = Cells(register);
        var @new = Cells(file);
        var outcome = new Outcome([], [], []);
        foreach (var column in _compared)
        {
            // A file without any permit data has no authority to give: the register's stays.
            if (column == C.Authority && file.Permits.Count == 0)
            {
                continue;
            }

            Consider(column);
        }

        // A status with its date stands for that phase's column, in this row only.
        if (statusColumn is not null && !_compared.Contains(statusColumn))
        {
            Consider(statusColumn);
        }

        var changedBefore = outcome.Columns.Count > 0;
        if (sourceGiven || changedBefore)
        {
            Consider(C.Source);
        }

        if (sourceDateGiven || changedBefore)
        {
            Consider(C.SourceDate);
        }

        return outcome;

        void Consider(string column)
        {
            var i = Index[column];
            if (string.Equals(old[i], @new[i], StringComparison.Ordinal))
            {
                return;
            }

            if (!_overwrite && corrections.Find(register.Id, column) is { } correction)
            {
                outcome.Kept.Add(new(line, register.Id, register.Name, column, old[i], @new[i], correction.Actor, correction.At));
                return;
            }

            outcome.Columns.Add(column);
            outcome.Fields.Add(new(column, old[i], @new[i]));
        }
    }

    /// <summary>
    /// The rule checks on the project as it will be: its phase history (one date per phase, as the file holds it) and
    /// its permit. Run on a copy that <see cref="Apply"/> has changed.
    /// </summary>
    public IReadOnlyList<RuleViolation> Validate(Project merged)
    {
        var history = merged.PhaseHistory
            .GroupBy(c => c.Phase)
            .Select(g => g.OrderBy(c => c.Date).Last())
            .OrderBy(c => c.Phase)
            .ToList();
        var permits = merged.Permits.OrderBy(p => p.Id).Take(1).ToList();
        return PhaseRules.Validate(history, permits, _today);
    }

    public static bool TouchesHistory(IEnumerable<string> columns) =>
        columns.Any(c => PhaseColumns.Contains(c) || PermitColumns.Contains(c));

    /// <summary>
    /// Writes the given columns from the file's project into the register's (tracked or not), adding and removing phase
    /// and permit rows as needed; returns the rows to delete. The current phase follows the resulting history.
    /// </summary>
    public static List<object> Apply(Project target, Project file, IReadOnlyList<string> columns)
    {
        var removed = new List<object>();
        foreach (var column in columns)
        {
            switch (column)
            {
                case C.Name: target.Name = file.Name; break;
                case C.Technique: target.Technique = file.Technique; break;
                case C.Municipality: target.MunicipalityId = file.MunicipalityId; break;
                case C.Capacity: target.CapacityMw = file.CapacityMw; break;
                case C.SearchArea: target.SearchAreaId = file.SearchAreaId; break;
                case C.Latitude: target.Latitude = file.Latitude; break;
                case C.Longitude: target.Longitude = file.Longitude; break;
                case C.MeasuredYield: target.MeasuredYieldMwh = file.MeasuredYieldMwh; break;
                case C.YieldYear: target.MeasuredYieldYear = file.MeasuredYieldYear; break;
                case C.Owners: target.Owners = file.Owners; break;
                case C.LocalOwnership: target.LocalOwnershipPercent = file.LocalOwnershipPercent; break;
                case C.Participation: target.Participation = file.Participation; break;
                case C.Example: target.IsExample = file.IsExample; break;
                case C.Source: target.Source = file.Source; break;
                case C.SourceDate: target.SourceDate = file.SourceDate; break;
                default:
                    var phase = Array.IndexOf(PhaseColumns, column);
                    if (phase >= 0)
                    {
                        ApplyPhase(target, file, C.HistoryPhases[phase], removed);
                    }

                    break;
            }
        }

        ApplyPermit(target, file, columns.Where(c => PermitColumns.Contains(c)).ToList(), removed);
        var ordered = target.PhaseHistory.OrderBy(c => c.Date).ThenBy(c => c.Phase).ToList();
        if (ordered.Count > 0)
        {
            target.Phase = ordered[^1].Phase;
            target.PhaseDate = ordered[^1].Date;
        }

        return removed;
    }

    private static void ApplyPhase(Project target, Project file, Phase phase, List<object> removed)
    {
        var date = file.PhaseHistory.FirstOrDefault(c => c.Phase == phase)?.Date;
        var rows = target.PhaseHistory.Where(c => c.Phase == phase).OrderBy(c => c.Date).ToList();
        if (date is null)
        {
            foreach (var row in rows)
            {
                target.PhaseHistory.Remove(row);
                removed.Add(row);
            }
        }
        else if (rows.Count == 0)
        {
            target.PhaseHistory.Add(new PhaseChange { ProjectId = target.Id, Phase = phase, Date = date.Value });
        }
        else
        {
            // The latest row of the phase is the one the file format shows (see ProjectExport.Cells).
            rows[^1].Date = date.Value;
        }
    }

    private static void ApplyPermit(Project target, Project file, List<string> columns, List<object> removed)
    {
        if (columns.Count == 0)
        {
            return;
        }

        var source = file.Permits.Count == 0 ? null : file.Permits[0];
        var permit = target.Permits.OrderBy(p => p.Id).FirstOrDefault();
        if (permit is null)
        {
            if (source is null)
            {
                return;
            }

            permit = new Permit { ProjectId = target.Id, CompetentAuthority = source.CompetentAuthority };
            target.Permits.Add(permit);
        }

        foreach (var column in columns)
        {
            switch (column)
            {
                case C.Authority when source is not null: permit.CompetentAuthority = source.CompetentAuthority; break;
                case C.CaseNumber: permit.CaseNumber = source?.CaseNumber; break;
                case C.PermitApplied: permit.AppliedOn = source?.AppliedOn; break;
                case C.PermitGranted: permit.GrantedOn = source?.GrantedOn; break;
                case C.PermitIrrevocable: permit.IrrevocableOn = source?.IrrevocableOn; break;
                case C.HandedOver: permit.HandedOverToProvinceOn = source?.HandedOverToProvinceOn; break;
            }
        }

        // A permit the file empties entirely is removed, as the file would not have it after export either.
        if (source is null && permit.CaseNumber is null && permit.AppliedOn is null && permit.GrantedOn is null
            && permit.IrrevocableOn is null && permit.HandedOverToProvinceOn is null)
        {
            target.Permits.Remove(permit);
            removed.Add(permit);
        }
    }

    private string[] Cells(Project project)
    {
        var row = new string[C.Columns.Length];
        ProjectExport.Cells(project, _codes.GetValueOrDefault(project.MunicipalityId, ""), row, ProjectExport.Number);
        return row;
    }
}
