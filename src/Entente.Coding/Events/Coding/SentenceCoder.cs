using Entente.Coding.Events.Dictionary;
using Entente.Coding.Events.Lexicon;
using Entente.Nlp.Documents;

namespace Entente.Coding.Events.Coding;

/// <summary>An event found in a sentence, before it becomes a <see cref="CodedEvent"/>.</summary>
/// <param name="Predicate">Local token of the verb or noun that coded it.</param>
/// <param name="Source">Index of the source mention in the document's mention list, or -1.</param>
/// <param name="Target">Index of the target mention, or -1.</param>
/// <param name="TriggerFirst">Local index of the trigger's first token.</param>
/// <param name="TriggerLast">Local index of the trigger's last token.</param>
/// <param name="Anchor">Local token whose clause gives the event's date and place (the embedded verb of a transformation).</param>
internal readonly record struct RawEvent(
    int Predicate,
    int Source,
    int Target,
    string Code,
    bool Negated,
    Modality Modality,
    int TriggerFirst,
    int TriggerLast,
    int Anchor);

/// <summary>
/// Codes one parsed, actor-resolved sentence: finds the predicates the dictionaries know, matches their
/// patterns, finds sources and targets, works out how predicates embed each other (reported speech, intentions,
/// requests), applies transformations, negation and modality, and emits events. One instance per thread.
/// </summary>
internal sealed class SentenceCoder(VerbLexicon verbs, NounEventLexicon nouns, EventCoderOptions options)
{
    private readonly PatternMatcher _matcher = new();
    private readonly ArgumentFinder _finder = new();
    private readonly List<Predicate> _pool = [];
    private readonly List<Predicate> _predicates = [];
    private readonly List<int> _scratch = [];
    private readonly PatternMatch _alternative = new();
    private int[] _predicateAt = new int[64];
    private SentenceAnalysis _s = null!;

    public void Code(SentenceAnalysis s, List<RawEvent> output, List<string>? trace = null)
    {
        _s = s;
        _finder.Reset(s);
        _finder.NewActorLength = options.NewActorLength;
        _finder.PassiveSubjectActs = options.PassiveSubjectActsWithoutAgent;
        _finder.PlacesAreNoSources = options.PlacesAreNoSources;
        _finder.OwnForcesAreNoTargets = options.DropSameStateEvents;
        _matcher.SkipReasonPhrases = options.ReasonPhrasesHoldNoPatternWords;
        FindPredicates();
        if (_predicates.Count == 0)
            return;
        MarkConsumed();
        foreach (var q in _predicates)
        {
            if (q.IsNominal)
                FindNounArguments(q);
            else
                FindVerbArguments(q);
            Qualify(q);

            // history recalled to date the news ("five years after crowds burned its embassy") is not the news,
            // nor is an event dated by a past the discard list names ("islands it seized at the end of World War II")
            if (ClauseRoles.IsRecalled(_s, q.Token) || DatedByDiscardedPast(q.Token))
                q.Suppressed = true;
            if (options.NaturalCausesAreNoEvents && ByNaturalCause(q))
                q.Suppressed = true;
        }

        if (options.ParticipationIsTheEvent)
            ParticipationIsTheEvent();
        BorrowSourcesFromEventPhrases();
        if (options.PlacesOfSourcelessEventsAreNoTargets)
            DropPlacesOfSourcelessEvents();
        LinkGovernors(output);
        if (options.ReportingClausesFrameSentence)
            LinkReportingClause();
        Emit(output);
        if (trace is not null)
        {
            foreach (var q in _predicates)
                trace.Add(Describe(q));
        }
    }

    /// <summary>One line about a predicate, for <c>entente eval petrarch --show</c> and debugging.</summary>
    private string Describe(Predicate q)
    {
        var s = _s;
        var sb = new System.Text.StringBuilder();
        sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"  predicate {q.Token + 1} '{s.Text(q.Token)}'");
        if (q.IsNominal)
            sb.Append($" noun {q.Noun!.Text}");
        else
            sb.Append($" verb {q.Match.Verb.Text} in {q.Match.Verb.Block.Name}");
        if (q.Match.Pattern is { } p)
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $" pattern '{p.Text}' (line {p.Line}, score {q.Match.Score})");
        sb.Append($" [{q.Codes}]");
        sb.Append(" sources ").Append(Names(q.Sources)).Append(" targets ").Append(Names(q.Targets));
        if (q.Compound.Count > 0)
            sb.Append(" compound ").Append(Names(q.Compound));
        if (q.Negated)
            sb.Append(" negated");
        if (q.Modality != Modality.Asserted)
            sb.Append(' ').Append(q.Modality.ToString().ToLowerInvariant());
        if (q.GovernorClass != GovernorClass.None)
            sb.Append(" governor-class ").Append(q.GovernorClass);
        if (q.Suppressed)
            sb.Append(" suppressed");
        if (q.YieldsToEmbedded)
            sb.Append(" yields");
        sb.Append(System.Globalization.CultureInfo.InvariantCulture, $" emitted {q.Emitted}");
        return sb.ToString();
    }

    private string Names(List<int> mentions)
    {
        var parts = new List<string>(mentions.Count);
        foreach (var m in mentions)
            parts.Add($"{_s.Mentions[m].Text}={_s.Mentions[m].Code}");
        return "[" + string.Join(", ", parts) + "]";
    }

    // ---- predicates ------------------------------------------------------------------------------------------

    private void FindPredicates()
    {
        var s = _s;
        _predicates.Clear();
        if (_predicateAt.Length < s.Count)
            _predicateAt = new int[Math.Max(s.Count, _predicateAt.Length * 2)];
        Array.Fill(_predicateAt, -1, 0, s.Count);

        for (var i = 0; i < s.Count; i++)
        {
            if (s.IsSetAside(i))
                continue;
            var upos = s.Upos(i);
            var rel = s.Rel(i);
            if (upos is Upos.VERB or Upos.ADJ or Upos.AUX)
            {
                // auxiliaries and copulas are not events; neither are participles used as adjectives
                // ("the affected villages"), nor adjectives unless they head a clause ("is willing to")
                if (rel == Relations.Aux || rel == Relations.AuxPass || rel == Relations.Cop
                    || ((rel == Relations.Amod || rel == Relations.Compound) && !AfterConjunction(i))
                    || (upos == Upos.ADJ && !HeadsClause(i)) || InsideName(i))
                {
                    continue;
                }

                TryVerbPredicate(i);
                continue;
            }

            // a root noun without a copula is a verb the tagger missed ("Ethiopia departs from Libya")
            if (upos is Upos.NOUN or Upos.PROPN && s.Head(i) < 0 && !s.HasChild(i, Relations.Cop) && !InsideName(i) && TryVerbPredicate(i))
                continue;

            // eventive nouns, also when the tagger took a lower-case one for a name ("ultimatum" as NNP)
            if ((upos == Upos.NOUN || (upos == Upos.PROPN && char.IsLower(s.Text(i)[0])))
                && options.NominalEvents && NounEntry(i) is { } entry)
            {
                var q = Rent();
                q.Token = i;
                q.IsNominal = true;
                q.Noun = entry;
                q.Codes = entry.Codes;
                Add(q);
            }
        }
    }

    private bool TryVerbPredicate(int i)
    {
        var entries = verbs.Lookup(_s.FormId(i), _s.LemmaId(i));
        var byLemma = verbs.LookupLemma(_s.LemmaId(i));
        if (entries.IsEmpty && byLemma.IsEmpty)
            return false;
        var q = Rent();
        var matched = !entries.IsEmpty && _matcher.Match(_s, i, entries, q.Match);

        // the lemma's entries compete with the form's: "came" is listed under one block, "come" under others
        // ("attacked" outside "attacked and stabbed"); the more specific match wins, the form's on a tie
        if (!byLemma.IsEmpty && byLemma != entries && _matcher.Match(_s, i, byLemma, _alternative)
            && (!matched || _alternative.Score > q.Match.Score))
        {
            q.Match.CopyFrom(_alternative);
            matched = true;
        }

        if (!matched)
        {
            _pool.Add(q);
            return false;
        }

        q.Token = i;
        q.Codes = q.Match.Codes;
        Add(q);
        return true;
    }

    /// <summary>
    /// "... and promised aid": a verb right after a coordinating conjunction is a coordinated predicate, even when
    /// the parser attached it as a modifier of the noun that follows.
    /// </summary>
    private bool AfterConjunction(int i) => i > 0 && _s.Upos(i) == Upos.VERB && _s.Upos(i - 1) == Upos.CCONJ;

    private bool HeadsClause(int i)
    {
        foreach (var c in _s.Children(i))
        {
            var r = _s.Rel(c);
            if (r == Relations.Cop || Relations.IsSubject(r))
                return true;
        }

        return false;
    }

    private NounEvent? NounEntry(int i)
    {
        var s = _s;
        foreach (var entry in nouns.Lookup(s.Lemma(i)))
        {
            if (entry.Modifiers.Length == 0)
                return entry;
            var ok = true;
            for (var k = 0; k < entry.Modifiers.Length; k++)
            {
                var t = i - entry.Modifiers.Length + k;
                if (t < 0 || !s.LemmaIs(t, entry.Modifiers[k]))
                {
                    ok = false;
                    break;
                }
            }

            if (ok)
                return entry;
        }

        return null;
    }

    private Predicate Rent()
    {
        Predicate q;
        if (_pool.Count > 0)
        {
            q = _pool[^1];
            _pool.RemoveAt(_pool.Count - 1);
        }
        else
        {
            q = new Predicate();
        }

        q.Reset();
        return q;
    }

    private void Add(Predicate q)
    {
        var s = _s;
        var depth = 0;
        for (var h = s.Head(q.Token); h >= 0 && depth <= s.Count; h = s.Head(h))
            depth++;
        q.Depth = depth;
        _predicateAt[q.Token] = _predicates.Count;
        _predicates.Add(q);
    }

    /// <summary>Returns the predicates to the pool (called by the owner after each sentence).</summary>
    public void Release()
    {
        _pool.AddRange(_predicates);
        _predicates.Clear();
    }

    /// <summary>A predicate whose token another predicate's pattern used ("held TALKS") is part of that event.</summary>
    private void MarkConsumed()
    {
        foreach (var g in _predicates)
        {
            if (g.IsNominal)
                continue;
            foreach (var t in g.Match.Consumed)
            {
                // a verb with its own subject heads its own clause: what happens there is decided when clauses
                // are linked ("said Russia attacked" is Russia's attack, whatever the speech verb's pattern says)
                var k = _predicateAt[t];
                if (k >= 0 && _predicates[k] != g && (_predicates[k].IsNominal || !_s.HasSubject(t)))
                    _predicates[k].Suppressed = true;
            }
        }
    }

    // ---- arguments ----------------------------------------------------------------------------------------

    private void FindVerbArguments(Predicate q)
    {
        var s = _s;
        var m = q.Match;
        var head = m.SourceToken >= 0 ? m.SourceToken : _finder.VerbSourceHead(q.Token);

        // "..., declared the Republican": after a quote the speaker follows the speech verb
        var inverted = -1;
        if (m.SourceToken < 0 && !_s.HasSubject(q.Token) && EnglishPredicateClasses.GovernorOf(s.Lemma(q.Token)) == GovernorClass.Speech
            && s.Child(q.Token, Relations.Obj) is var spk and > 0 && spk > q.Token && s.MentionOf(spk) >= 0)
        {
            head = spk;
            inverted = spk;
        }

        q.SourceInherited = m.SourceToken < 0 && head >= 0 && s.Head(head) != q.Token;
        _scratch.Clear();
        _finder.ActorsAt(head, deep: m.SourceToken < 0, _scratch, q.Sources, source: true);
        if (head < 0 && AfterConjunction(q.Token))
            InheritFromPreviousVerb(q);

        if (m.TargetToken >= 0)
        {
            _scratch.Clear();
            _finder.ActorsAt(m.TargetToken, deep: false, _scratch, q.Targets);

            // the pattern made the clause's subject the target ("NOTED + *"): the source is the governor's subject
            if (Overlaps(q.Sources, q.Targets) && s.Head(q.Token) >= 0)
            {
                q.Sources.Clear();
                _finder.ActorsAt(_finder.VerbSourceHead(s.Head(q.Token)), deep: true, q.Targets, q.Sources);
                q.SourceInherited = true;
            }
        }
        else if (inverted >= 0)
        {
            // the object slot held the speaker: the target can only come from a prepositional phrase
            _finder.NounTargets(q.Token, ofIsSource: false, q.Sources, q.Targets);
        }
        else
        {
            // "the United States and Britain discuss imposing sanctions on Russia": a meeting of several parties is
            // among themselves; what they discuss does not make its subject their counterpart
            var among = q.Sources.Count >= 2
                && (EnglishPredicateClasses.IsMutualVerb(s.Lemma(q.Token)) || EnglishPredicateClasses.IsReciprocalVerb(s.Lemma(q.Token)));
            _finder.TargetsMode = options.DropWeakTargets;
            _finder.VerbTargets(q.Token, q.Sources, q.Targets, fromEmbedded: !among);
            _finder.TargetsMode = false;

            // "... and promised aid to the villages" parsed with the verb as a modifier: the next actor
            if (q.Targets.Count == 0 && (s.Rel(q.Token) == Relations.Amod || s.Rel(q.Token) == Relations.Compound))
                _finder.FirstActorAfter(q.Token, q.Sources, q.Targets, anywhere: true);
        }

        if (m.CompoundToken >= 0 && m.CompoundIsTarget)
        {
            // "* WITH %": the compound is the target, one event per member
            q.Targets.Clear();
            _finder.ActorsAt(m.CompoundToken, deep: false, q.Sources, q.Targets);
        }
        else if (m.CompoundToken >= 0)
        {
            _scratch.Clear();
            _finder.ActorsAt(m.CompoundToken, deep: false, _scratch, q.Compound);
        }
    }

    private void FindNounArguments(Predicate q)
    {
        var s = _s;
        var n = q.Token;
        var entry = q.Noun!;
        var head = _finder.NounSourceHead(n, entry.OfIsSource);

        // "following Maduro's abduction": the possessor of a deed done to someone is its patient, not its source
        if (options.PatientPossessorsAreNoSources && head >= 0 && s.Rel(head) == Relations.NmodPoss
            && EnglishPredicateClasses.IsPatientNoun(s.Lemma(n)) && !HasOfPhrase(n))
        {
            head = -1;
        }

        if (head < 0)
        {
            // "held talks", "issued an ultimatum": the light (or uncoded) verb's subject is the noun's source
            var h = s.Head(n);
            var r = s.Rel(n);
            if (h >= 0 && (r == Relations.Obj || r == Relations.NsubjPass) && (s.IsVerbal(h) || s.Upos(h) == Upos.ADJ))
            {
                var k = _predicateAt[h];
                if (k < 0 || _predicates[k].Codes.IsNull || _predicates[k].Match.Score == 0 || EnglishPredicateClasses.IsLightVerb(s.Lemma(h)))
                {
                    head = _finder.VerbSourceHead(h);
                    q.SourceInherited = true;
                }
            }
        }

        _scratch.Clear();
        _finder.ActorsAt(head, deep: false, _scratch, q.Sources);

        // "talks between A and B": the members act on each other
        foreach (var c in s.Children(n))
        {
            if (!Relations.IsOblique(s.Rel(c)))
                continue;
            var prep = s.CaseOf(c);
            if (prep.Equals("between", StringComparison.OrdinalIgnoreCase) || prep.Equals("among", StringComparison.OrdinalIgnoreCase))
            {
                _scratch.Clear();
                _finder.ActorsAt(c, deep: true, _scratch, q.Compound);
            }
            else if (entry.PrepositionCodes.Count > 0 && entry.PrepositionCodes.TryGetValue(prep.ToString(), out var codes))
            {
                q.Codes = codes;
            }
        }

        if (q.Compound.Count < 2)
        {
            q.Compound.Clear();
            _finder.TargetsMode = options.DropWeakTargets;
            _finder.NounTargets(n, entry.OfIsSource, q.Sources, q.Targets);
            _finder.TargetsMode = false;
        }
        else if (q.Sources.Count > 0)
        {
            // "Chinese talks between A and B": a source with a compound target is a plain event
            q.Targets.AddRange(q.Compound);
            q.Compound.Clear();
        }
    }

    private bool HasOfPhrase(int n)
    {
        foreach (var c in _s.Children(n))
        {
            if (Relations.IsOblique(_s.Rel(c)) && _s.CaseOf(c).Equals("of", StringComparison.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }

    /// <summary>
    /// "A school shooting in Tumbler Ridge, British Columbia, Canada", "engravings stolen from a library in São Paulo":
    /// an event with no source whose only targets are the places where it happened is about nobody.
    /// </summary>
    private void DropPlacesOfSourcelessEvents()
    {
        foreach (var q in _predicates)
        {
            if (q.Sources.Count > 0 || q.Targets.Count == 0 || q.Compound.Count > 0)
                continue;
            var allPlaces = true;
            foreach (var m in q.Targets)
            {
                if (!InPlacePhraseOf(q.Token, PatternMatcher.MentionHead(_s, m)))
                {
                    allPlaces = false;
                    break;
                }
            }

            if (allPlaces)
                q.Targets.Clear();
        }
    }

    /// <summary>Whether token <paramref name="t"/> lies in a place phrase ("in", "at", "near" ...) under predicate <paramref name="p"/>.</summary>
    private bool InPlacePhraseOf(int p, int t)
    {
        var s = _s;
        for (var guard = 0; t >= 0 && t != p && guard <= s.Count; guard++)
        {
            if (Relations.IsOblique(s.Rel(t)) && ArgumentFinder.IsLocativePreposition(s.CaseOf(t)))
                return true;
            t = s.Head(t);
        }

        return false;
    }

    /// <summary>
    /// "An earthquake strikes Istanbul", "the lodge is destroyed by the fire", "a train derails, injuring 30", "nine
    /// migrants die of the cold": what nature or an accident does, or what befalls its subject, is nobody's act. A
    /// participle of such a clause ("..., injuring 30") is judged by its clause's subject.
    /// </summary>
    private bool ByNaturalCause(Predicate q)
    {
        var s = _s;
        if (q.IsNominal || (q.Sources.Count > 0 && !EnglishPredicateClasses.IsUndergoingVerb(s.Lemma(q.Token))))
            return false;
        for (var v = q.Token; v >= 0; v = s.Head(v))
        {
            if (EnglishPredicateClasses.IsUndergoingVerb(s.Lemma(v)))
                return true;
            var agent = s.IsPassive(v) ? _finder.AgentOf(v) : s.SubjectOf(v);
            if (agent >= 0)
                return (s.MentionOf(agent) is var m && (m < 0 || !s.IsActor(m))) && EnglishPredicateClasses.IsNaturalCause(s.Lemma(agent));

            // a participle or coordinated verb takes its clause's subject; anything else ends the search
            var r = s.Rel(v);
            if (r != Relations.Advcl && r != Relations.Conj && r != Relations.Xcomp)
                return false;
        }

        return false;
    }

    /// <summary>
    /// "The United States takes part in the attack on Iran", "Britain participated in the strikes", "France joined the
    /// airstrikes": taking part in an event the noun codes is that event, with the participant as its source; the
    /// participation verb's own code ("* PART" [030]) is no event beside it.
    /// </summary>
    private void ParticipationIsTheEvent()
    {
        var s = _s;
        foreach (var noun in _predicates)
        {
            if (!noun.IsNominal || noun.Codes.IsNull || noun.Sources.Count > 0)
                continue;
            var v = s.Head(noun.Token);
            if (v < 0 || !IsParticipation(v, noun.Token))
                continue;
            _finder.ActorsAt(_finder.VerbSourceHead(v), deep: true, noun.Targets, noun.Sources);
            if (noun.Sources.Count == 0)
                continue;
            noun.SourceInherited = true;
            noun.Suppressed = false;
            if (_predicateAt[v] is var k and >= 0)
                _predicates[k].Suppressed = true;
        }
    }

    /// <summary>Whether verb <paramref name="v"/> takes part in the event noun <paramref name="n"/>: "participate in N", "take part in N", "join N".</summary>
    private bool IsParticipation(int v, int n)
    {
        var s = _s;
        if (!s.IsVerbal(v))
            return false;
        var r = s.Rel(n);
        if (r == Relations.Obj)
            return s.LemmaIs(v, "join");
        if (r != Relations.Obl || !s.CaseOf(n).Equals("in", StringComparison.OrdinalIgnoreCase))
            return false;
        if (s.LemmaIs(v, "participate"))
            return true;
        return s.LemmaIs(v, "take") && s.Child(v, Relations.Obj) is var o and >= 0 && s.LemmaIs(o, "part");
    }

    /// <summary>
    /// "Two Palestinians are killed in an Israeli air attack": a passive verb with no agent takes the source of the
    /// eventive noun in its "in"/"during" phrase, which names the same event; that noun is then not coded again
    /// unless it has a target of its own.
    /// </summary>
    private void BorrowSourcesFromEventPhrases()
    {
        var s = _s;
        foreach (var q in _predicates)
        {
            if (q.IsNominal || q.Sources.Count > 0 || !s.IsPassive(q.Token) || _finder.AgentOf(q.Token) >= 0)
                continue;
            foreach (var c in s.Children(q.Token))
            {
                var k = _predicateAt[c];
                if (k < 0 || !Relations.IsOblique(s.Rel(c)))
                    continue;
                var noun = _predicates[k];
                var prep = s.CaseOf(c);
                if (!noun.IsNominal || noun.Sources.Count == 0
                    || !(prep.Equals("in", StringComparison.OrdinalIgnoreCase) || prep.Equals("during", StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                foreach (var src in noun.Sources)
                {
                    if (!q.Targets.Contains(src))
                        q.Sources.Add(src);
                }

                // "killed [190] in an airstrike [195]": the noun says more precisely how, within the same kind of event
                if (q.Sources.Count > 0 && q.Codes.Forward is { Length: >= 3 } verbCode && verbCode[2] == '0' && verbCode.Length == 3
                    && noun.Codes.Forward is { Length: >= 3 } nounCode && nounCode != verbCode
                    && string.CompareOrdinal(nounCode, 0, verbCode, 0, 2) == 0 && q.Codes.Reverse is null)
                {
                    q.Codes = new EventCodes(nounCode, null);
                }

                // the noun's own target ("an attack on a car in Gaza") keeps its event; otherwise it is the verb's
                noun.Suppressed |= q.Sources.Count > 0 && noun.Targets.Count == 0;
                break;
            }
        }
    }

    /// <summary>Whether a prepositional phrase of the predicate holds a phrase-only discard ("at the end of World War II").</summary>
    private bool DatedByDiscardedPast(int p)
    {
        var s = _s;
        foreach (var c in s.Children(p))
        {
            if ((!Relations.IsOblique(s.Rel(c)) && !Relations.IsTemporal(s.Rel(c))) || CommaBetween(p, c))
                continue; // past a comma the phrase more likely belongs to an apposition ("Hiroshima, the site of ...")
            _stack.Clear();
            _stack.Add(c);
            while (_stack.Count > 0)
            {
                var t = _stack[^1];
                _stack.RemoveAt(_stack.Count - 1);
                if (s.IsDiscarded(t))
                    return true;
                foreach (var d in s.Children(t))
                {
                    if (!Relations.IsClausal(s.Rel(d)))
                        _stack.Add(d);
                }
            }
        }

        return false;
    }

    private readonly List<int> _stack = [];

    private bool CommaBetween(int a, int b)
    {
        for (var t = Math.Min(a, b) + 1; t < Math.Max(a, b); t++)
        {
            if (_s.Text(t).SequenceEqual(","))
                return true;
        }

        return false;
    }

    /// <summary>
    /// A word of a name of several words is no verb, whatever the tagger said: "The United States, the European
    /// Union and partners issue a statement" has no "states", "Hamas forces and the IDF clash" no "forces".
    /// </summary>
    private bool InsideName(int i)
    {
        var m = _s.MentionOf(i);
        return m >= 0 && _s.Mentions[m].EndToken - _s.Mentions[m].StartToken > 1;
    }

    /// <summary>A coordinated verb the parser left without a subject shares the subject of the verb before it.</summary>
    private void InheritFromPreviousVerb(Predicate q)
    {
        for (var i = _predicates.IndexOf(q) - 1; i >= 0; i--)
        {
            var prev = _predicates[i];
            if (prev.IsNominal || prev.Token >= q.Token)
                continue;
            if (prev.Sources.Count == 0)
                _finder.ActorsAt(_finder.VerbSourceHead(prev.Token), deep: true, _scratch, q.Sources);
            else
                q.Sources.AddRange(prev.Sources);
            q.SourceInherited = true;
            return;
        }
    }

    /// <summary>Whether two actor lists share an actor: the same mention or the same actor code ("Russia" and "it").</summary>
    private bool SameActors(List<int> a, List<int> b)
    {
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (x == y || (_s.Mentions[x].Code is { } cx && cx == _s.Mentions[y].Code))
                    return true;
            }
        }

        return false;
    }

    /// <summary>Whether a speaker of <paramref name="speakers"/> is one of <paramref name="actors"/> or of the same state.</summary>
    private bool SpeaksFor(List<int> speakers, List<int> actors)
    {
        if (SameActors(speakers, actors))
            return true;
        foreach (var x in speakers)
        {
            foreach (var y in actors)
            {
                if (_s.Mentions[x].Country is { } cx && cx == _s.Mentions[y].Country)
                    return true;
            }
        }

        return false;
    }

    private static bool Overlaps(List<int> a, List<int> b)
    {
        foreach (var x in a)
        {
            if (b.Contains(x))
                return true;
        }

        return false;
    }

    // ---- negation and modality of the predicate's own clause ------------------------------------------------

    private void Qualify(Predicate q)
    {
        var s = _s;
        var consumed = q.Match.Consumed;
        foreach (var c in s.Children(q.Token))
        {
            if (consumed.Contains(c))
                continue;
            var r = s.Rel(c);
            var lemma = s.Lemma(c);
            if ((r == Relations.Advmod || r == Relations.Det || r == Relations.Dep) && EnglishPredicateClasses.IsNegator(lemma)
                && !(c + 1 < s.Count && s.LemmaIs(c + 1, "only")))
            {
                // ("not only ... but" affirms)
                q.Negated = true;
            }
            else if (r == Relations.Aux)
            {
                if (EnglishPredicateClasses.IsFutureAuxiliary(lemma) || EnglishPredicateClasses.IsFutureAuxiliary(s.Text(c)))
                {
                    Raise(q, Modality.Intended);
                }
                else if (EnglishPredicateClasses.IsHypotheticalAuxiliary(lemma))
                {
                    var would = lemma.Equals("would", StringComparison.OrdinalIgnoreCase);
                    if (q.Modality != Modality.Hypothetical)
                        q.ModalIsWould = would;
                    else if (!would)
                        q.ModalIsWould = false;
                    Raise(q, Modality.Hypothetical);
                }
            }
            else if (r == Relations.Mark && EnglishPredicateClasses.IsConditional(lemma))
            {
                Raise(q, Modality.Hypothetical);
                q.ModalIsWould = false;
            }
            else if ((r == Relations.Advmod || r == Relations.Amod) && EnglishPredicateClasses.IsHedge(lemma))
            {
                Raise(q, Modality.Reported);
            }
            else if (r == Relations.Advmod && s.LemmaIs(c, "about") && HasMark(q.Token, "to"))
            {
                Raise(q, Modality.Intended);
            }
            else if (Relations.IsSubject(r) && SubjectIsNegated(c, consumed))
            {
                q.Negated = true;
            }
        }

        // "would try to distance": the modal of a verb that is no predicate of its own (an uncoded "try", "seek")
        // reaches the infinitive it governs
        if (q.Modality == Modality.Asserted && s.Rel(q.Token) == Relations.Xcomp && s.Head(q.Token) is var up and >= 0 && _predicateAt[up] < 0)
        {
            foreach (var c in s.Children(up))
            {
                if (s.Rel(c) != Relations.Aux)
                    continue;
                var lemma = s.Lemma(c);
                if (EnglishPredicateClasses.IsFutureAuxiliary(lemma) || EnglishPredicateClasses.IsFutureAuxiliary(s.Text(c)))
                {
                    Raise(q, Modality.Intended);
                }
                else if (EnglishPredicateClasses.IsHypotheticalAuxiliary(lemma))
                {
                    q.ModalIsWould = lemma.Equals("would", StringComparison.OrdinalIgnoreCase);
                    Raise(q, Modality.Hypothetical);
                }
            }
        }

        // inside a condition: "imposing tariffs if it does not ..."
        var child = q.Token;
        for (var a = s.Head(child); a >= 0; child = a, a = s.Head(a))
        {
            if (s.Rel(child) == Relations.Advcl && HasConditionalMark(child))
            {
                Raise(q, Modality.Hypothetical);
                break;
            }
        }
    }

    private bool SubjectIsNegated(int subject, List<int> consumed)
    {
        foreach (var c in _s.Children(subject))
        {
            var r = _s.Rel(c);
            if ((r == Relations.CcPreconj || r == Relations.Cc || r == Relations.Det) && !consumed.Contains(c)
                && (_s.LemmaIs(c, "neither") || _s.LemmaIs(c, "no")))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasConditionalMark(int t)
    {
        foreach (var c in _s.Children(t))
        {
            if (_s.Rel(c) == Relations.Mark && EnglishPredicateClasses.IsConditional(_s.Lemma(c)))
                return true;
        }

        return false;
    }

    private bool HasMark(int t, string word)
    {
        foreach (var c in _s.Children(t))
        {
            if (_s.Rel(c) == Relations.Mark && _s.LemmaIs(c, word))
                return true;
        }

        return false;
    }

    /// <summary>Modalities only get stronger: hypothetical over reported over intended over asserted.</summary>
    private static void Raise(Predicate q, Modality m)
    {
        if (Rank(m) > Rank(q.Modality))
            q.Modality = m;
    }

    private static int Rank(Modality m) => m switch
    {
        Modality.Hypothetical => 3,
        Modality.Reported => 2,
        Modality.Intended => 1,
        _ => 0,
    };

    // ---- how predicates embed each other ------------------------------------------------------------------

    private void LinkGovernors(List<RawEvent> output)
    {
        var s = _s;

        // "failed to create a rift": a failure is no event of its own, whatever it embeds
        foreach (var g in _predicates)
        {
            if (!g.IsNominal && g.Match.Score == 0 && (s.LemmaIs(g.Token, "fail") || s.LemmaIs(g.Token, "neglect"))
                && s.HasChild(g.Token, Relations.Xcomp))
            {
                g.Suppressed = true;
            }
        }

        foreach (var q in _predicates)
        {
            if (q.Suppressed)
                continue;
            var child = q.Token;
            var passedIntention = false;
            var prevRel = (ushort)0;
            for (var depth = 0; depth < 8; depth++)
            {
                var a = s.Head(child);
                if (a < 0)
                    break;

                // a coordinated verb shares its first conjunct's embedding ("urged X to use ... and pressure ...")
                if (s.Rel(child) == Relations.Conj && !q.IsNominal && s.IsVerbal(a)
                    && (_predicateAt[a] < 0 || _predicates[_predicateAt[a]].Codes.IsNull))
                {
                    child = a;
                    continue;
                }

                if (!IsEmbeddingLink(child, q, prevRel))
                    break;
                prevRel = s.Rel(child);
                var cls = s.FormIs(a, "going") && s.Rel(child) == Relations.Xcomp
                    ? GovernorClass.Intention
                    : EnglishPredicateClasses.GovernorOf(s.Lemma(a));
                var k = _predicateAt[a];
                if (k >= 0 && !_predicates[k].Suppressed && !_predicates[k].Codes.IsNull)
                {
                    q.Governor = k;

                    // "expressed willingness to send": expressing an intention is the intention
                    q.GovernorClass = passedIntention && cls == GovernorClass.None ? GovernorClass.Intention : cls;
                    break;
                }

                // an uncoded governor still qualifies what it embeds: "expressed willingness to send"
                ApplyClass(q, cls, null);
                passedIntention |= cls == GovernorClass.Intention;
                child = a;
            }

            if (q.Governor < 0)
                continue;
            var g = _predicates[q.Governor];

            // "conduct a raid", "launch an attack": a verb coded only by its default yields to its event noun
            if (q.IsNominal && s.Rel(q.Token) == Relations.Obj && s.Head(q.Token) == g.Token && !g.IsNominal
                && g.Match.Score == 0 && q.Sources.Count > 0 && q.GovernorClass == GovernorClass.None)
            {
                g.Suppressed = true;
                continue;
            }

            // a speech verb's pattern never swallows a reported clause that has its own verb and subject
            // ("said Russia attacked": the attack is Russia's, not the speaker's)
            var reportedClause = q.GovernorClass == GovernorClass.Speech && !q.IsNominal && !q.SourceInherited && q.Sources.Count > 0;
            if (!reportedClause && PatternReachesInto(g, q))
            {
                q.Suppressed = true;
                continue;
            }

            if (TryTransform(g, q, output))
                continue;
            ApplyClass(q, q.GovernorClass, g);
        }
    }

    /// <summary>
    /// "Arnor will restore ties with Gondor, a senior official said": a reporting clause after the main clause
    /// reports it, however the parser attached it. Every predicate that nothing else governs becomes reported
    /// speech of that clause, and the speech verb is coded only when they yield nothing (so last).
    /// </summary>
    private void LinkReportingClause()
    {
        var s = _s;
        Predicate? reporter = null;
        foreach (var g in _predicates)
        {
            if (!g.IsNominal && !g.Suppressed && ClauseRoles.IsReportingClause(s, g.Token))
            {
                reporter = g;
                break;
            }
        }

        if (reporter is null)
            return;
        var reported = 0;
        foreach (var q in _predicates)
        {
            if (q == reporter || q.Suppressed || q.Governor >= 0 || s.Dominates(reporter.Token, q.Token))
                continue;
            q.ReportedBy = reporter;
            q.GovernorClass = GovernorClass.Speech;
            ApplyClass(q, GovernorClass.Speech, reporter);
            reported++;
        }

        if (reported > 0)
            reporter.Depth = -1; // coded after what it reports
    }

    /// <summary>Relations through which one predicate embeds another.</summary>
    private bool IsEmbeddingLink(int child, Predicate q, ushort previous)
    {
        var s = _s;
        var r = s.Rel(child);

        // "providing support to help X": a purpose infinitive on the object belongs to the verb's event
        if (r == Relations.Obj && previous == Relations.Acl)
            return true;
        if (r == Relations.Xcomp || r == Relations.Ccomp || r == Relations.Csubj || r == Relations.Acl)
            return true;
        if (r == Relations.Advcl)
            return HasMark(child, "to") || HasMark(child, "of") || HasMark(child, "for");
        // a noun argument embeds when it is the predicate itself ("held talks") or a noun of intention, speech or
        // allegation passing on its clause ("expressed willingness to send"); an actor phrase does not
        if (r == Relations.Obj)
            return (child == q.Token && q.IsNominal) || EnglishPredicateClasses.GovernorOf(s.Lemma(child)) != GovernorClass.None;

        // an oblique ("after Trump's ultimatum", "in response to this threat") only embeds a clause of speech or intention
        if (Relations.IsOblique(r))
            return child != q.Token && EnglishPredicateClasses.GovernorOf(s.Lemma(child)) != GovernorClass.None;
        return false;
    }

    private void ApplyClass(Predicate q, GovernorClass cls, Predicate? g)
    {
        switch (cls)
        {
            case GovernorClass.Speech:
                if (g is not null)
                {
                    g.YieldsToEmbedded = true;

                    // "Russia said it would retaliate" is Russia's intention (its government may say it for it);
                    // "analysts suggested Trump would try" is someone else's guess, and stays hypothetical
                    if (q.Modality == Modality.Hypothetical && q.ModalIsWould && SpeaksFor(g.Sources, q.Sources))
                        q.Modality = Modality.Intended;
                    if (!SameActors(q.Sources, g.Sources) && q.Modality is Modality.Asserted or Modality.Intended)
                        q.Modality = Modality.Reported;
                }

                break;
            case GovernorClass.Accusation:
                Raise(q, Modality.Reported);

                // "Ukraine claims it shot down a Russian jet": a claim of one's own deed reports that deed, and is no
                // accusation (ALLEGE [110]) beside it
                if (options.OwnClaimsReportTheDeed && g is { IsNominal: false } && _s.LemmaIs(g.Token, "claim") && SameActors(g.Sources, q.Sources))
                    g.YieldsToEmbedded = true;
                break;
            case GovernorClass.Intention:
                Raise(q, Modality.Intended);
                q.Codes = IntentCodes.Of(q.Codes);
                if (g is not null)
                {
                    g.YieldsToEmbedded = true;
                    q.Negated |= g.Negated;
                }

                break;
            case GovernorClass.Negating:
                q.Negated = true;

                // "failed to create": a failure is no event of its own; "refused to meet" is (a rejection)
                if (g is not null && (_s.LemmaIs(g.Token, "fail") || _s.LemmaIs(g.Token, "neglect")))
                    g.YieldsToEmbedded = true;
                break;
            case GovernorClass.Aspectual:
                if (g is not null)
                {
                    g.YieldsToEmbedded = true;
                    q.Negated |= g.Negated;
                    Raise(q, g.Modality);
                }

                break;
            default:
                if (g is null)
                    break;

                // the content of a request or threat, or a phrase of a substantive event, is not an event itself
                q.Suppressed = true;
                break;
        }
    }

    /// <summary>Whether the governor's pattern matched words inside the embedded predicate's phrase.</summary>
    private bool PatternReachesInto(Predicate g, Predicate q)
    {
        if (g.IsNominal || g.Match.Pattern is null)
            return false;
        foreach (var t in g.Match.Consumed)
        {
            if (_s.Dominates(q.Token, t) && _s.MentionOf(t) < 0)
                return true;
        }

        return false;
    }

    // ---- transformations --------------------------------------------------------------------------------------

    private bool TryTransform(Predicate g, Predicate q, List<RawEvent> output)
    {
        if (verbs.Transformations.Count == 0 || g.IsNominal || q.Codes.Forward is null)
            return false;
        foreach (var t in verbs.Transformations)
        {
            // "a says a did Q to b = a b Q" is reported speech itself, which the speech rule codes
            if (t.Spec.ResultCode.Equals("Q", StringComparison.Ordinal))
                continue;
            if (!VerbMatches(g, t.OuterBlock, t.OuterVerb))
                continue;
            if (t.InnerVerb != "q" && !VerbMatches(q, t.InnerBlock, t.InnerVerb))
                continue;
            var spec = t.Spec;
            var sameSource = SameActors(q.Sources, g.Sources);
            var innerSourceOk = spec.InnerSource switch
            {
                "." => true,
                "_" => q.SourceInherited || q.Sources.Count == 0 || sameSource,
                _ when spec.InnerSource == spec.OuterSource => sameSource,
                _ => q.Sources.Count > 0 && !sameSource,
            };
            if (!innerSourceOk || g.Sources.Count == 0)
                continue;

            var resultTargets = spec.ResultTarget == spec.InnerTarget ? q.Targets
                : spec.ResultTarget == spec.InnerSource ? q.Sources
                : null;
            if (resultTargets is null || resultTargets.Count == 0)
                continue;
            var resultSources = spec.ResultSource == spec.OuterSource ? g.Sources : q.Sources;
            var code = spec.ResultCode;
            foreach (var src in resultSources)
            {
                foreach (var tgt in resultTargets)
                {
                    if (src != tgt)
                        Add(output, g, src, tgt, code, g.Negated, g.Modality, anchor: q.Token);
                }
            }

            q.Suppressed = true;
            g.Suppressed = true;
            g.Emitted++;
            return true;
        }

        return false;
    }

    private bool VerbMatches(Predicate p, CompiledBlock? block, string verb)
    {
        if (p.IsNominal)
            return false;
        if (block is not null && ReferenceEquals(p.Match.Verb.Block, block))
            return true;
        return _s.LemmaIs(p.Token, verb);
    }

    // ---- emission ---------------------------------------------------------------------------------------------

    private void Emit(List<RawEvent> output)
    {
        // embedded predicates first, so that a governor that yields knows whether they produced anything
        _predicates.Sort(static (a, b) => b.Depth != a.Depth ? b.Depth.CompareTo(a.Depth) : a.Token.CompareTo(b.Token));
        foreach (var q in _predicates)
        {
            if (q.Suppressed || q.Codes.IsNull)
                continue;
            if (q.YieldsToEmbedded && EmbeddedEmitted(q))
                continue;
            EmitPredicate(q, output);
        }
    }


    /// <summary>"held talks", "attended a summit": the pattern's noun makes the event mutual.</summary>
    private bool ConsumedMutualNoun(Predicate q)
    {
        foreach (var t in q.Match.Consumed)
        {
            if (_s.Upos(t) == Upos.NOUN && EnglishPredicateClasses.IsMutualVerb(_s.Lemma(t)))
                return true;
        }

        return false;
    }

    private bool EmbeddedEmitted(Predicate g)
    {
        foreach (var q in _predicates)
        {
            if (q.Emitted > 0 && (q.ReportedBy == g || (q.Governor >= 0 && q.Governor < _predicates.Count && IsGovernedBy(q, g))))
                return true;
        }

        return false;
    }

    private bool IsGovernedBy(Predicate q, Predicate g) => _s.Dominates(g.Token, q.Token) && q != g;

    private void EmitPredicate(Predicate q, List<RawEvent> output)
    {
        var codes = q.Codes;
        var fwd = codes.Forward;
        var rev = codes.Reverse;
        if (q.Compound.Count >= 2)
        {
            foreach (var a in q.Compound)
            {
                foreach (var b in q.Compound)
                {
                    if (a != b && fwd is not null)
                        Add(output, q, a, b, fwd, q.Negated, q.Modality);
                }
            }

            return;
        }

        if (q.IsNominal && q.Sources.Count == 0)
            return;

        var lemma = _s.Lemma(q.Token);
        var mutual = fwd is not null && (fwd == rev || EnglishPredicateClasses.IsMutualVerb(lemma) || ConsumedMutualNoun(q));
        if (q.Targets.Count == 0 && q.Sources.Count >= 2 && (mutual || EnglishPredicateClasses.IsReciprocalVerb(lemma)))
        {
            foreach (var a in q.Sources)
            {
                foreach (var b in q.Sources)
                {
                    if (a != b && fwd is not null)
                        Add(output, q, a, b, fwd, q.Negated, q.Modality);
                }
            }

            return;
        }

        var sourceCount = Math.Max(1, q.Sources.Count);
        var targetCount = Math.Max(1, q.Targets.Count);
        for (var i = 0; i < sourceCount; i++)
        {
            var src = q.Sources.Count > 0 ? q.Sources[i] : -1;
            for (var j = 0; j < targetCount; j++)
            {
                var tgt = q.Targets.Count > 0 ? q.Targets[j] : -1;
                if (fwd is not null)
                    Add(output, q, src, tgt, fwd, q.Negated, q.Modality);
                if (rev is not null && src >= 0 && tgt >= 0)
                    Add(output, q, tgt, src, rev, q.Negated, q.Modality);
                else if (rev is null && mutual && src >= 0 && tgt >= 0)
                    Add(output, q, tgt, src, fwd!, q.Negated, q.Modality);
            }
        }
    }

    /// <summary>
    /// Events that are about someone by their nature: statements, appeals, intentions, consultations, cooperation,
    /// aid, concessions, demands, disapproval, rejection, threats and reduced relations (roots 01-08, 10-13, 16).
    /// Without a target they say nothing usable; investigation, protest, force and violence can stand alone.
    /// </summary>
    private static bool NeedsTarget(string code)
    {
        if (code.Length < 2 || !char.IsAsciiDigit(code[0]) || !char.IsAsciiDigit(code[1]))
            return false;
        var root = ((code[0] - '0') * 10) + (code[1] - '0');
        return root is >= 1 and <= 8 or >= 10 and <= 13 or 16;
    }

    /// <summary>An object or prepositional phrase of the verb ("said on Saturday"), not a bare time word ("said today").</summary>
    private bool HasNominalDependent(int p)
    {
        foreach (var c in _s.Children(p))
        {
            var r = _s.Rel(c);
            if (r == Relations.Obj || r == Relations.Iobj || Relations.IsOblique(r))
                return true;
        }

        return false;
    }

    private void Add(List<RawEvent> output, Predicate q, int source, int target, string code, bool negated, Modality modality, int anchor = -1)
    {
        var s = _s;
        if (source < 0 && target < 0)
            return;
        if (options.RequireDyad && (source < 0 || target < 0))
            return;
        if (target < 0 && options.OneSidedEventsNeedAPhrase && !q.IsNominal && !HasNominalDependent(q.Token))
            return;
        if (source >= 0 && target >= 0)
        {
            var sc = s.Mentions[source].Code;
            var tc = s.Mentions[target].Code;
            if (source == target || (!options.CodeSelfEvents && string.Equals(sc, tc, StringComparison.Ordinal)))
                return;

            // "Trump argued that the United States was responsible": the state toward itself is no event
            if (options.DropSameStateEvents && StateActors.IsStateItself(s.Mentions[source]) && StateActors.IsStateItself(s.Mentions[target])
                && StateActors.StateOf(s.Mentions[source]) == StateActors.StateOf(s.Mentions[target]))
            {
                return;
            }

            // "Hezbollah says ... strikes on the United States": a non-state speaker's bare statement is not addressed to a state
            if (options.DropNonStateStatements && code == "010" && !StateActors.SpeaksForState(s.Mentions[source])
                && StateActors.StateOf(s.Mentions[target]) is not null)
            {
                return;
            }
        }

        // words about nobody in particular say little: a statement, appeal, promise or consultation (roots 01-04)
        // or anything a speech verb codes, without a target; and a statement about the speaker's own country
        if (options.DropStatementsWithoutTarget)
        {
            var verbal = code.Length >= 2 && code[0] == '0' && code[1] is '1' or '2' or '3' or '4';
            var speech = !q.IsNominal && EnglishPredicateClasses.GovernorOf(s.Lemma(q.Token)) == GovernorClass.Speech;
            if ((target < 0 && (NeedsTarget(code) || speech)) || (source < 0 && (verbal || speech || NeedsTarget(code))))
                return;
            if (target >= 0 && source >= 0 && code.StartsWith("01", StringComparison.Ordinal)
                && s.Mentions[source].Country is { } sc2 && sc2 == s.Mentions[target].Country)
            {
                return;
            }
        }

        var first = q.Token;
        var last = q.Token;
        if (!q.IsNominal)
        {
            foreach (var t in q.Match.Particles)
            {
                // only particles next to the verb belong in the trigger span
                if (t == last + 1)
                    last = t;
                else if (t == first - 1)
                    first = t;
            }
        }

        output.Add(new RawEvent(q.Token, source, target, code, negated, modality, first, last, anchor >= 0 ? anchor : q.Token));
        q.Emitted++;
    }
}
