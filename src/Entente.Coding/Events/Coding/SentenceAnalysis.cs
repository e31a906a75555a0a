using Entente.Coding.Events.Lexicon;
using Entente.Nlp.Documents;

namespace Entente.Coding.Events.Coding;

/// <summary>
/// One parsed sentence prepared for coding: the tree as child lists, each token's dictionary ids and word class,
/// and which actor mention covers each token. Indices are local to the sentence (0 = first token).
/// The buffers are reused from sentence to sentence; one instance serves one document on one thread.
/// </summary>
internal sealed class SentenceAnalysis
{
    private int[] _head = new int[64];
    private ushort[] _rel = new ushort[64];
    private int[] _childStart = new int[65];
    private int[] _children = new int[64];
    private int[] _form = new int[64];
    private int[] _lemma = new int[64];
    private WordClass[] _class = new WordClass[64];
    private Upos[] _upos = new Upos[64];
    private int[] _mentionOf = new int[64];
    private bool[] _setAside = new bool[64];
    private readonly List<int> _commas = [];
    private readonly char[] _lower = new char[48];

    public Document Document { get; private set; } = null!;

    public int SentenceIndex { get; private set; }

    /// <summary>Document index of the sentence's first token.</summary>
    public int First { get; private set; }

    public int Count { get; private set; }

    /// <summary>The document's mentions (all sentences); <see cref="MentionOf"/> indexes into it.</summary>
    public MentionTable Mentions { get; private set; } = new([]);

    /// <summary>True when every token has a head: the coder needs a parse.</summary>
    public bool IsParsed { get; private set; }

    public void Load(Document doc, int sentence, Vocabulary vocabulary, MentionTable mentions)
    {
        Document = doc;
        SentenceIndex = sentence;
        Mentions = mentions;
        First = doc.SentenceFirstToken(sentence);
        var n = doc.SentenceTokenCount(sentence);
        Count = n;
        Ensure(n);

        IsParsed = true;
        for (var i = 0; i < n; i++)
        {
            var t = First + i;
            var h = doc.HeadOf(t);
            if (h < -1)
                IsParsed = false;
            _head[i] = h < First || h >= First + n ? -1 : h - First;
            _rel[i] = doc.DeprelOf(t);
            var upos = doc.UposOf(t);
            _upos[i] = upos;
            _class[i] = upos switch
            {
                Nlp.Documents.Upos.NOUN or Nlp.Documents.Upos.PROPN => WordClass.Nominal,
                Nlp.Documents.Upos.VERB or Nlp.Documents.Upos.AUX or Nlp.Documents.Upos.ADJ => WordClass.Verbal,
                _ => WordClass.Other,
            };
            var norm = doc.NormOf(t);
            _form[i] = vocabulary.IdIgnoringCase(norm);
            var lemma = doc.LemmaOf(t);
            _lemma[i] = lemma is null ? _form[i] : vocabulary.IdIgnoringCase(lemma);
            if (_lemma[i] < 0 && _form[i] < 0 && _class[i] != WordClass.Other && norm.Length <= 48)
            {
                // the tagger's lemma is unknown to the dictionary: try the regular inflections of the form
                var lower = _lower.AsSpan(0, norm.Length);
                norm.ToLowerInvariant(lower);
                _lemma[i] = EnglishInflection.LemmaIdFromForm(lower, _class[i], vocabulary);
            }
            _mentionOf[i] = -1;
            _setAside[i] = false;
        }

        // children in CSR form, each list in token order
        Array.Clear(_childStart, 0, n + 1);
        for (var i = 0; i < n; i++)
        {
            if (_head[i] >= 0)
                _childStart[_head[i] + 1]++;
        }

        for (var i = 0; i < n; i++)
            _childStart[i + 1] += _childStart[i];
        Span<int> fill = n <= 256 ? stackalloc int[n] : new int[n];
        for (var i = 0; i < n; i++)
            fill[i] = _childStart[i];
        for (var i = 0; i < n; i++)
        {
            var h = _head[i];
            if (h >= 0)
                _children[fill[h]++] = i;
        }

        foreach (var m in mentions.InSentence(sentence, doc.SentenceCount))
        {
            var mention = mentions[m];
            var start = Math.Max(mention.StartToken, First) - First;
            var end = Math.Min(mention.EndToken, First + n) - First;
            for (var i = start; i < end; i++)
            {
                // a token inside two mentions belongs to the shorter (inner) one
                if (_mentionOf[i] < 0 || Length(mentions[_mentionOf[i]]) > Length(mention))
                    _mentionOf[i] = m;
            }
        }
    }

    private static int Length(Mention m) => m.EndToken - m.StartToken;

    private void Ensure(int n)
    {
        if (_head.Length >= n)
            return;
        var size = Math.Max(n, _head.Length * 2);
        _head = new int[size];
        _rel = new ushort[size];
        _childStart = new int[size + 1];
        _children = new int[size];
        _form = new int[size];
        _lemma = new int[size];
        _class = new WordClass[size];
        _upos = new Upos[size];
        _mentionOf = new int[size];
        _setAside = new bool[size];
    }

    /// <summary>
    /// Sets aside the comma-delimited stretches <paramref name="limits"/> selects: their tokens are no predicates
    /// and their mentions no one's arguments (see <see cref="CommaClauseLimits"/>).
    /// </summary>
    public void SetAsideCommaClauses(CommaClauseLimits limits)
    {
        Array.Clear(_setAside, 0, Count);
        if (limits.IsOff || !CommaClauses.Mark(this, limits, _setAside.AsSpan(0, Count), _commas))
            return;
        for (var i = 0; i < Count; i++)
        {
            if (_setAside[i])
                _mentionOf[i] = -1;
        }
    }

    /// <summary>
    /// Sets aside the phrase-only discards of the sentence ("World War II" in "the parade marking the end of World War
    /// II"): like a set-aside comma clause, their words are no predicates and their actors no one's arguments.
    /// </summary>
    public void SetAsideDiscardedPhrases(IDiscardFilter discards, Document document)
    {
        var mask = _discarded.Length >= Count ? _discarded : _discarded = new bool[Math.Max(Count, _discarded.Length * 2)];
        var span = mask.AsSpan(0, Count);
        span.Clear();
        _discardedCount = 0;
        if (!discards.MarkDiscardedPhrases(document, SentenceIndex, span))
            return;
        _discardedCount = 1;
        for (var i = 0; i < Count; i++)
        {
            if (span[i])
            {
                _setAside[i] = true;
                _mentionOf[i] = -1;
            }
        }
    }

    private bool[] _discarded = new bool[64];

    /// <summary>Whether the token belongs to a phrase-only discard of this sentence ("World War II").</summary>
    public bool IsDiscarded(int i) => _discardedCount > 0 && _discarded[i];

    private int _discardedCount;

    /// <summary>Whether the token is in a comma-delimited stretch set aside before coding.</summary>
    public bool IsSetAside(int i) => _setAside[i];

    // ---- per-token facts ------------------------------------------------------------------------------

    /// <summary>Local index of the head, -1 for the root.</summary>
    public int Head(int i) => _head[i];

    public ushort Rel(int i) => _rel[i];

    public Upos Upos(int i) => _upos[i];

    public WordClass Class(int i) => _class[i];

    public int FormId(int i) => _form[i];

    public int LemmaId(int i) => _lemma[i];

    /// <summary>Index into <see cref="Mentions"/> of the mention covering the token, or -1.</summary>
    public int MentionOf(int i) => _mentionOf[i];

    /// <summary>Whether a mention names an actor: it has a code, or it is a group of coded members.</summary>
    public bool IsActor(int mention)
    {
        var m = Mentions[mention];
        return m.Code is not null || m.Members is { Count: > 0 };
    }

    public ReadOnlySpan<int> Children(int i) => _children.AsSpan(_childStart[i], _childStart[i + 1] - _childStart[i]);

    public int DocToken(int i) => First + i;

    public ReadOnlySpan<char> Text(int i) => Document.TextOf(First + i);

    /// <summary>The lemma (or, without one, the form) of a token.</summary>
    public ReadOnlySpan<char> Lemma(int i) => Document.LemmaOf(First + i) is { } l ? l.AsSpan() : Document.NormOf(First + i);

    public bool LemmaIs(int i, string word) => Lemma(i).Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool FormIs(int i, string word) => Document.NormOf(First + i).Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsVerbal(int i) => _upos[i] is Nlp.Documents.Upos.VERB or Nlp.Documents.Upos.AUX;

    public bool IsNominal(int i) => _upos[i] is Nlp.Documents.Upos.NOUN or Nlp.Documents.Upos.PROPN or Nlp.Documents.Upos.PRON or Nlp.Documents.Upos.NUM;

    // ---- tree helpers -------------------------------------------------------------------------------------

    /// <summary>The first child with relation <paramref name="rel"/>, or -1.</summary>
    public int Child(int i, ushort rel)
    {
        foreach (var c in Children(i))
        {
            if (_rel[c] == rel)
                return c;
        }

        return -1;
    }

    public bool HasChild(int i, ushort rel) => Child(i, rel) >= 0;

    /// <summary>The token's subject (active, passive or outer), or -1.</summary>
    public int SubjectOf(int i)
    {
        foreach (var c in Children(i))
        {
            if (Relations.IsSubject(_rel[c]))
                return c;
        }

        return -1;
    }

    /// <summary>Whether the token has a subject of its own (active, passive or outer).</summary>
    public bool HasSubject(int i)
    {
        foreach (var c in Children(i))
        {
            if (Relations.IsSubject(_rel[c]))
                return true;
        }

        return false;
    }

    /// <summary>Whether <paramref name="ancestor"/> dominates <paramref name="i"/> (or is it).</summary>
    public bool Dominates(int ancestor, int i)
    {
        for (var guard = 0; i >= 0 && guard <= Count; guard++)
        {
            if (i == ancestor)
                return true;
            i = _head[i];
        }

        return false;
    }

    /// <summary>The lemma of the token's "case" or "mark" child (its preposition), or empty.</summary>
    public ReadOnlySpan<char> CaseOf(int i)
    {
        foreach (var c in Children(i))
        {
            if (_rel[c] == Relations.Case || (_rel[c] == Relations.Mark && _upos[c] == Nlp.Documents.Upos.ADP))
                return Lemma(c);
        }

        return [];
    }

    /// <summary>The case child's local index, or -1.</summary>
    public int CaseChild(int i)
    {
        foreach (var c in Children(i))
        {
            if (_rel[c] == Relations.Case)
                return c;
        }

        return -1;
    }

    /// <summary>Conjuncts of a nominal: the token and its "conj" children (and theirs), in order.</summary>
    public void Conjuncts(int i, List<int> into)
    {
        into.Add(i);
        var list = HasChild(i, Relations.Conj);
        foreach (var c in Children(i))
        {
            // in a list ("Mordor, the awful Fornost, and Gondor") an apposition naming another actor is a member
            if (list && _rel[c] == Relations.Appos && _mentionOf[c] >= 0 && _mentionOf[i] >= 0
                && !string.Equals(Mentions[_mentionOf[c]].Code, Mentions[_mentionOf[i]].Code, StringComparison.Ordinal))
            {
                into.Add(c);
                continue;
            }

            // a conjunct the tagger took for a verb ("Fornost") still counts when it names an actor
            if (_rel[c] == Relations.Conj && (!IsVerbal(c) || _mentionOf[c] >= 0))
                Conjuncts(c, into);
        }
    }

    /// <summary>Whether the token's clause is passive: a passive subject or auxiliary, or an agent "by" phrase.</summary>
    public bool IsPassive(int i)
    {
        foreach (var c in Children(i))
        {
            var r = _rel[c];
            if (r == Relations.NsubjPass || r == Relations.AuxPass || r == Relations.OblAgent)
                return true;
        }

        // a past participle without auxiliary or subject ("technologies needed to fuel", "villages destroyed by
        // the army") is passive
        var r0 = _rel[i];
        if (r0 == Relations.Conj && IsCopularAdverbConjunct(i))
            return true;
        return (r0 == Relations.Acl || r0 == Relations.Xcomp || r0 == Relations.Advcl) && Document.XposOf(First + i) == VbnXpos
            && !HasChild(i, Relations.Nsubj) && !HasChild(i, Relations.Aux)
            && !IsMainVerbTakenForAParticiple(i);
    }

    /// <summary>
    /// "Russian forces shelled Kharkiv.", tagged with "shelled" a participle modifying "forces" and the noun the root:
    /// a sentence needs a predicate, and a participle right after the root noun with a direct object (one no
    /// two-object verb keeps in the passive) is the only one there, so it is the active main verb.
    /// </summary>
    private bool IsMainVerbTakenForAParticiple(int i)
    {
        var h = _head[i];
        return _rel[i] == Relations.Acl && h == i - 1 && _head[h] < 0 && HasChild(i, Relations.Obj)
            && !EnglishPredicateClasses.TakesTwoObjects(Lemma(i));
    }

    /// <summary>
    /// "was heavily and unjustly criticized" parsed with the adverb as the clause head, "was" its copula and the
    /// participle its conjunct: an adverb is no predicate, so the participle is the passive verb of that clause.
    /// </summary>
    public bool IsCopularAdverbConjunct(int i)
    {
        var h = _head[i];
        if (h < 0 || _upos[h] != Entente.Nlp.Documents.Upos.ADV || Document.XposOf(First + i) != VbnXpos || HasChild(i, Relations.Nsubj) || HasChild(i, Relations.Aux))
            return false;
        var cop = Child(h, Relations.Cop);
        return cop >= 0 && LemmaIs(cop, "be");
    }

    private static readonly ushort VbnXpos = Labels.Xpos.Id("VBN");
}
