using System.Text;
using ResMonitor.Core.Import;

namespace ResMonitor.Core.Tests.Import;

/// <summary>
/// The line an import message names must be the line a person finds in the file: after \r\n, a lone \r, a line break
/// in a quoted field, a \r\n that falls on the edge of the reader's buffer, and a very long record.
/// </summary>
public class CsvReaderBoundaryTests
{
    [Fact]
    public void An_empty_file_has_no_header()
    {
        var csv = new CsvReader(new StringReader(""));

        Assert.Null(csv.ReadHeader());
        Assert.Null(csv.HeaderLine);
        Assert.Null(csv.Read());
    }

    [Fact]
    public void A_file_that_starts_with_a_NUL_character_is_not_taken_for_an_empty_file()
    {
        var csv = new CsvReader(new StringReader("\0id,naam\n1,2\n"));

        Assert.NotNull(csv.ReadHeader());
        Assert.Equal("\0id,naam", csv.HeaderLine);
        Assert.Equal(2, Assert.Single(csv.ReadAll()).Line);
    }

    [Fact]
    public void A_file_that_starts_with_an_empty_line_has_an_empty_header_and_its_rows_count_from_line_2()
    {
        var csv = new CsvReader(new StringReader("\nx,y\n"));

        var header = csv.ReadHeader()!;
        Assert.Equal(1, header.Line);
        Assert.Equal([""], header.Fields);
        Assert.Equal("", csv.HeaderLine);
        var row = Assert.Single(csv.ReadAll());
        Assert.Equal(2, row.Line);
        Assert.Equal(["x", "y"], row.Fields);
    }

    [Fact]
    public void The_header_is_kept_as_written_and_the_rest_stays_unread()
    {
        var csv = new CsvReader(new StringReader("id;naam;\"a,b\"\r\nDR-1;Park;x\r\n"));

        var header = csv.ReadHeader()!;

        Assert.Equal(';', csv.Separator);
        Assert.Equal("id;naam;\"a,b\"", csv.HeaderLine);
        Assert.Equal(["id", "naam", "a,b"], header.Fields);
        Assert.Equal("DR-1;Park;x\r\n", csv.ReadToEnd());
    }

    [Fact]
    public void A_comma_file_stays_a_comma_file_and_rows_keep_their_own_number_of_fields()
    {
        var csv = new CsvReader(new StringReader("a,b,c\n1,2\n1,2,3,4\n"));

        csv.ReadHeader();
        var rows = csv.ReadAll().ToList();

        Assert.Equal(',', csv.Separator);
        Assert.Equal(["1", "2"], rows[0].Fields);
        Assert.Equal(["1", "2", "3", "4"], rows[1].Fields);
    }

    [Fact]
    public void Without_a_header_read_first_the_first_line_is_a_record()
    {
        var rows = new CsvReader(new StringReader("a,b\nc,d")).ReadAll().ToList();

        Assert.Equal([(1, "a"), (2, "c")], rows.Select(r => (r.Line, r.Fields[0])));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Each_line_ending_moves_to_the_next_line(string ending)
    {
        var csv = new CsvReader(new StringReader($"a,b{ending}1,2{ending}\"x{ending}y\",3{ending}4,5{ending}6,7"));

        csv.ReadHeader();
        var rows = csv.ReadAll().ToList();

        Assert.Equal([2, 3, 5, 6], rows.Select(r => r.Line));
        Assert.Equal($"x{ending}y", rows[1].Fields[0]);
        Assert.Equal(["6", "7"], rows[3].Fields);
    }

    [Fact]
    public void A_quote_that_is_not_closed_properly_names_the_line_where_the_record_starts()
    {
        var csv = new CsvReader(new StringReader("a,b\n1,2\n3,4\n\"x\"y,5\n"));
        csv.ReadHeader();

        Assert.Equal(2, csv.Read()!.Line);
        Assert.Equal(3, csv.Read()!.Line);
        var error = Assert.Throws<CsvQuotingException>(() => csv.Read());
        Assert.Equal(
            "Regel 4: een veld tussen aanhalingstekens is niet goed afgesloten (na het sluitende \" hoort een scheidingsteken of het einde van de regel).",
            error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void A_crlf_on_the_edge_of_the_read_buffer_counts_as_one_line_break(int shift)
    {
        // Rows of five characters ("x,y\r\n") after a first row of 'shift' extra characters: for one of the shifts
        // the \r is the last character of a 4 kB, 16 kB or 64 kB block and the \n the first of the next.
        var text = new StringBuilder("a,b\r\n").Append(new string('p', shift + 1)).Append(",q\r\n");
        const int rows = 30_000;
        for (var i = 0; i < rows; i++)
        {
            text.Append("x,y\r\n");
        }

        text.Append("last,row");
        var csv = new CsvReader(new StringReader(text.ToString()));
        csv.ReadHeader();

        var records = csv.ReadAll().ToList();

        Assert.Equal(rows + 2, records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            Assert.Equal(i + 2, records[i].Line);
        }

        Assert.All(records.Skip(1).SkipLast(1), r => Assert.Equal(["x", "y"], r.Fields));
        Assert.Equal(["last", "row"], records[^1].Fields);
    }

    [Fact]
    public void A_record_far_longer_than_the_read_buffer_is_read_whole()
    {
        var note = new string('n', 300_000);
        var csv = new CsvReader(new StringReader($"a,b\n1,\"{note}\"\n2,kort\n"));
        csv.ReadHeader();

        var rows = csv.ReadAll().ToList();

        Assert.Equal(note, rows[0].Fields[1]);
        Assert.Equal((3, "kort"), (rows[1].Line, rows[1].Fields[1]));
    }
}
