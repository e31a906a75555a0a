using Entente.Nlp.Conllu;
using Entente.Nlp.Documents;
using Entente.Nlp.Pipeline;

namespace Entente.Coding.Events.Evaluation;

/// <summary>Where the evaluation's parses come from.</summary>
public enum PetrarchMode
{
    /// <summary>The records' own UD parses (UDPipe 2.0), read as gold.</summary>
    Given,

    /// <summary>The records' raw text through Entente's own segmenter, tagger and parser.</summary>
    Raw,
}

/// <summary>How one record was coded.</summary>
/// <param name="Produced">The events coded, as (code, source, target) triples, negated events left out.</param>
/// <param name="FullyCorrect">The produced triples are exactly the expected ones (none when none are expected).</param>
public sealed record RecordResult(
    PetrarchRecord Record,
    IReadOnlyList<ExpectedEvent> Produced,
    int Correct,
    int Missed,
    int Spurious,
    bool FullyCorrect,
    int Negated);

/// <summary>The outcome of one evaluation run.</summary>
public sealed record PetrarchRun(string Suite, PetrarchMode Mode, IReadOnlyList<RecordResult> Results)
{
    public int Records => Results.Count;

    public int RecordsCorrect => Results.Count(r => r.FullyCorrect);

    public int Expected => Results.Sum(r => r.Record.Expected.Count);

    public int Correct => Results.Sum(r => r.Correct);

    public int Missed => Results.Sum(r => r.Missed);

    public int Spurious => Results.Sum(r => r.Spurious);

    public double RecordAccuracy => Records == 0 ? 0 : (double)RecordsCorrect / Records;

    public double Precision => Correct + Spurious == 0 ? 0 : (double)Correct / (Correct + Spurious);

    public double Recall => Expected == 0 ? 0 : (double)Correct / Expected;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Codes every record of a PETRARCH validation suite and compares the events with the expected ones as
/// (CAMEO code, source code, target code) triples, the way PETRARCH's own validation does:
/// a record is fully correct when the set of coded triples equals the set of expected triples. Records that
/// expect no events (and error records: discards, datelines, bad parses) are correct when nothing is coded.
/// Negated events are not counted as events. Actor codes compare without PETRARCH's "---" placeholder for an
/// unknown country ("---GOV" is "GOV"); a missing actor is "---".
/// </summary>
public sealed class PetrarchEvaluator
{
    private readonly IPipelineStage _actors;
    private readonly Func<PetrarchConfig, EventCoder> _coderFor;
    private readonly IPipelineStage? _nlp;

    /// <param name="actors">The actor stage built from the suite's actor, agent and discard dictionaries.</param>
    /// <param name="coderFor">The event coder for a record's options (require_dyad, new_actor_length).</param>
    /// <param name="nlp">Segmenter, tagger and parser for <see cref="PetrarchMode.Raw"/>; null for given parses only.</param>
    public PetrarchEvaluator(IPipelineStage actors, Func<PetrarchConfig, EventCoder> coderFor, IPipelineStage? nlp)
    {
        ArgumentNullException.ThrowIfNull(actors);
        ArgumentNullException.ThrowIfNull(coderFor);
        _actors = actors;
        _coderFor = coderFor;
        _nlp = nlp;
    }

    public PetrarchRun Run(PetrarchSuite suite, PetrarchMode mode, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(suite);
        if (mode == PetrarchMode.Raw && _nlp is null)
            throw new InvalidOperationException("raw-text evaluation needs the tagger and parser");
        var results = new List<RecordResult>(suite.Records.Count);
        for (var i = 0; i < suite.Records.Count; i++)
        {
            results.Add(Evaluate(suite.Records[i], mode));
            progress?.Report(i + 1);
        }

        return new PetrarchRun(Path.GetFileName(suite.Path), mode, results);
    }

    /// <summary>Codes one record and scores it.</summary>
    public RecordResult Evaluate(PetrarchRecord record, PetrarchMode mode)
    {
        ArgumentNullException.ThrowIfNull(record);
        var doc = Code(record, mode);
        var produced = new List<ExpectedEvent>();
        var negated = 0;
        foreach (var e in doc.Get<EventList>()?.Items ?? [])
        {
            if (e.Negated)
            {
                negated++;
                continue;
            }

            var triple = new ExpectedEvent(e.Cameo, Normalize(e.Source?.Code), Normalize(e.Target?.Code));
            if (!produced.Contains(triple))
                produced.Add(triple);
        }

        var expected = new List<ExpectedEvent>();
        foreach (var x in record.Expected)
        {
            var t = new ExpectedEvent(x.Code, Normalize(x.Source), Normalize(x.Target));
            if (!expected.Contains(t))
                expected.Add(t);
        }

        var correct = 0;
        foreach (var p in produced)
        {
            if (expected.Contains(p))
                correct++;
        }

        var missed = expected.Count - correct;
        var spurious = produced.Count - correct;
        return new RecordResult(record, produced, correct, missed, spurious, missed == 0 && spurious == 0, negated);
    }

    /// <summary>The record's document after actors and events (exposed for diagnosis).</summary>
    public Document Code(PetrarchRecord record, PetrarchMode mode)
    {
        ArgumentNullException.ThrowIfNull(record);
        Document doc;
        if (mode == PetrarchMode.Given)
        {
            doc = ConlluDocuments.ToDocument(record.Parse, record.Id, withAnnotations: true);
            doc.Date = record.Date;
        }
        else
        {
            doc = new Document(record.Text, record.Id, record.Date);
            _nlp!.Process(doc);
        }

        _actors.Process(doc);
        _coderFor(record.Config).Process(doc);
        return doc;
    }

    /// <summary>"---GOV" -> "GOV", null or "---" -> "---".</summary>
    internal static string Normalize(string? code)
    {
        if (string.IsNullOrEmpty(code))
            return "---";
        var c = code;
        while (c.StartsWith("---", StringComparison.Ordinal) && c.Length > 3)
            c = c[3..];
        return c;
    }
}
