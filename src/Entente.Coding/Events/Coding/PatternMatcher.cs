using Entente.Coding.Events.Dictionary;
using Entente.Coding.Events.Lexicon;

namespace Entente.Coding.Events.Coding;

/// <summary>The pattern that coded a predicate, and what it bound.</summary>
internal sealed class PatternMatch
{
    public CompiledVerb Verb { get; set; } = null!;

    /// <summary>The matched pattern, or null when the verb's (or block's) own code applies.</summary>
    public CompiledPattern? Pattern { get; set; }

    /// <summary>How many words and actors the pattern matched: higher is more specific.</summary>
    public int Score { get; set; }

    public EventCodes Codes { get; set; } = EventCodes.None;

    /// <summary>Local token bound to "$" (a token of the source mention), or -1.</summary>
    public int SourceToken { get; set; } = -1;

    /// <summary>Local token bound to "+", or -1.</summary>
    public int TargetToken { get; set; } = -1;

    /// <summary>Local token bound to "%": the compound actor whose members act on each other, or -1.</summary>
    public int CompoundToken { get; set; } = -1;

    /// <summary>The "%" came after the verb ("* WITH %"): the compound is the target, each member one event.</summary>
    public bool CompoundIsTarget { get; set; }

    /// <summary>Tokens the verb's phrasal words and the pattern's words matched (local indices).</summary>
    public List<int> Consumed { get; } = [];

    /// <summary>The verb's particle tokens ("down" in "broke down"), part of the trigger.</summary>
    public List<int> Particles { get; } = [];

    public void CopyFrom(PatternMatch other)
    {
        Verb = other.Verb;
        Pattern = other.Pattern;
        Score = other.Score;
        Codes = other.Codes;
        SourceToken = other.SourceToken;
        TargetToken = other.TargetToken;
        CompoundToken = other.CompoundToken;
        CompoundIsTarget = other.CompoundIsTarget;
        Consumed.Clear();
        Consumed.AddRange(other.Consumed);
        Particles.Clear();
        Particles.AddRange(other.Particles);
    }

    public void Reset()
    {
        Verb = null!;
        Pattern = null;
        Score = 0;
        Codes = EventCodes.None;
        SourceToken = TargetToken = CompoundToken = -1;
        CompoundIsTarget = false;
        Consumed.Clear();
        Particles.Clear();
    }
}

/// <summary>
/// Matches a verb block's patterns around a predicate. Words after the verb are looked for in the predicate's
/// own subtree (without coordinated or adjoined clauses); words before it in its subtree, its governing
/// predicates and their subjects, auxiliaries and adverbs (so "SAID WOULD *" and "% HAVE *" work). Words may
/// have other words between them unless an underscore joins them. The most specific match wins.
/// One instance per document and thread: it keeps scratch buffers.
/// </summary>
internal sealed class PatternMatcher
{
    private readonly List<int> _after = [];
    private readonly List<int> _before = [];
    private readonly List<int> _stack = [];
    private readonly PatternMatch _trial = new();
    private readonly List<int> _consumed = [];

    /// <summary>Forms and lemmas of the current domains' words, to skip patterns whose anchor word is absent.</summary>
    private readonly HashSet<int> _domainWords = [];
    private bool[] _inDomain = new bool[64];
    private SentenceAnalysis _s = null!;
    private int _predicate;
    private bool _speech;
    private int _source;
    private int _target;
    private int _compound;
    private bool _matchingAfter;
    private bool _compoundAfter;

    /// <summary>See <see cref="EventCoderOptions.ReasonPhrasesHoldNoPatternWords"/>.</summary>
    public bool SkipReasonPhrases { get; set; }

    private bool _forIsContent;

    /// <summary>
    /// Finds the best coding of predicate <paramref name="p"/> among <paramref name="verbs"/> (entries of the
    /// lexicon for its lemma). Returns false when no entry fits (a phrasal verb's particle is missing).
    /// </summary>
    public bool Match(SentenceAnalysis s, int p, ReadOnlySpan<CompiledVerb> verbs, PatternMatch best)
    {
        _s = s;
        _predicate = p;
        _speech = EnglishPredicateClasses.GovernorOf(s.Lemma(p)) == GovernorClass.Speech;
        best.Reset();
        var found = false;
        var bestWords = 0;
        foreach (var verb in verbs)
        {
            // once a phrasal verb matched, single-word entries of the same head do not compete
            if (found && verb.WordCount < bestWords)
                break;
            _trial.Reset();
            if (!MatchPhrasal(p, verb, _trial.Particles))
                continue;
            _forIsContent = AsksFor(verb);
            BuildDomains(p, _trial.Particles);
            var first = !found;
            found = true;
            bestWords = verb.WordCount;

            if (first)
            {
                best.Verb = verb;
                best.Codes = verb.Codes;
                best.Score = 0;
                best.Particles.Clear();
                best.Particles.AddRange(_trial.Particles);
                best.Consumed.Clear();
                best.Consumed.AddRange(_trial.Particles);
            }

            foreach (var pattern in verb.Block.Patterns)
            {
                if (pattern.AnchorIds is { } anchor && !AnyInDomain(anchor))
                    continue;
                _source = _target = _compound = -1;
                _consumed.Clear();
                if (!TryPattern(p, pattern, out var score))
                    continue;
                if (!Better(score, pattern, verb, best))
                    continue;
                best.Verb = verb;
                best.Pattern = pattern;
                best.Score = score;
                best.Codes = pattern.Codes;
                best.SourceToken = _source;
                best.TargetToken = _target;
                best.CompoundToken = _compound;
                best.CompoundIsTarget = _compound >= 0 && _compoundAfter;
                best.Particles.Clear();
                best.Particles.AddRange(_trial.Particles);
                best.Consumed.Clear();
                best.Consumed.AddRange(_trial.Particles);
                best.Consumed.AddRange(_consumed);
            }
        }

        return found;
    }

    private static bool Better(int score, CompiledPattern pattern, CompiledVerb verb, PatternMatch best)
    {
        if (best.Pattern is null)
            return score > 0;
        if (score != best.Score)
            return score > best.Score;
        var mine = NamesVerb(pattern, verb);
        var theirs = NamesVerb(best.Pattern, best.Verb);
        if (mine != theirs)
            return mine;

        // the same pattern written twice: the later line overrides, as PETRARCH reads dictionaries
        return string.Equals(pattern.Text, best.Pattern.Text, StringComparison.Ordinal);
    }

    private static bool NamesVerb(CompiledPattern pattern, CompiledVerb verb)
    {
        foreach (var v in pattern.CommentVerbs)
        {
            if (string.Equals(v, verb.Text, StringComparison.Ordinal))
                return true;
        }

        return false;
    }

    // ---- phrasal verbs ------------------------------------------------------------------------------------

    private bool MatchPhrasal(int p, CompiledVerb verb, List<int> particles)
    {
        var s = _s;
        for (var k = 0; k < verb.WordsAfter.Length; k++)
        {
            var want = verb.WordsAfter[k];
            var next = k == 0 ? p + 1 : particles[^1] + 1;
            if (next < s.Count && want.Matches(s.FormId(next), s.LemmaId(next), s.Class(next)))
            {
                particles.Add(next);
                continue;
            }

            // a particle separated from its verb ("called the strike off") is still its compound:prt child
            var found = -1;
            if (k == 0)
            {
                foreach (var c in s.Children(p))
                {
                    if (s.Rel(c) == Relations.CompoundPrt && want.Matches(s.FormId(c), s.LemmaId(c), s.Class(c)))
                    {
                        found = c;
                        break;
                    }
                }
            }

            if (found < 0)
                return false;
            particles.Add(found);
        }

        for (var k = verb.WordsBefore.Length - 1; k >= 0; k--)
        {
            var want = verb.WordsBefore[k];
            var prev = k == verb.WordsBefore.Length - 1 ? p - 1 : particles[^1] - 1;
            if (prev < 0 || !want.Matches(s.FormId(prev), s.LemmaId(prev), s.Class(prev)))
                return false;
            particles.Add(prev);
        }

        return true;
    }

    // ---- domains ----------------------------------------------------------------------------------------

    private void BuildDomains(int p, List<int> particles)
    {
        var s = _s;
        if (_inDomain.Length < s.Count)
            _inDomain = new bool[Math.Max(s.Count, _inDomain.Length * 2)];
        Array.Clear(_inDomain, 0, s.Count);

        // the predicate's own subtree, without coordinated predicates and loosely attached clauses
        CollectSubtree(p, p);

        // "... and promised raids to X" parsed with the verb modifying its object: the object follows the verb
        var ph = s.Head(p);
        if (ph > p && (s.Rel(p) == Relations.Amod || s.Rel(p) == Relations.Compound))
            _inDomain[ph] = true;

        // its governors, and their subjects, auxiliaries, adverbs and markers
        var child = p;
        var a = s.Head(p);
        for (var guard = 0; a >= 0 && guard < s.Count; guard++)
        {
            _inDomain[a] = true;
            foreach (var c in s.Children(a))
            {
                if (c == child)
                    continue;
                var r = s.Rel(c);
                if (Relations.IsSubject(r) || r == Relations.Aux || r == Relations.AuxPass || r == Relations.Cop
                    || r == Relations.Advmod || r == Relations.Mark || r == Relations.Expl)
                {
                    CollectSubtree(c, -1);
                }
            }

            child = a;
            a = s.Head(a);
        }

        foreach (var t in particles)
            _inDomain[t] = false;
        _inDomain[p] = false;

        _after.Clear();
        _before.Clear();
        var afterStart = p;
        foreach (var t in particles)
            afterStart = Math.Max(afterStart, t);
        for (var i = 0; i < s.Count; i++)
        {
            if (!_inDomain[i])
                continue;
            if (i > afterStart && (s.Dominates(p, i) || i == ph))
                _after.Add(i);
            else if (i < p)
                _before.Add(i);
        }

        _before.Reverse();

        _domainWords.Clear();
        foreach (var t in _after)
            AddDomainWord(t);
        foreach (var t in _before)
            AddDomainWord(t);
    }

    private void AddDomainWord(int t)
    {
        if (_s.FormId(t) is var form and >= 0)
            _domainWords.Add(form);
        if (_s.LemmaId(t) is var lemma and >= 0)
            _domainWords.Add(lemma);
    }

    /// <summary>Whether a domain word has one of <paramref name="ids"/> as its form or lemma.</summary>
    private bool AnyInDomain(int[] ids)
    {
        foreach (var id in ids)
        {
            if (_domainWords.Contains(id))
                return true;
        }

        return false;
    }

    private void CollectSubtree(int root, int predicate)
    {
        var s = _s;
        _stack.Clear();
        _stack.Add(root);
        while (_stack.Count > 0)
        {
            var t = _stack[^1];
            _stack.RemoveAt(_stack.Count - 1);
            _inDomain[t] = true;
            foreach (var c in s.Children(t))
            {
                var r = s.Rel(c);
                if (r == Relations.Punct)
                    continue;
                if (t == predicate && (r == Relations.Parataxis || (r == Relations.Conj && s.IsVerbal(c))
                    || (r == Relations.Advcl && !HasInfinitiveMark(s, c))
                    || (r == Relations.Ccomp && _speech && s.HasSubject(c))))
                {
                    // (a speech verb's reported clause with its own subject is someone else's business:
                    // "states that Mongolia's refusal to arrest ..." is no arrest by the speaker)
                    continue;
                }

                // "praised Israel for its strikes against Iran", "deported migrants following the discovery of foreign
                // fighters": a phrase of reason or circumstance is not what the verb did
                if (SkipReasonPhrases && IsReasonPhrase(s, t, c, _forIsContent))
                    continue;

                // "met Putin to discuss proposals for the war": a purpose clause lends the pattern its verb ("* (TO
                // DISCUSS)"), not the words of its own arguments
                if (SkipReasonPhrases && t == predicate && r == Relations.Advcl)
                {
                    _inDomain[c] = true;
                    foreach (var m in s.Children(c))
                    {
                        if (s.Rel(m) == Relations.Mark)
                            _inDomain[m] = true;
                    }

                    continue;
                }

                _stack.Add(c);
            }
        }
    }


    /// <summary>
    /// A verb of asking or demanding ("asked the World Bank for help", "pressed Iran for talks"), whose "for" phrase is
    /// what is asked: its code (the verb's own, before patterns) is an appeal (02) or a demand (10).
    /// </summary>
    private static bool AsksFor(CompiledVerb verb) =>
        verb.Codes.Forward is { } code && (code.StartsWith("02", StringComparison.Ordinal) || code.StartsWith("10", StringComparison.Ordinal));

    /// <summary>
    /// Whether <paramref name="c"/> is a phrase of reason or circumstance of <paramref name="t"/>: "for" when
    /// <paramref name="t"/> is a verb that has its object and does not ask for it ("praised Israel for its strikes",
    /// not "asked the World Bank for help"), "following", "amid" and "despite" on any word.
    /// </summary>
    internal static bool IsReasonPhrase(SentenceAnalysis s, int t, int c, bool forIsContent)
    {
        if (!Relations.IsOblique(s.Rel(c)))
            return false;
        var prep = s.CaseOf(c);
        if (prep.Equals("for", StringComparison.OrdinalIgnoreCase))
            return !forIsContent && s.Rel(c) == Relations.Obl && s.IsVerbal(t) && s.HasChild(t, Relations.Obj);
        return prep.Equals("following", StringComparison.OrdinalIgnoreCase) || prep.Equals("amid", StringComparison.OrdinalIgnoreCase)
            || prep.Equals("despite", StringComparison.OrdinalIgnoreCase);
    }

    private static bool HasInfinitiveMark(SentenceAnalysis s, int c)
    {
        foreach (var m in s.Children(c))
        {
            if (s.Rel(m) == Relations.Mark && s.LemmaIs(m, "to"))
                return true;
        }

        return false;
    }

    // ---- pattern matching -------------------------------------------------------------------------------

    private bool TryPattern(int p, CompiledPattern pattern, out int score)
    {
        score = 0;
        var beforeScore = 0;
        _compoundAfter = false;
        if (pattern.Before.Length > 0)
        {
            _matchingAfter = false;
            var verbStart = p;
            foreach (var t in _trial.Particles)
                verbStart = Math.Min(verbStart, t);
            if (!MatchBefore(pattern, pattern.Before.Length - 1, 0, verbStart, pattern.VerbJoinedToBefore, ref beforeScore))
                return false;
        }

        var afterScore = 0;
        if (pattern.After.Length > 0)
        {
            _matchingAfter = true;
            var verbEnd = p;
            foreach (var t in _trial.Particles)
                verbEnd = Math.Max(verbEnd, t);
            if (!MatchAfter(pattern, 0, 0, verbEnd, pattern.VerbJoinedToAfter, ref afterScore))
                return false;
        }

        score = beforeScore + afterScore;
        return true;
    }

    /// <summary>Elements after the verb, left to right over the ascending domain.</summary>
    private bool MatchAfter(CompiledPattern pattern, int k, int pos, int prevToken, bool adjacent, ref int score)
    {
        if (k == pattern.After.Length)
            return true;
        var e = pattern.After[k];
        var mustBeAdjacent = k == 0 ? adjacent : e.Joined;
        if (e.Kind == Dictionary.PatternElementKind.Skip)
        {
            // "^" skips one noun phrase: up to and including the next nominal head (or mention)
            var skipTo = SkipPhraseForward(pos);
            return skipTo >= 0 && MatchAfter(pattern, k + 1, skipTo + 1, _after[skipTo], false, ref score);
        }

        for (var i = pos; i < _after.Count; i++)
        {
            var t = _after[i];
            if (mustBeAdjacent && t != prevToken + 1)
            {
                if (t > prevToken + 1)
                    break;
                continue;
            }

            var mark = _consumed.Count;
            var saved = (_source, _target, _compound);
            if (TryElement(e, _after, +1, i, out var nextPos, out var lastToken, out var gained))
            {
                var sub = 0;
                if (MatchAfter(pattern, k + 1, nextPos, lastToken, false, ref sub))
                {
                    score += gained + sub;
                    return true;
                }
            }

            _consumed.RemoveRange(mark, _consumed.Count - mark);
            (_source, _target, _compound) = saved;
        }

        return false;
    }

    /// <summary>The domain position of the last token of the next noun phrase from <paramref name="pos"/>, or -1.</summary>
    private int SkipPhraseForward(int pos)
    {
        var s = _s;
        for (var i = pos; i < _after.Count; i++)
        {
            var t = _after[i];
            var m = s.MentionOf(t);
            if (m >= 0)
            {
                while (i + 1 < _after.Count && s.MentionOf(_after[i + 1]) == m)
                    i++;
                return i;
            }

            if (s.Class(t) == WordClass.Nominal || s.Upos(t) is Nlp.Documents.Upos.PRON or Nlp.Documents.Upos.NUM)
            {
                // a noun phrase ends at its head: skip the nouns that follow in a compound
                while (i + 1 < _after.Count && _after[i + 1] == _after[i] + 1 && s.Class(_after[i + 1]) == WordClass.Nominal)
                    i++;
                return i;
            }
        }

        return -1;
    }

    private int SkipPhraseBackward(int pos)
    {
        var s = _s;
        for (var i = pos; i < _before.Count; i++)
        {
            var t = _before[i];
            var m = s.MentionOf(t);
            if (m >= 0)
            {
                while (i + 1 < _before.Count && s.MentionOf(_before[i + 1]) == m)
                    i++;
                return i;
            }

            if (s.Class(t) == WordClass.Nominal || s.Upos(t) is Nlp.Documents.Upos.PRON or Nlp.Documents.Upos.NUM)
            {
                while (i + 1 < _before.Count && _before[i + 1] == _before[i] - 1 && s.Class(_before[i + 1]) is WordClass.Nominal or WordClass.Other)
                    i++;
                return i;
            }
        }

        return -1;
    }

    /// <summary>Elements before the verb, right to left over the descending domain.</summary>
    private bool MatchBefore(CompiledPattern pattern, int k, int pos, int nextToken, bool adjacent, ref int score)
    {
        if (k < 0)
            return true;
        var e = pattern.Before[k];
        if (e.Kind == Dictionary.PatternElementKind.Skip)
        {
            var skipTo = SkipPhraseBackward(pos);
            return skipTo >= 0 && MatchBefore(pattern, k - 1, skipTo + 1, _before[skipTo], e.Joined, ref score);
        }

        for (var i = pos; i < _before.Count; i++)
        {
            var t = _before[i];
            if (adjacent && t != nextToken - 1)
            {
                if (t < nextToken - 1)
                    break;
                continue;
            }

            var mark = _consumed.Count;
            var saved = (_source, _target, _compound);
            if (TryElement(e, _before, -1, i, out var nextPos, out var firstToken, out var gained))
            {
                var sub = 0;
                if (MatchBefore(pattern, k - 1, nextPos, firstToken, e.Joined, ref sub))
                {
                    score += gained + sub;
                    return true;
                }
            }

            _consumed.RemoveRange(mark, _consumed.Count - mark);
            (_source, _target, _compound) = saved;
        }

        return false;
    }

    /// <summary>
    /// Matches one element at position <paramref name="i"/> of a domain: the tokens after the verb in ascending
    /// order (<paramref name="step"/> = +1) or those before it in descending order (-1). A synset phrase runs over
    /// adjacent tokens (its words right to left when going backwards); an actor takes its whole mention.
    /// Returns where the next element may start, the last token used, and how many words matched.
    /// </summary>
    private bool TryElement(CompiledElement e, List<int> domain, int step, int i, out int nextPos, out int lastToken, out int gained)
    {
        var s = _s;
        var t = domain[i];
        nextPos = i + 1;
        lastToken = t;
        gained = 0;
        switch (e.Kind)
        {
            case Dictionary.PatternElementKind.Word:
                if (e.OpensPhrase && !IsOwnPreposition(t))
                    return false;
                foreach (var w in e.Alternatives)
                {
                    if (w.Matches(s.FormId(t), s.LemmaId(t), s.Class(t)))
                    {
                        _consumed.Add(t);
                        gained = 1;
                        return true;
                    }
                }

                return false;
            case Dictionary.PatternElementKind.Synset:
                foreach (var phrase in e.Phrases)
                {
                    var ok = true;
                    var j = i;
                    for (var n = 0; n < phrase.Length; n++, j++)
                    {
                        if (j >= domain.Count || (n > 0 && domain[j] != domain[j - 1] + step))
                        {
                            ok = false;
                            break;
                        }

                        var tok = domain[j];
                        var word = step > 0 ? phrase[n] : phrase[phrase.Length - 1 - n];
                        if (!word.Matches(s.FormId(tok), s.LemmaId(tok), s.Class(tok)))
                        {
                            ok = false;
                            break;
                        }
                    }

                    if (!ok)
                        continue;
                    for (var w = i; w < j; w++)
                        _consumed.Add(domain[w]);
                    nextPos = j;
                    lastToken = domain[j - 1];
                    gained = phrase.Length;
                    return true;
                }

                return false;
            default:
                if (!BindActor(e.Kind, t))
                    return false;
                var m = s.MentionOf(t);
                var end = i + 1;
                while (end < domain.Count && s.MentionOf(domain[end]) == m)
                    end++;
                nextPos = end;
                lastToken = domain[end - 1];
                gained = 1;
                return true;
        }
    }

    /// <summary>
    /// Whether token <paramref name="t"/> is a preposition of the predicate's own phrase: the predicate's particle,
    /// or the case marker of one of its dependents or of its object's dependents ("restore ties (WITH) X").
    /// </summary>
    private bool IsOwnPreposition(int t)
    {
        var s = _s;
        var h = s.Head(t);
        if (h < 0)
            return false;
        if (h == _predicate)
            return true;
        var r = s.Rel(t);
        if (r != Relations.Case && r != Relations.Mark)
            return false;
        var hh = s.Head(h);
        if (hh == _predicate)
            return true;
        return hh >= 0 && s.Head(hh) == _predicate && (s.Rel(hh) == Relations.Obj || s.Rel(hh) == Relations.Xcomp);
    }

    private bool BindActor(Dictionary.PatternElementKind kind, int t)
    {
        var s = _s;
        var m = s.MentionOf(t);
        if (m < 0 || !s.IsActor(m))
            return false;
        switch (kind)
        {
            case Dictionary.PatternElementKind.Source:
                _source = t;
                return true;
            case Dictionary.PatternElementKind.Target:
                _target = t;
                return true;
            default:
                // "%": the actor must be coordinated with another ("A and B"); bind the first conjunct
                var head = MentionHead(s, m);
                if (!IsCoordinated(s, head))
                    return false;
                while (s.Rel(head) == Relations.Conj && s.Head(head) >= 0)
                    head = s.Head(head);
                _compound = head;
                _compoundAfter = _matchingAfter;
                return true;
        }
    }

    internal static int MentionHead(SentenceAnalysis s, int mention)
    {
        var mm = s.Mentions[mention];
        var start = Math.Max(mm.StartToken - s.First, 0);
        var end = Math.Min(mm.EndToken - s.First, s.Count);
        for (var i = start; i < end; i++)
        {
            var h = s.Head(i);
            if (h < start || h >= end)
                return i;
        }

        return Math.Max(start, end - 1);
    }

    private static bool IsCoordinated(SentenceAnalysis s, int head)
    {
        if (s.Rel(head) == Relations.Conj)
            return true;
        foreach (var c in s.Children(head))
        {
            if (s.Rel(c) == Relations.Conj)
                return true;
        }

        return false;
    }
}
