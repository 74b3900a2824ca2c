using System.Globalization;

namespace ResMonitor.Core.Import;

/// <summary>
/// Reads numbers as people type them in the Netherlands and elsewhere: "12,5", "12.5", "1.234,5" and "1,234.5" are
/// all clear. "1.234" or "1,234" could be a thousand or a decimal and is refused rather than guessed.
/// </summary>
public static class DutchNumber
{
    public static bool TryParse(string text, out decimal value, out string error)
    {
        value = 0;
        error = "";
        var s = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        if (s.Length == 0)
        {
            error = "leeg";
            return false;
        }

        var negative = s[0] == '-';
        var body = s[0] is '-' or '+' ? s[1..] : s;
        if (body.Length == 0 || body.Any(c => !char.IsAsciiDigit(c) && c != ',' && c != '.') || !char.IsAsciiDigit(body[0]))
        {
            error = $"'{text}' is geen getal";
            return false;
        }

        var lastComma = body.LastIndexOf(',');
        var lastDot = body.LastIndexOf('.');
        string integer, fraction;
        char? grouping;
        if (lastComma >= 0 && lastDot >= 0)
        {
            var decimalAt = Math.Max(lastComma, lastDot);
            grouping = decimalAt == lastComma ? '.' : ',';
            integer = body[..decimalAt];
            fraction = body[(decimalAt + 1)..];
            if (fraction.Contains(',') || fraction.Contains('.'))
            {
                error = $"'{text}' is geen geldig getal";
                return false;
            }
        }
        else if (lastComma >= 0 || lastDot >= 0)
        {
            var separator = lastComma >= 0 ? ',' : '.';
            var count = body.Count(c => c == separator);
            if (count > 1)
            {
                grouping = separator;
                integer = body;
                fraction = "";
            }
            else
            {
                var at = body.IndexOf(separator, StringComparison.Ordinal);
                var before = body[..at];
                var after = body[(at + 1)..];
                if (after.Length == 3 && before != "0" && before.Length <= 3)
                {
                    error = $"'{text}' is dubbelzinnig: schrijf {before}{after} voor een geheel getal of gebruik een decimaal met minder of meer dan drie cijfers achter de komma";
                    return false;
                }

                grouping = null;
                integer = before;
                fraction = after;
            }
        }
        else
        {
            grouping = null;
            integer = body;
            fraction = "";
        }

        if (grouping is { } g)
        {
            var groups = integer.Split(g);
            if (groups[0].Length is 0 or > 3 || groups.Skip(1).Any(x => x.Length != 3))
            {
                error = $"'{text}' heeft de scheidingstekens op een onverwachte plaats";
                return false;
            }

            integer = string.Concat(groups);
        }

        if (integer.Length == 0 || (fraction.Length == 0 && body.EndsWith(',') | body.EndsWith('.')))
        {
            error = $"'{text}' is geen geldig getal";
            return false;
        }

        var invariant = fraction.Length > 0 ? integer + "." + fraction : integer;
        if (!decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            error = $"'{text}' is te groot";
            return false;
        }

        value = negative ? -value : value;
        return true;
    }
}
