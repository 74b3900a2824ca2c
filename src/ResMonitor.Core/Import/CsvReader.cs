using Sylvan.Data.Csv;

namespace ResMonitor.Core.Import;

/// <summary>One CSV record and the line in the file where it starts (1-based), for error messages.</summary>
public sealed record CsvRecord(int Line, string[] Fields);

/// <summary>A CSV file whose quoting cannot be read; the message is Dutch and names the line.</summary>
public sealed class CsvQuotingException(string message) : Exception(message);

/// <summary>
/// Reads CSV records with Sylvan.Data.Csv (RFC 4180: quoted fields may hold separators, quotes ("") and line
/// breaks) and keeps what the import needs on top of it: the separator ',' or ';' (what Excel writes in a Dutch
/// locale) chosen from the header line (<see cref="OpenData.CsvDialect.Detect"/>), and the line in the file where
/// each record starts, so that every message can name it.
/// </summary>
public sealed class CsvReader(TextReader reader)
{
    private CsvDataReader? _csv;
    private int _line = 1;
    private char _separator = ',';

    public char Separator => _separator;

    /// <summary>The header line as it stands in the file, once <see cref="ReadHeader"/> has read it.</summary>
    internal string? HeaderLine { get; private set; }

    /// <summary>Reads the header line and detects the separator from it.</summary>
    public CsvRecord? ReadHeader()
    {
        var first = reader.Peek() < 0 ? null : reader.ReadLine();
        HeaderLine = first;
        _line = 2;
        if (first is null)
        {
            return null;
        }

        _separator = OpenData.CsvDialect.Detect(first);
        using var header = Open(new StringReader(first), _separator);
        return header.Read() ? new CsvRecord(1, Fields(header)) : new CsvRecord(1, [""]);
    }

    public IEnumerable<CsvRecord> ReadAll()
    {
        while (Read() is { } record)
        {
            yield return record;
        }
    }

    public CsvRecord? Read()
    {
        _csv ??= Open(reader, _separator);
        var start = _line;
        try
        {
            if (!_csv.Read())
            {
                return null;
            }
        }
        catch (CsvFormatException)
        {
            throw new CsvQuotingException($"Regel {start}: een veld tussen aanhalingstekens is niet goed afgesloten (na het sluitende \" hoort een scheidingsteken of het einde van de regel).");
        }

        // The next record starts after the line breaks inside this one and the one that ends it (the raw record
        // holds its own line ending: \n, \r\n or a lone \r; none at the end of the file is counted as one).
        var raw = _csv.GetRawRecordSpan();
        var breaks = raw.Count('\n') + raw.Count('\r') - raw.Count("\r\n");
        _line += raw.Length > 0 && raw[^1] is '\n' or '\r' ? breaks : breaks + 1;
        return new CsvRecord(start, Fields(_csv));
    }

    /// <summary>The rest of the text, unparsed.</summary>
    internal string ReadToEnd() => reader.ReadToEnd();

    private static CsvDataReader Open(TextReader text, char separator) =>
        CsvDataReader.Create(text, new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = separator,
            // One record (all its fields) up to 4 M characters: room for every column at Excel's cell limit, and a
            // bound on memory for a quote that is never closed (the file's size limit is the stream's, LimitedStream).
            MaxBufferSize = 4 * 1024 * 1024,
            OwnsReader = false,
        });

    private static string[] Fields(CsvDataReader csv)
    {
        var fields = new string[csv.RowFieldCount];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = csv.GetString(i);
        }

        return fields;
    }
}
