using System.Text;
using ResMonitor.Core.Geo;
using ResMonitor.Core.Import;

namespace ResMonitor.Core.Tests;

public class ParsingTests
{
    [Theory]
    [InlineData("12,5", 12.5)]
    [InlineData("12.5", 12.5)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("1.234.567", 1234567)]
    [InlineData("0,123", 0.123)]
    [InlineData("1234", 1234)]
    [InlineData(" 7 ", 7)]
    [InlineData("-3,25", -3.25)]
    public void Reads_Dutch_and_English_decimals_where_unambiguous(string text, double expected)
    {
        Assert.True(DutchNumber.TryParse(text, out var value, out var error), error);
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("1.234", "dubbelzinnig")]
    [InlineData("1,234", "dubbelzinnig")]
    [InlineData("twaalf", "geen getal")]
    [InlineData("12 MW", "geen getal")]
    [InlineData("1.23.4", "onverwachte plaats")]
    [InlineData("12,", "geen geldig getal")]
    public void Refuses_text_and_ambiguous_numbers_with_a_reason(string text, string reason)
    {
        Assert.False(DutchNumber.TryParse(text, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void Converts_RD_New_to_WGS84_within_a_metre()
    {
        // The Onze Lieve Vrouwetoren in Amersfoort, origin of the RD grid.
        var (lat, lon) = RdCoordinates.ToWgs84(155_000, 463_000);
        Assert.Equal(52.15517, lat, 5);
        Assert.Equal(5.38721, lon, 5);

        // Assen, Brink: RD (233 870, 557 080) lies near 52.993 N, 6.563 E.
        (lat, lon) = RdCoordinates.ToWgs84(233_870, 557_080);
        Assert.Equal(52.993, lat, 2);
        Assert.Equal(6.563, lon, 2);
    }

    [Theory]
    [InlineData(233_870, 557_080, true)]
    [InlineData(400_000, 557_080, false)]
    [InlineData(233_870, 100_000, false)]
    [InlineData(6.5, 52.9, false)]
    public void Knows_which_RD_coordinates_lie_in_the_Netherlands(double x, double y, bool inside)
    {
        Assert.Equal(inside, RdCoordinates.IsInNetherlands(x, y));
    }

    [Fact]
    public void Reads_quoted_fields_with_separators_quotes_and_line_breaks_and_counts_lines()
    {
        var csv = new CsvReader(new StringReader("a;b\n\"x;1\";\"say \"\"hi\"\"\"\n\"two\nlines\";z\nlast;row"));

        var header = csv.ReadHeader()!;
        var rows = csv.ReadAll().ToList();

        Assert.Equal(';', csv.Separator);
        Assert.Equal(["a", "b"], header.Fields);
        Assert.Equal(["x;1", "say \"hi\""], rows[0].Fields);
        Assert.Equal(2, rows[0].Line);
        Assert.Equal("two\nlines", rows[1].Fields[0]);
        Assert.Equal(3, rows[1].Line);
        Assert.Equal(5, rows[2].Line);
    }
    [Fact]
    public void Reads_quoted_fields_that_cross_the_boundary_between_read_blocks()
    {
        // 64 kB blocks: the quoted field with a separator, a doubled quote and a line break starts just before the
        // end of the first block, and a line ending \r\n is split over the second boundary.
        var text = new StringBuilder("a,b\n");
        var lines = 1;
        while (text.Length < (64 * 1024) - 4)
        {
            text.Append("x,y\n");
            lines++;
        }

        text.Append("\"p,q\n\"\"r\",z\n");
        while (text.Length < (128 * 1024) - 5)
        {
            text.Append("x,y\n");
        }

        text.Append("m,n\r\nlast,row");
        var csv = new CsvReader(new StringReader(text.ToString()));

        csv.ReadHeader();
        var rows = csv.ReadAll().ToList();

        var quoted = rows.Single(r => r.Fields[1] == "z");
        Assert.Equal(["p,q\n\"r", "z"], quoted.Fields);
        Assert.Equal(lines + 1, quoted.Line);
        Assert.Equal(["m", "n"], rows[^2].Fields);
        Assert.Equal(["last", "row"], rows[^1].Fields);
        Assert.Equal(rows[^2].Line + 1, rows[^1].Line);
        Assert.All(rows.Where(r => r != quoted && r.Fields[0] == "x"), r => Assert.Equal(["x", "y"], r.Fields));
    }
}
