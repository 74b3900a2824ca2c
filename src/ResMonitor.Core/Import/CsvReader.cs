using System.Text;

namespace ResMonitor.Core.Import;

/// <summary>One CSV record and the line in the file where it starts (1-based), for error messages.</summary>
public sealed record CsvRecord(int Line, string[] Fields);

/// <summary>
/// A small RFC 4180 reader: quoted fields may hold separators, quotes ("") and line breaks. The separator is
/// ',' or ';' (what Excel writes in a Dutch locale), chosen from the header line.
/// </summary>
public sealed class CsvReader(TextReader reader)
{
    private readonly StringBuilder _field = new();
    private int _line = 1;
    private char _separator = ',';

    public char Separator => _separator;

    /// <summary>Reads the header line and detects the separator from it.</summary>
    public CsvRecord? ReadHeader()
    {
        var first = reader.Peek() < 0 ? null : reader.ReadLine();
        if (first is null)
        {
            return null;
        }

        _separator = first.Count(c => c == ';') > first.Count(c => c == ',') ? ';' : ',';
        using var headerReader = new StringReader(first);
        var header = new CsvReader(headerReader) { _separator = _separator }.Read();
        _line = 2;
        return header is null ? null : header with { Line = 1 };
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
        if (reader.Peek() < 0)
        {
            return null;
        }

        var start = _line;
        var fields = new List<string>();
        var inQuotes = false;
        _field.Clear();
        while (true)
        {
            var next = reader.Read();
            if (next < 0)
            {
                fields.Add(_field.ToString());
                return new(start, fields.ToArray());
            }

            var c = (char)next;
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        _field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        _line++;
                    }

                    _field.Append(c);
                }
            }
            else if (c == '"' && _field.Length == 0)
            {
                inQuotes = true;
            }
            else if (c == _separator)
            {
                fields.Add(_field.ToString());
                _field.Clear();
            }
            else if (c == '\r' || c == '\n')
            {
                if (c == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                _line++;
                fields.Add(_field.ToString());
                return new(start, fields.ToArray());
            }
            else
            {
                _field.Append(c);
            }
        }
    }
}
