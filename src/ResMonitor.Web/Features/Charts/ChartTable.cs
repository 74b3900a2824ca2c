using System.Globalization;

namespace ResMonitor.Web.Features.Charts;

public enum ChartKind
{
    /// <summary>Vertical stacked columns, one per row (e.g. per year).</summary>
    Columns,

    /// <summary>Horizontal stacked bars, one per row (e.g. per municipality).</summary>
    Bars,
}

/// <summary>
/// One column of the table. Plotted columns are drawn, stacked in their order; the others are only in the table and
/// the CSV. Style picks the fill: 0 green solid, 1 blue striped, 2 orange dotted, 3 blue solid.
/// </summary>
public sealed record ChartSeries(string Label, int Decimals, int Style, bool Plotted = true);

public sealed record ChartRow(string Label, IReadOnlyList<decimal> Values, string? Href = null);

/// <summary>A reference line across the chart, e.g. the 2030 target.</summary>
public sealed record ChartLine(decimal Value, string Label);

/// <summary>
/// A chart and its data table in one: the SVG, the HTML table and the CSV are all drawn from this, so they cannot
/// disagree.
/// </summary>
public sealed record ChartTable(
    string Name,
    ChartKind Kind,
    string Title,
    string Description,
    string RowHeader,
    IReadOnlyList<ChartSeries> Series,
    IReadOnlyList<ChartRow> Rows,
    string Unit,
    string Source,
    DateOnly ReferenceDate,
    ChartLine? Target = null)
{
    public string CsvHref => History.Peildatum.Keep($"/grafieken/{Name}.csv", Peildatum);

    /// <summary>Set when the chart shows a past day (?peildatum=), so that its CSV shows the same day.</summary>
    public DateOnly? Peildatum { get; init; }

    public IEnumerable<(ChartSeries Series, int Index)> Plotted =>
        Series.Select((s, i) => (s, i)).Where(x => x.s.Plotted);

    public decimal PlottedSum(ChartRow row) => Plotted.Sum(p => row.Values[p.Index]);

    /// <summary>A cell as the table shows it.</summary>
    public static string Cell(decimal value, ChartSeries series, CultureInfo culture) =>
        value.ToString("N" + series.Decimals, culture);

    /// <summary>A cell as the CSV holds it: the table's rounding, with a decimal point and no thousands separator.</summary>
    public static string CsvCell(decimal value, ChartSeries series) =>
        Math.Round(value, series.Decimals, MidpointRounding.AwayFromZero).ToString("F" + series.Decimals, CultureInfo.InvariantCulture);
}
