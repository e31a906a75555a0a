using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Entente.Coding;
using Entente.Nlp;
using Entente.Nlp.Documents;
using Entente.Nlp.Pipeline;
using Entente.Store.DuckDb;

namespace Entente.Store.Ingest;

public sealed record IngestOptions
{
    /// <summary>Worker threads for coding; 0 means one per core.</summary>
    public int Threads { get; init; }

    /// <summary>Documents per transaction. A kill loses at most this many documents' work, which a rerun redoes.</summary>
    public int BatchDocuments { get; init; } = 1000;

    /// <summary>Longest time between commits, so a slow pipeline still commits (and can resume) often.</summary>
    public TimeSpan BatchInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Publication date for documents that carry none (plain text files).</summary>
    public DateOnly? DefaultDate { get; init; }

    /// <summary>How often progress is reported (the first report comes after one interval).</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(5);
}

/// <summary>Where an ingest run is: what was read, stored, skipped and rejected so far.</summary>
public sealed record IngestProgress(
    int FilesTotal, long BytesTotal, long BytesRead, long Documents, long Stored, long Replaced, long Unchanged, long Duplicates, long Rejected,
    long Events, TimeSpan Elapsed)
{
    /// <summary>Documents handled per second (stored, unchanged, duplicate or rejected).</summary>
    public double Rate => Elapsed.TotalSeconds > 0 ? Documents / Elapsed.TotalSeconds : 0;
}

/// <summary>How an ingest run ended.</summary>
public sealed record IngestSummary(IngestProgress Totals, bool Interrupted);

/// <summary>
/// <c>entente ingest</c> as a library: reads files, skips documents the store already has (same id and content
/// hash, or the same content under another id), codes the rest on all cores with bounded memory, and writes them
/// in batches, each batch one transaction. Stopping it (cancellation, Ctrl-C, a kill) leaves the store at the last
/// committed batch; running it again resumes, because everything committed is skipped.
/// </summary>
public static class Ingestor
{
    private enum Status : byte
    {
        Coded,
        Unchanged,
        Duplicate,
        Rejected,

        /// <summary>No document, and nothing wrong either: a warning such as "the feed has no items".</summary>
        Notice,
    }

    private sealed record Work(InputItem Item, string? Hash, Status? Skip, bool Replaces);

    private sealed record Outcome(Status Status, StoredDocument? Document, List<Diagnostic> Diagnostics, bool Replaces);

    public static IngestSummary Run(
        IEventStore store, IPipelineStage pipeline, IReadOnlyList<InputFile> files, IngestOptions options,
        Action<Diagnostic> report, Action<IngestProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(report);

        var clock = Stopwatch.StartNew();
        var index = store.LoadDocumentIndex();
        long bytesTotal = 0;
        foreach (var f in files)
            bytesTotal += f.Bytes;
        long bytesRead = 0;
        long documents = 0, stored = 0, replaced = 0, unchanged = 0, duplicates = 0, rejected = 0, events = 0;

        var batch = new List<StoredDocument>(options.BatchDocuments);
        var batchEvents = 0L;
        var batchReplaced = 0L;
        var lastCommit = clock.Elapsed;
        var lastProgress = TimeSpan.Zero;
        StoreException? storeFailure = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);

        IngestProgress Snapshot() => new(files.Count, bytesTotal, Interlocked.Read(ref bytesRead), documents, stored, replaced, unchanged,
            duplicates, rejected, events, clock.Elapsed);

        void Commit()
        {
            if (batch.Count == 0)
                return;
            store.WriteBatch(batch);
            stored += batch.Count;
            replaced += batchReplaced;
            events += batchEvents;
            batch.Clear();
            batchEvents = 0;
            batchReplaced = 0;
            lastCommit = clock.Elapsed;
        }

        void Consume(Outcome o)
        {
            foreach (var d in o.Diagnostics)
                report(d);
            if (o.Status == Status.Notice)
                return;
            documents++;
            switch (o.Status)
            {
                case Status.Unchanged:
                    unchanged++;
                    break;
                case Status.Duplicate:
                    duplicates++;
                    break;
                case Status.Rejected:
                    rejected++;
                    break;
                default:
                    batch.Add(o.Document!);
                    batchEvents += o.Document!.Events.Count;
                    if (o.Replaces)
                        batchReplaced++;
                    break;
            }

            try
            {
                if (batch.Count >= options.BatchDocuments || (batch.Count > 0 && clock.Elapsed - lastCommit >= options.BatchInterval))
                    Commit();
            }
            catch (StoreException e)
            {
                storeFailure = e;
                stop.Cancel();
                return;
            }

            if (progress is not null && clock.Elapsed - lastProgress >= options.ProgressInterval)
            {
                lastProgress = clock.Elapsed;
                progress(Snapshot());
            }
        }

        var interrupted = false;
        try
        {
            OrderedParallel.Run(
                Inputs(files, index, options.DefaultDate, n => Interlocked.Add(ref bytesRead, n)),
                w => Code(pipeline, w),
                Consume,
                options.Threads,
                cancellation: stop.Token);
        }
        catch (OperationCanceledException)
        {
            interrupted = true;
        }

        if (storeFailure is not null)
            throw storeFailure;

        // Whatever was coded before a stop is complete: keep it, so the rerun has less to do.
        Commit();
        return new IngestSummary(Snapshot(), interrupted);
    }

    /// <summary>
    /// Reads every file in order and decides, before any coding, what can be skipped. Runs on the reader
    /// thread; the index is immutable and the run's own sets belong to this thread alone.
    /// </summary>
    private static IEnumerable<Work> Inputs(IReadOnlyList<InputFile> files, DocumentIndex index, DateOnly? defaultDate, Action<long> bytesRead)
    {
        var runIds = new HashSet<string>(StringComparer.Ordinal);
        var runHashes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var item in IngestSources.Read(file, defaultDate, bytesRead))
            {
                if (item.Document is not { } input)
                {
                    var notice = item.Diagnostic is { Severity: < Severity.Error };
                    yield return new Work(item, null, notice ? Status.Notice : null, Replaces: false);
                    continue;
                }

                var hash = ContentHash(input.Text);
                if (index.TryGetHash(input.Id, out var storedHash) && storedHash == hash)
                {
                    yield return new Work(item, hash, Status.Unchanged, Replaces: false);
                    continue;
                }

                // The same text under another id (a syndicated story, a copied file) is stored once.
                if (index.ContainsHash(hash) || !runHashes.Add(hash))
                {
                    yield return new Work(item, hash, Status.Duplicate, Replaces: false);
                    continue;
                }

                var replaces = index.Contains(input.Id) || !runIds.Add(input.Id);
                yield return new Work(item, hash, Skip: null, Replaces: replaces);
            }
        }
    }

    private static Outcome Code(IPipelineStage pipeline, Work w)
    {
        if (w.Skip is { } skip)
        {
            var diags = new List<Diagnostic>();
            if (w.Item.Diagnostic is { } d)
                diags.Add(d);
            return new Outcome(skip, null, diags, false);
        }

        var processed = PipelineRunner.Process(pipeline, w.Item);
        if (processed.Rejected || processed.Document is not { } doc || processed.Input is not { } input)
            return new Outcome(Status.Rejected, null, processed.Diagnostics, false);
        return new Outcome(Status.Coded, ToStored(doc, input, w.Hash!), processed.Diagnostics, w.Replaces);
    }

    /// <summary>Keeps only what the store needs, so the document's token arrays are freed on the worker.</summary>
    internal static StoredDocument ToStored(Document doc, DocumentInput input, string hash)
    {
        var meta = input.Metadata;
        var url = Meta(meta, "url") ?? Meta(meta, "link");
        var source = Meta(meta, "source") ?? Meta(meta, "outlet") ?? Host(url);
        return new StoredDocument(
            doc.Id, url, Meta(meta, "title"), source, doc.Date, hash, doc.Text.Length, doc.SentenceCount, $"{input.Source}:{input.Line}",
            doc.Get<EventList>()?.Items ?? [], doc.Get<MentionList>()?.Items ?? [], doc.Get<QuoteList>()?.Items ?? []);
    }

    private static string? Meta(IReadOnlyDictionary<string, string> meta, string key) =>
        meta.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) && v != "null" ? v : null;

    private static string? Host(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Host.Length > 0 ? u.Host : null;

    /// <summary>SHA-256 of the text (UTF-8), first 128 bits in hex: what "the same content" means.</summary>
    public static string ContentHash(string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(max);
        try
        {
            var n = Encoding.UTF8.GetBytes(text, rented);
            Span<byte> digest = stackalloc byte[32];
            SHA256.HashData(rented.AsSpan(0, n), digest);
            return Convert.ToHexStringLower(digest[..16]);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
