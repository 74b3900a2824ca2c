using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using ResMonitor.Core.Governance;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Infrastructure;

namespace ResMonitor.Web.Features.Governance;

/// <summary>
/// GET /tijdlijn.ics (and /{regio}/tijdlijn.ics): the shared timeline as an iCalendar feed, optionally for one level.
/// A moment known to a day is an all-day event on that day; a vaguer one spans every day it may mean, and its summary
/// says how exactly it is known ("voorjaar 2022"), so that a calendar never shows it as more exact than it is.
/// </summary>
public static class TimelineCalendar
{
    public static IEndpointRouteBuilder MapTimelineCalendar(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/tijdlijn.ics", GetAsync).WithTags("Tijdlijn").WithSummary("De tijdlijn van besluitmomenten als iCalendar");
        routes.MapGet("/{regio}/tijdlijn.ics", GetAsync).WithTags("Tijdlijn").WithSummary("De tijdlijn van een regio als iCalendar");
        return routes;
    }

    internal static async Task<IResult> GetAsync(
        [System.ComponentModel.Description("Alleen dit niveau: National, Provincial, Regional of Local.")] string? niveau,
        Timeline timeline, CurrentRegion region, Language language, CancellationToken ct)
    {
        var level = Timeline.Name<MomentLevel>(niveau);
        if (!string.IsNullOrEmpty(niveau) && level is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Onbekend niveau",
                detail: $"Het niveau '{niveau}' bestaat niet: kies National, Provincial, Regional of Local.");
        }

        var moments = (await timeline.ListAsync(region.Id, ct)).Where(m => level is null || m.Level == level);
        var calendar = new Calendar { ProductId = "-//ResMonitor//Tijdlijn//NL" };
        calendar.AddProperty("X-WR-CALNAME", language.T("RES-tijdlijn ", "RES timeline ") + region.Id);
        foreach (var m in moments)
        {
            var date = m.Date.Format(language.IsEnglish);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"moment-{m.Id}@{region.Id}.resmonitor",
                Summary = m.Date.Precision == DatePrecision.Day ? m.Title : $"{m.Title} ({date})",
                Description = string.Join("\n", new[]
                {
                    language.T("Datum: ", "Date: ") + date,
                    language.T("Soort: ", "Kind: ") + language.T(Timeline.Kinds[m.Kind].Dutch, Timeline.Kinds[m.Kind].English),
                    m.Bodies is { } bodies ? language.T("Wie: ", "Who: ") + bodies : null,
                    m.Note,
                    language.T("Bron: ", "Source: ") + m.Source,
                }.Where(line => line is not null)),
                DtStart = new CalDateTime(m.Date.Start),
                DtEnd = new CalDateTime(m.Date.End.AddDays(1)),
            });
        }

        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return TypedResults.File(Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8", "tijdlijn.ics");
    }
}
