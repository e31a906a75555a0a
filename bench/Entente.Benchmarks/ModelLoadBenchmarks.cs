using BenchmarkDotNet.Attributes;
using Entente.Nlp;
using Entente.Nlp.Entities;
using Entente.Nlp.Models;
using Entente.Nlp.Parsing;
using Entente.Nlp.Tagging;

namespace Entente.Benchmarks;

/// <summary>
/// Loading each shipped model from data/models into memory, ready to use: the time a process pays once
/// before its first sentence (the files are in the page cache after the first run).
/// </summary>
[MemoryDiagnoser]
public class ModelLoadBenchmarks
{
    private readonly DataDirectory _data = DataDirectory.Default;

    [Benchmark]
    public Tagger LoadTagger() => NlpModels.LoadTagger(_data);

    [Benchmark]
    public DependencyParser LoadParser() => NlpModels.LoadParser(_data);

    [Benchmark]
    public EntityRecognizer LoadEntityRecognizer() => NlpModels.LoadEntityRecognizer(_data);
}
