using System.Text;
using BenchmarkDotNet.Attributes;
using Entente.Nlp.Documents;
using Entente.Nlp.Segmentation;
using Entente.Nlp.Text;

namespace Entente.Benchmarks;

/// <summary>
/// Normalizer, tokenizer and sentence splitter throughput on real news (the 5,281 current-events items of 2024),
/// one thread, one reused document (steady state). Besides time and allocation per operation, the table shows
/// MB/s (UTF-8 bytes of text), tokens/s and bytes allocated per token (<see cref="ThroughputColumn"/>).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class SegmenterBenchmarks
{
    /// <summary>The corpus and what one operation processes, computed once per process (also by the columns).</summary>
    public static readonly Lazy<CorpusStats> Corpus = new(() => CorpusStats.Measure(BenchData.CurrentEvents(2024)));

    private readonly Segmenter _segmenter = new();
    private readonly Tokenizer _tokenizer = new(SegmentationLexicon.English);
    private List<string> _texts = [];
    private Document _doc = new("");

    [GlobalSetup]
    public void Setup()
    {
        var corpus = Corpus.Value;
        _texts = corpus.Texts;
        _doc = new Document("");
        Console.WriteLine($"// corpus: {corpus.Texts.Count} items, {corpus.Utf8Bytes:N0} UTF-8 bytes, {corpus.Tokens:N0} tokens, {corpus.Sentences:N0} sentences per operation");
    }

    /// <summary>Unicode normalization alone (NFKC with offsets; identity for text that needs none).</summary>
    [Benchmark]
    public int Normalize()
    {
        var n = 0;
        foreach (var t in _texts)
            n += TextNormalizer.Normalize(t).Text.Length;
        return n;
    }

    /// <summary>Normalization and tokenization, without sentence splitting.</summary>
    [Benchmark]
    public int Tokenize()
    {
        var n = 0;
        foreach (var t in _texts)
        {
            _doc.Reset(t);
            _doc.Normalized = TextNormalizer.Normalize(t);
            var sink = new TokenSink(_doc);
            _tokenizer.Tokenize(_doc.Normalized.Text, ref sink);
            sink.Release();
            n += _doc.TokenCount;
        }

        return n;
    }

    /// <summary>The whole segmenter stage: normalization, tokenization and sentence splitting.</summary>
    [Benchmark(Baseline = true)]
    public int Segment()
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

/// <summary>The benchmark corpus with its size in UTF-8 bytes, tokens and sentences.</summary>
public sealed record CorpusStats(List<string> Texts, long Utf8Bytes, long Tokens, long Sentences)
{
    public static CorpusStats Measure(List<string> texts)
    {
        var segmenter = new Segmenter();
        var doc = new Document("");
        long bytes = 0, tokens = 0, sentences = 0;
        foreach (var t in texts)
        {
            doc.Reset(t);
            segmenter.Process(doc);
            bytes += Encoding.UTF8.GetByteCount(t);
            tokens += doc.TokenCount;
            sentences += doc.SentenceCount;
        }

        return new CorpusStats(texts, bytes, tokens, sentences);
    }
}
