using System.Globalization;

namespace ResMonitor.Core;

/// <summary>
/// The one rule for text, in every channel (import files, the site's forms, the API, the command line): a text may
/// hold any character except control characters other than tab, carriage return and line feed, half a surrogate
/// pair, and the non-characters U+FFFE and U+FFFF. Those are the characters that XML (XLSX, the OpenXML export)
/// cannot hold and PostgreSQL refuses (NUL); text without them goes into every export format and both databases.
/// </summary>
public static class TextRule
{
    /// <summary>The position (0-based) of the first character the rule refuses, or -1 when the text is good.</summary>
    public static int FirstForbidden(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ')
            {
                if (c is not ('\t' or '\r' or '\n'))
                {
                    return i;
                }
            }
            else if (c < '\u007f')
            {
                // Printable ASCII: the common case, kept cheap.
            }
            else if (c <= '\u009f' || c is '\ufffe' or '\uffff')
            {
                return i;
            }
            else if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return i;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    public static bool IsAllowed(ReadOnlySpan<char> text) => FirstForbidden(text) < 0;

    /// <summary>
    /// The Dutch message for a text the rule refuses, or null when it is good; <paramref name="what"/> names the field
    /// as the sentence's subject ("De naam", "Het veld 'bron'").
    /// </summary>
    public static string? Check(string? text, string what)
    {
        if (text is null)
        {
            return null;
        }

        var at = FirstForbidden(text);
        return at < 0 ? null : Message(what, text[at], at);
    }

    /// <summary>The message for a forbidden character at a position (0-based) in the field.</summary>
    public static string Message(string what, char c, int position) =>
        $"{what} bevat een teken dat niet is toegestaan ({Describe(c)}) op positie {(position + 1).ToString(CultureInfo.InvariantCulture)}. " +
        "Alleen tab en regeleinde zijn als stuurteken toegestaan; verwijder het teken (het is vaak onzichtbaar, bijvoorbeeld na kopiëren uit een ander programma).";

    private static string Describe(char c) => c switch
    {
        '\0' => "U+0000, het nulteken",
        _ when char.IsSurrogate(c) => $"U+{(int)c:X4}, een half teken",
        _ when c is '\ufffe' or '\uffff' => $"U+{(int)c:X4}, geen teken",
        _ => $"U+{(int)c:X4}, een stuurteken",
    };
}
