using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Accounts;
using ResMonitor.Core.Data;
using ResMonitor.Core.Projects;
using ResMonitor.Web.Features.Editing;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.Projects;

/// <summary>The projects the signed-in editor may edit, searchable by name or id, a page at a time.</summary>
[Authorize(Policy = Roles.Redacteur)]
public sealed class ProjectListModel(ResMonitorDbContext db, EditorAccess access) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(string Id, string Name, string Municipality, Phase Phase, decimal CapacityMw, bool IsExample);

    public IReadOnlyList<Row> Projects { get; private set; } = [];

    public string? Zoek { get; private set; }

    public int Pagina { get; private set; }

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public EditScope Scope { get; private set; } = EditScope.Nothing;

    public async Task<IActionResult> OnGetAsync(string? zoek, string? pagina, CancellationToken ct)
    {
        Scope = await access.ScopeAsync(ct);
        Zoek = string.IsNullOrWhiteSpace(zoek) ? null : zoek.Trim();
        if (pagina is not null && (!int.TryParse(pagina, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) || number < 1))
        {
            return BadRequest();
        }

        var regionId = HttpContext.Region().Id;
        var query = Scope.Filter(db.Projects.AsNoTracking().Where(p => p.RegionId == regionId));
        if (Zoek is { } text)
        {
            var pattern = "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal).ToLowerInvariant() + "%";
            query = query.Where(p => EF.Functions.Like(p.Name.ToLower(), pattern, "\\") || EF.Functions.Like(p.Id.ToLower(), pattern, "\\")
                || EF.Functions.Like(p.Municipality!.Name.ToLower(), pattern, "\\"));
        }

        Total = await query.CountAsync(ct);
        Pagina = Math.Min(pagina is null ? 1 : int.Parse(pagina, System.Globalization.CultureInfo.InvariantCulture), Pages);
        Projects = await query.OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Skip((Pagina - 1) * PageSize).Take(PageSize)
            .Select(p => new Row(p.Id, p.Name, p.Municipality!.Name, p.Phase, p.CapacityMw, p.IsExample))
            .ToListAsync(ct);
        return Page();
    }

    /// <summary>The address of another page of the same search.</summary>
    public string PageLink(int page) =>
        "/beheer/projecten?" + (Zoek is null ? "" : "zoek=" + Uri.EscapeDataString(Zoek) + "&") + "pagina=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
