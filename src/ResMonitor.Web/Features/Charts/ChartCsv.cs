using System.Text;

namespace ResMonitor.Web.Features.Charts;

/// <summary>The table of a chart as CSV (RFC 4180, comma, CRLF, UTF-8 with byte order mark, one header row).</summary>
public static class ChartCsv
{
    public static byte[] Write(ChartTable table)
    {
        var text = new StringBuilder();
        Line(text, [table.RowHeader, .. table.Series.Select(s => s.Label)]);
        foreach (var row in table.Rows)
        {
            Line(text, [row.Label, .. row.Values.Select((v, i) => ChartTable.CsvCell(v, table.Series[i]))]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void Line(StringBuilder text, IEnumerable<string> cells)
    {
        text.AppendJoin(',', cells.Select(Quote)).Append("\r\n");
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
}
