using BenchmarkDotNet.Attributes;
using Entente.Coding;
using Entente.Coding.Actors;
using Entente.Nlp;
using Entente.Nlp.Documents;
using Entente.Nlp.Segmentation;

namespace Entente.Benchmarks;

/// <summary>
/// Actor resolution throughput on real news (current-events 2024, segmented once beforehand), one thread, and
/// the time to load and compile every dictionary of data/dictionaries. Tokens per second = tokens per
/// operation (printed at setup) / mean time.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ActorBenchmarks
{
    private ActorResolver _resolver = null!;
    private List<Document> _docs = [];
    private DataDirectory _data = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = new DataDirectory(Path.Combine(Path.GetDirectoryName(BenchData.SharedDir)!, FindRepoName(), "data"));
        _resolver = ActorResolver.LoadDefault(_data);
        var segmenter = new Segmenter();
        var date = new DateOnly(2024, 6, 1);
        foreach (var text in BenchData.CurrentEvents(2024))
        {
            var doc = new Document(text, "bench", date);
            segmenter.Process(doc);
            _docs.Add(doc);
        }

        var tokens = 0L;
        foreach (var d in _docs)
            tokens += d.TokenCount;
        Console.WriteLine($"// corpus: {_docs.Count} documents, {tokens} tokens per ResolveCorpus operation");
    }

    /// <summary>The repository folder the benchmark runs from (a worktree beside ../shared).</summary>
    private static string FindRepoName()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Entente.slnx")))
                return dir.Name;
        }

        throw new DirectoryNotFoundException("repository root not found above " + AppContext.BaseDirectory);
    }

    /// <summary>One operation resolves the actors of every document of the corpus.</summary>
    [Benchmark]
    public int ResolveCorpus()
    {
        var n = 0;
        foreach (var d in _docs)
        {
            _resolver.Process(d);
            n += d.Get<MentionList>()!.Items.Count;
        }

        return n;
    }

    /// <summary>Loads and compiles the default dictionaries (Phoenix, current actors, gazetteer extracts, word lists).</summary>
    [Benchmark]
    public int LoadDictionaries() => ActorResolver.LoadDefault(_data).Dictionary.ActorPhraseCount;
}
