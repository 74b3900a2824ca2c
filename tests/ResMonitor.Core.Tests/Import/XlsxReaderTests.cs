using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ResMonitor.Core.Import;

namespace ResMonitor.Core.Tests;

/// <summary>Reading workbooks as a spreadsheet program saves them: shared and rich strings, numbers, dates, booleans.</summary>
public class XlsxReaderTests
{
    /// <summary>A workbook in the way Excel writes one: shared strings, cell references, a date style.</summary>
    private static MemoryStream Workbook(params Cell[][] rows)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(
                new SharedStringItem(new Text("project_id")),
                new SharedStringItem(new Text("naam")),
                new SharedStringItem(new Run(new Text("Zonnepark ")), new Run(new RunProperties(new Bold()), new Text("Coöperatie"))),
                new SharedStringItem(new Text("datum_vergund")),
                new SharedStringItem(new Text("vermogen_mw")),
                new SharedStringItem(new Text("voorbeeld")));
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint number = 0;
            foreach (var cells in rows)
            {
                number++;
                var row = new Row { RowIndex = number };
                foreach (var cell in cells)
                {
                    cell.CellReference = cell.CellReference!.Value + number;
                    row.Append(cell);
                }

                data.Append(row);
            }

            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Blad1" }));
        }

        stream.Position = 0;
        return stream;
    }

    private static Cell Shared(string column, int index) => new() { CellReference = column, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(System.Globalization.CultureInfo.InvariantCulture)) };

    private static Cell Number(string column, string value) => new() { CellReference = column, CellValue = new CellValue(value) };

    [Fact]
    public void Shared_and_rich_strings_numbers_dates_and_booleans_read_as_the_file_format_spells_them()
    {
        using var file = Workbook(
            [Shared("A", 0), Shared("B", 1), Shared("C", 3), Shared("D", 4), Shared("E", 5)],
            [new Cell { CellReference = "A", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("DR-001")) },
             Shared("B", 2), Number("C", "45000"), Number("D", "19.899999999999999"), new Cell { CellReference = "E", DataType = CellValues.Boolean, CellValue = new CellValue("1") }],
            [Number("A", "12345"), Number("D", "1.234")]);

        using var reader = XlsxReader.Open(file, new ImportOptions());
        var header = reader.ReadHeader();
        var rows = reader.ReadAll().ToList();

        Assert.Equal(["project_id", "naam", "datum_vergund", "vermogen_mw", "voorbeeld"], header!.Fields);
        Assert.Equal(2, rows[0].Line);
        Assert.Equal(["DR-001", "Zonnepark Coöperatie", "2023-03-15", "19.9", "ja"], rows[0].Fields);
        // A number in a text column stays a plain number; three decimals get a fourth, so they are never ambiguous.
        Assert.Equal(["12345", "", "", "1.2340", ""], rows[1].Fields);
        Assert.Equal(3, rows[1].Line);
    }

    [Fact]
    public void A_workbook_of_too_many_parts_is_refused_before_it_is_read()
    {
        using var file = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(file, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < 1_001; i++)
            {
                zip.CreateEntry($"xl/part{i}.xml");
            }
        }

        file.Position = 0;
        var error = Assert.Throws<XlsxException>(() => XlsxReader.Open(file, new ImportOptions()));
        Assert.Equal("Het XLSX-bestand bestaat uit 1001 delen; meer dan 1000 wordt niet gelezen.", error.Message);
    }

    [Fact]
    public void A_workbook_whose_sheet_is_cut_off_halfway_is_refused_with_a_Dutch_message()
    {
        Cell[][] rows =
        [
            [Shared("A", 0), Shared("B", 1)],
            .. Enumerable.Range(1, 200).Select(i => new[] { Number("A", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Number("B", "1") }),
        ];
        using var whole = Workbook(rows);
        using var cut = new MemoryStream();
        whole.CopyTo(cut);
        using (var zip = new System.IO.Compression.ZipArchive(cut, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.Entries.Single(e => e.FullName.Contains("worksheets/", StringComparison.Ordinal));
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(entry.FullName).Open());
            writer.Write(xml[..(xml.Length / 2)]);
        }

        cut.Position = 0;
        using var workbook = XlsxReader.Open(cut, new ImportOptions());
        var error = Assert.Throws<XlsxException>(() =>
        {
            workbook.ReadHeader();
            return workbook.ReadAll().ToList();
        });
        Assert.Contains("beschadigd", error.Message);
        Assert.Contains("houdt halverwege op", error.Message);
    }
}
