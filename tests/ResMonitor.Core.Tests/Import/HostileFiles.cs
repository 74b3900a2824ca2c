using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace ResMonitor.Tests.Import;

/// <summary>
/// Files a careless user or an attacker could offer the import: workbooks written part by part (so that each can be
/// broken in one precise way) and CSV files. Shared by the reader tests (Core) and the command-line and upload tests (Web).
/// </summary>
public static class HostileFiles
{
    public static readonly string[] Columns = ["project_id", "naam", "techniek", "gemeente", "vermogen_mw", "datum_in_procedure"];

    public const string SheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

    public const string WorkbookType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    public const string SharedStringsType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";

    /// <summary>The data rows of <paramref name="count"/> good projects with ids starting with <paramref name="prefix"/>.</summary>
    public static IEnumerable<string[]> Projects(string prefix, int count) =>
        Enumerable.Range(1, count).Select(i => new[] { $"{prefix}{i}", $"Zonnepark {i}", "zon op land", "GM0106", "1.5", "2020-01-01" });

    public static byte[] Csv(string prefix, int count) =>
        Encoding.UTF8.GetBytes(string.Join(',', Columns) + "\n" + string.Concat(Projects(prefix, count).Select(r => string.Join(',', r) + "\n")));

    /// <summary>A worksheet's XML with every cell an inline string (numbers as numbers), rows numbered from 1.</summary>
    public static string Sheet(IEnumerable<string[]> rows)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        var number = 0;
        foreach (var row in rows.Prepend(Columns))
        {
            number++;
            xml.Append(CultureInfo.InvariantCulture, $"<row r=\"{number}\">");
            for (var c = 0; c < row.Length; c++)
            {
                var reference = $"{(char)('A' + c)}{number}";
                xml.Append(number > 1 && c == 4
                    ? $"<c r=\"{reference}\"><v>{row[c]}</v></c>"
                    : $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(row[c])}</t></is></c>");
            }

            xml.Append("</row>");
        }

        return xml.Append("</sheetData></worksheet>").ToString();
    }

    /// <summary>A workbook from its parts; each argument can be replaced by a broken one.</summary>
    public static byte[] Workbook(
        string sheet, string? sharedStrings = null, string sheetType = SheetType, string workbookType = WorkbookType, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string content)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, level).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }

            Add("[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                $"<Override PartName=\"/xl/workbook.xml\" ContentType=\"{workbookType}\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"{sheetType}\"/>" +
                (sharedStrings is null ? "" : $"<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"{SharedStringsType}\"/>") + "</Types>");
            Add("_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Add("xl/workbook.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
                "<sheets><sheet name=\"Blad1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Add("xl/_rels/workbook.xml.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
                (sharedStrings is null ? "" : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>") +
                "</Relationships>");
            Add("xl/worksheets/sheet1.xml", sheet);
            if (sharedStrings is not null)
            {
                Add("xl/sharedStrings.xml", sharedStrings);
            }
        }

        return stream.ToArray();
    }

    public static byte[] GoodWorkbook(string prefix, int count) => Workbook(Sheet(Projects(prefix, count)));

    /// <summary>The sheet XML cut off inside the text of a cell on the third row.</summary>
    public static byte[] TruncatedInCell(string prefix)
    {
        var sheet = Sheet(Projects(prefix, 5));
        var cut = sheet.IndexOf("<c r=\"B3\" t=\"inlineStr\"><is><t>Zonn", StringComparison.Ordinal) + 35;
        return Workbook(sheet[..cut]);
    }

    /// <summary>A workbook whose zip headers (local and central) say the sheet unpacks to 100 bytes; it unpacks to more.</summary>
    public static byte[] UnderstatedSize(string prefix, string part = "xl/worksheets/sheet1.xml")
    {
        var zip = GoodWorkbookWithSharedStrings(prefix, 50, level: CompressionLevel.Optimal);
        var name = Encoding.ASCII.GetBytes(part);
        var patched = 0;
        for (var at = 0; at < zip.Length - 46; at++)
        {
            var local = zip[at] == 0x50 && zip[at + 1] == 0x4B && zip[at + 2] == 0x03 && zip[at + 3] == 0x04;
            var central = zip[at] == 0x50 && zip[at + 1] == 0x4B && zip[at + 2] == 0x01 && zip[at + 3] == 0x02;
            var nameAt = local ? at + 30 : at + 46;
            if ((local || central) && zip.AsSpan(nameAt).StartsWith(name))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(local ? at + 22 : at + 24, 4), 100);
                patched++;
            }
        }

        return patched == 2 ? zip : throw new InvalidOperationException($"{part}: patched {patched} headers, expected 2.");
    }

    /// <summary>The same rows with the text cells in the shared strings, as Excel writes them.</summary>
    public static byte[] GoodWorkbookWithSharedStrings(string prefix, int count, int? badIndexAt = null, CompressionLevel level = CompressionLevel.NoCompression)
    {
        var strings = new List<string>();
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        var number = 0;
        foreach (var row in Projects(prefix, count).Prepend(Columns))
        {
            number++;
            xml.Append(CultureInfo.InvariantCulture, $"<row r=\"{number}\">");
            for (var c = 0; c < row.Length; c++)
            {
                strings.Add(row[c]);
                var index = badIndexAt == number && c == 1 ? 99_999 : strings.Count - 1;
                xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{(char)('A' + c)}{number}\" t=\"s\"><v>{index}</v></c>");
            }

            xml.Append("</row>");
        }

        xml.Append("</sheetData></worksheet>");
        var sst = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        foreach (var s in strings)
        {
            sst.Append("<si><t>").Append(SecurityElement.Escape(s)).Append("</t></si>");
        }

        return Workbook(xml.ToString(), sst.Append("</sst>").ToString(), level: level);
    }

    /// <summary>The sheet declared as a plain XML part, or the workbook as something else.</summary>
    public static byte[] WrongSheetType(string prefix) => Workbook(Sheet(Projects(prefix, 3)), sheetType: "application/xml");

    public static byte[] WrongWorkbookType(string prefix) => Workbook(Sheet(Projects(prefix, 3)), workbookType: "text/plain");

    /// <summary>What Excel writes for a workbook protected with a password: an OLE compound file (D0 CF 11 E0 A1 B1 1A E1).</summary>
    public static byte[] Encrypted()
    {
        var file = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(file, 0);
        Encoding.Unicode.GetBytes("EncryptedPackage").CopyTo(file, 1024);
        return file;
    }

    /// <summary>A CSV with a byte sequence that is not UTF-8 (a lone continuation byte and a Latin-1 ö) on its third line.</summary>
    public static byte[] InvalidUtf8Csv(string prefix) =>
        [.. Csv(prefix, 1), .. Encoding.ASCII.GetBytes($"{prefix}x,Co"), 0xF6, 0x80, .. "peratie,wind,GM0106,10,2020-01-01\n"u8];

    /// <summary>Every hostile file with its name and the words its Dutch refusal must hold.</summary>
    public static IEnumerable<(string Name, byte[] File, string Expected)> All(string prefix) =>
    [
        ("afgebroken.xlsx", TruncatedInCell(prefix), "houdt halverwege op"),
        ("te-klein-opgegeven.xlsx", UnderstatedSize(prefix), "beschadigd"),
        ("te-klein-opgegeven-teksten.xlsx", UnderstatedSize(prefix, "xl/sharedStrings.xml"), "beschadigd"),
        ("verkeerd-werkblad-type.xlsx", WrongSheetType(prefix), "beschadigd"),
        ("verkeerd-werkmap-type.xlsx", WrongWorkbookType(prefix), "XLSX"),
        ("versleuteld.xlsx", Encrypted(), "met een wachtwoord beveiligde Excel-werkmap"),
        ("versleuteld.csv", Encrypted(), "met een wachtwoord beveiligde Excel-werkmap"),
        ("gedeelde-tekst.xlsx", GoodWorkbookWithSharedStrings(prefix, 5, badIndexAt: 4), "Rij 4, kolom B: de cel verwijst naar gedeelde tekst nummer 99999, maar de werkmap heeft er 36."),
        ("geen-utf8.csv", InvalidUtf8Csv(prefix), "geen UTF-8"),
        ("alleen-rommel.xlsx", [(byte)'P', (byte)'K', 3, 4, .. new byte[200]], "geen geldig XLSX-bestand"),
    ];
}
