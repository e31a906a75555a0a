using BenchmarkDotNet.Attributes;
using Entente.Coding;
using Entente.Store;

namespace Entente.Benchmarks;

/// <summary>
/// The store's share of ingest: 5,000 coded documents with three events and four mentions each, written in
/// batches of 1,000 (the ingest default) into a fresh store, cross-document merging included. Documents per
/// second of the store alone = 5,000 / the reported mean.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
[MemoryDiagnoser]
public class StoreWriteBenchmarks
{
    private const int Documents = 5000;
    private const int Batch = 1000;
    private static readonly string[] Countries = ["USA", "CHN", "RUS", "UKR", "GBR", "FRA", "DEU", "IRN", "ISR", "IND", "PAK", "TUR", "SYR", "JPN", "KOR"];
    private static readonly string[] Cameos = ["010", "020", "036", "040", "042", "043", "051", "057", "061", "070", "111", "112", "120", "130", "163", "172", "173", "190", "193", "195"];

    private List<StoredDocument> _documents = [];
    private BenchStore? _bench;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        for (var d = 0; d < Documents; d++)
        {
            var date = new DateOnly(2024, 1, 1).AddDays(random.Next(365));
            var events = new List<CodedEvent>();
            var mentions = new List<Mention>();
            for (var e = 0; e < 3; e++)
            {
                var source = Countries[random.Next(Countries.Length)];
                var target = Countries[random.Next(Countries.Length)];
                var cameo = Cameos[random.Next(Cameos.Length)];
                events.Add(new CodedEvent
                {
                    Doc = "d" + d, Sentence = e, Date = date,
                    Source = new ActorRef(source, source + "GOV", source, "GOV"), Target = new ActorRef(target, target, target, null),
                    Cameo = cameo, Plover = "CONSULT", Goldstein = 1, QuadClass = 1,
                    Trigger = new Trigger("met", 10, 13), Text = "A sentence of about the length of a news sentence, with its actors and its verb.",
                });
                mentions.Add(new Mention(e, 0, 1, source, 0, 5, source, source, null, Resolution.Dictionary));
                mentions.Add(new Mention(e, 3, 4, target, 14, 20, target, target, null, Resolution.Dictionary));
            }

            _documents.Add(new StoredDocument("d" + d, "https://example.org/" + d, "Title", "Outlet " + (d % 50), date, "h" + d, 400, 3, "bench",
                events, mentions, []));
        }
    }

    [IterationSetup]
    public void NewStore() => _bench = new BenchStore();

    [IterationCleanup]
    public void DropStore() => _bench?.Dispose();

    [Benchmark]
    public long WriteFiveThousandDocuments()
    {
        for (var i = 0; i < _documents.Count; i += Batch)
            _bench!.Store.WriteBatch(_documents.GetRange(i, Math.Min(Batch, _documents.Count - i)));
        return _bench!.Store.Counts().MergedEvents;
    }
}
