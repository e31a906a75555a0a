using Entente.Nlp.Documents;

namespace Entente.Coding.Events.Coding;

/// <summary>
/// Finds who did what to whom in the tree: the source (subject, passive agent, controller of an infinitive,
/// shared subject of coordinated verbs, the noun a participle modifies, a possessive) and the target (object,
/// indirect object, prepositional phrases ranked by preposition, then the first actor after the predicate), and
/// turns their head tokens into actor mentions, one per conjunct. Scratch buffers make it one per thread.
/// </summary>
internal sealed class ArgumentFinder
{
    private readonly List<int> _conj = [];
    private readonly List<int> _queue = [];
    private readonly List<int> _deepConj = [];
    private readonly List<int> _np = [];
    private static readonly List<int> NoExclusions = [];
    private SentenceAnalysis _s = null!;

    public void Reset(SentenceAnalysis s) => _s = s;

    /// <summary>PETRARCH's new_actor_length: unknown phrases of at most this many words become actors (0: off).</summary>
    public int NewActorLength { get; set; }

    /// <summary>See <see cref="EventCoderOptions.PassiveSubjectActsWithoutAgent"/>.</summary>
    public bool PassiveSubjectActs { get; set; }

    /// <summary>See <see cref="EventCoderOptions.PlacesAreNoSources"/>.</summary>
    public bool PlacesAreNoSources { get; set; }

    /// <summary>When finding targets, a source state's (or government's) own armed forces are no target (news rule).</summary>
    public bool OwnForcesAreNoTargets { get; set; }

    /// <summary>A passive verb without a "by" agent whose subject PETRARCH reads as the actor (the option is on).</summary>
    private bool SubjectActs(int p) => PassiveSubjectActs && _s.IsPassive(p) && AgentOf(p) < 0 && ActingSubject(p) >= 0;

    /// <summary>
    /// The subject PETRARCH lets act for passive <paramref name="p"/>: the passive subject, or for a participle
    /// modifying a noun ("a Pakistani woman believed linked to Al-Qaeda") that noun; -1 when none.
    /// </summary>
    private int ActingSubject(int p) =>
        PassiveSubject(p) is var own and >= 0 ? own
        : _s.Rel(p) == Relations.Acl && _s.Head(p) >= 0 ? _s.Head(p)
        : -1;

    /// <summary>
    /// The subject of passive <paramref name="p"/>: its own, or for a participle conjoined to a copular adverb
    /// ("The Philippines was heavily and unjustly criticized") the clause head's; -1 when none.
    /// </summary>
    private int PassiveSubject(int p)
    {
        var own = _s.Child(p, Relations.NsubjPass);
        if (own >= 0 || _s.Rel(p) != Relations.Conj || !_s.IsCopularAdverbConjunct(p))
            return own;
        var h = _s.Head(p);
        return _s.Child(h, Relations.Nsubj) is var shared and >= 0 ? shared : _s.Child(h, Relations.NsubjPass);
    }

    // ---- sources ------------------------------------------------------------------------------------------

    /// <summary>The token heading the source phrase of a verbal predicate, or -1.</summary>
    public int VerbSourceHead(int p) => VerbSourceHead(p, 0);

    private int VerbSourceHead(int p, int depth)
    {
        var s = _s;
        if (depth > 8)
            return -1;
        if (SubjectActs(p))
            return ActingSubject(p);
        if (s.IsPassive(p))
            return AgentOf(p);

        foreach (var c in s.Children(p))
        {
            var r = s.Rel(c);
            if (r != Relations.Nsubj && r != Relations.NsubjOuter)
                continue;
            if (IsRelativePronoun(c) && s.Head(p) >= 0)
                return PlacesAreNoSources && InPlacePhrase(s.Head(p)) ? -1 : s.Head(p);

            // "Arnor on Thursday signed", with "Thursday" taken for the subject: a name before it is the actor
            if (!HasActor(c) && s.Upos(c) != Upos.PRON && NameBefore(p, c) is var name and >= 0)
                return name;

            // "the official news agency WFNA said", parsed with the unknown name as a subject of its own: the name
            // belongs to the noun right before it, whose phrase holds the actor
            if (!HasActor(c) && s.Upos(c) == Upos.PROPN && c > 0 && s.Upos(c - 1) == Upos.NOUN && s.Head(c - 1) != c
                && NearestActorInside(c - 1, NoExclusions, PlacesAreNoSources) >= 0)
            {
                return c - 1;
            }

            // "Russia said it would retaliate": an unresolved pronoun subject of a reported clause is the speaker
            if (s.Upos(c) == Upos.PRON && !HasActor(c) && s.Head(p) >= 0
                && (s.Rel(p) == Relations.Ccomp || s.Rel(p) == Relations.Xcomp || s.Rel(p) == Relations.Parataxis))
            {
                var speaker = SyntacticSubject(s.Head(p), depth + 1);
                if (speaker >= 0 && HasActor(speaker))
                    return speaker;
            }

            return c;
        }

        // a name before the verb that the parser attached as a modifier ("Fornost" as an adverb) is its subject
        foreach (var c in s.Children(p))
        {
            if (c > p)
                break;
            var r = s.Rel(c);
            if (HasActor(c) && !Relations.IsOblique(r) && r != Relations.Obj && r != Relations.Iobj && !Relations.IsClausal(r)
                && r != Relations.NmodPoss && s.CaseChild(c) < 0)
            {
                return c;
            }
        }

        var h = s.Head(p);
        if (h < 0)
            return -1;
        var rel = s.Rel(p);
        if (rel == Relations.Xcomp)
        {
            // object control ("urged Iran to stop"), else the governor's subject ("agreed to cooperate")
            var o = s.Child(h, Relations.Obj);
            if (o >= 0 && EnglishPredicateClasses.GovernorOf(s.Lemma(h)) != GovernorClass.Intention)
                return o;
            return SyntacticSubject(h, depth + 1);
        }

        if (rel == Relations.Conj && (s.IsVerbal(h) || s.Upos(h) == Upos.ADJ))
            return VerbSourceHead(h, depth + 1);
        if (rel == Relations.Advcl && !_s.HasSubject(p))
        {
            // "accused Beijing of selling", "blamed Kyiv for shelling": the object is the one who acted
            // (but "threatened Putin with extending" is the threatener's own act)
            if ((HasMark(p, "of") || HasMark(p, "for") || HasMark(p, "with")) && IsAllegationVerb(h)
                && s.Child(h, Relations.Obj) is var o and >= 0)
            {
                return o;
            }

            return VerbSourceHead(h, depth + 1);
        }
        if (rel == Relations.Acl)
        {
            // "the Asian giant providing support": the noun; "an accord to supply wheat": the accord's party
            if (s.MentionOf(h) >= 0 || s.Upos(h) is Upos.PROPN or Upos.PRON)
                return h;
            var gh = s.Head(h);
            var hr = s.Rel(h);
            if (gh >= 0 && (hr == Relations.Obj || Relations.IsOblique(hr)) && (s.IsVerbal(gh) || s.Upos(gh) == Upos.ADJ))
                return VerbSourceHead(gh, depth + 1);
            return h;
        }

        // "..., which killed one person" hung on a place ("in Mannheim, Germany"): a place does not act
        if (rel == Relations.AclRelcl)
            return PlacesAreNoSources && InPlacePhrase(h) ? -1 : h;

        // "Pyongyang on Thursday fired ...", parsed with the name as the root and the verb hanging off it
        if ((rel == Relations.Parataxis || rel == Relations.Dep || rel == Relations.Conj) && h < p && HasActor(h))
            return h;

        // "leaders have repeatedly urged", parsed with "have" as the main verb: its subject is the verb's
        if ((rel == Relations.Parataxis || rel == Relations.Dep || rel == Relations.Xcomp || rel == Relations.Ccomp)
            && (s.LemmaIs(h, "have") || s.LemmaIs(h, "be") || s.LemmaIs(h, "do") || s.LemmaIs(h, "will")))
        {
            return SyntacticSubject(h, depth + 1);
        }

        return -1;
    }

    /// <summary>An actor among the predicate's children before <paramref name="subject"/>, attached as a modifier.</summary>
    private int NameBefore(int p, int subject)
    {
        var s = _s;
        foreach (var c in s.Children(p))
        {
            if (c >= subject)
                break;
            var r = s.Rel(c);
            if (HasActor(c) && !Relations.IsOblique(r) && r != Relations.Obj && !Relations.IsClausal(r) && s.CaseChild(c) < 0)
                return c;
        }

        return -1;
    }

    /// <summary>The subject a governor passes to an infinitive: its own (active or passive) subject, else its source.</summary>
    private int SyntacticSubject(int h, int depth)
    {
        var s = _s;
        foreach (var c in s.Children(h))
        {
            if (Relations.IsSubject(s.Rel(c)))
                return IsRelativePronoun(c) && s.Head(h) >= 0 ? s.Head(h) : c;
        }

        return VerbSourceHead(h, depth);
    }

    /// <summary>Whether <paramref name="t"/> (or what it is a conjunct or apposition of) heads a place phrase: "in Mannheim, Germany".</summary>
    private bool InPlacePhrase(int t)
    {
        var s = _s;
        if (NamesBody(t))
            return false;
        while ((s.Rel(t) == Relations.Conj || s.Rel(t) == Relations.Appos) && s.Head(t) >= 0)
            t = s.Head(t);
        return Relations.IsOblique(s.Rel(t)) && IsLocativePreposition(s.CaseOf(t));
    }

    /// <summary>
    /// Whether <paramref name="t"/> is an actor with a sector, a body one can be in ("voices in the Chinese military",
    /// "an official in Kabul"), rather than a mere place ("in Mannheim, Germany").
    /// </summary>
    private bool NamesBody(int t) => _s.MentionOf(t) is var m and >= 0 && _s.Mentions[m].Sector is not null;

    /// <summary>A common noun for a place ("the Chinese city of Tianjin"): inside it an actor word is no target.</summary>
    private bool IsPlaceNoun(int t)
    {
        ReadOnlySpan<string> places =
        [
            "city", "capital", "town", "village", "region", "province", "country", "area", "territory", "district",
            "port", "state", "county", "border", "island", "zone", "enclave", "neighborhood", "suburb", "outskirts",
        ];
        var lemma = _s.Lemma(t);
        foreach (var p in places)
        {
            if (lemma.Equals(p, StringComparison.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }

    internal static bool IsLocativePreposition(ReadOnlySpan<char> prep) =>
        prep.Equals("in", StringComparison.OrdinalIgnoreCase) || prep.Equals("at", StringComparison.OrdinalIgnoreCase)
        || prep.Equals("near", StringComparison.OrdinalIgnoreCase) || prep.Equals("during", StringComparison.OrdinalIgnoreCase)
        || prep.Equals("inside", StringComparison.OrdinalIgnoreCase) || prep.Equals("within", StringComparison.OrdinalIgnoreCase);

    private bool IsAllegationVerb(int h)
    {
        var s = _s;
        var lemma = s.Lemma(h);
        return EnglishPredicateClasses.GovernorOf(lemma) == GovernorClass.Accusation
            || lemma.Equals("criticize", StringComparison.OrdinalIgnoreCase) || lemma.Equals("criticise", StringComparison.OrdinalIgnoreCase)
            || lemma.Equals("condemn", StringComparison.OrdinalIgnoreCase) || lemma.Equals("praise", StringComparison.OrdinalIgnoreCase)
            || lemma.Equals("thank", StringComparison.OrdinalIgnoreCase) || lemma.Equals("punish", StringComparison.OrdinalIgnoreCase)
            || lemma.Equals("sanction", StringComparison.OrdinalIgnoreCase) || lemma.Equals("fine", StringComparison.OrdinalIgnoreCase)
            || lemma.Equals("denounce", StringComparison.OrdinalIgnoreCase) || lemma.Equals("arrest", StringComparison.OrdinalIgnoreCase);
    }


    /// <summary>The "by" agent of a passive verb, or -1.</summary>
    public int AgentOf(int p)
    {
        var s = _s;
        foreach (var c in s.Children(p))
        {
            var r = s.Rel(c);
            if (r == Relations.OblAgent || (Relations.IsOblique(r) && s.CaseOf(c).Equals("by", StringComparison.OrdinalIgnoreCase)))
                return c;
        }

        return -1;
    }

    private bool IsRelativePronoun(int c)
    {
        var s = _s;
        if (s.Upos(c) != Upos.PRON && s.Upos(c) != Upos.DET)
            return false;
        var l = s.Lemma(c);
        return l.Equals("who", StringComparison.OrdinalIgnoreCase) || l.Equals("which", StringComparison.OrdinalIgnoreCase)
            || l.Equals("that", StringComparison.OrdinalIgnoreCase) || l.Equals("whom", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The token heading the source of an eventive noun: a possessive, an actor modifier ("US sanctions",
    /// "Russian invasion"), a "by" or "from" phrase, or (when <paramref name="ofIsSource"/>) an "of" phrase; -1 if none.
    /// </summary>
    public int NounSourceHead(int n, bool ofIsSource)
    {
        var s = _s;
        foreach (var c in s.Children(n))
        {
            if (s.Rel(c) == Relations.NmodPoss)
                return c;
        }

        foreach (var c in s.Children(n))
        {
            var r = s.Rel(c);
            if ((r == Relations.Compound || r == Relations.Amod) && c < n && HasActor(c))
                return c;
        }

        foreach (var c in s.Children(n))
        {
            if (!Relations.IsOblique(s.Rel(c)))
                continue;
            var prep = s.CaseOf(c);
            if (prep.Equals("by", StringComparison.OrdinalIgnoreCase) || prep.Equals("from", StringComparison.OrdinalIgnoreCase)
                || (ofIsSource && prep.Equals("of", StringComparison.OrdinalIgnoreCase)))
            {
                return c;
            }
        }

        return -1;
    }

    // ---- targets ------------------------------------------------------------------------------------------

    /// <summary>
    /// Target actors of a verbal predicate: the passive subject; else the object, indirect object, the best
    /// prepositional phrase, an infinitive's object; else the first actor after the predicate in its clause.
    /// Mentions in <paramref name="exclude"/> (the sources) are skipped. Unless <paramref name="fromEmbedded"/>, an
    /// embedded clause lends no target and neither does the rest of the clause.
    /// </summary>
    public void VerbTargets(int p, List<int> exclude, List<int> into, bool fromEmbedded = true)
    {
        var s = _s;
        if (s.IsPassive(p) && !SubjectActs(p))
        {
            foreach (var c in s.Children(p))
            {
                if (s.Rel(c) == Relations.NsubjPass || (s.Rel(c) == Relations.Nsubj))
                {
                    ActorsAt(c, deep: true, exclude, into);
                    return;
                }
            }

            if (PassiveSubject(p) is var shared and >= 0)
            {
                ActorsAt(shared, deep: true, exclude, into);
                return;
            }

            // a passive participle modifying its patient: "villages destroyed by the army"
            if (s.Rel(p) == Relations.Acl && s.Head(p) >= 0)
                ActorsAt(s.Head(p), deep: false, exclude, into);
            return;
        }

        if (ArgumentTargets(p, exclude, into) || !fromEmbedded)
            return;

        // an infinitive or purpose clause carries the target: "vowed to wage war on X", "providing aid to help X"
        foreach (var c in s.Children(p))
        {
            var r = s.Rel(c);
            if (r != Relations.Xcomp && !(r == Relations.Advcl && HasMark(c, "to")))
                continue;

            // a name the tagger took for a verb ("to Gondor" as an infinitive) is the target itself
            if (HasActor(c))
            {
                ActorsAt(c, deep: false, exclude, into);
                if (into.Count > 0)
                    return;
            }

            if (ArgumentTargets(c, exclude, into))
                return;
        }

        FirstActorAfter(p, exclude, into);
    }

    /// <summary>Object, indirect object, or best-ranked prepositional phrase of <paramref name="p"/>.</summary>
    private bool ArgumentTargets(int p, List<int> exclude, List<int> into)
    {
        var s = _s;
        var before = into.Count;
        var obj = s.Child(p, Relations.Obj);
        if (obj >= 0)
        {
            ActorsAt(obj, deep: true, exclude, into);
            if (into.Count > before && !AllWeak(into, before))
                return true;

            // "send peacekeeping troops to Ukraine": a sector with no country ("IGO", "MIL") yields to a real actor
            if (into.Count > before)
            {
                var weak = into.GetRange(before, into.Count - before);
                into.RemoveRange(before, into.Count - before);
                if (BestOblique(p, exclude, into, skipOf: false))
                    return true;
                into.AddRange(weak);
                return true;
            }
        }

        var iobj = s.Child(p, Relations.Iobj);
        if (iobj >= 0)
        {
            ActorsAt(iobj, deep: true, exclude, into);
            if (into.Count > before)
                return true;
        }

        return BestOblique(p, exclude, into, skipOf: false);
    }

    /// <summary>Whether every actor from <paramref name="from"/> on is only a sector without a country ("IGO", "MIL").</summary>
    private bool AllWeak(List<int> actors, int from)
    {
        for (var i = from; i < actors.Count; i++)
        {
            var m = _s.Mentions[actors[i]];
            if (m.Country is not null || m.Code is null || m.Code.Length > 3 || m.Members is { Count: > 0 })
                return false;
        }

        return true;
    }

    /// <summary>Target actors of an eventive noun: its prepositional phrases, best preposition first.</summary>
    public void NounTargets(int n, bool ofIsSource, List<int> exclude, List<int> into) =>
        BestOblique(n, exclude, into, skipOf: ofIsSource);

    /// <summary>
    /// The target among a predicate's prepositional phrases: the first (in the sentence) whose preposition can
    /// introduce a target ("to", "with", "against", ... and, after an active verb, a stray "by"), else the first
    /// locative one ("in", "near"), so "met in Beijing with Lavrov" targets Lavrov and "arrived in Kyiv" Kyiv.
    /// </summary>
    private bool BestOblique(int p, List<int> exclude, List<int> into, bool skipOf)
    {
        var s = _s;
        var before = into.Count;
        var best = -1;
        var bestClass = int.MaxValue;
        foreach (var c in s.Children(p))
        {
            var r = s.Rel(c);
            if (!Relations.IsOblique(r) || Relations.IsTemporal(r) || r == Relations.OblAgent)
                continue;
            var prep = s.CaseOf(c);
            if (skipOf && prep.Equals("of", StringComparison.OrdinalIgnoreCase))
                continue;
            var cls = EnglishPredicateClasses.TargetPrepositionClass(prep);
            if (cls < 0 || cls >= bestClass)
                continue;
            // a locative phrase names a target only by its head ("arrived in Gondor"), never by a word inside
            // it ("in the Chinese city of Tianjin")
            var mark = into.Count;
            ActorsAt(c, deep: cls == 0 || !IsPlaceNoun(c), exclude, into);
            if (into.Count > mark)
            {
                into.RemoveRange(mark, into.Count - mark);
                bestClass = cls;
                best = c;
            }
        }

        if (best >= 0)
            ActorsAt(best, deep: bestClass == 0 || !IsPlaceNoun(best), exclude, into);
        return into.Count > before;
    }

    private bool HasMark(int c, string word)
    {
        foreach (var m in _s.Children(c))
        {
            if (_s.Rel(m) == Relations.Mark && _s.LemmaIs(m, word))
                return true;
        }

        return false;
    }

    /// <summary>The first actor (with its conjuncts) after <paramref name="p"/> in its own clause, or, with
    /// <paramref name="anywhere"/>, anywhere after it.</summary>
    public void FirstActorAfter(int p, List<int> exclude, List<int> into, bool anywhere = false)
    {
        var s = _s;
        for (var i = p + 1; i < s.Count; i++)
        {
            var m = s.MentionOf(i);
            if (m < 0 || !s.IsActor(m) || IsExcluded(m, exclude) || (!anywhere && !InClause(p, i)))
                continue;
            var head = Math.Max(s.Mentions[m].StartToken - s.First, 0);
            var end = Math.Min(s.Mentions[m].EndToken - s.First, s.Count);
            for (var k = head; k < end; k++)
            {
                var h = s.Head(k);
                if (h < head || h >= end)
                {
                    head = k;
                    break;
                }
            }

            ActorsAt(head, deep: false, exclude, into);
            if (into.Count > 0)
                return;
        }
    }

    /// <summary>Whether <paramref name="i"/> is in <paramref name="p"/>'s clause: dominated without crossing another clause's edge.</summary>
    private bool InClause(int p, int i)
    {
        var s = _s;
        var t = i;
        for (var guard = 0; t >= 0 && guard <= s.Count; guard++)
        {
            var h = s.Head(t);

            // a place phrase ("in the Chinese city of Tianjin") locates the event; it names a target only by its
            // head ("in the White Downs"), never by a word inside it
            if (t != i && Relations.IsOblique(s.Rel(t)) && IsLocativePreposition(s.CaseOf(t)))
                return false;
            if (IsTimeAnchor(t))
                return false;
            if (h == p)
            {
                var r = s.Rel(t);
                return !(r == Relations.Parataxis || r == Relations.Advcl || r == Relations.AclRelcl
                    || (r == Relations.Conj && s.IsVerbal(t)) || Relations.IsSubject(r));
            }

            if (s.Rel(t) == Relations.AclRelcl || s.Rel(t) == Relations.Parataxis)
                return false;
            t = h;
        }

        return false;
    }

    // ---- phrases to actors ----------------------------------------------------------------------------------

    /// <summary>Whether the token is, or leads to, an actor mention.</summary>
    public bool HasActor(int t)
    {
        var m = _s.MentionOf(t);
        return m >= 0 && _s.IsActor(m);
    }

    /// <summary>
    /// The actor mentions of the phrase headed by <paramref name="head"/>: one per conjunct ("France and
    /// Germany"). With <paramref name="deep"/>, a conjunct that is not itself an actor leads to the nearest actor
    /// inside it ("the population of Gondor", "an attack by Osgiliath soldiers"), and that actor's conjuncts.
    /// </summary>
    public void ActorsAt(int head, bool deep, List<int> exclude, List<int> into) => ActorsAt(head, deep, exclude, into, source: false);

    /// <summary>
    /// Actors at <paramref name="head"/> (and with <paramref name="deep"/> the nearest inside its phrase); a
    /// <paramref name="source"/> is never looked for inside a place phrase ("the stabbing in Mannheim, Germany, which
    /// killed one" is not Germany's) when <see cref="PlacesAreNoSources"/>.
    /// </summary>
    public void ActorsAt(int head, bool deep, List<int> exclude, List<int> into, bool source)
    {
        var s = _s;
        if (head < 0)
            return;
        _conj.Clear();
        s.Conjuncts(head, _conj);
        for (var ci = 0; ci < _conj.Count; ci++)
        {
            var c = _conj[ci];
            var m = s.MentionOf(c);
            if (m >= 0 && s.IsActor(m))
            {
                AddMention(m, exclude, into);
                if (_conj.Count == 1)
                    AddListedNeighbors(m, exclude, into);
                continue;
            }

            var found = deep ? NearestActorInside(c, exclude, source && PlacesAreNoSources) : -1;
            if (found < 0)
            {
                if (NewActorLength > 0 && NewActor(c) is { } made && !IsExcluded(made, exclude))
                    into.Add(made);
                continue;
            }

            _deepConj.Clear();
            s.Conjuncts(found, _deepConj);
            foreach (var d in _deepConj)
            {
                var dm = s.MentionOf(d);
                if (dm >= 0 && s.IsActor(dm))
                    AddMention(dm, exclude, into);
            }

            if (NewActorLength > 0)
                AddDistributedModifierActors(c, exclude, into);
        }
    }

    /// <summary>
    /// Actors listed next to <paramref name="m"/> that the parser failed to coordinate with it: "Mordor, Rohan,
    /// Fornost and Bree" parsed as anything but one conjunction. Only a list ending in "and"/"or"/"nor" counts,
    /// and only mentions that are not another verb's object or prepositional phrase.
    /// </summary>
    private void AddListedNeighbors(int m, List<int> exclude, List<int> into)
    {
        var s = _s;
        var mm = s.Mentions[m];
        var first = mm.StartToken - s.First;
        var last = mm.EndToken - s.First - 1;
        if (first < 0 || last >= s.Count)
            return;

        // backwards: "... A , B and [m]", or "A , [m] , C and D" when the parser made m the list's head
        var head = PatternMatcher.MentionHead(s, m);
        if (first >= 2 && (IsListConjunction(first - 1) || (s.Text(first - 1).SequenceEqual(",") && s.HasChild(head, Relations.Conj))))
        {
            var t = first - 2;
            while (t >= 0)
            {
                var pm = s.MentionOf(t);
                if (pm < 0 || !s.IsActor(pm) || !ListMember(t))
                    break;
                AddMention(pm, exclude, into);
                t = s.Mentions[pm].StartToken - s.First - 1;
                if (t >= 0 && s.LemmaIs(t, "the"))
                    t--;
                if (t < 0 || !s.Text(t).SequenceEqual(","))
                    break;
                t--;
                if (t >= 0 && s.LemmaIs(t, "the"))
                    t--;
            }
        }

        // forwards: "[m] , B and C" when the parser did not make B and C conjuncts of m
        var u = last + 1;
        var sawConjunction = false;
        while (u + 1 < s.Count && !sawConjunction)
        {
            if (IsListConjunction(u))
                sawConjunction = true;
            else if (!s.Text(u).SequenceEqual(","))
                break;
            var v = u + 1;
            if (v < s.Count && s.LemmaIs(v, "the"))
                v++;
            if (v >= s.Count)
                break;
            var nm = s.MentionOf(v);
            if (nm < 0 || !s.IsActor(nm) || Relations.IsSubject(s.Rel(v)) || !ListMember(v))
                break;
            if (!sawConjunction && !ListContinuesToConjunction(s.Mentions[nm].EndToken - s.First))
                break;
            AddMention(nm, exclude, into);
            u = s.Mentions[nm].EndToken - s.First;
        }
    }

    private bool ListContinuesToConjunction(int u)
    {
        var s = _s;
        for (var guard = 0; u < s.Count && guard < 16; guard++)
        {
            if (IsListConjunction(u))
                return true;
            if (!s.Text(u).SequenceEqual(","))
                return false;
            var v = u + 1;
            if (v < s.Count && s.LemmaIs(v, "the"))
                v++;
            if (v >= s.Count || s.MentionOf(v) < 0)
                return false;
            u = s.Mentions[s.MentionOf(v)].EndToken - s.First;
        }

        return false;
    }

    private bool IsListConjunction(int t) =>
        _s.Upos(t) == Upos.CCONJ && (_s.LemmaIs(t, "and") || _s.LemmaIs(t, "or") || _s.LemmaIs(t, "nor"));

    /// <summary>A list member is not another verb's object or prepositional phrase.</summary>
    private bool ListMember(int t)
    {
        var s = _s;
        var head = PatternMatcher.MentionHead(s, s.MentionOf(t));
        var r = s.Rel(head);
        return r != Relations.Obj && r != Relations.Iobj && !(Relations.IsOblique(r) && s.CaseChild(head) >= 0);
    }

    /// <summary>
    /// "Eriador's death and injury toll": modifiers coordinated before a noun distribute over it ("death toll",
    /// "injury toll"), so a later conjunct that names no actor makes, under new_actor_length, an actor of its own
    /// with the noun ("\"INJURY TOLL\"").
    /// </summary>
    private void AddDistributedModifierActors(int noun, List<int> exclude, List<int> into)
    {
        var s = _s;
        foreach (var k in s.Children(noun))
        {
            if (k > noun || s.Rel(k) != Relations.Compound)
                continue;
            foreach (var j in s.Children(k))
            {
                if (j < noun && s.Rel(j) == Relations.Conj && !HasActor(j) && s.Upos(j) == Upos.NOUN
                    && NewActor(j, noun) is { } made && !IsExcluded(made, exclude) && !into.Contains(made))
                {
                    into.Add(made);
                }
            }
        }
    }

    /// <summary>
    /// An actor named by the words of the noun phrase headed by <paramref name="head"/> ("\"THE MINISTRY OF MAGIC\""),
    /// and <paramref name="shared"/> when a modifier conjunct shares its noun, when it has at most
    /// <see cref="NewActorLength"/> words; returns its index in the mention table, or null.
    /// </summary>
    private int? NewActor(int head, int shared = -1)
    {
        var s = _s;
        // a phrase in a set-aside comma clause or discard is no one's argument, named or not
        if (s.Upos(head) is not (Upos.NOUN or Upos.PROPN) || s.IsSetAside(head))
            return null;
        _np.Clear();
        _queue.Clear();
        _queue.Add(head);
        for (var qi = 0; qi < _queue.Count; qi++)
        {
            var t = _queue[qi];
            _np.Add(t);
            foreach (var c in s.Children(t))
            {
                var r = s.Rel(c);
                if (Relations.IsClausal(r) || r == Relations.Punct || r == Relations.Conj || r == Relations.Cc || Relations.IsTemporal(r)
                    || (t == head && r == Relations.Case))
                {
                    continue;
                }

                _queue.Add(c);
            }
        }

        if (shared >= 0)
            _np.Add(shared);
        _np.Sort();
        var words = new List<string>(_np.Count);
        foreach (var t in _np)
        {
            var text = s.Text(t);
            if (text.SequenceEqual("'s") || text.SequenceEqual("'"))
                continue;
            words.Add(text.ToString().ToUpperInvariant());
        }

        if (words.Count == 0 || words.Count > NewActorLength)
            return null;
        var first = s.DocToken(_np[0]);
        var last = s.DocToken(_np[^1]);
        var doc = s.Document;
        var start = doc.StartOf(first);
        var end = doc.EndOf(last);
        var code = "\"" + string.Join(' ', words) + "\"";
        return s.Mentions.Add(new Mention(s.SentenceIndex, first, last + 1, doc.Text[start..end], start, end, code, null, null, Resolution.None));
    }

    /// <summary>
    /// When set, a mention that is only a sector with no country ("military forces", "people", "police") is no
    /// target: it says nothing about whom an event was directed at.
    /// </summary>
    public bool TargetsMode { get; set; }

    private void AddMention(int m, List<int> exclude, List<int> into)
    {
        // "the two countries", "both neighbors": a group the resolver traced to its members stands for each of them
        if (_s.Mentions[m].Members is { Count: > 0 } members)
        {
            foreach (var member in members)
            {
                if (member >= 0 && member < _s.Mentions.DocumentCount && member != m && _s.Mentions[member].Code is not null)
                    AddMention(member, exclude, into);
            }

            return;
        }

        if (TargetsMode && IsWeak(m))
            return;

        // "the Shire" naming several actors stands for each of them
        var alternatives = _s.Mentions[m].Codes?.Count ?? 1;
        for (var k = 0; k < alternatives; k++)
        {
            var a = _s.Mentions.Alternative(m, k);
            if (!IsExcluded(a, exclude) && !into.Contains(a))
                into.Add(a);
        }
    }

    private bool IsWeak(int m)
    {
        var mention = _s.Mentions[m];
        return mention.Country is null && mention.Code is { Length: <= 3 } && !mention.Code.StartsWith('"');
    }

    /// <summary>A mention is excluded when it is, or has the same actor code as, one in <paramref name="exclude"/>
    /// (a target that is the source again: "their resumption of ties", "on his visit").</summary>
    private bool IsExcluded(int m, List<int> exclude)
    {
        if (exclude.Count == 0)
            return false;
        var code = _s.Mentions[m].Code;
        var ownForces = TargetsMode && OwnForcesAreNoTargets && _s.Mentions[m].Sector == "MIL" ? StateActors.StateOf(_s.Mentions[m]) : null;
        foreach (var x in exclude)
        {
            if (x == m || (code is not null && string.Equals(_s.Mentions[x].Code, code, StringComparison.Ordinal)))
                return true;

            // "Russia launches cruise missiles at Kyiv", "the UK will send tanks to Ukraine": a state's own armed forces
            // are its instrument, not whom it acts on
            if (ownForces is not null && StateActors.IsStateItself(_s.Mentions[x]) && StateActors.StateOf(_s.Mentions[x]) == ownForces)
                return true;
        }

        return false;
    }

    /// <summary>Breadth-first search of a phrase for its closest actor, not entering clauses. Returns a token or -1.</summary>
    /// <summary>
    /// "ties with Gxndor, several years after Calenardhon crowds burned its embassy": a phrase that places the event in
    /// time relative to something else names no participant of it.
    /// </summary>
    private bool IsTimeAnchor(int c)
    {
        var prep = _s.CaseOf(c);
        return prep.Equals("after", StringComparison.OrdinalIgnoreCase) || prep.Equals("before", StringComparison.OrdinalIgnoreCase)
            || prep.Equals("since", StringComparison.OrdinalIgnoreCase) || prep.Equals("until", StringComparison.OrdinalIgnoreCase);
    }

    private int NearestActorInside(int root, List<int> exclude, bool skipPlaces)
    {
        var s = _s;
        _queue.Clear();
        _queue.Add(root);
        for (var qi = 0; qi < _queue.Count && qi < 64; qi++)
        {
            var t = _queue[qi];
            // "their rivals", "his counterpart": a pronoun possessor is not the phrase's referent
            if (t != root && HasActor(t) && !IsExcluded(_s.MentionOf(t), exclude)
                && !(s.Rel(t) == Relations.NmodPoss && s.Upos(t) == Upos.PRON))
            {
                return t;
            }

            foreach (var c in s.Children(t))
            {
                var r = s.Rel(c);
                if (Relations.IsClausal(r) || r == Relations.Punct || r == Relations.Case || r == Relations.Det
                    || r == Relations.Cc || r == Relations.Conj || Relations.IsTemporal(r) || IsTimeAnchor(c)
                    || (skipPlaces && Relations.IsOblique(r) && IsLocativePreposition(s.CaseOf(c)) && !NamesBody(c)))
                {
                    continue;
                }

                _queue.Add(c);
            }
        }

        return -1;
    }
}
