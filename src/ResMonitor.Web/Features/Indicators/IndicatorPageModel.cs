using Microsoft.AspNetCore.Mvc.RazorPages;
using ResMonitor.Core.Data;
using ResMonitor.Web.Features.Charts;
using ResMonitor.Web.Infrastructure;

namespace ResMonitor.Web.Features.Indicators;

/// <summary>What every indicator page has: the register's data for this request and the charts drawn from it.</summary>
public abstract class IndicatorPageModel : PageModel
{
    protected IndicatorPageModel(ResMonitorDbContext db, TimeProvider clock, Language language)
    {
        Lang = language;
        Data = new IndicatorData(
            ct => HttpContext.RequestServices.GetRequiredService<Register.RegisterResolver>().TodayAsync(ct),
            History.Peildatum.Today(clock),
            () => HttpContext.RequestServices.GetRequiredService<Regions.CurrentRegion>());
        Charts = new ChartCatalog(Data, language);
    }

    public Language Lang { get; }

    public IndicatorData Data { get; }

    public ChartCatalog Charts { get; }

    public DateOnly Today => Data.Today;
}
