using System.Xml;
using Entente.Nlp;
using Entente.Nlp.Documents;

namespace Entente.Store.Ingest;

/// <summary>The kinds of file ingest reads.</summary>
public enum InputKind
{
    Text,
    Html,
    Feed,
    Jsonl,
}

/// <summary>One input file, with the size that progress is measured against.</summary>
public sealed record InputFile(string Path, string DisplayName, InputKind Kind, long Bytes);

/// <summary>
/// Expands the paths given to <c>entente ingest</c> into files (directories recursively, in a stable order)
/// and reads each into documents. Reading never throws: a file that cannot be opened, decoded or parsed
/// becomes a diagnostic, and reading goes on with the next file.
/// </summary>
public static class IngestSources
{
    /// <summary>Largest text or HTML file read as one document.</summary>
    public const int MaxDocumentBytes = 64 << 20;

    /// <summary>Finds the input files under <paramref name="paths"/>; paths that do not exist are reported.</summary>
    public static List<InputFile> Expand(IReadOnlyList<string> paths, List<Diagnostic> diagnostics)
    {
        var files = new List<InputFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var skipped = 0;
                IEnumerable<string> entries;
                try
                {
                    entries = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                        .Order(StringComparer.Ordinal).ToList();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    diagnostics.Add(new Diagnostic(Severity.Error, "unreadable", $"cannot list the directory: {e.Message}", path));
                    continue;
                }

                foreach (var file in entries)
                {
                    if (KindByName(file) is { } kind)
                        Add(files, seen, file, kind, diagnostics);
                    else
                        skipped++;
                }

                if (skipped > 0)
                    diagnostics.Add(new Diagnostic(Severity.Info, "skipped-files",
                        $"{skipped} files of other types (not .txt, .html, .rss/.atom/.xml, .jsonl[.gz]) were left alone", path));
            }
            else if (File.Exists(path))
            {
                Add(files, seen, path, KindByName(path) ?? Sniff(path), diagnostics);
            }
            else
            {
                diagnostics.Add(new Diagnostic(Severity.Error, "not-found", "no such file or directory", path));
            }
        }

        return files;
    }

    private static void Add(List<InputFile> files, HashSet<string> seen, string path, InputKind kind, List<Diagnostic> diagnostics)
    {
        var full = Path.GetFullPath(path);
        if (!seen.Add(full))
            return;
        long bytes;
        try
        {
            bytes = new FileInfo(full).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, "unreadable", e.Message, path));
            return;
        }

        files.Add(new InputFile(full, DisplayName(full), kind, bytes));
    }

    /// <summary>The name a file's documents are known by: its path relative to the working directory when under it.</summary>
    private static string DisplayName(string full)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? full : relative).Replace('\\', '/');
    }

    public static InputKind? KindByName(string path)
    {
        var name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        var ext = Path.GetExtension(name).ToLowerInvariant();
        return ext switch
        {
            ".txt" or ".text" => InputKind.Text,
            ".html" or ".htm" or ".xhtml" => InputKind.Html,
            ".rss" or ".atom" or ".xml" => InputKind.Feed,
            ".jsonl" or ".ndjson" => InputKind.Jsonl,
            _ => null,
        };
    }

    /// <summary>A file named explicitly but with an unknown extension: look at its first bytes.</summary>
    private static InputKind Sniff(string path)
    {
        try
        {
            using var s = InputFiles.OpenStream(path);
            var head = new byte[2048];
            var n = s.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            var span = head.AsSpan(0, n).TrimStart(" \t\r\n\uFEFF"u8);
            if (span.StartsWith("{"u8))
                return InputKind.Jsonl;
            if (FeedReader.LooksLikeFeed(span))
                return InputKind.Feed;
            return span.StartsWith("<"u8) ? InputKind.Html : InputKind.Text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return InputKind.Text; // reading it properly will report the problem
        }
    }

    /// <summary>
    /// The documents of one file. Exceptions from the file system or a decompressor (a truncated .gz) end the
    /// file with a diagnostic; documents read before that point are kept.
    /// </summary>
    public static IEnumerable<InputItem> Read(InputFile file, DateOnly? defaultDate, Action<long>? bytesRead = null)
    {
        Stream stream;
        try
        {
            var fs = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            if (file.Path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                stream = InputFiles.Gunzip(new CountingStream(fs, bytesRead), InputFiles.GzipTrailerLength(fs));
            }
            else
            {
                stream = new CountingStream(fs, bytesRead);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new InputItem(null, new Diagnostic(Severity.Error, "unreadable", $"cannot open the file: {e.Message}; skipped", file.DisplayName))];
        }

        return Guard(stream, ReadKind(stream, file, defaultDate), file.DisplayName);
    }

    private static IEnumerable<InputItem> ReadKind(Stream stream, InputFile file, DateOnly? defaultDate) => file.Kind switch
    {
        InputKind.Jsonl => DocumentReader.ReadJsonl(stream, file.DisplayName, defaultDate),
        InputKind.Feed => FeedReader.Read(stream, file.DisplayName, file.DisplayName, defaultDate),
        _ => ReadWhole(stream, file, defaultDate),
    };

    private static IEnumerable<InputItem> ReadWhole(Stream stream, InputFile file, DateOnly? defaultDate)
    {
        var bytes = ReadBounded(stream, MaxDocumentBytes + 1);
        if (bytes.Length > MaxDocumentBytes)
        {
            yield return new InputItem(null, new Diagnostic(Severity.Error, "too-large",
                $"the file is larger than {MaxDocumentBytes >> 20} MiB, too large for one document; skipped", file.DisplayName));
            yield break;
        }

        var html = file.Kind == InputKind.Html;
        var text = TextDecoder.Decode(bytes, file.DisplayName, html, out var diagnostic, out _);
        if (text is null)
        {
            yield return new InputItem(null, diagnostic);
            yield break;
        }

        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        var date = defaultDate;
        if (html)
        {
            var article = HtmlText.Article(text, null);
            text = article.Text;
            if (article.Title is { } title)
                meta["title"] = title;
            if (article.Url is { } url)
                meta["url"] = url;
            if (article.SiteName is { } site)
                meta["source"] = site;
            date = article.Date ?? defaultDate;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            yield return new InputItem(null, new Diagnostic(Severity.Error, "empty-document",
                html ? "the page has no article text; skipped" : "the file has no text; skipped", file.DisplayName));
            yield break;
        }

        yield return new InputItem(new DocumentInput(file.DisplayName, text, date, meta, file.DisplayName, 1), null);
    }

    private static byte[] ReadBounded(Stream stream, int max)
    {
        using var ms = new MemoryStream();
        var buffer = new byte[1 << 16];
        int n;
        while (ms.Length < max && (n = stream.Read(buffer, 0, buffer.Length)) > 0)
            ms.Write(buffer, 0, n);
        return ms.ToArray();
    }

    /// <summary>Turns the exceptions a damaged file throws mid-read into a diagnostic that ends that file only.</summary>
    private static IEnumerable<InputItem> Guard(Stream stream, IEnumerable<InputItem> items, string source)
    {
        using (stream)
        {
            IEnumerator<InputItem>? e = null;
            Diagnostic? failure = null;
            try
            {
                e = items.GetEnumerator();
            }
            catch (Exception ex) when (IsInputFailure(ex))
            {
                failure = Failure(ex, source);
            }

            if (failure is not null || e is null)
            {
                yield return new InputItem(null, failure);
                yield break;
            }

            using (e)
            {
                while (true)
                {
                    try
                    {
                        if (!e.MoveNext())
                            break;
                    }
                    catch (Exception ex) when (IsInputFailure(ex))
                    {
                        failure = Failure(ex, source);
                    }

                    if (failure is not null)
                    {
                        yield return new InputItem(null, failure);
                        yield break;
                    }

                    yield return e.Current;
                }
            }
        }
    }

    private static bool IsInputFailure(Exception e) =>
        e is IOException or InvalidDataException or UnauthorizedAccessException or XmlException or System.Text.DecoderFallbackException;

    private static Diagnostic Failure(Exception e, string source) => e is InvalidDataException
        ? new Diagnostic(Severity.Error, "bad-compression", $"the compressed file is damaged or truncated ({e.Message}); the rest of the file is skipped", source)
        : new Diagnostic(Severity.Error, "read-failed", $"reading failed ({e.Message}); the rest of the file is skipped", source);

    /// <summary>Counts the bytes read from the file (before decompression), for progress.</summary>
    private sealed class CountingStream(Stream inner, Action<long>? onRead) : ReadOnlyStream(inner)
    {
        public override int Read(Span<byte> buffer)
        {
            var n = Inner.Read(buffer);
            onRead?.Invoke(n);
            return n;
        }
    }
}
