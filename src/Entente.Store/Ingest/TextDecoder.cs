using System.Text;
using Entente.Nlp;
using Entente.Nlp.Documents;
using UtfUnknown;

namespace Entente.Store.Ingest;

/// <summary>
/// Turns the bytes of a text or HTML file into a string, finding the encoding: a byte-order mark, else
/// valid UTF-8, else the charset an HTML page declares, else the statistical guess of UTF.Unknown
/// (windows-1252, ISO-8859-x, Shift-JIS, ...). Binary data is rejected before any guessing.
/// </summary>
internal static class TextDecoder
{
    static TextDecoder()
    {
        // The legacy code pages (windows-1252, ...) are not in .NET Core by default; registering is idempotent.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Decodes <paramref name="bytes"/>; on failure returns null and a diagnostic naming <paramref name="source"/>.</summary>
    public static string? Decode(byte[] bytes, string source, bool html, out Diagnostic? diagnostic, out string encodingName)
    {
        diagnostic = null;
        encodingName = "utf-8";
        ReadOnlySpan<byte> span = bytes;
        if (LooksBinary(span))
        {
            diagnostic = new Diagnostic(Severity.Error, "binary", "the file looks like binary data, not text; skipped", source);
            return null;
        }

        var hasBom = span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ||
                     span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        if (hasBom || DocumentReader.Utf8Invalid(span) < 0)
        {
            if (DocumentReader.TryDecode(bytes, out var text, out var error))
                return text;
            diagnostic = new Diagnostic(Severity.Error, error.Code, error.Message + "; skipped", source, error.Line, error.Column);
            return null;
        }

        Encoding? encoding = null;
        if (html && DeclaredCharset(span) is { } declared)
        {
            try
            {
                encoding = Encoding.GetEncoding(declared);
            }
            catch (ArgumentException)
            {
                // An unknown charset name: fall through to detection.
            }
        }

        if (encoding is null || encoding.CodePage == Encoding.UTF8.CodePage)
        {
            var detected = CharsetDetector.DetectFromBytes(bytes).Detected;
            encoding = detected?.Encoding is { } e && e.CodePage != Encoding.UTF8.CodePage ? e : Encoding.GetEncoding(1252);
        }

        encodingName = encoding.WebName;
        return encoding.GetString(bytes);
    }

    /// <summary>NUL bytes or many control characters in the first 8 KB: an image, an archive, a binary file.</summary>
    internal static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 8192)];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return false; // UTF-16 text is full of NULs
        var controls = 0;
        foreach (var b in head)
        {
            if (b == 0)
                return true;
            if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f'))
                controls++;
        }

        return controls > head.Length / 20;
    }

    /// <summary>The charset of <c>&lt;meta charset=...&gt;</c> or <c>content="text/html; charset=..."</c> in the first 4 KB.</summary>
    private static string? DeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        var i = head.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
        while (i >= 0)
        {
            var j = i + "charset".Length;
            while (j < head.Length && head[j] is ' ' or '=' or '"' or '\'')
                j++;
            var k = j;
            while (k < head.Length && (char.IsAsciiLetterOrDigit(head[k]) || head[k] is '-' or '_' or ':' or '.'))
                k++;
            if (k > j)
                return head[j..k];
            i = head.IndexOf("charset", k, StringComparison.OrdinalIgnoreCase);
        }

        return null;
    }
}
