using BenchmarkDotNet.Attributes;
using Entente.Coding;
using Entente.Coding.Events;
using Entente.Nlp;
using Entente.Nlp.Documents;
using Entente.Nlp.Pipeline;

namespace Entente.Benchmarks;

/// <summary>
/// Event coding on real news, one thread: 2,000 items of the Wikipedia current-events portal (2024, read from
/// ../shared). <see cref="FullPipeline"/> goes from raw text to events (segmenter, tagger, parser, entities,
/// actors, events, quotes); <see cref="CoderOnly"/> reruns the event coder on documents parsed and resolved once
/// in the setup. Both report their time per sentence (OperationsPerInvoke = sentences), so sentences per second
/// is 1 / mean. <see cref="LoadEventResources"/> and <see cref="LoadFullPipeline"/> time loading from data/.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class EventCodingBenchmarks
{
    /// <summary>Sentences of the 2,000 items with the current segmenter (checked at setup; OperationsPerInvoke needs a constant).</summary>
    private const int Sentences = 2_637;

    private const int Items = 2_000;

    private Pipeline _pipeline = null!;
    private EventCoder _coder = null!;
    private DataDirectory _data = null!;
    private List<string> _texts = [];
    private List<Document> _parsed = [];

    [GlobalSetup]
    public void Setup()
    {
        _data = DataDirectory.Default;
        _pipeline = EntentePipeline.Create(_data);
        _coder = _pipeline.Stages.OfType<EventCoder>().Single();
        var all = BenchData.CurrentEvents(2024);
        _texts = all.Take(Items).ToList();
        var date = new DateOnly(2024, 6, 1);
        var sentences = 0;
        var events = 0;
        foreach (var text in _texts)
        {
            var doc = new Document(text, "bench", date);
            _pipeline.Process(doc);
            sentences += doc.SentenceCount;
            events += doc.Get<EventList>()!.Items.Count;
            _parsed.Add(doc);
        }

        Console.WriteLine($"// {_texts.Count} current-events items: {sentences} sentences, {events} events; " +
            $"time per operation is per {Sentences} sentences' worth of items (scale: x{(double)sentences / Sentences:F3})");
    }

    /// <summary>Raw text to events through every stage; reported per sentence.</summary>
    [Benchmark(OperationsPerInvoke = Sentences)]
    public int FullPipeline()
    {
        var n = 0;
        var date = new DateOnly(2024, 6, 1);
        foreach (var text in _texts)
        {
            var doc = new Document(text, "bench", date);
            _pipeline.Process(doc);
            n += doc.Get<EventList>()!.Items.Count;
        }

        return n;
    }

    /// <summary>The event coder alone on parsed, resolved documents; reported per sentence.</summary>
    [Benchmark(OperationsPerInvoke = Sentences)]
    public int CoderOnly()
    {
        var n = 0;
        foreach (var doc in _parsed)
        {
            _coder.Process(doc);
            n += doc.Get<EventList>()!.Items.Count;
        }

        return n;
    }

    /// <summary>Reading and compiling the verb dictionaries, eventive nouns, CAMEO tables and gazetteer.</summary>
    [Benchmark]
    public EventResources LoadEventResources() => EventResources.Load(_data);

    /// <summary>Loading every model and dictionary of the full pipeline.</summary>
    [Benchmark]
    public Pipeline LoadFullPipeline() => EntentePipeline.Create(_data);
}
