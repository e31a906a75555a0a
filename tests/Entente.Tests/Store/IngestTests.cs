using System.IO.Compression;
using System.Text;
using Entente.Nlp.Documents;
using Entente.Store;
using Entente.Store.DuckDb;
using Entente.Store.Ingest;

namespace Entente.Tests.Store;

public sealed class IngestTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly List<Diagnostic> _diagnostics = [];

    public void Dispose() => _dir.Dispose();

    private static string Line(string id, string date, string text) =>
        $"{{\"id\":\"{id}\",\"date\":\"{date}\",\"text\":\"{text}\",\"outlet\":\"Wire\"}}\n";

    private static string Corpus(int n)
    {
        var sb = new StringBuilder();
        string[] templates = ["China met Russia in Beijing.", "Russia attacked Ukraine overnight.", "France criticized Iran on {0}.", "Israel aided Ukraine."];
        for (var i = 0; i < n; i++)
            sb.Append(Line("doc-" + i, $"2024-0{1 + (i % 9)}-1{i % 10}", string.Format(System.Globalization.CultureInfo.InvariantCulture, templates[i % 4], i) + $" Item {i}."));
        return sb.ToString();
    }

    private IngestSummary Ingest(IEventStore store, IngestOptions? options = null, CancellationToken? cancel = null, Action<IngestProgress>? progress = null,
        params string[] paths)
    {
        var expandDiagnostics = new List<Diagnostic>();
        var files = IngestSources.Expand(paths, expandDiagnostics);
        _diagnostics.AddRange(expandDiagnostics);
        return Ingestor.Run(store, TinyCoder.Pipeline(), files, options ?? new IngestOptions(), _diagnostics.Add, progress,
            cancel ?? TestContext.Current.CancellationToken);
    }

    private DuckDbStore Store() => DuckDbStore.Open(_dir.File("s.duckdb"));

    [Fact]
    public void IngestingTheSameFilesTwice_StoresEverythingOnceAndTheSecondRunCodesNothing()
    {
        var input = _dir.Write("in/a.jsonl", Corpus(200));
        using var store = Store();

        var first = Ingest(store, paths: input);
        var countsAfterFirst = store.Counts();
        var second = Ingest(store, paths: input);

        Assert.Equal((200L, 0L, 0L), (first.Totals.Stored, first.Totals.Unchanged, first.Totals.Rejected));
        Assert.Equal((0L, 200L), (second.Totals.Stored, second.Totals.Unchanged));
        Assert.Equal(countsAfterFirst, store.Counts());
        Assert.Equal(200, countsAfterFirst.EventRecords);
    }

    [Fact]
    public void ADocumentWhoseContentChanged_IsReplacedAndItsOldEventsAreGone()
    {
        using var store = Store();
        var path = _dir.Write("a.jsonl", Line("x", "2024-01-01", "China met Russia.") + Line("y", "2024-01-01", "France aided Ukraine."));
        Ingest(store, paths: path);
        _dir.Write("a.jsonl", Line("x", "2024-01-01", "Russia attacked Ukraine.") + Line("y", "2024-01-01", "France aided Ukraine."));

        var run = Ingest(store, paths: path);

        Assert.Equal((1L, 1L, 1L), (run.Totals.Stored, run.Totals.Replaced, run.Totals.Unchanged));
        Assert.Equal(["070", "190"], store.Events(new EventFilter { Ascending = true }).Select(e => e.Cameo).Order());
        Assert.Equal(2, store.Counts().Documents);
    }

    [Fact]
    public void TheSameTextUnderAnotherId_IsStoredOnce()
    {
        using var store = Store();
        var path = _dir.Write("a.jsonl", Line("x", "2024-01-01", "China met Russia.") + Line("copy-of-x", "2024-01-01", "China met Russia."));

        var run = Ingest(store, paths: path);

        Assert.Equal((1L, 1L), (run.Totals.Stored, run.Totals.Duplicates));
        Assert.Equal(1, store.Counts().Documents);
    }

    [Fact]
    public void AnIngestStoppedMidway_ResumesOnRerunWithNothingLostOrDuplicated()
    {
        var input = _dir.Write("big.jsonl", Corpus(3000));
        using var store = Store();
        using var stop = new CancellationTokenSource();

        var first = Ingest(store, new IngestOptions { BatchDocuments = 50, Threads = 2, ProgressInterval = TimeSpan.Zero }, stop.Token,
            p => { if (p.Documents >= 400) stop.Cancel(); }, input);
        var stored = store.Counts().Documents;
        var second = Ingest(store, paths: input);

        Assert.True(first.Interrupted);
        Assert.InRange(stored, 400, 2999);
        Assert.Equal(stored, first.Totals.Stored);
        Assert.Equal(3000 - stored, second.Totals.Stored);
        Assert.Equal(stored, second.Totals.Unchanged);
        var counts = store.Counts();
        Assert.Equal((3000L, 3000L), (counts.Documents, counts.EventRecords));
        Assert.Equal(0L, store.Scalar<long>("SELECT count(*) FROM (SELECT doc_id FROM events GROUP BY doc_id HAVING count(*) > 1)"));
    }

    [Fact]
    public void AStoreThatFailsMidRun_StopsTheIngestWithItsErrorAndKeepsTheBatchesBefore()
    {
        var input = _dir.Write("big.jsonl", Corpus(1000));
        using var inner = Store();
        using var failing = new FailingStore(inner, failOnBatch: 3);

        var e = Assert.Throws<StoreException>(() => Ingest(failing, new IngestOptions { BatchDocuments = 100 }, paths: input));

        Assert.Contains("disk full", e.Message);
        Assert.Equal(200, inner.Counts().Documents);
    }

    [Fact]
    public void ATruncatedGzip_KeepsTheDocumentsBeforeTheDamageAndReportsIt()
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            var bytes = Encoding.UTF8.GetBytes(Corpus(2000));
            gz.Write(bytes);
        }

        var whole = ms.ToArray();
        var truncated = _dir.Write("cut.jsonl.gz", whole[..(whole.Length / 2)]);
        var good = _dir.Write("good.jsonl", Line("after", "2024-01-01", "China met Russia after the damage."));
        using var store = Store();

        var run = Ingest(store, paths: [truncated, good]);

        var damage = Assert.Single(_diagnostics);
        Assert.Equal("bad-compression", damage.Code);
        Assert.EndsWith("cut.jsonl.gz", damage.Source, StringComparison.Ordinal);
        Assert.InRange(run.Totals.Stored, 2, 1999);
        Assert.True(store.LoadDocumentIndex().Contains("after"));
    }

    [Fact]
    public void ConcatenatedGzipMembers_AreOneWholeFileNotADamagedOne()
    {
        // `cat a.gz b.gz` is a valid gzip file; its trailer holds only the last member's length.
        var bytes = new List<byte>();
        foreach (var part in new[] { Corpus(300), Line("last", "2024-01-01", "China met Russia.") })
        {
            var ms = new MemoryStream();
            using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
                gz.Write(Encoding.UTF8.GetBytes(part));
            bytes.AddRange(ms.ToArray());
        }

        var file = _dir.Write("two-members.jsonl.gz", bytes.ToArray());
        using var store = Store();

        var run = Ingest(store, paths: file);

        Assert.Empty(_diagnostics);
        Assert.Equal((301L, 0L), (run.Totals.Stored, run.Totals.Rejected));
        Assert.True(store.LoadDocumentIndex().Contains("last"));
    }

    [Fact]
    public void ABinaryFile_IsReportedAndSkippedWithoutStoppingTheBatch()
    {
        var binary = _dir.Write("dir/image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]);
        _dir.Write("dir/ok.txt", "China met Russia in Moscow.");
        using var store = Store();

        var run = Ingest(store, new IngestOptions { DefaultDate = new DateOnly(2024, 2, 2) }, paths: _dir.File("dir"));

        Assert.Equal((1L, 1L), (run.Totals.Stored, run.Totals.Rejected));
        var binaryDiagnostic = Assert.Single(_diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("binary", binaryDiagnostic.Code);
        Assert.EndsWith("image.txt", binaryDiagnostic.Source, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2024, 2, 2), Assert.Single(store.Events(EventFilter.All)).Date);
    }

    [Fact]
    public void AnHtmlPageWithNoText_IsRejectedAndAnArticlePageIsStoredWithoutItsBoilerplate()
    {
        _dir.Write("web/empty.html", "<html><head><title>Nothing</title></head><body><script>var x = 1;</script><div></div></body></html>");
        _dir.Write("web/article.html", """
            <html><head><title>Talks in Beijing</title><link rel="canonical" href="https://news.example/talks">
            <meta property="article:published_time" content="2024-06-01T08:00:00Z"></head>
            <body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
            <article><h1>Talks in Beijing</h1>
            <p>China met Russia in Beijing on Friday, in talks that officials on both sides described as long and detailed.</p>
            <p>The delegations discussed energy, trade and security, and agreed to meet again before the end of the year.</p>
            </article><footer>Copyright 2024 Example News. All rights reserved.</footer>
            <script>trackPageView();</script></body></html>
            """);
        using var store = Store();

        var run = Ingest(store, paths: _dir.File("web"));

        Assert.Equal((1L, 1L), (run.Totals.Stored, run.Totals.Rejected));
        Assert.Contains(_diagnostics, d => d.Code == "empty-document" && d.Source!.EndsWith("empty.html", StringComparison.Ordinal));
        var e = Assert.Single(store.Events(EventFilter.All));
        Assert.Equal(("CHN", "RUS", new DateOnly(2024, 6, 1), "https://news.example/talks"), (e.Source.Code, e.Target.Code, e.Date, e.SourceUrl));
        Assert.Equal(0L, store.Scalar<long>("SELECT count(*) FROM documents WHERE title <> 'Talks in Beijing'"));
    }

    [Fact]
    public void AFeedWithBrokenItems_StoresTheGoodItemsWithTheirLinksAndDates()
    {
        var feed = _dir.Write("feed.rss", """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>World Wire</title>
            <item><title>One</title><link>https://wire.example/1</link><pubDate>Wed, 03 Aug 2022 19:49:23 +0000</pubDate>
              <description><![CDATA[<p>China met Russia in Beijing.</p><script>alert('x')</script>]]></description></item>
            <item><title></title><link>https://wire.example/2</link></item>
            <item><title>Three</title><guid>wire-3</guid><pubDate>not a date</pubDate>
              <content:encoded><![CDATA[<div><p>Russia attacked Ukraine.</p></div>]]></content:encoded></item>
            <item><title>Four</title><link>https://wire.example/4</link><pubDate>Thu, 04 Aug 2022 10:00:00 EDT</pubDate>
              <description>France criticized Iran.</description></item>
            </channel></rss>
            """);
        using var store = Store();

        var run = Ingest(store, paths: feed);

        Assert.Equal((3L, 1L), (run.Totals.Stored, run.Totals.Rejected));
        Assert.Contains(_diagnostics, d => d.Code == "empty-item" && d.Line == 5);
        Assert.Contains(_diagnostics, d => d.Code == "bad-date" && d.Severity == Severity.Warning);
        var index = store.LoadDocumentIndex();
        Assert.True(index.Contains("https://wire.example/1") && index.Contains("wire-3") && index.Contains("https://wire.example/4"));
        Assert.Equal(1L, store.Scalar<long>("SELECT count(*) FROM documents WHERE doc_id = 'https://wire.example/1' AND date = DATE '2022-08-03' AND source = 'World Wire' AND title = 'One'"));
        Assert.Equal(1L, store.Scalar<long>("SELECT count(*) FROM documents WHERE doc_id = 'https://wire.example/4' AND date = DATE '2022-08-04'"));
        Assert.Equal(0L, store.Scalar<long>("SELECT count(*) FROM events WHERE text LIKE '%alert%'"));
        Assert.Equal(3, store.Counts().EventRecords);
    }

    [Fact]
    public void AFeedThatStopsBeingWellFormed_KeepsTheItemsBeforeTheBreak()
    {
        var feed = _dir.Write("broken.xml", """
            <rss version="2.0"><channel><title>W</title>
            <item><title>A</title><guid>a</guid><description>China met Russia.</description></item>
            <item><title>B</title><guid>b</guid><description>Russia attacked Ukraine.</description>
            """);
        using var store = Store();

        var run = Ingest(store, paths: feed);

        Assert.Equal(1, run.Totals.Stored);
        Assert.Contains(_diagnostics, d => d.Code == "bad-feed" && d.Line > 0);
    }

    [Fact]
    public void AnAtomFeed_GivesOneDocumentPerEntry()
    {
        var feed = _dir.Write("feed.atom", """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
              <entry><id>urn:a</id><title>A</title><link rel="alternate" href="https://atom.example/a"/><published>2023-05-01T12:00:00Z</published>
                <content type="html">&lt;p&gt;China met Russia.&lt;/p&gt;</content></entry>
              <entry><id>urn:b</id><title>B</title><updated>2023-05-02T12:00:00Z</updated>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Russia attacked Ukraine.</p></div></content></entry>
            </feed>
            """);
        using var store = Store();

        var run = Ingest(store, paths: feed);

        Assert.Equal(2, run.Totals.Stored);
        Assert.Equal(1L, store.Scalar<long>("SELECT count(*) FROM documents WHERE doc_id = 'urn:a' AND url = 'https://atom.example/a' AND date = DATE '2023-05-01'"));
        Assert.Equal(["040", "190"], store.Events(new EventFilter { Ascending = true }).Select(e => e.Cameo));
    }

    [Fact]
    public void TheStateDepartmentFeedSnapshot_GivesTenDatedItemsWithoutScriptText()
    {
        using var store = Store();

        var run = Ingest(store, paths: TestPaths.SharedFile("corpus/state-dept/feed-snapshot-1.rss"));

        Assert.Equal((10L, 0L), (run.Totals.Stored, run.Totals.Rejected));
        Assert.Equal(10L, store.Scalar<long>("SELECT count(*) FROM documents WHERE url LIKE 'https://www.state.gov/%' AND date BETWEEN DATE '2022-07-01' AND DATE '2022-08-31'"));
        Assert.Equal(0L, store.Scalar<long>("SELECT count(*) FROM documents WHERE source <> 'Press Releases – United States Department of State'"));
        var texts = IngestSources.Read(IngestSources.Expand([TestPaths.SharedFile("corpus/state-dept/feed-snapshot-1.rss")], []).Single(), null)
            .Select(i => i.Document!.Text).ToList();
        Assert.DoesNotContain(texts, t => t.Contains("jQuery", StringComparison.Ordinal) || t.Contains("<p>", StringComparison.Ordinal));
    }

    [Fact]
    public void AWindows1252TextFile_IsDecodedNotRejected()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = _dir.Write("latin.txt", Encoding.GetEncoding(1252).GetBytes("France criticized Iran at the café in Genève, said the “minister”."));
        using var store = Store();

        var run = Ingest(store, paths: path);

        Assert.Equal(1, run.Totals.Stored);
        Assert.Contains("café in Genève", Assert.Single(store.Events(EventFilter.All)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnHtmlPageInItsDeclaredCharset_IsDecodedWithIt()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-15\"><title>Zürich</title></head>" +
                   "<body><article><p>France criticized Iran in Zürich over the 5 € levy, officials said on Tuesday after the long meeting.</p></article></body></html>";
        var path = _dir.Write("page.html", Encoding.GetEncoding("iso-8859-15").GetBytes(html));
        using var store = Store();

        Ingest(store, paths: path);

        Assert.Contains("Zürich over the 5 € levy", Assert.Single(store.Events(EventFilter.All)).Text, StringComparison.Ordinal);
        Assert.Equal(1L, store.Scalar<long>("SELECT count(*) FROM documents WHERE title = 'Zürich'"));
    }

    [Fact]
    public void AFeedWithNoItems_IsAWarningNotARejection()
    {
        var feed = _dir.Write("empty.rss", "<rss version=\"2.0\"><channel><title>Quiet</title></channel></rss>");
        using var store = Store();

        var run = Ingest(store, paths: feed);

        Assert.Equal((0L, 0L), (run.Totals.Documents, run.Totals.Rejected));
        Assert.Equal(Severity.Warning, Assert.Single(_diagnostics).Severity);
    }

    [Fact]
    public void AUtf16TextFileWithAByteOrderMark_IsDecoded()
    {
        var path = _dir.Write("utf16.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Israel aided Ukraine near Lviv.")]);
        using var store = Store();

        var run = Ingest(store, paths: path);

        Assert.Equal(1, run.Totals.Stored);
        Assert.Equal("070", Assert.Single(store.Events(EventFilter.All)).Cameo);
    }

    [Fact]
    public void ADirectory_IsReadRecursivelyAndOtherFileTypesAreLeftAlone()
    {
        _dir.Write("tree/b/2.txt", "Russia attacked Ukraine.");
        _dir.Write("tree/a/1.txt", "China met Russia.");
        _dir.Write("tree/a/deeper/3.jsonl", Line("j", "2024-05-05", "France criticized Iran."));
        _dir.Write("tree/notes.docx", [0x50, 0x4B, 0x03, 0x04]);
        _dir.Write("tree/picture.png", [0x89, 0x50, 0x4E, 0x47]);
        using var store = Store();

        var run = Ingest(store, paths: _dir.File("tree"));

        Assert.Equal((3L, 0L), (run.Totals.Stored, run.Totals.Rejected));
        var skipped = Assert.Single(_diagnostics);
        Assert.Equal((Severity.Info, "skipped-files"), (skipped.Severity, skipped.Code));
        Assert.StartsWith("2 files", skipped.Message, StringComparison.Ordinal);
        var ids = store.Scalar<string>("SELECT string_agg(doc_id, ' ' ORDER BY doc_id) FROM documents");
        Assert.Matches(@"^\S*tree/a/1\.txt \S*tree/b/2\.txt j$", ids);
    }

    [Fact]
    public void ADocumentOverTheLengthLimit_IsRejectedAndTheOthersStored()
    {
        var path = _dir.Write("a.jsonl", Line("long", "2024-01-01", "China met Russia. " + new string('x', 500)) + Line("short", "2024-01-01", "France aided Ukraine."));
        using var store = Store();

        var run = Ingest(store, new IngestOptions { MaxChars = 200 }, paths: path);

        Assert.Equal((1L, 1L), (run.Totals.Stored, run.Totals.Rejected));
        Assert.Equal("too-long", Assert.Single(_diagnostics).Code);
        Assert.True(store.LoadDocumentIndex().Contains("short"));
    }

    [Fact]
    public void AMissingPath_IsReportedAndTheOtherPathsAreStillIngested()
    {
        var good = _dir.Write("a.txt", "China met Russia.");
        using var store = Store();

        var run = Ingest(store, paths: [_dir.File("nope.jsonl"), good]);

        Assert.Equal(1, run.Totals.Stored);
        Assert.Contains(_diagnostics, d => d.Code == "not-found");
    }
}

/// <summary>A store that fails on its n-th batch, as a full disk would.</summary>
internal sealed class FailingStore(DuckDbStore inner, int failOnBatch) : IEventStore
{
    private int _batches;

    public string Location => inner.Location;
    public int SchemaVersion => inner.SchemaVersion;
    public DocumentIndex LoadDocumentIndex() => inner.LoadDocumentIndex();

    public void WriteBatch(IReadOnlyList<StoredDocument> documents)
    {
        if (++_batches == failOnBatch)
            throw new StoreException("writing failed: disk full");
        inner.WriteBatch(documents);
    }

    public StoreCounts Counts() => inner.Counts();
    public IEnumerable<MergedEvent> Events(EventFilter filter) => inner.Events(filter);
    public IReadOnlyList<DyadPeriod> Dyad(string actorA, string actorB, Period period, EventFilter filter) => inner.Dyad(actorA, actorB, period, filter);
    public IReadOnlyList<ActorActivity> TopActors(int top, EventFilter filter) => inner.TopActors(top, filter);
    public IReadOnlyList<DyadTotal> TopDyads(int top, EventFilter filter) => inner.TopDyads(top, filter);
    public void ExportParquet(string path, EventFilter filter) => inner.ExportParquet(path, filter);
    public void ExportRecords(string path, Entente.Store.Export.ExportFormat format, EventFilter filter) => inner.ExportRecords(path, format, filter);

    public void Dispose()
    {
    }
}
