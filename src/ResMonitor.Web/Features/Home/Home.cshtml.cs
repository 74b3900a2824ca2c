using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Register;
using ResMonitor.Web.Features.Charts;
using ResMonitor.Web.Features.Forecast;
using ResMonitor.Web.Features.Indicators;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Features.Register;
using ResMonitor.Web.Infrastructure;

namespace ResMonitor.Web.Features.Home;

public sealed class HomeModel(RegisterResolver register, ForecastCache forecasts, TimeProvider clock, Language language) : PageModel
{
    public RegionSummary Summary { get; private set; } = null!;

    public ResMonitor.Core.Forecast.RegionForecast? Forecast { get; private set; }

    /// <summary>Realised and pipeline per year, from the phase history.</summary>
    public ChartTable Trend { get; private set; } = null!;

    /// <summary>Per technique with an official (CBS) count: how much of it the register holds; empty without one.</summary>
    public IReadOnlyList<Completeness> Completeness { get; private set; } = [];

    /// <summary>With more than one region in the instance: this region's line of the national roll-up and the national average.</summary>
    public (ResMonitor.Core.National.NationalRegionLine Line, ResMonitor.Core.National.NationalOverview National)? Comparison { get; private set; }

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

        var state = await register.OnAsync(reading.Date, ct);
        if (RegisterFigures.Summary(state, HttpContext.Region().Id) is not { } summary)
        {
            return NotFound();
        }

        Summary = summary;
        if (state.Regions.Count > 1)
        {
            var national = ResMonitor.Core.National.NationalFigures.Of(state);
            Comparison = (national.Regions.First(r => r.RegionId == HttpContext.Region().Id), national);
        }

        Completeness = ResMonitor.Core.Register.Completeness.Of(state, HttpContext.Region().Id);
        var trend = await new ChartCatalog(new IndicatorData(state, HttpContext.Region()), language).TrendAsync(ct);
        if (reading.Date is { } date)
        {
            // The past: the register as known at the end of that day; the forecast is only made for today.
            Peildatum = date;
            Past = History.Peildatum.Banner.Of(state);
            Trend = trend with { Peildatum = date };
            return Page();
        }

        Forecast = await forecasts.GetAsync(HttpContext.Region().Id, ct);
        Trend = trend;
        return Page();
    }
}
