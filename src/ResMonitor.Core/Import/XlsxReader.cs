using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using C = ResMonitor.Core.Import.ProjectCsv;

namespace ResMonitor.Core.Import;

/// <summary>An XLSX file that cannot be read; the message is Dutch and meant for the person who made the file.</summary>
public sealed class XlsxException(string message) : Exception(message);

/// <summary>
/// Reads the first worksheet of an XLSX workbook as records, like <see cref="CsvReader"/> does a CSV file: the first
/// row names the columns; the record's line is the spreadsheet's row number. Safe and bounded: before anything is
/// unpacked the zip directory is checked (number of parts, declared unpacked size, compression ratio), and every
/// part is read through a counter that stops at <see cref="ImportOptions.MaxUnpackedBytes"/>, whatever the
/// directory claims. Formulas are never evaluated (the value the spreadsheet saved is read), external links are not
/// followed, and numbers and dates are turned into the file format's spelling (a decimal point, yyyy-MM-dd).
/// </summary>
public sealed class XlsxReader : IDisposable
{
    private const int MaxParts = 1_000;

    /// <summary>The content types a workbook's main part may have: a workbook or template, with or without macros.</summary>
    private static readonly HashSet<string> WorkbookTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        "application/vnd.ms-excel.template.macroEnabled.main+xml",
    };

    /// <summary>Unpacked size / packed size above which a large part is taken for a zip bomb.</summary>
    private const int MaxRatio = 200;

    private readonly SpreadsheetDocument _document;
    private readonly WorksheetPart _sheet;
    private readonly List<string> _strings = [];
    private readonly long _budget;
    private long _unpacked;
    private string[]? _header;

    private XlsxReader(SpreadsheetDocument document, WorksheetPart sheet, long budget)
    {
        _document = document;
        _sheet = sheet;
        _budget = budget;
    }

    public static XlsxReader Open(Stream stream, ImportOptions options)
    {
        var budget = options.MaxUnpackedBytes;
        if (!stream.CanSeek)
        {
            throw new XlsxException("Het XLSX-bestand kan niet worden gelezen: het moet als geheel beschikbaar zijn.");
        }

        var start = stream.Position;
        CheckDirectory(stream, budget);
        stream.Position = start;
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(stream, false, new OpenSettings
            {
                MaxCharactersInPart = budget,
                AutoSave = false,
            });
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or XmlException or InvalidOperationException)
        {
            throw new XlsxException("Dit is geen geldig XLSX-bestand (Excel-werkmap). Sla het in Excel op als 'Excel-werkmap (*.xlsx)' of als 'CSV UTF-8'.");
        }

        try
        {
            var workbook = document.WorkbookPart ?? throw new XlsxException("Het XLSX-bestand bevat geen werkmap.");
            if (!WorkbookTypes.Contains(workbook.ContentType))
            {
                throw new XlsxException($"Het XLSX-bestand is beschadigd: de werkmap is opgegeven als '{workbook.ContentType}', niet als Excel-werkmap.");
            }

            var first = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault()
                ?? throw new XlsxException("Het XLSX-bestand bevat geen werkblad.");
            if (first.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart sheet)
            {
                throw new XlsxException("Het eerste werkblad van het XLSX-bestand is geen gewoon werkblad (bijvoorbeeld een grafiekblad).");
            }

            var reader = new XlsxReader(document, sheet, budget);
            if (workbook.SharedStringTablePart is { } strings)
            {
                reader.ReadSharedStrings(strings);
            }

            return reader;
        }
        catch (Exception e) when (e is OpenXmlPackageException or XmlException or InvalidOperationException or ArgumentException
                                       or InvalidDataException or (IOException and not FileTooLargeException) or NotSupportedException)
        {
            // A part that is not well-formed XML, cut off, of the wrong content type, or whose zip header lies about its size.
            document.Dispose();
            throw new XlsxException("Het XLSX-bestand is beschadigd: de werkmap kan niet worden gelezen. Open het in Excel en sla het opnieuw op.");
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>The zip directory before anything is unpacked: a bounded number of parts, size and compression ratio.</summary>
    private static void CheckDirectory(Stream stream, long budget)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxParts)
            {
                throw new XlsxException($"Het XLSX-bestand bestaat uit {zip.Entries.Count} delen; meer dan {MaxParts} wordt niet gelezen.");
            }

            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (entry.Length > 1024 * 1024 && entry.Length > (long)MaxRatio * Math.Max(entry.CompressedLength, 1))
                {
                    throw new XlsxException(
                        $"Het XLSX-bestand is verdacht: het deel '{entry.FullName}' pakt uit tot meer dan {MaxRatio} keer zijn grootte. Het is niet gelezen.");
                }
            }

            if (total > budget)
            {
                throw new XlsxException(
                    $"Het XLSX-bestand pakt uit tot {total / 1024 / 1024} MB; de grens is {budget / 1024 / 1024} MB. Het is niet gelezen.");
            }
        }
        catch (InvalidDataException)
        {
            throw new XlsxException("Dit is geen geldig XLSX-bestand (Excel-werkmap). Sla het in Excel op als 'Excel-werkmap (*.xlsx)' of als 'CSV UTF-8'.");
        }
    }

    /// <summary>
    /// Which column a header means (so that a date cell under "Datum status" reads as a date); unset: the header
    /// itself, in lower case.
    /// </summary>
    public Func<string, string>? HeaderColumn { get; set; }

    /// <summary>The first row: the column names.</summary>
    public CsvRecord? ReadHeader()
    {
        using var rows = Rows().GetEnumerator();
        if (!rows.MoveNext())
        {
            return null;
        }

        var header = rows.Current;
        _header = header.Fields.Select(f => HeaderColumn?.Invoke(f) ?? f.Trim().ToLowerInvariant()).ToArray();
        return header;
    }

    /// <summary>The rows after the header, each as long as the header (or longer when a cell lies beyond it).</summary>
    public IEnumerable<CsvRecord> ReadAll()
    {
        var first = true;
        foreach (var row in Rows())
        {
            if (first)
            {
                first = false;
                continue;
            }

            yield return row;
        }
    }

    /// <summary>
    /// The sheet's rows; a sheet cut off halfway, XML that is not well-formed or a zip entry that does not unpack
    /// (sizes in its header that lie) ends as a Dutch <see cref="XlsxException"/>, never as an unhandled error.
    /// </summary>
    private IEnumerable<CsvRecord> Rows()
    {
        using var rows = SheetRows().GetEnumerator();
        while (true)
        {
            CsvRecord? current;
            try
            {
                current = rows.MoveNext() ? rows.Current : null;
            }
            catch (Exception e) when (e is XmlException or InvalidDataException or (IOException and not FileTooLargeException) or OpenXmlPackageException)
            {
                throw new XlsxException(
                    "Het XLSX-bestand is beschadigd: het werkblad houdt halverwege op of is geen geldige XML. Open het in Excel en sla het opnieuw op.");
            }

            if (current is null)
            {
                break;
            }

            yield return current;
        }
    }

    private IEnumerable<CsvRecord> SheetRows()
    {
        using var xml = Xml(_sheet);
        var cells = new List<(int Column, string Value)>();
        var rowNumber = 0;
        while (ReadTo(xml, "row"))
        {
            rowNumber = int.TryParse(xml.GetAttribute("r"), CultureInfo.InvariantCulture, out var r) ? r : rowNumber + 1;
            cells.Clear();
            var next = 0;
            if (!xml.IsEmptyElement)
            {
                var depth = xml.Depth;
                while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
                {
                    if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "c")
                    {
                        var column = ColumnOf(xml.GetAttribute("r")) ?? next;
                        next = column + 1;
                        var value = ReadCell(xml, rowNumber, column);
                        if (value.Length > 0)
                        {
                            cells.Add((column, value));
                        }
                    }
                }
            }

            var fields = new string[Math.Max(_header?.Length ?? 0, cells.Count == 0 ? 0 : cells.Max(c => c.Column) + 1)];
            Array.Fill(fields, "");
            foreach (var (column, value) in cells)
            {
                fields[column] = value;
            }

            yield return new CsvRecord(rowNumber, fields);
        }
    }

    /// <summary>One cell's value as the file format spells it, by the cell's type and the column it stands in.</summary>
    private string ReadCell(XmlReader xml, int row, int column)
    {
        var type = xml.GetAttribute("t");
        string? value = null;
        string? inline = null;
        if (!xml.IsEmptyElement)
        {
            var depth = xml.Depth;
            while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (xml.LocalName == "v")
                {
                    value = ReadBounded(xml);
                    if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth)
                    {
                        break;
                    }
                }
                else if (xml.LocalName == "is")
                {
                    inline = ReadText(xml);
                }
            }
        }

        var name = _header is not null && column < _header.Length ? _header[column] : "";
        switch (type)
        {
            case "s":
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < _strings.Count
                    ? _strings[index]
                    : throw new XlsxException(
                        $"Rij {row}, kolom {ColumnName(column)}: de cel verwijst naar gedeelde tekst nummer {value}, maar de werkmap heeft er {_strings.Count}. " +
                        "Het bestand is beschadigd; open het in Excel en sla het opnieuw op.");
            case "inlineStr":
                return inline ?? "";
            case "b":
                return value == "1" ? "ja" : value == "0" ? "nee" : "";
            case "str" or "e":
                return value ?? "";
            case "d":
                return value is { Length: >= 10 } iso ? iso[..10] : value ?? "";
            default:
                if (value is null)
                {
                    return "";
                }

                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return value;
                }

                if ((C.DateColumns.Contains(name) || name == ImportColumns.StatusDate) && number is >= 1 and < 2958466)
                {
                    return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(number))).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                }

                var exact = decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : (decimal)number;
                return C.NumberColumns.Contains(name)
                    ? Projects.ProjectExport.Number(Math.Round(exact, 8))
                    : exact.ToString("0.############", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The text of a rich or plain string element (si or is): all its t elements, not its phonetic runs.</summary>
    private static string ReadText(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            return "";
        }

        var text = new System.Text.StringBuilder();
        var depth = xml.Depth;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh")
            {
                xml.Skip();
                if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth)
                {
                    break;
                }
            }

            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t")
            {
                text.Append(ReadBounded(xml));
                if (text.Length > ImportOptions.MaxCellCharacters)
                {
                    throw TooLong();
                }

                if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth)
                {
                    break;
                }
            }
        }

        return text.ToString();
    }

    private void ReadSharedStrings(SharedStringTablePart part)
    {
        using var xml = Xml(part);
        long characters = 0;
        while (ReadTo(xml, "si"))
        {
            var text = ReadText(xml);
            characters += text.Length;
            if (characters > MaxSharedCharacters)
            {
                throw new XlsxException(
                    $"Het XLSX-bestand bevat meer dan {MaxSharedCharacters / 1_000_000} miljoen tekens tekst; dat wordt niet gelezen. Lees het in delen in, of als CSV.");
            }

            _strings.Add(text);
        }
    }

    /// <summary>The most text the shared strings of one workbook may hold (in memory about twice this in bytes).</summary>
    private const long MaxSharedCharacters = 32_000_000;

    private static XlsxException TooLong() => new(
        $"Een cel van het XLSX-bestand bevat meer dan {DutchFormat.Number(ImportOptions.MaxCellCharacters, 0)} tekens (de grens van Excel). Het bestand is niet gelezen.");

    /// <summary>
    /// An element's text, read in pieces so that no cell holds more than <see cref="ImportOptions.MaxCellCharacters"/>
    /// in memory; leaves the reader after the element's end, as ReadElementContentAsString does.
    /// </summary>
    private static string ReadBounded(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return "";
        }

        var depth = xml.Depth;
        var text = new System.Text.StringBuilder();
        var buffer = new char[4096];
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace))
            {
                continue;
            }

            int read;
            while ((read = xml.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
            {
                text.Append(buffer, 0, read);
                if (text.Length > ImportOptions.MaxCellCharacters)
                {
                    throw TooLong();
                }
            }
        }

        xml.Read();
        return text.ToString();
    }

    /// <summary>The spreadsheet's name of a column (0-based): A, B, ..., Z, AA.</summary>
    private static string ColumnName(int column)
    {
        var name = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Column index (0-based) of a cell reference such as "AB12", or null without one.</summary>
    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                column = (column * 26) + (c - 'A' + 1);
                letters++;
            }
            else
            {
                break;
            }
        }

        return letters is 0 or > 3 ? null : column - 1;
    }

    private static bool ReadTo(XmlReader xml, string element)
    {
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == element)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A part's XML, read through the shared unpacking budget; no DTDs, no external resources.</summary>
    private XmlReader Xml(OpenXmlPart part)
    {
        var stream = new CountingStream(part.GetStream(FileMode.Open, FileAccess.Read), this);
        return XmlReader.Create(stream, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            // A character reference to a control character (&#1;) is read, so that the import names its row and
            // column (TextRule) instead of calling the whole sheet broken.
            CheckCharacters = false,
            IgnoreWhitespace = false,
            CloseInput = true,
        });
    }

    public void Dispose() => _document.Dispose();

    /// <summary>Counts unpacked bytes against the budget of the whole file.</summary>
    private sealed class CountingStream(Stream inner, XlsxReader owner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            owner._unpacked += read;
            if (owner._unpacked > owner._budget)
            {
                throw new XlsxException($"Het XLSX-bestand pakt uit tot meer dan {owner._budget / 1024 / 1024} MB. Het is niet gelezen.");
            }

            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
