using System.Globalization;
using System.Text.RegularExpressions;

namespace ResMonitor.Core.Governance;

/// <summary>How exactly a moment's date is known: "voorjaar 2022" is never shown as a day.</summary>
public enum DatePrecision
{
    Day,
    Month,
    Quarter,

    /// <summary>A meteorological season: spring March to May, summer June to August, autumn September to November, winter December to February.</summary>
    Season,
    HalfYear,

    /// <summary>The first months of a year ("begin 2024": January to April).</summary>
    EarlyYear,

    /// <summary>The last months of a year ("eind 2023": September to December).</summary>
    LateYear,
    Year,
}

/// <summary>
/// A date known to a day, month, quarter, season, half year, the beginning or end of a year, or a year: read from the
/// way people write it in Dutch ("1 juli 2023", "juli 2023", "Q3 2023", "voorjaar 2022", "tweede helft 2023",
/// "eind 2023", "2025") and written back the same way, never more exact than it is. <see cref="Start"/> and
/// <see cref="End"/> are the first and last day it may mean (for sorting and for a calendar).
/// </summary>
public readonly partial record struct FuzzyDate(DatePrecision Precision, DateOnly Start)
{
    private static readonly string[] Months =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    private static readonly string[] MonthsEnglish =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public const string Examples = "1 juli 2023, juli 2023, Q3 2023, voorjaar 2022, tweede helft 2023, begin 2024, eind 2023 of 2025";

    public DateOnly End => Precision switch
    {
        DatePrecision.Day => Start,
        DatePrecision.Month => Start.AddMonths(1).AddDays(-1),
        DatePrecision.Quarter or DatePrecision.Season => Start.AddMonths(3).AddDays(-1),
        DatePrecision.HalfYear => Start.AddMonths(6).AddDays(-1),
        DatePrecision.EarlyYear or DatePrecision.LateYear => Start.AddMonths(4).AddDays(-1),
        _ => Start.AddYears(1).AddDays(-1),
    };

    public static FuzzyDate OnDay(DateOnly day) => new(DatePrecision.Day, day);

    /// <summary>Reads a date as written in Dutch (or ISO: 2023-07-01, 2023-07); null when it cannot be read.</summary>
    public static FuzzyDate? Parse(string? text)
    {
        var t = Regex.Replace((text ?? "").Trim().ToLowerInvariant(), @"\s+", " ");
        if (t.Length == 0 || t.Length > 40)
        {
            return null;
        }

        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            return OnDay(iso);
        }

        if (YearOnly().Match(t) is { Success: true } y && Year(y.Groups["y"].Value) is { } year)
        {
            return new(DatePrecision.Year, new DateOnly(year, 1, 1));
        }

        if (IsoMonth().Match(t) is { Success: true } im && Year(im.Groups["y"].Value) is { } imYear && int.Parse(im.Groups["m"].Value, CultureInfo.InvariantCulture) is >= 1 and <= 12 and var imMonth)
        {
            return new(DatePrecision.Month, new DateOnly(imYear, imMonth, 1));
        }

        if (DayMonthYear().Match(t) is { Success: true } d && Month(d.Groups["m"].Value) is { } dm && Year(d.Groups["y"].Value) is { } dy)
        {
            var day = int.Parse(d.Groups["d"].Value, CultureInfo.InvariantCulture);
            return day >= 1 && day <= DateTime.DaysInMonth(dy, dm) ? OnDay(new DateOnly(dy, dm, day)) : null;
        }

        if (MonthYear().Match(t) is { Success: true } m && Month(m.Groups["m"].Value) is { } month && Year(m.Groups["y"].Value) is { } my)
        {
            return new(DatePrecision.Month, new DateOnly(my, month, 1));
        }

        if (Quarter().Match(t) is { Success: true } q && Year(q.Groups["y"].Value) is { } qy && Ordinal(q.Groups["q"].Value, 4) is { } quarter)
        {
            return new(DatePrecision.Quarter, new DateOnly(qy, (quarter * 3) - 2, 1));
        }

        if (Half().Match(t) is { Success: true } h && Year(h.Groups["y"].Value) is { } hy && Ordinal(h.Groups["h"].Value, 2) is { } half)
        {
            return new(DatePrecision.HalfYear, new DateOnly(hy, half == 1 ? 1 : 7, 1));
        }

        if (Season().Match(t) is { Success: true } s && Year(s.Groups["y"].Value) is { } sy)
        {
            // "winter 2023-2024" is the winter that starts in December 2023; only a winter spans two years.
            if (s.Groups["y2"].Success && (s.Groups["s"].Value != "winter" || Year(s.Groups["y2"].Value) != sy + 1))
            {
                return null;
            }

            var startMonth = s.Groups["s"].Value switch
            {
                "voorjaar" or "lente" => 3,
                "zomer" => 6,
                "najaar" or "herfst" => 9,
                _ => 12,
            };
            return new(DatePrecision.Season, new DateOnly(sy, startMonth, 1));
        }

        if (EarlyLate().Match(t) is { Success: true } e && Year(e.Groups["y"].Value) is { } ey)
        {
            return e.Groups["p"].Value == "begin"
                ? new(DatePrecision.EarlyYear, new DateOnly(ey, 1, 1))
                : new(DatePrecision.LateYear, new DateOnly(ey, 9, 1));
        }

        return null;
    }

    /// <summary>The date as the pages write it, in Dutch or English, no more exact than it is known.</summary>
    public string Format(bool english = false) => Precision switch
    {
        DatePrecision.Day => english
            ? $"{Start.Day} {MonthsEnglish[Start.Month - 1]} {Start.Year}"
            : $"{Start.Day} {Months[Start.Month - 1]} {Start.Year}",
        DatePrecision.Month => english ? $"{MonthsEnglish[Start.Month - 1]} {Start.Year}" : $"{Months[Start.Month - 1]} {Start.Year}",
        DatePrecision.Quarter => english
            ? $"Q{((Start.Month - 1) / 3) + 1} {Start.Year}"
            : $"{QuarterWords[(Start.Month - 1) / 3]} kwartaal {Start.Year}",
        DatePrecision.Season => (Start.Month, english) switch
        {
            (3, false) => $"voorjaar {Start.Year}",
            (6, false) => $"zomer {Start.Year}",
            (9, false) => $"najaar {Start.Year}",
            (_, false) => $"winter {Start.Year}-{Start.Year + 1}",
            (3, true) => $"spring {Start.Year}",
            (6, true) => $"summer {Start.Year}",
            (9, true) => $"autumn {Start.Year}",
            _ => $"winter {Start.Year}-{Start.Year + 1}",
        },
        DatePrecision.HalfYear => (Start.Month == 1, english) switch
        {
            (true, false) => $"eerste helft {Start.Year}",
            (false, false) => $"tweede helft {Start.Year}",
            (true, true) => $"first half of {Start.Year}",
            _ => $"second half of {Start.Year}",
        },
        DatePrecision.EarlyYear => english ? $"early {Start.Year}" : $"begin {Start.Year}",
        DatePrecision.LateYear => english ? $"late {Start.Year}" : $"eind {Start.Year}",
        _ => Start.Year.ToString(CultureInfo.InvariantCulture),
    };

    public override string ToString() => Format();

    private static readonly string[] QuarterWords = ["eerste", "tweede", "derde", "vierde"];

    private static int? Year(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2200 ? year : null;

    private static int? Month(string text)
    {
        var index = Array.FindIndex(Months, m => m == text || (text.Length >= 3 && m.StartsWith(text.TrimEnd('.'), StringComparison.Ordinal) && text.TrimEnd('.').Length >= 3));
        return index < 0 ? null : index + 1;
    }

    /// <summary>"1", "1e", "eerste", "q1", "h1" and so on, up to <paramref name="max"/>.</summary>
    private static int? Ordinal(string text, int max)
    {
        int? value = text.TrimStart('q', 'h').TrimEnd('e') switch
        {
            "1" or "eerst" => 1,
            "2" or "twee" or "tweed" => 2,
            "3" or "der" or "derd" => 3,
            "4" or "vier" or "vierd" => 4,
            _ => null,
        };
        return value <= max ? value : null;
    }

    [GeneratedRegex(@"^(?<y>\d{4})$")]
    private static partial Regex YearOnly();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{2})$")]
    private static partial Regex IsoMonth();

    [GeneratedRegex(@"^(?<d>\d{1,2}) (?<m>[a-z]+\.?) (?<y>\d{4})$")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"^(?<m>[a-z]+\.?) (?<y>\d{4})$")]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"^(?:(?<q>q[1-4]) (?<y>\d{4})|(?<q>[1-4]e|eerste|tweede|derde|vierde) kwartaal(?: van)? (?<y>\d{4}))$")]
    private static partial Regex Quarter();

    [GeneratedRegex(@"^(?:(?<h>h[12]) (?<y>\d{4})|(?<h>[12]e|eerste|tweede) (?:helft|halfjaar)(?: van)? (?<y>\d{4}))$")]
    private static partial Regex Half();

    [GeneratedRegex(@"^(?<s>voorjaar|lente|zomer|najaar|herfst|winter) (?<y>\d{4})(?:[-/](?<y2>\d{4}))?$")]
    private static partial Regex Season();

    [GeneratedRegex(@"^(?<p>begin|eind|einde)(?: van)? (?<y>\d{4})$")]
    private static partial Regex EarlyLate();
}
