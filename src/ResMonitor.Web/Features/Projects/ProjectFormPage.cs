using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Data;
using ResMonitor.Core.Projects;
using ResMonitor.Web.Features.Editing;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.Projects;

/// <summary>What the new-project and edit pages share: the choices, the form's values, messages and conflicts.</summary>
public abstract class ProjectFormPage(ResMonitorDbContext db, ProjectEditor editor, EditorAccess access) : PageModel
{
    protected ResMonitorDbContext Db => db;

    protected ProjectEditor Editor => editor;

    protected EditorAccess Access => access;

    public ProjectForm Form { get; protected set; } = null!;

    public FieldErrors Errors { get; } = new();

    public abstract bool IsNew { get; }

    public Project? Project { get; protected set; }

    public IReadOnlyList<(string Code, string Name)> Municipalities { get; private set; } = [];

    public IReadOnlyList<(string Id, string Name)> SearchAreas { get; private set; } = [];

    /// <summary>The phase history, oldest first.</summary>
    public IReadOnlyList<PhaseChange> History => Project?.PhaseHistory.OrderBy(c => c.Date).ThenBy(c => c.Id).ToList() ?? [];

    /// <summary>What changed in the register since the editor opened the form, when a save was refused for it.</summary>
    public IReadOnlyList<ConflictChange> Conflict { get; protected set; } = [];

    /// <summary>The version the form starts from.</summary>
    public int Version { get; protected set; }

    /// <summary>The values the form starts from, as JSON, to say what changed when the save is refused.</summary>
    public string StartedFrom { get; protected set; } = "{}";

    public string Reason { get; protected set; } = "";

    public DateOnly Today => editor.Today;

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        Municipalities = (await db.MunicipalitiesOf(HttpContext.Region().Id).OrderBy(o => o.Name).Select(o => new { o.Code, o.Name }).ToListAsync(ct))
            .Select(o => (o.Code, o.Name)).ToList();
        var regionId = HttpContext.Region().Id;
        SearchAreas = (await db.SearchAreas.AsNoTracking().Where(a => a.RegionId == regionId).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct))
            .Select(a => (a.Id, a.Name)).ToList();
    }

    /// <summary>Starts the form from the project as it is in the register now.</summary>
    protected async Task StartFromAsync(Project project, CancellationToken ct)
    {
        Project = project;
        Version = project.Version;
        StartedFrom = JsonSerializer.Serialize(ProjectSnapshot.ToDictionary(await editor.SnapshotAsync(project, ct)));
    }

    protected static IReadOnlyDictionary<string, string?>? ReadStartedFrom(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string?>>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static readonly TimeZoneInfo Dutch = FindDutchTime();

    /// <summary>A moment in Dutch time (the audit trail keeps UTC): date and hh:mm.</summary>
    public static (DateOnly Date, string Time) InDutchTime(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Dutch);
        return (DateOnly.FromDateTime(local.DateTime), local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static TimeZoneInfo FindDutchTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Local;
        }
    }

    protected IActionResult Refused(int status)
    {
        Response.StatusCode = status;
        return Page();
    }

    protected IActionResult Status(int status) => StatusCode(status);
}
