using System.Globalization;
using System.Net;
using System.Text;

namespace ResMonitor.Web.Features.Charts;

/// <summary>
/// Draws a <see cref="ChartTable"/> as inline SVG on the server: no script, no canvas, no inline style. Colours come
/// from CSS classes (site.css, "Charts"); every series after the first is also patterned, and bars carry their value
/// as text, so colour is never the only carrier. The viewBox is narrow, so text stays legible when the chart is
/// scaled to a 320 px screen.
/// </summary>
public static class SvgChart
{
    private const double FontSize = 11;

    public static string Render(ChartTable table, CultureInfo culture) => table.Kind switch
    {
        ChartKind.Columns => Columns(table, culture),
        _ => Bars(table, culture),
    };

    private static string Columns(ChartTable table, CultureInfo culture)
    {
        const double left = 46, right = 8, top = 26, bottom = 24, plotHeight = 170, slot = 30;
        var n = Math.Max(1, table.Rows.Count);
        var width = left + n * slot + right;
        var height = top + plotHeight + bottom;
        var max = Math.Max(table.Rows.Select(table.PlottedSum).DefaultIfEmpty(0).Max(), table.Target?.Value ?? 0);
        var (axisMax, step) = NiceScale(max);
        double Y(decimal value) => top + plotHeight - (double)(value / axisMax) * plotHeight;

        var svg = Open(table, width, height);
        for (var tick = 0m; tick <= axisMax; tick += step)
        {
            var y = Y(tick);
            svg.Append(Inv($"<line class=\"rm-chart__grid\" x1=\"{F(left)}\" y1=\"{F(y)}\" x2=\"{F(width - right)}\" y2=\"{F(y)}\"></line>"));
            svg.Append(Inv($"<text class=\"rm-chart__text rm-chart__tick\" x=\"{F(left - 4)}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{Encode(tick.ToString("N0", culture))}</text>"));
        }

        var labelEvery = n > 14 ? 2 : 1;
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            var x = left + i * slot + 4;
            var bottomValue = 0m;
            foreach (var (series, index) in table.Plotted)
            {
                var value = row.Values[index];
                if (value > 0)
                {
                    var y1 = Y(bottomValue + value);
                    svg.Append(Inv($"<rect {Fill(table, series)} x=\"{F(x)}\" y=\"{F(y1)}\" width=\"{F(slot - 8)}\" height=\"{F(Y(bottomValue) - y1)}\"></rect>"));
                }

                bottomValue += value;
            }

            if (i % labelEvery == (n - 1) % labelEvery)
            {
                svg.Append(Inv($"<text class=\"rm-chart__text\" x=\"{F(x + (slot - 8) / 2)}\" y=\"{F(top + plotHeight + 16)}\" text-anchor=\"middle\">{Encode(row.Label)}</text>"));
            }
        }

        svg.Append(Inv($"<line class=\"rm-chart__axis\" x1=\"{F(left)}\" y1=\"{F(top + plotHeight)}\" x2=\"{F(width - right)}\" y2=\"{F(top + plotHeight)}\"></line>"));
        if (table.Target is { } target)
        {
            var y = Y(target.Value);
            svg.Append(Inv($"<line class=\"rm-chart__target\" x1=\"{F(left)}\" y1=\"{F(y)}\" x2=\"{F(width - right)}\" y2=\"{F(y)}\"></line>"));
            svg.Append(Inv($"<text class=\"rm-chart__text rm-chart__target-label\" x=\"{F(width - right)}\" y=\"{F(y - 5)}\" text-anchor=\"end\">{Encode(target.Label)}</text>"));
        }

        svg.Append(Inv($"<text class=\"rm-chart__text rm-chart__unit\" x=\"0\" y=\"{F(FontSize)}\">{Encode(table.Unit)}</text>"));
        return svg.Append("</svg>").ToString();
    }

    private static string Bars(ChartTable table, CultureInfo culture)
    {
        const double width = 360, rowHeight = 24, barHeight = 15, valueWidth = 66, top = 4;
        var longest = table.Rows.Select(r => r.Label.Length).DefaultIfEmpty(4).Max();
        var labelWidth = Math.Min(160, Math.Max(40, longest * FontSize * 0.56 + 6));
        var barWidth = width - labelWidth - valueWidth;
        var height = top + Math.Max(1, table.Rows.Count) * rowHeight + 4;
        var max = table.Rows.Select(table.PlottedSum).DefaultIfEmpty(0).Max();
        var scale = max > 0 ? barWidth / (double)max : 0;
        var valueSeries = table.Plotted.First().Series;

        var svg = Open(table, width, height);
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            var y = top + i * rowHeight;
            svg.Append(Inv($"<text class=\"rm-chart__text\" x=\"{F(labelWidth - 6)}\" y=\"{F(y + barHeight - 3)}\" text-anchor=\"end\">{Encode(Shorten(row.Label, labelWidth))}</text>"));
            var x = labelWidth;
            foreach (var (series, index) in table.Plotted)
            {
                var w = (double)row.Values[index] * scale;
                if (w > 0)
                {
                    svg.Append(Inv($"<rect {Fill(table, series)} x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(Math.Max(w, 1))}\" height=\"{F(barHeight)}\"></rect>"));
                }

                x += w;
            }

            var total = table.PlottedSum(row);
            svg.Append(Inv($"<text class=\"rm-chart__text rm-chart__value\" x=\"{F(x + 4)}\" y=\"{F(y + barHeight - 3)}\">{Encode(ChartTable.Cell(total, valueSeries, culture) + " " + table.Unit)}</text>"));
        }

        svg.Append(Inv($"<line class=\"rm-chart__axis\" x1=\"{F(labelWidth)}\" y1=\"0\" x2=\"{F(labelWidth)}\" y2=\"{F(height)}\"></line>"));
        return svg.Append("</svg>").ToString();
    }

    /// <summary>The svg element, its accessible name and description, and the patterns this chart uses.</summary>
    private static StringBuilder Open(ChartTable table, double width, double height)
    {
        var id = "grafiek-" + table.Name;
        var svg = new StringBuilder();
        svg.Append(Inv($"<svg class=\"rm-chart rm-chart--{(table.Kind == ChartKind.Columns ? "columns" : "bars")}\" viewBox=\"0 0 {F(width)} {F(height)}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" focusable=\"false\">"));
        svg.Append(Inv($"<title id=\"{id}-title\">{Encode(table.Title)}</title><desc id=\"{id}-desc\">{Encode(table.Description)}</desc>"));
        svg.Append("<defs>");
        svg.Append(Inv($"<pattern id=\"{id}-p1\" patternUnits=\"userSpaceOnUse\" width=\"5\" height=\"5\" patternTransform=\"rotate(45)\"><rect class=\"rm-chart__ground--1\" x=\"0\" y=\"0\" width=\"5\" height=\"5\"></rect><rect class=\"rm-chart__ink--1\" x=\"0\" y=\"0\" width=\"2.2\" height=\"5\"></rect></pattern>"));
        svg.Append(Inv($"<pattern id=\"{id}-p2\" patternUnits=\"userSpaceOnUse\" width=\"5\" height=\"5\"><rect class=\"rm-chart__ground--2\" x=\"0\" y=\"0\" width=\"5\" height=\"5\"></rect><circle class=\"rm-chart__ink--2\" cx=\"2.5\" cy=\"2.5\" r=\"1.4\"></circle></pattern>"));
        svg.Append("</defs>");
        return svg;
    }

    /// <summary>Solid styles take their fill from CSS; patterned ones point at this chart's own pattern.</summary>
    private static string Fill(ChartTable table, ChartSeries series) => series.Style switch
    {
        1 or 2 => $"class=\"rm-chart__bar rm-chart__bar--{series.Style}\" fill=\"url(#grafiek-{table.Name}-p{series.Style})\"",
        _ => $"class=\"rm-chart__bar rm-chart__bar--{series.Style}\"",
    };

    /// <summary>An axis maximum and step of 1, 2, 2.5 or 5 times a power of ten, about four steps high.</summary>
    public static (decimal Max, decimal Step) NiceScale(decimal max)
    {
        if (max <= 0)
        {
            return (1m, 1m);
        }

        var raw = (double)max / 4;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * power).First(s => s >= raw);
        var stepDecimal = (decimal)step;
        return (Math.Ceiling(max / stepDecimal) * stepDecimal, stepDecimal);
    }

    private static string Shorten(string label, double width)
    {
        var fits = (int)((width - 6) / (FontSize * 0.56));
        return label.Length <= fits ? label : label[..Math.Max(1, fits - 1)] + "…";
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
