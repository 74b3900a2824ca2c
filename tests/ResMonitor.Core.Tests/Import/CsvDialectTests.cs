using ResMonitor.Core.OpenData;

namespace ResMonitor.Core.Tests;

public class CsvDialectTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+31 592 000000", "'+31 592 000000")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Windpark = groot", "Windpark = groot")]
    [InlineData("", "")]
    public void Cells_that_start_like_a_formula_get_a_quote_in_front(string value, string expected)
    {
        Assert.Equal(expected, CsvDialect.Cell(value));
    }

    [Fact]
    public void Separators_quotes_and_line_breaks_are_quoted_in_both_dialects()
    {
        Assert.Equal("\"a,b\"", CsvDialect.Cell("a,b"));
        Assert.Equal("\"a;b\"", CsvDialect.Cell("a;b"));
        Assert.Equal("\"zeg \"\"ja\"\"\"", CsvDialect.Cell("zeg \"ja\""));
        Assert.Equal("\"=a,b\"".Replace("\"=", "\"'=", StringComparison.Ordinal), CsvDialect.Cell("=a,b"));
    }

    [Fact]
    public void The_Excel_dialect_writes_a_decimal_comma_and_a_BOM_the_standard_one_neither()
    {
        Assert.Equal("12,5", CsvDialect.Excel.Number("12.5"));
        Assert.Equal("12.5", CsvDialect.Standard.Number("12.5"));
        Assert.Equal("a;\"1,5\"", CsvDialect.Excel.Line(["a", CsvDialect.Excel.Number("1.5")]));
        Assert.Equal(3, CsvDialect.Excel.Encoding.GetPreamble().Length);
        Assert.Empty(CsvDialect.Standard.Encoding.GetPreamble());
    }
}
