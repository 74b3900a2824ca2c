using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Data;
using ResMonitor.Core.Regions;

namespace ResMonitor.Core.Projects;

public enum EditStatus
{
    Saved,
    Invalid,
    Conflict,
    NotFound,
    Forbidden,
}

/// <summary>A value that changed in the register while an editor had the form open, with who changed it and when.</summary>
public sealed record ConflictChange(string Field, string Label, string? StartedFrom, string? Now, string? ChangedBy, DateTimeOffset? ChangedAt);

/// <summary>The outcome of a save: the saved project, the problems per field, or the changes that conflict.</summary>
public sealed record EditOutcome(EditStatus Status, Project? Project, IReadOnlyList<RuleViolation> Errors, IReadOnlyList<ConflictChange> Changes)
{
    public static EditOutcome Of(EditStatus status) => new(status, null, [], []);
}

/// <summary>
/// Creates and edits projects through the register's context, so that every change is audited under the editor's
/// name with the reason. Checks the rules (<see cref="ProjectValidation"/>), the editor's scope and the version the
/// editor started from: a project that changed in between is not overwritten (docs/decisions/0006-editing.md).
/// </summary>
public sealed class ProjectEditor(ResMonitorDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public async Task<ValidationContext> ContextAsync(string regionId, CancellationToken ct)
    {
        var municipalities = await db.MunicipalitiesOf(regionId).ToDictionaryAsync(o => o.Code, o => o.Id, StringComparer.OrdinalIgnoreCase, ct);
        var areas = await db.SearchAreas.AsNoTracking().Where(a => a.RegionId == regionId).Select(a => a.Id).ToListAsync(ct);
        return new(municipalities, areas.ToHashSet(StringComparer.Ordinal), Today);
    }

    /// <summary>A project with everything the form shows, read-only.</summary>
    public Task<Project?> FindAsync(string id, CancellationToken ct) =>
        db.Projects.AsNoTracking().Include(p => p.Municipality).Include(p => p.PhaseHistory).Include(p => p.Permits)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);

    public async Task<IReadOnlyList<SnapshotValue>> SnapshotAsync(Project project, CancellationToken ct) =>
        ProjectSnapshot.Of(project, await MunicipalityNamesAsync(project.RegionId, ct));

    public async Task<EditOutcome> CreateAsync(string regionId, ProjectInput input, EditScope scope, string? reason, CancellationToken ct)
    {
        if (!scope.EditsProjects)
        {
            return EditOutcome.Of(EditStatus.Forbidden);
        }

        var context = await ContextAsync(regionId, ct);
        var errors = ProjectValidation.Validate(input, context, [], isNew: true);
        errors.AddRange(scope.CheckStaysInScope(input));
        CheckReason(reason, errors);
        var id = input.Id?.Trim() ?? "";
        if (!errors.Any(e => e.Field == ProjectFields.Id) && await db.Projects.AnyAsync(p => p.Id == id, ct))
        {
            errors.Add(new(ProjectFields.Id, $"Project-id '{id}' bestaat al in het register. Kies een andere sleutel of bewerk dat project."));
        }

        if (errors.Count > 0)
        {
            return new(EditStatus.Invalid, null, errors, []);
        }

        var project = new Project { Id = id, RegionId = regionId, Name = "", Source = "" };
        Apply(project, input, context);
        db.Projects.Add(project);
        SetReason(reason);
        await db.SaveChangesAsync(ct);
        return new(EditStatus.Saved, project, [], []);
    }

    /// <param name="version">The version the editor started from.</param>
    /// <param name="startedFrom">The values the editor started from (<see cref="ProjectSnapshot"/>), to say what changed; may be null.</param>
    public async Task<EditOutcome> UpdateAsync(
        string id, ProjectInput input, int version, IReadOnlyDictionary<string, string?>? startedFrom, EditScope scope, string? reason, CancellationToken ct)
    {
        // Tracked without the municipality navigation, so that a changed municipality is only its id.
        var project = await db.Projects.Include(p => p.PhaseHistory).Include(p => p.Permits)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return EditOutcome.Of(EditStatus.NotFound);
        }

        if (!scope.Allows(project))
        {
            return EditOutcome.Of(EditStatus.Forbidden);
        }

        if (project.Version != version)
        {
            return await ConflictAsync(project, startedFrom, ct);
        }

        var context = await ContextAsync(project.RegionId, ct);
        var history = project.PhaseHistory.OrderBy(c => c.Date).ThenBy(c => c.Id).ToList();
        var errors = ProjectValidation.Validate(input, context, history, isNew: false);
        errors.AddRange(scope.CheckStaysInScope(input));
        CheckReason(reason, errors);
        for (var i = 0; i < input.Permits.Count; i++)
        {
            if (input.Permits[i].Id is { } permitId && project.Permits.All(p => p.Id != permitId))
            {
                errors.Add(new(ProjectFields.Permit(i, ProjectFields.PermitAuthority), $"Vergunning {permitId} hoort niet bij dit project."));
            }
        }

        if (errors.Count > 0)
        {
            return new(EditStatus.Invalid, project, errors, []);
        }

        Apply(project, input, context);
        // The update only succeeds when the row still has the version the editor started from, so that a change
        // saved between the check above and this save is caught as well.
        var versionEntry = db.Entry(project).Property(p => p.Version);
        versionEntry.OriginalValue = version;
        project.Version = version + 1;
        SetReason(reason);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var now = await db.Projects.AsNoTracking().Include(p => p.PhaseHistory).Include(p => p.Permits)
                .AsSplitQuery().FirstAsync(p => p.Id == id, ct);
            return await ConflictAsync(now, startedFrom, ct);
        }

        return new(EditStatus.Saved, project, [], []);
    }

    /// <summary>What changed since the editor started, with who and when from the audit trail.</summary>
    private async Task<EditOutcome> ConflictAsync(Project current, IReadOnlyDictionary<string, string?>? startedFrom, CancellationToken ct)
    {
        var now = await SnapshotAsync(current, ct);
        var found = new List<(string Field, string Label, string? Before, string? Now, Audit.AuditEntry? Last)>();
        if (startedFrom is not null)
        {
            foreach (var (value, before) in ProjectSnapshot.Differences(startedFrom, now))
            {
                found.Add((value.Key, value.Label, before, value.Value, await LastChangeAsync(value, current.Id, ct)));
            }
        }

        if (found.Count == 0)
        {
            // Without what the editor started from (or when only the order changed): the latest change of the project.
            var last = await db.AuditEntries.AsNoTracking().Where(a => a.TableName == "projects" && a.RowKey == current.Id)
                .OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
            found.Add(("version", "Versie", null, current.Version.ToString(CultureInfo.InvariantCulture), last));
        }

        // Another editor is named by display name and role, never by e-mail address.
        var who = await History.PublicActors.ResolveForEditorsAsync(db, found.Where(f => f.Last is not null).Select(f => f.Last!), ct);
        var changes = found.Select(f => new ConflictChange(f.Field, f.Label, f.Before, f.Now, f.Last is { } entry ? who(entry) : null, f.Last?.At)).ToList();
        return new(EditStatus.Conflict, current, [], changes);
    }

    private async Task<Audit.AuditEntry?> LastChangeAsync(SnapshotValue value, string projectId, CancellationToken ct)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (value.Table == "phase_changes")
        {
            var marker = $"\"project_id\":\"{projectId}\"";
            entries = entries.Where(a => a.TableName == "phase_changes" && a.NewValue != null && a.NewValue.Contains(marker));
        }
        else
        {
            entries = entries.Where(a => a.TableName == value.Table && a.RowKey == value.RowKey && (a.Field == value.Column || a.Field == Audit.AuditRecorder.RowField));
        }

        return await entries.OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
    }

    private static void CheckReason(string? reason, List<RuleViolation> errors)
    {
        if (ProjectRules.Characters(reason, "De reden van wijziging") is { } problem)
        {
            errors.Add(new(ProjectFields.Reason, problem));
        }
    }

    private void SetReason(string? reason)
    {
        if (!string.IsNullOrWhiteSpace(reason))
        {
            db.Actor = db.Actor with { Reason = reason.Trim() };
        }
    }

    private async Task<Dictionary<int, string>> MunicipalityNamesAsync(string regionId, CancellationToken ct) =>
        await db.MunicipalitiesOf(regionId).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void Apply(Project project, ProjectInput input, ValidationContext context)
    {
        project.Name = input.Name!.Trim();
        project.Technique = input.Technique!.Value;
        project.MunicipalityId = context.Municipalities[input.Municipality!.Trim()];
        project.CapacityMw = input.CapacityMw!.Value;
        project.SearchAreaId = Text(input.SearchArea);
        project.Latitude = input.Latitude;
        project.Longitude = input.Longitude;
        project.MeasuredYieldMwh = input.MeasuredYieldMwh;
        project.MeasuredYieldYear = input.MeasuredYieldYear;
        project.Owners = Text(input.Owners);
        project.LocalOwnershipPercent = input.LocalOwnershipPercent;
        project.Participation = Text(input.Participation);
        project.IsExample = input.IsExample;
        project.Source = input.Source!.Trim();
        project.SourceDate = input.SourceDate!.Value;

        foreach (var permit in input.Permits)
        {
            if (permit.Id is { } permitId)
            {
                var existing = project.Permits.Single(p => p.Id == permitId);
                var updated = ProjectValidation.ToPermit(permit, project.Id);
                existing.CompetentAuthority = updated.CompetentAuthority;
                existing.CaseNumber = updated.CaseNumber;
                existing.AppliedOn = updated.AppliedOn;
                existing.GrantedOn = updated.GrantedOn;
                existing.IrrevocableOn = updated.IrrevocableOn;
                existing.HandedOverToProvinceOn = updated.HandedOverToProvinceOn;
            }
            else if (!permit.IsEmpty)
            {
                project.Permits.Add(ProjectValidation.ToPermit(permit, project.Id));
            }
        }

        if (input.NewPhase is { Phase: { } phase, Date: { } date } step)
        {
            project.PhaseHistory.Add(new PhaseChange { ProjectId = project.Id, Phase = phase, Date = date, Note = Text(step.Note) });
            // The current phase is the latest of the history, as the import sets it; the rules put the new one last.
            project.Phase = phase;
            project.PhaseDate = date;
        }
    }
}
