using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;
using ResMonitor.Web.Charts;
using ResMonitor.Web.Indicators;
using ResMonitor.Web.Infrastructure;

namespace ResMonitor.Web.Pages;

public sealed class IndexModel(
    ResMonitorDbContext db, OverviewService overviews, ResMonitor.Web.Forecast.ForecastCache forecasts, TimeProvider clock, Language language) : PageModel
{
    public RegionSummary Summary { get; private set; } = null!;

    public ResMonitor.Core.Forecast.RegionForecast? Forecast { get; private set; }

    /// <summary>Realised and pipeline per year, from the phase history.</summary>
    public ChartTable Trend { get; private set; } = null!;

    /// <summary>The day asked for with ?peildatum=, or null for today.</summary>
    public DateOnly? Peildatum { get; private set; }

    /// <summary>What the banner says on a past page; null for today.</summary>
    public History.Peildatum.Banner? Past { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var reading = History.Peildatum.Read(Request.Query, clock);
        if (!reading.IsValid)
        {
            History.Peildatum.Refuse(HttpContext, reading);
            return BadRequest();
        }

        if (reading.Date is { } date)
        {
            // The past: the register as known at the end of that day; the forecast is only made for today.
            var state = await Core.History.RegisterAsOf.LoadAsync(db, date, clock.LocalTimeZone, ct);
            var past = state.Region(ReferenceData.DefaultRegion);
            var pastOverview = OverviewService.Calculate(state, ReferenceData.DefaultRegion);
            if (past is null || pastOverview is null)
            {
                return NotFound();
            }

            Peildatum = date;
            Past = History.Peildatum.Banner.Of(state);
            Summary = RegionSummary.From(past, pastOverview);
            Trend = await new ChartCatalog(new IndicatorData(db, clock) { State = state }, language).TrendAsync(ct) with { Peildatum = date };
            return Page();
        }

        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == ReferenceData.DefaultRegion, ct);
        var overview = region is null ? null : await overviews.GetAsync(region.Id, ct: ct);
        if (region is null || overview is null)
        {
            return NotFound();
        }

        Summary = RegionSummary.From(region, overview);
        Forecast = await forecasts.GetAsync(region.Id, ct);
        Trend = await new ChartCatalog(new IndicatorData(db, clock), language).TrendAsync(ct);
        return Page();
    }
}
