using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Entente.Nlp.Documents;

namespace Entente.Nlp;

/// <summary>A document as read from input, before any processing.</summary>
/// <param name="Id">The record's "id", or one made from the source and line.</param>
/// <param name="Text">The text to code.</param>
/// <param name="Date">Publication date, when known.</param>
/// <param name="Metadata">Other fields of the record (title, url, source, ...), as strings.</param>
/// <param name="Source">File name, or "-" for standard input.</param>
/// <param name="Line">1-based line of the record (1 for a whole-file text document).</param>
public sealed record DocumentInput(
    string Id, string Text, DateOnly? Date, IReadOnlyDictionary<string, string> Metadata, string Source, long Line)
{
    public Document ToDocument() => new(Text, Id, Date, Metadata);
}

/// <summary>One item from a reader: a document, or a diagnostic saying why a record was rejected (or both, for warnings).</summary>
public readonly record struct InputItem(DocumentInput? Document, Diagnostic? Diagnostic);

/// <summary>
/// Reads documents from text and JSONL streams. Bad records never throw and never stop the stream:
/// each yields a diagnostic naming its line, and reading goes on with the next line.
/// </summary>
public static class DocumentReader
{
    /// <summary>Longest JSONL line accepted; longer lines are skipped without being buffered.</summary>
    public const int DefaultMaxLineBytes = 256 << 20;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the whole stream as one text document.</summary>
    public static InputItem ReadText(Stream stream, string source, string id, DateOnly? date)
    {
        byte[] bytes;
        using (var ms = new MemoryStream())
        {
            stream.CopyTo(ms);
            bytes = ms.ToArray();
        }

        if (!TryDecode(bytes, out var text, out var error))
            return new InputItem(null, new Diagnostic(Severity.Error, error.Code, error.Message + "; document rejected", source, error.Line, error.Column));
        if (string.IsNullOrWhiteSpace(text))
            return new InputItem(null, new Diagnostic(Severity.Error, "empty-document", "the document has no text; nothing to code", source));
        return new InputItem(new DocumentInput(id, text, date, Empty, source, 1), null);
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    /// <summary>Reads one document per line: <c>{"id": ..., "date": "YYYY-MM-DD", "text": ...}</c>.</summary>
    public static IEnumerable<InputItem> ReadJsonl(Stream stream, string source, DateOnly? defaultDate = null, int maxLineBytes = DefaultMaxLineBytes)
    {
        var reader = new ByteLineReader(stream, maxLineBytes);
        while (reader.ReadLine(out var line, out var lineNo, out var tooLong))
        {
            if (tooLong)
            {
                yield return new InputItem(null, new Diagnostic(Severity.Error, "line-too-long",
                    $"line is longer than {maxLineBytes / (1 << 20)} MiB; skipped", source, lineNo));
                continue;
            }

            var span = line.Span;
            if (span.Length > 0 && span[^1] == '\r')
                span = span[..^1];
            if (span.IsEmpty || span.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0)
                continue;
            if (lineNo == 1 && span.StartsWith("\uFEFF"u8))
                span = span[3..];
            yield return ParseJsonLine(span, source, lineNo, defaultDate);
        }
    }

    private static InputItem ParseJsonLine(ReadOnlySpan<byte> line, string source, long lineNo, DateOnly? defaultDate)
    {
        var bad = Utf8Invalid(line);
        if (bad >= 0)
            return Reject(source, lineNo, bad + 1, "invalid-utf8", $"invalid UTF-8 at byte {bad + 1} of the line; record rejected");

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            var col = e.BytePositionInLine is long b ? b + 1 : 0;
            return Reject(source, lineNo, col, "bad-json", $"malformed JSON ({FirstSentence(e.Message)}); record rejected");
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Reject(source, lineNo, 0, "bad-record", $"expected a JSON object, found {root.ValueKind.ToString().ToLowerInvariant()}; record rejected");
            if (!root.TryGetProperty("text", out var textEl) || textEl.ValueKind != JsonValueKind.String)
                return Reject(source, lineNo, 0, "bad-record", "the record has no \"text\" string; record rejected");
            var text = textEl.GetString() ?? "";
            if (string.IsNullOrWhiteSpace(text))
                return Reject(source, lineNo, 0, "empty-document", "the record's \"text\" is empty; nothing to code");

            string id = source == "-" ? $"line-{lineNo}" : $"{Path.GetFileName(source)}:{lineNo}";
            if (root.TryGetProperty("id", out var idEl))
            {
                if (idEl.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(idEl.GetString()))
                    id = idEl.GetString()!;
                else if (idEl.ValueKind == JsonValueKind.Number)
                    id = idEl.GetRawText();
            }

            Diagnostic? warning = null;
            var date = defaultDate;
            if (root.TryGetProperty("date", out var dateEl) && dateEl.ValueKind != JsonValueKind.Null)
            {
                if (dateEl.ValueKind == JsonValueKind.String && TryParseDate(dateEl.GetString()!, out var d))
                    date = d;
                else
                    warning = new Diagnostic(Severity.Warning, "bad-date",
                        $"\"date\" {dateEl.GetRawText()} is not YYYY-MM-DD; the document is coded without a date", source, lineNo);
            }

            var meta = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in root.EnumerateObject())
            {
                if (p.Name is "text" or "id" or "date")
                    continue;
                meta[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
            }

            return new InputItem(new DocumentInput(id, text, date, meta, source, lineNo), warning);
        }
    }

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(". ", StringComparison.Ordinal);
        return (i > 0 ? message[..i] : message).TrimEnd('.');
    }

    private static InputItem Reject(string source, long line, long column, string code, string message) =>
        new(null, new Diagnostic(Severity.Error, code, message, source, line, column));

    /// <summary>Accepts "YYYY-MM-DD" and ISO 8601 date-times ("2024-05-13T10:00:00Z").</summary>
    public static bool TryParseDate(string s, out DateOnly date)
    {
        s = s.Trim();
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            return true;
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto))
        {
            date = DateOnly.FromDateTime(dto.UtcDateTime);
            return true;
        }

        if (s.Length == 8 && DateOnly.TryParseExact(s, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            return true;
        date = default;
        return false;
    }

    /// <summary>Index of the first byte that is not valid UTF-8, or -1.</summary>
    public static int Utf8Invalid(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
            return -1;
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        return status == OperationStatus.Done ? -1 : read;
    }

    /// <summary>Decodes a text document: UTF-8 (with or without BOM) or UTF-16 with a BOM; rejects invalid UTF-8 and binary data.</summary>
    public static bool TryDecode(byte[] bytes, out string text, out (string Code, string Message, long Line, long Column) error)
    {
        text = "";
        error = default;
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = (span[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(span[2..]);
            return CheckBinary(text, ref error);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            span = span[3..];
        var bad = Utf8Invalid(span);
        if (bad >= 0)
        {
            var (line, col) = LineColumn(span, bad);
            error = ("invalid-utf8", $"invalid UTF-8 at line {line}, byte {col} (convert the file to UTF-8, e.g. with iconv)", line, col);
            return false;
        }

        text = StrictUtf8.GetString(span);
        return CheckBinary(text, ref error);
    }

    private static bool CheckBinary(string text, ref (string Code, string Message, long Line, long Column) error)
    {
        var nul = text.IndexOf('\0');
        var controls = 0;
        foreach (var c in text)
        {
            if (c < ' ' && c is not ('\n' or '\r' or '\t' or '\f'))
                controls++;
        }

        if (nul >= 0 || (text.Length > 0 && controls > text.Length / 20))
        {
            var at = nul >= 0 ? nul : 0;
            var line = 1 + text.AsSpan(0, at).Count('\n');
            error = ("binary", "the input looks like binary data, not text", line, 0);
            return false;
        }

        return true;
    }

    private static (long Line, long Column) LineColumn(ReadOnlySpan<byte> bytes, int offset)
    {
        var before = bytes[..offset];
        var line = 1 + before.Count((byte)'\n');
        var lastNl = before.LastIndexOf((byte)'\n');
        return (line, offset - lastNl);
    }
}

/// <summary>Splits a byte stream into lines with a bounded buffer; over-long lines are reported and skipped.</summary>
internal sealed class ByteLineReader(Stream stream, int maxLineBytes)
{
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;
    private long _line;

    public bool ReadLine(out ReadOnlyMemory<byte> line, out long lineNo, out bool tooLong)
    {
        tooLong = false;
        var scanFrom = _start;
        while (true)
        {
            var nl = Array.IndexOf(_buffer, (byte)'\n', scanFrom, _end - scanFrom);
            if (nl >= 0)
            {
                line = new ReadOnlyMemory<byte>(_buffer, _start, nl - _start);
                _start = nl + 1;
                lineNo = ++_line;
                return true;
            }

            if (_eof)
            {
                if (_end > _start)
                {
                    line = new ReadOnlyMemory<byte>(_buffer, _start, _end - _start);
                    _start = _end;
                    lineNo = ++_line;
                    return true;
                }

                line = default;
                lineNo = _line;
                return false;
            }

            if (_end - _start >= maxLineBytes)
            {
                // skip the rest of this line without keeping it
                _start = _end = 0;
                while (true)
                {
                    var n = stream.Read(_buffer, 0, _buffer.Length);
                    if (n == 0)
                    {
                        _eof = true;
                        break;
                    }

                    var i = Array.IndexOf(_buffer, (byte)'\n', 0, n);
                    if (i >= 0)
                    {
                        _start = i + 1;
                        _end = n;
                        break;
                    }
                }

                line = default;
                lineNo = ++_line;
                tooLong = true;
                return true;
            }

            scanFrom = _end;
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                scanFrom -= _start;
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
                Array.Resize(ref _buffer, Math.Min(Math.Max(_buffer.Length * 2, 1), maxLineBytes + (1 << 16)));
            var read = stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
                _eof = true;
            _end += read;
        }
    }
}
