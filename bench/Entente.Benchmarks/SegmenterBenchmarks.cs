using BenchmarkDotNet.Attributes;
using Entente.Nlp.Documents;
using Entente.Nlp.Segmentation;

namespace Entente.Benchmarks;

/// <summary>Tokenizer and sentence splitter throughput on real news (current-events 2024), one thread.</summary>
[MemoryDiagnoser]
public class SegmenterBenchmarks
{
    private readonly Segmenter _segmenter = new();
    private List<string> _texts = [];
    private Document _doc = new("");

    [GlobalSetup]
    public void Setup()
    {
        _texts = BenchData.CurrentEvents(2024);
        _doc = new Document("");
        var tokens = 0L;
        var chars = 0L;
        foreach (var t in _texts)
        {
            _doc.Reset(t);
            _segmenter.Process(_doc);
            tokens += _doc.TokenCount;
            chars += t.Length;
        }

        Console.WriteLine($"// corpus: {_texts.Count} items, {chars} chars, {tokens} tokens per operation");
    }

    /// <summary>One operation segments every item of the corpus, reusing one document (steady state).</summary>
    [Benchmark]
    public int SegmentCorpus()
    {
        var n = 0;
        foreach (var t in _texts)
        {
            _doc.Reset(t);
            _segmenter.Process(_doc);
            n += _doc.TokenCount;
        }

        return n;
    }
}
