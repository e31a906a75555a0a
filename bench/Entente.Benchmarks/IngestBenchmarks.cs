using BenchmarkDotNet.Attributes;
using Entente.Coding;
using Entente.Nlp;
using Entente.Nlp.Documents;
using Entente.Nlp.Pipeline;
using Entente.Store.Ingest;

namespace Entente.Benchmarks;

/// <summary>
/// Ingest, code and store one year of current-events items (../shared/corpus/current-events/2024.jsonl.gz,
/// 5,281 items) into a fresh DuckDB store with the full pipeline as built from data/, on all cores.
/// Items per second = 5,281 / the reported mean.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
[MemoryDiagnoser]
public class IngestBenchmarks
{
    private Pipeline _pipeline = null!;
    private List<InputFile> _files = [];
    private BenchStore? _bench;

    [GlobalSetup]
    public void Setup()
    {
        _pipeline = EntentePipeline.Create(DataDirectory.Default);
        var path = Path.Combine(BenchData.SharedDir, "corpus", "current-events", "2024.jsonl.gz");
        _files = IngestSources.Expand([path], []);
        Console.WriteLine($"// pipeline: {_pipeline.Name}; input: {path}; cores: {Environment.ProcessorCount}");
    }

    [IterationSetup]
    public void NewStore() => _bench = new BenchStore();

    [IterationCleanup]
    public void DropStore() => _bench?.Dispose();

    [Benchmark]
    public long IngestCurrentEvents2024()
    {
        var rejected = 0;
        var summary = Ingestor.Run(_bench!.Store, _pipeline, _files, new IngestOptions(), d =>
        {
            if (d.Severity == Severity.Error)
                rejected++;
        });
        if (rejected > 0 || summary.Totals.Stored == 0)
            throw new InvalidOperationException($"ingest rejected {rejected} items, stored {summary.Totals.Stored}");
        return summary.Totals.Stored;
    }
}
