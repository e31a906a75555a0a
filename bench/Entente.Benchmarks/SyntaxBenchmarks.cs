using BenchmarkDotNet.Attributes;
using Entente.Nlp;
using Entente.Nlp.Conllu;
using Entente.Nlp.Documents;
using Entente.Nlp.Entities;
using Entente.Nlp.Models;
using Entente.Nlp.Parsing;
using Entente.Nlp.Tagging;

namespace Entente.Benchmarks;

/// <summary>
/// Tagger, parser and entity recognizer throughput on one thread over en_ewt-ud-test with its gold tokenization (25,094
/// words, read from ../shared): tokens per second = words per operation / mean time. Allocations per
/// operation are in the MemoryDiagnoser columns.
/// </summary>
[MemoryDiagnoser]
public class SyntaxBenchmarks
{
    private Tagger _tagger = null!;
    private DependencyParser _parser = null!;
    private EntityRecognizer _recognizer = null!;
    private List<Document> _docs = [];

    [GlobalSetup]
    public void Setup()
    {
        var data = DataDirectory.Default;
        _tagger = NlpModels.LoadTagger(data);
        _parser = NlpModels.LoadParser(data);
        _recognizer = NlpModels.LoadEntityRecognizer(data);
        var gold = ConlluReader.ReadFile(Path.Combine(BenchData.SharedDir, "data", "treebanks", "en_ewt-ud-test.conllu.gz"));
        _docs = ConlluDocuments.GroupByDocument(gold).Select(d => ConlluDocuments.ToDocument(d)).ToList();
        var tokens = 0;
        foreach (var d in _docs)
        {
            _tagger.Process(d);
            tokens += d.TokenCount;
        }

        Console.WriteLine($"// en_ewt-ud-test: {_docs.Count} documents, {tokens} tokens per operation");
    }

    [Benchmark]
    public int Tag()
    {
        var n = 0;
        foreach (var d in _docs)
        {
            _tagger.Process(d);
            n += d.TokenCount;
        }

        return n;
    }

    /// <summary>Parsing only: the documents keep the tags the setup gave them.</summary>
    [Benchmark]
    public int Parse()
    {
        var n = 0;
        foreach (var d in _docs)
        {
            _parser.Process(d);
            n += d.TokenCount;
        }

        return n;
    }

    /// <summary>Entity recognition only, over the tagged documents.</summary>
    [Benchmark]
    public int Recognize()
    {
        var n = 0;
        foreach (var d in _docs)
        {
            _recognizer.Process(d);
            n += d.TokenCount;
        }

        return n;
    }
}
