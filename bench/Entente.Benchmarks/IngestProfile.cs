using System.Diagnostics;
using System.Globalization;
using Entente.Coding;
using Entente.Nlp;
using Entente.Nlp.Documents;
using Entente.Nlp.Pipeline;
using Entente.Store.Ingest;

namespace Entente.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Entente.Benchmarks -- ingest [ROUNDS] [THREADS] [STORE]</c>: where an
/// ingest's time goes, in processor time per item, on the 5,281 current-events items of 2024. It times, one thread
/// each, reading the file, the content hash, every pipeline stage and the store write alone (into a fresh store,
/// and into a copy of STORE when given), then the whole ingest into a fresh store on all cores (wall time and
/// processor time; THREADS coding threads, default one per core). Processor time per item stays meaningful on a
/// shared machine where wall-clock rates mostly measure the other jobs. Prints medians of the rounds.
/// </summary>
internal static class IngestProfile
{
    public static void Run(int rounds, int threads, string? existingStore)
    {
        var path = Path.Combine(BenchData.SharedDir, "corpus", "current-events", "2024.jsonl.gz");
        var files = IngestSources.Expand([path], []);
        var clock = Stopwatch.StartNew();
        var pipeline = EntentePipeline.Create(DataDirectory.Default);
        Console.WriteLine(Invariant($"pipeline load: {clock.Elapsed.TotalMilliseconds:F0} ms wall; input {path}; {Environment.ProcessorCount} cores; server GC {System.Runtime.GCSettings.IsServerGC}"));

        var inputs = new List<DocumentInput>();
        var read = Median(rounds, () =>
        {
            inputs.Clear();
            foreach (var item in IngestSources.Read(files[0], null))
            {
                if (item.Document is { } d)
                    inputs.Add(d);
            }
        });
        var n = inputs.Count;
        Report("read + decode", read, n);
        Report("content hash", Median(rounds, () =>
        {
            foreach (var d in inputs)
                Ingestor.ContentHash(d.Text);
        }), n);

        // Each stage's share, one thread: documents go through the stages in order, each stage timed on its own.
        var stages = pipeline.Stages;
        var perStage = new double[stages.Count][];
        for (var s = 0; s < stages.Count; s++)
            perStage[s] = new double[rounds];
        var toDocument = new double[rounds];
        var sentences = 0;
        var stored = new List<Store.StoredDocument>(n);
        for (var r = 0; r < rounds; r++)
        {
            var docs = new List<Document>(n);
            var start = Cpu();
            foreach (var d in inputs)
                docs.Add(d.ToDocument());
            toDocument[r] = Cpu() - start;
            for (var s = 0; s < stages.Count; s++)
            {
                var before = Cpu();
                foreach (var d in docs)
                    stages[s].Process(d);
                perStage[s][r] = Cpu() - before;
            }

            if (r == 0)
            {
                for (var i = 0; i < n; i++)
                {
                    sentences += docs[i].SentenceCount;
                    stored.Add(Ingestor.ToStored(docs[i], inputs[i], Ingestor.ContentHash(inputs[i].Text)));
                }
            }
        }

        Array.Sort(toDocument);
        Report("document from input", toDocument[rounds / 2], n);
        double total = 0;
        for (var s = 0; s < stages.Count; s++)
        {
            Array.Sort(perStage[s]);
            var med = perStage[s][rounds / 2];
            total += med;
            Report("stage " + stages[s].Name, med, n);
        }

        Report("pipeline (sum of stages)", total, n);
        Console.WriteLine(Invariant($"  {n} items, {sentences} sentences ({(double)sentences / n:F2} per item); one core codes {n / total:F0} items/s"));

        // Each document through every stage in turn, so the stages' models share the caches; then as ingest runs
        // it, stage by stage over chunks of documents (PipelineRunner.ProcessChunk).
        Report("pipeline, document by document", Median(rounds, () =>
        {
            foreach (var d in inputs)
                pipeline.Process(d.ToDocument());
        }), n);
        var items = inputs.ConvertAll(d => new InputItem(d, null));
        Report(Invariant($"pipeline, in chunks of {Ingestor.ChunkDocuments} stage by stage"), Median(rounds, () =>
        {
            for (var i = 0; i < items.Count; i += Ingestor.ChunkDocuments)
                PipelineRunner.ProcessChunk(pipeline, items.GetRange(i, Math.Min(Ingestor.ChunkDocuments, items.Count - i)));
        }), n);

        // The store alone, in a fresh store, at several batch sizes (ingest: IngestOptions.BatchDocuments).
        foreach (var size in (ReadOnlySpan<int>)[1000, 2500, 5000])
        {
            Report(Invariant($"store write alone, batches of {size}"), StoreMedian(rounds, null, stored, size), n);
        }

        // The same documents under new ids into a copy of an existing store: what a batch costs as the store grows.
        if (existingStore is not null)
        {
            var renamed = stored.ConvertAll(d => d with { Id = "bench-" + d.Id });
            Report(Invariant($"store write into a copy of {Path.GetFileName(existingStore)}"),
                StoreMedian(rounds, existingStore, renamed, new IngestOptions().BatchDocuments), n);
        }

        var walls = new List<double>();
        var cpus = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            using var bench = new BenchStore();
            var gcBefore = GC.CollectionCount(0);
            var cpuBefore = Cpu();
            var wall = Stopwatch.StartNew();
            var summary = Ingestor.Run(bench.Store, pipeline, files, new IngestOptions { Threads = threads }, _ => { });
            walls.Add(wall.Elapsed.TotalSeconds);
            cpus.Add(Cpu() - cpuBefore);
            Console.WriteLine(Invariant($"  ingest round {r + 1}: {summary.Totals.Stored} stored, {walls[^1]:F2} s wall, {cpus[^1]:F2} s CPU, {GC.CollectionCount(0) - gcBefore} gen0 GCs"));
        }

        walls.Sort();
        cpus.Sort();
        var wallMedian = walls[rounds / 2];
        Console.WriteLine(Invariant($"ingest ({(threads == 0 ? Environment.ProcessorCount : threads)} threads): median {n / wallMedian:F0} items/s wall ({wallMedian:F2} s), {cpus[rounds / 2] / n * 1e6:F0} µs CPU per item"));
    }

    /// <summary>Median processor time of writing the documents in batches; opening (or copying) the store is not counted.</summary>
    private static double StoreMedian(int rounds, string? copyOf, List<Store.StoredDocument> documents, int size)
    {
        var times = new double[rounds];
        for (var r = 0; r < rounds; r++)
        {
            using var bench = new BenchStore(copyOf);
            var before = Cpu();
            for (var i = 0; i < documents.Count; i += size)
                bench.Store.WriteBatch(documents.GetRange(i, Math.Min(size, documents.Count - i)));
            times[r] = Cpu() - before;
        }

        Array.Sort(times);
        return times[rounds / 2];
    }

    private static double Median(int rounds, Action action)
    {
        var times = new double[rounds];
        for (var r = 0; r < rounds; r++)
        {
            var before = Cpu();
            action();
            times[r] = Cpu() - before;
        }

        Array.Sort(times);
        return times[rounds / 2];
    }

    private static void Report(string what, double cpuSeconds, int items) =>
        Console.WriteLine(Invariant($"{what,-40} {cpuSeconds:F3} s CPU, {cpuSeconds / items * 1e6,8:F1} µs per item"));

    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
