using System.Collections.Concurrent;
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

    /// <summary>
    /// Most documents per transaction. A kill loses at most this many documents' work (and at most
    /// <see cref="BatchInterval"/> of it), which a rerun redoes. Each transaction has a fixed cost (the merge's
    /// statements), so larger batches cost less per document: 5,000 took half the store's CPU per document of 1,000.
    /// </summary>
    public int BatchDocuments { get; init; } = 5000;

    /// <summary>Longest time between commits, so a slow pipeline still commits (and can resume) often.</summary>
    public TimeSpan BatchInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Documents longer than this many characters are rejected (0: no limit).</summary>
    public int MaxChars { get; init; } = PipelineRunner.DefaultMaxChars;

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

        var index = store.LoadDocumentIndex();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var writer = new BatchWriter(store, stop);
        var run = new RunState(files, options, writer, report, progress);
        var interrupted = false;
        try
        {
            var threads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount;
            OrderedParallel.Run(
                Chunks(Inputs(files, index, options.DefaultDate, run.AddBytesRead)),
                chunk => Code(pipeline, chunk, options.MaxChars),
                run.Consume,
                threads,
                window: threads * 4,
                cancellation: stop.Token);
        }
        catch (OperationCanceledException)
        {
            interrupted = true;
        }

        // Whatever was coded before a stop is complete: keep it, so the rerun has less to do.
        run.SubmitBatch(CancellationToken.None);
        writer.Complete();
        if (writer.Failure is { } failure)
            throw failure;
        return new IngestSummary(run.Snapshot(), interrupted);
    }

    /// <summary>The counts and the batch being filled; touched by the consuming thread only (bytes by the reader).</summary>
    private sealed class RunState(IReadOnlyList<InputFile> files, IngestOptions options, BatchWriter writer, Action<Diagnostic> report, Action<IngestProgress>? progress)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly long _bytesTotal = TotalBytes(files);
        private List<StoredDocument> _batch = new(options.BatchDocuments);
        private long _batchEvents;
        private long _batchReplaced;
        private long _bytesRead;
        private long _documents, _unchanged, _duplicates, _rejected;
        private TimeSpan _lastSubmit;
        private TimeSpan _lastProgress;

        public void AddBytesRead(long n) => Interlocked.Add(ref _bytesRead, n);

        public IngestProgress Snapshot() => new(files.Count, _bytesTotal, Interlocked.Read(ref _bytesRead), _documents, writer.Stored,
            writer.Replaced, _unchanged, _duplicates, _rejected, writer.Events, _clock.Elapsed);

        public void Consume(List<Outcome> chunk)
        {
            foreach (var o in chunk)
                Consume(o);
        }

        private void Consume(Outcome o)
        {
            foreach (var d in o.Diagnostics)
                report(d);
            if (o.Status == Status.Notice)
                return;
            _documents++;
            switch (o.Status)
            {
                case Status.Unchanged:
                    _unchanged++;
                    break;
                case Status.Duplicate:
                    _duplicates++;
                    break;
                case Status.Rejected:
                    _rejected++;
                    break;
                default:
                    _batch.Add(o.Document!);
                    _batchEvents += o.Document!.Events.Count;
                    if (o.Replaces)
                        _batchReplaced++;
                    break;
            }

            if (_batch.Count >= options.BatchDocuments || (_batch.Count > 0 && _clock.Elapsed - _lastSubmit >= options.BatchInterval))
            {
                try
                {
                    SubmitBatch(writer.Stopping);
                }
                catch (OperationCanceledException)
                {
                    // Stopping: the batch stays and is written at the end. Never throw out of here, so that
                    // OrderedParallel winds its threads down itself.
                }
            }

            if (progress is not null && _clock.Elapsed - _lastProgress >= options.ProgressInterval)
            {
                _lastProgress = _clock.Elapsed;
                progress(Snapshot());
            }
        }

        /// <summary>Hands the batch to the writer; waits while the writer is still busy with the previous one.</summary>
        public void SubmitBatch(CancellationToken cancel)
        {
            if (_batch.Count == 0)
                return;
            writer.Submit(new Batch(_batch, _batchEvents, _batchReplaced), cancel);
            _batch = new List<StoredDocument>(options.BatchDocuments);
            _batchEvents = 0;
            _batchReplaced = 0;
            _lastSubmit = _clock.Elapsed;
        }

        private static long TotalBytes(IReadOnlyList<InputFile> files)
        {
            long total = 0;
            foreach (var f in files)
                total += f.Bytes;
            return total;
        }
    }

    private sealed record Batch(List<StoredDocument> Documents, long Events, long Replaced);

    /// <summary>
    /// Writes batches on its own thread, so coding goes on while a batch commits. At most one batch waits
    /// while another is written, which bounds memory. A failed write stops the run; later batches are dropped.
    /// </summary>
    private sealed class BatchWriter : IDisposable
    {
        private readonly IEventStore _store;
        private readonly CancellationTokenSource _stop;
        private readonly BlockingCollection<Batch> _queue = new(boundedCapacity: 1);
        private readonly Thread _thread;
        private long _stored, _replaced, _events;

        public BatchWriter(IEventStore store, CancellationTokenSource stop)
        {
            _store = store;
            _stop = stop;
            _thread = new Thread(Loop) { IsBackground = true, Name = "entente-store-writer" };
            _thread.Start();
        }

        public long Stored => Interlocked.Read(ref _stored);

        public long Replaced => Interlocked.Read(ref _replaced);

        public long Events => Interlocked.Read(ref _events);

        public CancellationToken Stopping => _stop.Token;

        public StoreException? Failure { get; private set; }

        public void Submit(Batch batch, CancellationToken cancel) => _queue.Add(batch, cancel);

        /// <summary>Waits until every submitted batch is written (or dropped after a failure).</summary>
        public void Complete()
        {
            if (!_queue.IsAddingCompleted)
                _queue.CompleteAdding();
            _thread.Join();
        }

        public void Dispose()
        {
            Complete();
            _queue.Dispose();
        }

        private void Loop()
        {
            foreach (var batch in _queue.GetConsumingEnumerable())
            {
                if (Failure is not null)
                    continue;
                try
                {
                    _store.WriteBatch(batch.Documents);
                    Interlocked.Add(ref _stored, batch.Documents.Count);
                    Interlocked.Add(ref _replaced, batch.Replaced);
                    Interlocked.Add(ref _events, batch.Events);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Failure = e as StoreException ?? new StoreException($"writing to the store failed ({e.GetType().Name}: {e.Message})", e);
                    _stop.Cancel();
                }
            }
        }
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

    /// <summary>Most documents coded together, stage by stage (<see cref="PipelineRunner.ProcessChunk"/>).</summary>
    internal const int ChunkDocuments = 32;

    /// <summary>Most characters in a chunk, so that long documents travel in small groups and memory stays flat.</summary>
    internal const int ChunkChars = 64 * 1024;

    /// <summary>Groups the work in input order into chunks of at most <see cref="ChunkDocuments"/> items and about <see cref="ChunkChars"/> characters.</summary>
    private static IEnumerable<List<Work>> Chunks(IEnumerable<Work> work)
    {
        var chunk = new List<Work>(ChunkDocuments);
        var chars = 0;
        foreach (var w in work)
        {
            chunk.Add(w);
            if (w.Skip is null && w.Item.Document is { } input)
                chars += input.Text.Length;
            if (chunk.Count >= ChunkDocuments || chars >= ChunkChars)
            {
                yield return chunk;
                chunk = new List<Work>(ChunkDocuments);
                chars = 0;
            }
        }

        if (chunk.Count > 0)
            yield return chunk;
    }

    private static List<Outcome> Code(IPipelineStage pipeline, List<Work> chunk, int maxChars)
    {
        var toCode = new List<InputItem>(chunk.Count);
        foreach (var w in chunk)
        {
            if (w.Skip is null)
                toCode.Add(w.Item);
        }

        var processed = PipelineRunner.ProcessChunk(pipeline, toCode, maxChars);
        var outcomes = new List<Outcome>(chunk.Count);
        var next = 0;
        foreach (var w in chunk)
        {
            if (w.Skip is { } skip)
            {
                var diags = new List<Diagnostic>();
                if (w.Item.Diagnostic is { } d)
                    diags.Add(d);
                outcomes.Add(new Outcome(skip, null, diags, false));
                continue;
            }

            var p = processed[next++];
            outcomes.Add(p.Rejected || p.Document is not { } doc || p.Input is not { } input
                ? new Outcome(Status.Rejected, null, p.Diagnostics, false)
                : new Outcome(Status.Coded, ToStored(doc, input, w.Hash!), p.Diagnostics, w.Replaces));
        }

        return outcomes;
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
