using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using ResMonitor.Core;
using ResMonitor.Web.Infrastructure;

namespace ResMonitor.Web.Features.History;

/// <summary>
/// `?peildatum=2024-01-01`: show the register as it was known at the end of that day (see
/// <see cref="Core.History.RegisterAsOf"/>). Absent, empty or today means today; a malformed date or one in the
/// future is a 400 that names the parameter.
/// </summary>
public static class Peildatum
{
    /// <summary>What the banner of a past page says: the day shown, and the register's first day when the day lies before it.</summary>
    public sealed record Banner(DateOnly Date, DateOnly? FirstDay)
    {
        public static Banner Of(Core.History.RegisterState state) => new(state.Date, state.BeforeFirstDay ? state.FirstDay : null);
    }

    public const string Parameter = "peildatum";

    public const string Description = "Toon de stand van het register zoals die bekend was aan het eind van deze dag (jjjj-mm-dd, bijvoorbeeld 2024-01-01), herbouwd uit het wijzigingslogboek. Leeg of vandaag: de stand van nu. Een datum in de toekomst of een onjuiste datum geeft 400.";

    /// <summary>The date asked for (null for today), or the reason it cannot be read, in Dutch and English.</summary>
    public sealed record Reading(DateOnly? Date, string? Dutch, string? English)
    {
        public bool IsValid => Dutch is null;
    }

    public static Reading Read(IQueryCollection query, TimeProvider clock) =>
        query.TryGetValue(Parameter, out var values) && values.Count > 1
            ? new(null, "Geef de parameter 'peildatum' hoogstens één keer.", "Give the parameter 'peildatum' at most once.")
            : Read(query[Parameter].ToString(), clock);

    public static Reading Read(string? text, TimeProvider clock)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return new(null, null, null);
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new(null,
                $"De parameter 'peildatum' moet een datum zijn in de vorm jjjj-mm-dd, bijvoorbeeld 2024-01-01, niet '{text}'.",
                $"The parameter 'peildatum' must be a date in the form yyyy-mm-dd, for example 2024-01-01, not '{text}'.");
        }

        var today = Today(clock);
        if (date > today)
        {
            return new(null,
                $"De parameter 'peildatum' ligt in de toekomst ({DutchFormat.Date(date)}). Kies vandaag of een eerdere dag: de monitor toont alleen wat bekend was.",
                $"The parameter 'peildatum' lies in the future ({date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}). Choose today or an earlier day: the monitor only shows what was known.");
        }

        return new(date == today ? null : date, null, null);
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    /// <summary>For a page: remembers the reason for the Dutch 400 page.</summary>
    public static void Refuse(HttpContext context, Reading reading) =>
        BadQuery.Page(context, Parameter, reading.Dutch!, reading.English!);

    /// <summary>For the API: ProblemDetails that name the parameter.</summary>
    public static ProblemHttpResult Problem(Reading reading) =>
        OpenData.Selection.BadRequest(Parameter, reading.Dutch!, ["jjjj-mm-dd, niet na vandaag"]);

    /// <summary>The address with the peildatum kept, so that a link within a past state stays in that past.</summary>
    public static string Keep(string href, DateOnly? date) =>
        date is { } d ? href + (href.Contains('?', StringComparison.Ordinal) ? "&" : "?") + Parameter + "=" + Text(d) : href;

    public static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
