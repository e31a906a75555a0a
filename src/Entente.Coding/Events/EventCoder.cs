using Entente.Coding.Cameo;
using Entente.Coding.Events.Coding;
using Entente.Coding.Events.Lexicon;
using Entente.Coding.Events.Places;
using Entente.Nlp.Documents;
using Entente.Nlp.Pipeline;

namespace Entente.Coding.Events;

/// <summary>
/// The event coder stage: from a parsed, actor-resolved document to CAMEO/PLOVER events. Reads the document's
/// tree and <see cref="MentionList"/>, attaches an <see cref="EventList"/>. Immutable and shared by all threads;
/// each call works in its own scratch state.
/// </summary>
/// <remarks>
/// Negation: a negated event ("did not condemn") is emitted with <c>Negated = true</c>, never dropped and never
/// counted as the event; consumers that count events must skip negated ones. When a dictionary pattern spells
/// out the negation ("WILL NOT *"), the pattern's code already says what happened and the event is not negated.
/// </remarks>
public sealed class EventCoder : IPipelineStage
{
    private readonly EventResources _resources;
    private readonly EventCoderOptions _options;

    /// <summary>Idle scratch states, one per thread that has coded (taken for a document, returned after it).</summary>
    private readonly System.Collections.Concurrent.ConcurrentBag<Session> _sessions = [];

    public EventCoder(EventResources resources, EventCoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(resources);
        _resources = resources;
        _options = options ?? EventCoderOptions.Default;
    }

    public string Name => "events";

    public EventResources Resources => _resources;

    public EventCoderOptions Options => _options;

    public void Process(Document document) => Code(document, null);

    /// <summary>Codes the document and describes every predicate it considered (for diagnosis).</summary>
    public IReadOnlyList<string> Explain(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var trace = new List<string>();
        Code(document, trace);
        return trace;
    }

    private void Code(Document document, List<string>? trace)
    {
        ArgumentNullException.ThrowIfNull(document);
        var events = new List<CodedEvent>();
        IReadOnlyList<Mention> found = document.Get<MentionList>()?.Items ?? [];
        if (_options.BareSectorsTakeTheStorysState)
            found = StoryStates.Place(found, document);
        var mentions = new MentionTable(found);
        var discards = _resources.Discards;
        if (discards is not null && discards.DiscardsStory(document))
        {
            document.Set(new EventList(events));
            return;
        }

        // scratch state is reused across documents: building it per document cost more than coding a short one
        var session = _sessions.TryTake(out var pooled) ? pooled : new Session(_resources, _options);
        var raw = session.Raw;

        var dateline = _resources.Gazetteer.Count > 0 ? Dateline.Find(document.Text, _resources.Gazetteer) : null;
        var unparsed = 0;
        for (var si = 0; si < document.SentenceCount; si++)
        {
            session.Analysis.Load(document, si, _resources.Verbs.Vocabulary, mentions);
            if (!session.Analysis.IsParsed)
            {
                unparsed++;
                continue;
            }

            if (discards is not null && discards.DiscardsSentence(document, si))
                continue;
            session.Analysis.SetAsideCommaClauses(_options.CommaClauses);
            if (discards is not null)
                session.Analysis.SetAsideDiscardedPhrases(discards, document);
            raw.Clear();
            trace?.Add($"sentence {si}");
            session.Coder.Code(session.Analysis, raw, trace);
            session.Coder.Release();
            session.Context.Reset(session.Analysis);
            foreach (var e in raw)
                events.Add(Build(document, session, e, mentions, dateline));
        }

        // a document nobody parsed means a pipeline without a parser (tests, segment-only runs): nothing to say;
        // a document parsed only in part means sentences were lost, which the user should know
        if (unparsed > 0 && unparsed < document.SentenceCount)
        {
            document.AddDiagnostic(new Diagnostic(Severity.Warning, "not-parsed",
                $"{unparsed} sentence(s) of document '{document.Id}' have no dependency parse; no events were coded from them"));
        }

        raw.Clear();
        _sessions.Add(session);
        document.Set(new EventList(_options.MergeDuplicates ? EventMerger.Merge(events) : events));
    }

    private CodedEvent Build(Document doc, Session session, RawEvent e, MentionTable mentions, Place? dateline)
    {
        var s = session.Analysis;
        var info = _resources.Taxonomy.Lookup(e.Code);
        var (date, precision) = session.Context.DateOf(e.Anchor, e.Modality == Modality.Intended, doc.Date);
        var place = session.Context.PlaceOf(e.Anchor, e.Target) ?? dateline;
        var start = doc.StartOf(s.DocToken(e.TriggerFirst));
        var end = doc.EndOf(s.DocToken(e.TriggerLast));
        var sentence = doc.Sentence(s.SentenceIndex);
        return new CodedEvent
        {
            Doc = doc.Id,
            Sentence = s.SentenceIndex,
            Date = date,
            DatePrecision = precision,
            Source = e.Source >= 0 ? mentions[e.Source].ToActor() : null,
            Target = e.Target >= 0 ? mentions[e.Target].ToActor() : null,
            Cameo = e.Code,
            Plover = info?.Plover,
            Mode = info?.Mode,
            Context = info?.Context ?? [],
            Goldstein = info?.Goldstein ?? 0,
            QuadClass = info?.QuadClass ?? CameoTaxonomy.QuadClassOf(e.Code),
            Trigger = new Trigger(doc.Text[start..end], start, end),
            Negated = e.Negated,
            Modality = e.Modality,
            Location = place,
            Text = sentence.Text.ToString(),
        };
    }

    /// <summary>Per-call scratch state: analysis buffers and the helpers that use them.</summary>
    private sealed class Session(EventResources resources, EventCoderOptions options)
    {
        public SentenceAnalysis Analysis { get; } = new();

        public SentenceCoder Coder { get; } = new(resources.Verbs, resources.Nouns, options);

        public ClauseContext Context { get; } = new(resources.Gazetteer);

        public List<RawEvent> Raw { get; } = [];
    }
}
