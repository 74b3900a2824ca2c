using System.Buffers;
using System.Globalization;

namespace ResMonitor.Core.Import;

/// <summary>
/// Reads numbers as people type them in the Netherlands and elsewhere: "12,5", "12.5", "1.234,5" and "1,234.5" are
/// all clear. "1.234" or "1,234" could be a thousand or a decimal and is refused rather than guessed.
/// </summary>
public static class DutchNumber
{
    private static readonly SearchValues<char> NumberCharacters = SearchValues.Create("0123456789,.");

    public static bool TryParse(string text, out decimal value, out string error)
    {
        value = 0;
        error = "";
        var s = text.AsSpan().Trim();
        if (s.ContainsAny(' ', '\u00a0'))
        {
            s = s.ToString().Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        }

        if (s.Length == 0)
        {
            error = "leeg";
            return false;
        }

        var negative = s[0] == '-';
        var body = s[0] is '-' or '+' ? s[1..] : s;
        if (body.Length == 0 || body.ContainsAnyExcept(NumberCharacters) || !char.IsAsciiDigit(body[0]))
        {
            error = $"'{text}' is geen getal";
            return false;
        }

        var lastComma = body.LastIndexOf(',');
        var lastDot = body.LastIndexOf('.');
        ReadOnlySpan<char> integer, fraction;
        char? grouping;
        if (lastComma >= 0 && lastDot >= 0)
        {
            var decimalAt = Math.Max(lastComma, lastDot);
            grouping = decimalAt == lastComma ? '.' : ',';
            integer = body[..decimalAt];
            fraction = body[(decimalAt + 1)..];
            // The decimal separator once only: "1.2,345.6" is no number (the fraction never holds a separator).
            if (integer.Contains(body[decimalAt]))
            {
                error = $"'{text}' is geen geldig getal";
                return false;
            }
        }
        else if (lastComma >= 0 || lastDot >= 0)
        {
            var separator = lastComma >= 0 ? ',' : '.';
            var count = body.Count(separator);
            if (count > 1)
            {
                grouping = separator;
                integer = body;
                fraction = [];
            }
            else
            {
                var at = body.IndexOf(separator);
                var before = body[..at];
                var after = body[(at + 1)..];
                if (after.Length == 3 && before is not "0" && before.Length <= 3)
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
            fraction = [];
        }

        // The digits as invariant text: integer part without grouping characters, then "." and the fraction.
        var invariant = body.Length <= 128 ? stackalloc char[body.Length + 1] : new char[body.Length + 1];
        var length = 0;
        if (grouping is { } g)
        {
            var groups = 0;
            foreach (var range in integer.Split(g))
            {
                var group = integer[range];
                if (groups++ == 0 ? group.Length is 0 or > 3 : group.Length != 3)
                {
                    error = $"'{text}' heeft de scheidingstekens op een onverwachte plaats";
                    return false;
                }

                group.CopyTo(invariant[length..]);
                length += group.Length;
            }
        }
        else
        {
            integer.CopyTo(invariant);
            length = integer.Length;
        }

        if (length == 0 || (fraction.Length == 0 && body.EndsWith(',') | body.EndsWith('.')))
        {
            error = $"'{text}' is geen geldig getal";
            return false;
        }

        if (fraction.Length > 0)
        {
            invariant[length++] = '.';
            fraction.CopyTo(invariant[length..]);
            length += fraction.Length;
        }

        if (!decimal.TryParse(invariant[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            error = $"'{text}' is te groot";
            return false;
        }

        value = negative ? -value : value;
        return true;
    }
}
