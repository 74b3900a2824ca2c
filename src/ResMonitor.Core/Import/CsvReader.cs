using System.Text;

namespace ResMonitor.Core.Import;

/// <summary>One CSV record and the line in the file where it starts (1-based), for error messages.</summary>
public sealed record CsvRecord(int Line, string[] Fields);

/// <summary>
/// A small RFC 4180 reader: quoted fields may hold separators, quotes ("") and line breaks. The separator is
/// ',' or ';' (what Excel writes in a Dutch locale), chosen from the header line. It reads the text in blocks and
/// copies runs of ordinary characters at once, so a large file costs little more than the strings it yields.
/// </summary>
public sealed class CsvReader(TextReader reader)
{
    private const int BufferSize = 64 * 1024;

    private readonly char[] _buffer = new char[BufferSize];
    private readonly StringBuilder _field = new();
    private readonly List<string> _fields = [];
    private int _position;
    private int _length;
    private int _line = 1;
    private char _separator = ',';

    public char Separator => _separator;

    /// <summary>The header line as it stands in the file, once <see cref="ReadHeader"/> has read it.</summary>
    internal string? HeaderLine { get; private set; }

    /// <summary>Reads the header line and detects the separator from it.</summary>
    public CsvRecord? ReadHeader()
    {
        var first = Peek() < 0 ? null : ReadLine();
        HeaderLine = first;
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
        if (Peek() < 0)
        {
            return null;
        }

        var start = _line;
        var inQuotes = false;
        _fields.Clear();
        _field.Clear();
        while (true)
        {
            if (_position >= _length && !Fill())
            {
                _fields.Add(TakeField());
                return new(start, _fields.ToArray());
            }

            if (inQuotes)
            {
                // Everything up to the next quote belongs to the field; line breaks are counted.
                var rest = _buffer.AsSpan(_position, _length - _position);
                var at = rest.IndexOfAny('"', '\n');
                if (at < 0)
                {
                    _field.Append(rest);
                    _position = _length;
                    continue;
                }

                _field.Append(rest[..at]);
                _position += at + 1;
                if (rest[at] == '\n')
                {
                    _line++;
                    _field.Append('\n');
                }
                else if (Peek() == '"')
                {
                    _position++;
                    _field.Append('"');
                }
                else
                {
                    inQuotes = false;
                }

                continue;
            }

            var c = _buffer[_position];
            if (c == '"' && _field.Length == 0)
            {
                _position++;
                inQuotes = true;
            }
            else if (c == _separator)
            {
                _position++;
                _fields.Add(TakeField());
            }
            else if (c == '\r' || c == '\n')
            {
                _position++;
                if (c == '\r' && Peek() == '\n')
                {
                    _position++;
                }

                _line++;
                _fields.Add(TakeField());
                return new(start, _fields.ToArray());
            }
            else
            {
                // An ordinary run: a quote inside it is a plain character, because the field is no longer empty.
                var rest = _buffer.AsSpan(_position + 1, _length - _position - 1);
                var end = rest.IndexOfAny(_separator, '\r', '\n');
                var run = end < 0 ? _length - _position : end + 1;
                _field.Append(_buffer, _position, run);
                _position += run;
            }
        }
    }

    /// <summary>The rest of the text, unparsed.</summary>
    internal string ReadToEnd()
    {
        _field.Clear();
        while (_position < _length || Fill())
        {
            _field.Append(_buffer, _position, _length - _position);
            _position = _length;
        }

        return TakeField();
    }

    /// <summary>One line as <see cref="TextReader.ReadLine"/> reads it: it ends at \r\n, \r or \n.</summary>
    private string ReadLine()
    {
        _field.Clear();
        while (_position < _length || Fill())
        {
            var rest = _buffer.AsSpan(_position, _length - _position);
            var at = rest.IndexOfAny('\r', '\n');
            if (at < 0)
            {
                _field.Append(rest);
                _position = _length;
                continue;
            }

            _field.Append(rest[..at]);
            _position += at + 1;
            if (rest[at] == '\r' && Peek() == '\n')
            {
                _position++;
            }

            break;
        }

        return TakeField();
    }

    private string TakeField()
    {
        var text = _field.ToString();
        _field.Clear();
        return text;
    }

    private int Peek() => _position < _length || Fill() ? _buffer[_position] : -1;

    private bool Fill()
    {
        _position = 0;
        _length = reader.Read(_buffer, 0, _buffer.Length);
        return _length > 0;
    }
}
