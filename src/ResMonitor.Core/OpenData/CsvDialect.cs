using System.Text;

namespace ResMonitor.Core.OpenData;

/// <summary>
/// How a CSV file is spelled. <see cref="Standard"/> is the open-data norm (comma, decimal point, UTF-8 without
/// BOM); <see cref="Excel"/> opens correctly in a Dutch spreadsheet by double-click (semicolon, decimal comma,
/// UTF-8 with BOM). Both have the same columns and both can be imported again.
/// </summary>
public sealed record CsvDialect(char Separator, bool DecimalComma, bool ByteOrderMark)
{
    public static readonly CsvDialect Standard = new(',', DecimalComma: false, ByteOrderMark: false);

    public static readonly CsvDialect Excel = new(';', DecimalComma: true, ByteOrderMark: true);

    /// <summary>The separator of a file from its header line: ';' when it has more semicolons than commas.</summary>
    public static char Detect(string headerLine) =>
        headerLine.AsSpan().Count(';') > headerLine.AsSpan().Count(',') ? ';' : ',';

    public Encoding Encoding => new UTF8Encoding(ByteOrderMark);

    /// <summary>A number as written by <c>ProjectExport.Number</c>, with a decimal comma where the dialect wants one.</summary>
    public string Number(string invariant) => DecimalComma ? invariant.Replace('.', ',') : invariant;

    /// <summary>
    /// Quotes where needed, and neutralises text a spreadsheet would run as a formula (=, +, -, @, tab or carriage
    /// return at the start) by putting a single quote before it; the importer takes that quote off again.
    /// </summary>
    public static string Cell(string value)
    {
        value = Neutralise(value);
        return value.AsSpan().IndexOfAny(NeedQuotes) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static readonly System.Buffers.SearchValues<char> NeedQuotes = System.Buffers.SearchValues.Create(",\"\n\r;");

    /// <summary>Text a spreadsheet would run as a formula, with a single quote before it (CSV and XLSX alike).</summary>
    public static string Neutralise(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    public string Line(IEnumerable<string> cells) => string.Join(Separator, cells.Select(Cell));

    /// <summary>
    /// The same text as <see cref="Line"/>, appended to <paramref name="line"/> (cleared first): a long export builds
    /// each line in one reused buffer instead of a string per cell and per line.
    /// </summary>
    public void Line(StringBuilder line, string[] cells)
    {
        line.Clear();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                line.Append(Separator);
            }

            // Cell's own answer where it changes anything; every other cell as it is, without a copy.
            var value = cells[i];
            line.Append(value.AsSpan().IndexOfAny(NeedQuotes) >= 0 || (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
                ? Cell(value)
                : value);
        }
    }
}
