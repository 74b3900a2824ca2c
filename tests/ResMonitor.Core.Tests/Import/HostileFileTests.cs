using ResMonitor.Core.Import;
using ResMonitor.Tests.Import;

namespace ResMonitor.Core.Tests.Import;

/// <summary>The readers on damaged and hostile workbooks: each ends in a Dutch <see cref="XlsxException"/>, never another error.</summary>
public class HostileFileTests
{
    private static List<CsvRecord> ReadWorkbook(byte[] file, ImportOptions? options = null)
    {
        using var stream = new MemoryStream(file);
        using var reader = XlsxReader.Open(stream, options ?? new ImportOptions());
        reader.ReadHeader();
        return reader.ReadAll().ToList();
    }

    [Fact]
    public void The_workbooks_written_part_by_part_are_read_when_nothing_is_broken()
    {
        Assert.Equal(["P1", "Zonnepark 1", "zon op land", "GM0106", "1.5", "2020-01-01"], ReadWorkbook(HostileFiles.GoodWorkbook("P", 3))[0].Fields);
        var shared = ReadWorkbook(HostileFiles.GoodWorkbookWithSharedStrings("P", 5));
        Assert.Equal(5, shared.Count);
        Assert.Equal("Zonnepark 5", shared[4].Fields[1]);
    }

    [Fact]
    public void A_sheet_cut_off_inside_a_cell_is_a_Dutch_error()
    {
        var error = Assert.Throws<XlsxException>(() => ReadWorkbook(HostileFiles.TruncatedInCell("P")));
        Assert.Contains("houdt halverwege op", error.Message);
    }

    [Theory]
    [InlineData("xl/worksheets/sheet1.xml")]
    [InlineData("xl/sharedStrings.xml")]
    public void Zip_headers_that_understate_a_parts_size_are_a_Dutch_error(string part)
    {
        var error = Assert.Throws<XlsxException>(() => ReadWorkbook(HostileFiles.UnderstatedSize("P", part)));
        Assert.Contains("beschadigd", error.Message);
    }

    [Fact]
    public void Parts_of_the_wrong_content_type_are_a_Dutch_error()
    {
        Assert.Contains("beschadigd", Assert.Throws<XlsxException>(() => ReadWorkbook(HostileFiles.WrongSheetType("P"))).Message);
        Assert.Contains("XLSX", Assert.Throws<XlsxException>(() => ReadWorkbook(HostileFiles.WrongWorkbookType("P"))).Message);
    }

    [Fact]
    public void A_shared_string_index_out_of_range_names_the_row_and_column_instead_of_reading_an_empty_cell()
    {
        var error = Assert.Throws<XlsxException>(() => ReadWorkbook(HostileFiles.GoodWorkbookWithSharedStrings("P", 5, badIndexAt: 4)));
        Assert.StartsWith("Rij 4, kolom B: de cel verwijst naar gedeelde tekst nummer 99999, maar de werkmap heeft er 36.", error.Message);
    }

    [Fact]
    public void An_encrypted_workbook_is_recognised_by_its_signature_and_a_zip_is_not_taken_for_one()
    {
        Assert.True(ProjectImporter.IsEncryptedOrOldExcel(new MemoryStream(HostileFiles.Encrypted())));
        Assert.False(ProjectImporter.IsEncryptedOrOldExcel(new MemoryStream(HostileFiles.GoodWorkbook("P", 1))));
        Assert.False(ProjectImporter.IsEncryptedOrOldExcel(new MemoryStream([0xD0, 0xCF])));
        Assert.Throws<XlsxException>(() => ReadWorkbook(HostileFiles.Encrypted()));
    }

    [Fact]
    public void A_cell_longer_than_Excels_limit_is_refused_before_it_is_held_whole()
    {
        var sheet = HostileFiles.Sheet([["P1", new string('x', ImportOptions.MaxCellCharacters + 1), "wind", "GM0106", "1", "2020-01-01"]]);
        var error = Assert.Throws<XlsxException>(() => ReadWorkbook(HostileFiles.Workbook(sheet)));
        Assert.Equal("Een cel van het XLSX-bestand bevat meer dan 32.767 tekens (de grens van Excel). Het bestand is niet gelezen.", error.Message);
        var longest = HostileFiles.Sheet([["P1", new string('x', ImportOptions.MaxCellCharacters), "wind", "GM0106", "1", "2020-01-01"]]);
        Assert.Equal(ImportOptions.MaxCellCharacters, ReadWorkbook(HostileFiles.Workbook(longest))[0].Fields[1].Length);
    }

    [Fact]
    public void A_control_character_written_as_a_character_reference_reaches_the_import_rule_instead_of_breaking_the_sheet()
    {
        var sheet = HostileFiles.Sheet([["P1", "Zon&#1;park", "wind", "GM0106", "1", "2020-01-01"]]).Replace("Zon&amp;#1;park", "Zon&#1;park", StringComparison.Ordinal);
        Assert.Equal("Zon\u0001park", ReadWorkbook(HostileFiles.Workbook(sheet))[0].Fields[1]);
    }

    [Fact]
    public void The_row_limits_options_are_read_from_the_settings_and_ignore_nonsense()
    {
        Assert.Equal(100_000, new ImportOptions().MaxRows);
        Assert.Equal(5, ImportOptions.From(null, "5").MaxRows);
        Assert.Equal(100_000, ImportOptions.From(null, "-5").MaxRows);
        Assert.Equal(100_000, ImportOptions.From(null, "veel").MaxRows);
        Assert.Equal(1234L, ImportOptions.From("1234", null).MaxFileBytes);
    }

    [Fact]
    public void A_CSV_record_whose_quote_is_never_closed_stops_at_a_bounded_size()
    {
        var text = "a,b\n\"" + new string('x', 5 * 1024 * 1024);
        var csv = new CsvReader(new StringReader(text));
        csv.ReadHeader();
        Assert.Throws<Sylvan.Data.Csv.CsvRecordTooLargeException>(() => csv.ReadAll().ToList());
    }
}
