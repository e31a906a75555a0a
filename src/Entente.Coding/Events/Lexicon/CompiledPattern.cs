using Entente.Coding.Events.Dictionary;

namespace Entente.Coding.Events.Lexicon;

/// <summary>How a token's part of speech lets it match a dictionary word's inflected lemmas.</summary>
internal enum WordClass : byte
{
    Other = 0,

    /// <summary>NOUN or PROPN: plural lemmas apply ("TIES" matches "tie").</summary>
    Nominal,

    /// <summary>VERB, AUX or ADJ (participles): verbal lemmas apply ("WANTED" matches "want").</summary>
    Verbal,
}

/// <summary>
/// A dictionary word compiled for matching: its own lower-case form and the lemmas it may stand for as a noun or
/// a verb. A token matches when its form or lemma is the word, or its lemma is one of the candidates for its class.
/// </summary>
internal readonly struct PatternWord(int surface, int[] nounLemmas, int[] verbLemmas)
{
    public int Surface { get; } = surface;

    public bool Matches(int form, int lemma, WordClass cls)
    {
        if (form == Surface || lemma == Surface)
            return true;
        if (lemma < 0)
            return false;
        var candidates = cls switch
        {
            WordClass.Nominal => nounLemmas,
            WordClass.Verbal => verbLemmas,
            _ => null,
        };
        if (candidates is null)
            return false;
        foreach (var c in candidates)
        {
            if (c == lemma)
                return true;
        }

        return false;
    }

    /// <summary>Adds every vocabulary id a token's form or lemma must have to match this word.</summary>
    public void AddMatchingIds(List<int> ids)
    {
        ids.Add(Surface);
        ids.AddRange(nounLemmas);
        ids.AddRange(verbLemmas);
    }
}

/// <summary>One element of a compiled pattern.</summary>
internal sealed class CompiledElement(PatternElementKind kind, bool joined, PatternWord[] alternatives, PatternWord[][] phrases, bool opensPhrase = false)
{
    /// <summary>The word opens a prepositional phrase "(TO ...)": it must be the verb's (or its object's) preposition.</summary>
    public bool OpensPhrase { get; } = opensPhrase;

    public PatternElementKind Kind { get; } = kind;

    /// <summary>Must be adjacent (in the sentence) to the element written before it.</summary>
    public bool Joined { get; } = joined;

    /// <summary>For a word: the alternatives ("BY/WITH"), any of which matches one token.</summary>
    public PatternWord[] Alternatives { get; } = alternatives;

    /// <summary>For a synset: its phrases, each a run of adjacent words.</summary>
    public PatternWord[][] Phrases { get; } = phrases;

    public bool IsActor => Kind is PatternElementKind.Source or PatternElementKind.Target or PatternElementKind.Compound;
}

/// <summary>A block's pattern, compiled: its elements before and after the verb, its codes, where it was written.</summary>
internal sealed class CompiledPattern(
    CompiledElement[] before,
    CompiledElement[] after,
    bool verbJoinedToBefore,
    bool verbJoinedToAfter,
    EventCodes codes,
    string[] commentVerbs,
    int order,
    int line,
    string text)
{
    public CompiledElement[] Before { get; } = before;

    public CompiledElement[] After { get; } = after;

    public bool VerbJoinedToBefore { get; } = verbJoinedToBefore;

    public bool VerbJoinedToAfter { get; } = verbJoinedToAfter;

    public EventCodes Codes { get; } = codes;

    /// <summary>The verbs the pattern's comment names: the verb it was first written for.</summary>
    public string[] CommentVerbs { get; } = commentVerbs;

    /// <summary>Position of the pattern in its dictionary, for stable tie-breaking.</summary>
    public int Order { get; } = order;

    public int Line { get; } = line;

    public string Text { get; } = text;

    /// <summary>
    /// The vocabulary ids of one word the pattern cannot match without (the word element with the fewest): a
    /// pattern none of whose ids is among a predicate's domain words is skipped without trying it. Null when the
    /// pattern has no plain word element.
    /// </summary>
    public int[]? AnchorIds { get; } = ChooseAnchor(before, after);

    private static int[]? ChooseAnchor(CompiledElement[] before, CompiledElement[] after)
    {
        int[]? best = null;
        var ids = new List<int>();
        foreach (var elements in new[] { before, after })
        {
            foreach (var e in elements)
            {
                if (e.Kind != PatternElementKind.Word || e.Alternatives.Length == 0)
                    continue;
                ids.Clear();
                foreach (var w in e.Alternatives)
                    w.AddMatchingIds(ids);
                if (!ids.Contains(Vocabulary.Unknown) && (best is null || ids.Count < best.Length))
                    best = [.. ids];
            }
        }

        return best;
    }

    public bool HasActorMarkers
    {
        get
        {
            foreach (var e in Before)
            {
                if (e.IsActor)
                    return true;
            }

            foreach (var e in After)
            {
                if (e.IsActor)
                    return true;
            }

            return false;
        }
    }

    public override string ToString() => $"- {Text} [{Codes}] (line {Line})";
}

/// <summary>A verb block compiled: its name, default codes and patterns.</summary>
internal sealed class CompiledBlock(string name, EventCodes codes, CompiledPattern[] patterns)
{
    public string Name { get; } = name;

    public EventCodes Codes { get; } = codes;

    public CompiledPattern[] Patterns { get; } = patterns;

    public override string ToString() => $"{Name} [{Codes}]";
}

/// <summary>
/// One verb of the lexicon: the head lemma it is found by, the words that must surround it for a phrasal verb
/// ("BREAK_DOWN": "down" right after), its own codes (or its block's), and its block's patterns.
/// </summary>
internal sealed class CompiledVerb(
    string text,
    CompiledBlock block,
    PatternWord[] wordsBefore,
    PatternWord[] wordsAfter,
    EventCodes codes,
    int order)
{
    public string Text { get; } = text;

    public CompiledBlock Block { get; } = block;

    /// <summary>Words of a phrasal verb that come right before the verb, in order.</summary>
    public PatternWord[] WordsBefore { get; } = wordsBefore;

    /// <summary>Words of a phrasal verb that come right after the verb (or as its particle), in order.</summary>
    public PatternWord[] WordsAfter { get; } = wordsAfter;

    public int WordCount => 1 + WordsBefore.Length + WordsAfter.Length;

    /// <summary>The verb's own codes, else its block's.</summary>
    public EventCodes Codes { get; } = codes;

    public int Order { get; } = order;

    public override string ToString() => $"{Text} in {Block}";
}
