using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;
using ResMonitor.Core.Regions;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.Regions;

/// <summary>
/// Every public page also answers under <c>/{regio}/...</c> (the home page under <c>/{regio}</c>); the editors' pages,
/// accounts and the error page do not. Literal addresses win over the parameter, so <c>/kaart</c> stays the map of
/// the default region. The extra addresses take no part in link generation. See docs/decisions/0014.
/// </summary>
public sealed class RegionRouteConvention : IPageRouteModelConvention
{
    /// <summary>The first address segments of pages that belong to no region: editors, accounts, the region list, errors.</summary>
    private static readonly string[] NotPublic = ["beheer", "inloggen", "uitloggen", "regios", "fout"];

    public static bool IsPublic(string template)
    {
        var first = template.TrimStart('/').Split('/', 2)[0];
        return !NotPublic.Contains(first, StringComparer.OrdinalIgnoreCase);
    }

    public void Apply(PageRouteModel model)
    {
        foreach (var selector in model.Selectors.ToList())
        {
            var template = selector.AttributeRouteModel?.Template;
            if (template is null || !IsPublic(template))
            {
                continue;
            }

            model.Selectors.Add(new SelectorModel
            {
                AttributeRouteModel = new AttributeRouteModel
                {
                    Template = AttributeRouteModel.CombineTemplates("{" + CurrentRegion.RouteKey + "}", template.TrimStart('/')),
                    SuppressLinkGeneration = true,
                },
            });
        }
    }
}

/// <summary>
/// A public page asked for under a region that is not in the register answers 404; the error page then lists the
/// regions that are (see <see cref="Regions"/>).
/// </summary>
public sealed class UnknownRegionFilter(CurrentRegion region, RegisterResolver register) : IAsyncPageFilter
{
    private const string Key = "rm-unknown-region";

    public sealed record Unknown(string Asked, IReadOnlyList<Region> Known);

    public static Unknown? Find(HttpContext context) => context.Items.TryGetValue(Key, out var value) ? value as Unknown : null;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var state = await register.TodayAsync(context.HttpContext.RequestAborted);
        region.Name = state.Region(region.Id)?.Name;
        region.RegionCount = state.Regions.Count;
        if (region.FromRoute is { } asked)
        {
            if (state.Region(asked) is null)
            {
                context.HttpContext.Items[Key] = new Unknown(asked, state.Regions.OrderBy(r => r.Name, StringComparer.Ordinal).ToList());
                context.Result = new NotFoundResult();
                return;
            }
        }

        await next();
    }
}
