using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using ResMonitor.Core.OpenData;
using C = ResMonitor.Core.Import.ProjectCsv;

namespace ResMonitor.Core.Projects;

/// <summary>
/// The project file format as an Excel workbook: one sheet "projecten", the CSV's columns in the same order, numbers
/// as numbers, dates as dates (shown yyyy-mm-dd), and text that a spreadsheet would run as a formula neutralised
/// with a leading quote exactly as in the CSV. The sheet is written as a stream of XML, row by row.
/// </summary>
public static class ProjectXlsx
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string DateStyle = "1";
    private const string HeaderStyle = "2";

    private const string Styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """;

    /// <summary>Writes the workbook; through a temporary file when the output cannot seek (an HTTP response).</summary>
    public static async Task WriteAsync(IAsyncEnumerable<Project> projects, Stream output, CancellationToken ct = default)
    {
        if (output.CanSeek)
        {
            await WriteWorkbookAsync(projects, output, ct);
            return;
        }

        var temporary = Path.Combine(Path.GetTempPath(), $"resmonitor-export-{Guid.NewGuid():N}.xlsx");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                await WriteWorkbookAsync(projects, file, ct);
            }

            await using var read = new FileStream(temporary, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
            await read.CopyToAsync(output, ct);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static async Task WriteWorkbookAsync(IAsyncEnumerable<Project> projects, Stream output, CancellationToken ct)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook, autoSave: true);
        var workbook = document.AddWorkbookPart();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        using (var stream = styles.GetStream(FileMode.Create, FileAccess.Write))
        using (var writer = new StreamWriter(stream))
        {
            await writer.WriteAsync(Styles);
        }

        var sheet = workbook.AddNewPart<WorksheetPart>();
        using (var stream = sheet.GetStream(FileMode.Create, FileAccess.Write))
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) }))
        {
            xml.WriteStartDocument(standalone: true);
            xml.WriteStartElement("worksheet", Main);
            xml.WriteStartElement("sheetViews");
            xml.WriteStartElement("sheetView");
            xml.WriteAttributeString("workbookViewId", "0");
            xml.WriteStartElement("pane");
            xml.WriteAttributeString("ySplit", "1");
            xml.WriteAttributeString("topLeftCell", "A2");
            xml.WriteAttributeString("activePane", "bottomLeft");
            xml.WriteAttributeString("state", "frozen");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteStartElement("sheetData");
            var letters = C.Columns.Select((_, i) => Letters(i)).ToArray();
            var kinds = C.Columns.Select(c => C.DateColumns.Contains(c) ? 'd' : C.NumberColumns.Contains(c) ? 'n' : 's').ToArray();
            var line = 1;
            WriteRow(xml, line, letters, C.Columns, header: true, kinds);
            var row = new string[C.Columns.Length];
            await foreach (var p in projects.WithCancellation(ct))
            {
                ProjectExport.Cells(p, p.Municipality!.Code, row, ProjectExport.Number);
                WriteRow(xml, ++line, letters, row, header: false, kinds);
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        using (var stream = workbook.GetStream(FileMode.Create, FileAccess.Write))
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) }))
        {
            xml.WriteStartDocument(standalone: true);
            xml.WriteStartElement("workbook", Main);
            xml.WriteAttributeString("xmlns", "r", null, Relationships);
            xml.WriteStartElement("sheets");
            xml.WriteStartElement("sheet");
            xml.WriteAttributeString("name", "projecten");
            xml.WriteAttributeString("sheetId", "1");
            xml.WriteAttributeString("id", Relationships, workbook.GetIdOfPart(sheet));
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
    }

    private static void WriteRow(XmlWriter xml, int line, string[] letters, string[] cells, bool header, char[] kinds)
    {
        var number = line.ToString(CultureInfo.InvariantCulture);
        xml.WriteStartElement("row");
        xml.WriteAttributeString("r", number);
        for (var i = 0; i < cells.Length; i++)
        {
            var value = cells[i];
            if (value.Length == 0)
            {
                continue;
            }

            xml.WriteStartElement("c");
            xml.WriteAttributeString("r", letters[i] + number);
            var kind = header ? 's' : kinds[i];
            if (kind == 'd' && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                xml.WriteAttributeString("s", DateStyle);
                xml.WriteElementString("v", date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture));
            }
            else if (kind == 'n')
            {
                xml.WriteElementString("v", value);
            }
            else
            {
                if (header)
                {
                    xml.WriteAttributeString("s", HeaderStyle);
                }

                xml.WriteAttributeString("t", "inlineStr");
                xml.WriteStartElement("is");
                xml.WriteStartElement("t");
                var text = CsvDialect.Neutralise(value);
                if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
                {
                    xml.WriteAttributeString("xml", "space", null, "preserve");
                }

                xml.WriteString(text);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    /// <summary>The spreadsheet column name of a 0-based index: A, B, ..., Z, AA, ...</summary>
    private static string Letters(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }
}
