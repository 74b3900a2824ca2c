using System.Globalization;
using ResMonitor.Core.Import;

namespace ResMonitor.Web.Features.Editing;

/// <summary>Reads typed values from a posted form; a value that cannot be read gets its Dutch message next to the field.</summary>
public sealed class FormReader(IReadOnlyDictionary<string, string> values, FieldErrors errors)
{
    /// <summary>The posted values by field name, without the form token.</summary>
    public static Dictionary<string, string> Values(IFormCollection form)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in form)
        {
            if (key != "__RequestVerificationToken")
            {
                values[key] = value.ToString();
            }
        }

        return values;
    }

    public string? Text(string field) => values.GetValueOrDefault(field)?.Trim() is { Length: > 0 } s ? s : null;

    public T? Enum<T>(string field)
        where T : struct, System.Enum
    {
        if (Text(field) is not { } text)
        {
            return null;
        }

        if (System.Enum.TryParse<T>(text, ignoreCase: false, out var value) && System.Enum.IsDefined(value) && !char.IsAsciiDigit(text[0]))
        {
            return value;
        }

        errors.Add(field, $"'{text}' is geen keuze uit de lijst.");
        return null;
    }

    /// <summary>
    /// A number with a comma or a point as decimal separator ("19,9" or "19.9"); with both, the last one is the
    /// decimal separator ("1.234,5"). Coordinates and values such as "52,997" are read as decimals.
    /// </summary>
    public decimal? Number(string field)
    {
        if (Text(field) is not { } text)
        {
            return null;
        }

        var compact = text.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        if (compact.Contains(',', StringComparison.Ordinal) && compact.Contains('.', StringComparison.Ordinal))
        {
            if (DutchNumber.TryParse(compact, out var dutch, out _))
            {
                return dutch;
            }
        }
        else if (decimal.TryParse(compact.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(field, $"'{text}' is geen getal. Schrijf bijvoorbeeld 19,9.");
        return null;
    }

    public long? WholeNumber(string field)
    {
        if (Text(field) is not { } text)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(field, $"'{text}' is geen geheel getal.");
        return null;
    }

    public DateOnly? Date(string field)
    {
        if (Text(field) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "d-M-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, $"'{text}' is geen datum. Schrijf bijvoorbeeld 2024-03-01.");
        return null;
    }
}
