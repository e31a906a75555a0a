namespace Entente.Coding.Events.Lexicon;

/// <summary>
/// Lemma candidates for the words written in dictionaries ("TIES", "WANTED", "STRIKING"), so that patterns
/// compare with the lemmas the tagger gives tokens and no inflection has to be listed. Candidates may include
/// non-words ("wante"); they only ever match a token whose lemma is that string, so they cost nothing.
/// </summary>
internal static class EnglishInflection
{
    /// <summary>Irregular forms every dictionary needs, beyond the ones verb entries list in braces.</summary>
    public static readonly IReadOnlyDictionary<string, string> Irregular = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["is"] = "be", ["are"] = "be", ["am"] = "be", ["was"] = "be", ["were"] = "be", ["been"] = "be", ["being"] = "be",
        ["has"] = "have", ["had"] = "have", ["having"] = "have",
        ["does"] = "do", ["did"] = "do", ["done"] = "do",
        ["n't"] = "not", ["wo"] = "will", ["ca"] = "can", ["'ll"] = "will", ["sha"] = "shall",
        ["went"] = "go", ["gone"] = "go", ["made"] = "make", ["said"] = "say", ["says"] = "say",
        ["men"] = "man", ["women"] = "woman", ["people"] = "person", ["children"] = "child",
        ["met"] = "meet", ["left"] = "leave", ["held"] = "hold", ["took"] = "take", ["taken"] = "take",
        ["gave"] = "give", ["given"] = "give", ["sent"] = "send", ["brought"] = "bring", ["fought"] = "fight",
        ["broke"] = "break", ["broken"] = "break", ["won"] = "win", ["lost"] = "lose", ["led"] = "lead",
        ["paid"] = "pay", ["sold"] = "sell", ["told"] = "tell", ["began"] = "begin", ["begun"] = "begin",
        ["drawn"] = "draw", ["drew"] = "draw", ["risen"] = "rise", ["rose"] = "rise", ["shot"] = "shoot",
        ["struck"] = "strike", ["seen"] = "see", ["saw"] = "see", ["known"] = "know", ["knew"] = "know",
        ["found"] = "find", ["lent"] = "lend", ["spent"] = "spend", ["sought"] = "seek", ["thought"] = "think",
        ["kept"] = "keep", ["stood"] = "stand", ["overcame"] = "overcome", ["withdrew"] = "withdraw",
        ["withdrawn"] = "withdraw", ["undertook"] = "undertake", ["forgave"] = "forgive", ["forgiven"] = "forgive",
        ["wound"] = "wind", ["ran"] = "run", ["came"] = "come", ["got"] = "get", ["gotten"] = "get",
    };

    /// <summary>Lemmas the lower-case <paramref name="word"/> may have as a noun (plural to singular).</summary>
    public static void NounLemmas(string word, List<string> into)
    {
        if (Irregular.TryGetValue(word, out var irr))
            into.Add(irr);
        if (word.Length < 4)
            return;
        if (word.EndsWith("ies", StringComparison.Ordinal))
            into.Add(word[..^3] + "y");
        if (word.EndsWith("ves", StringComparison.Ordinal))
        {
            into.Add(word[..^3] + "f");
            into.Add(word[..^3] + "fe");
        }

        if (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal)
            || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)
            || word.EndsWith("zes", StringComparison.Ordinal))
        {
            into.Add(word[..^2]);
        }

        if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
            && !word.EndsWith("is", StringComparison.Ordinal))
        {
            into.Add(word[..^1]);
        }
    }

    /// <summary>Lemmas the lower-case <paramref name="word"/> may have as a verb (or participle).</summary>
    public static void VerbLemmas(string word, List<string> into)
    {
        if (Irregular.TryGetValue(word, out var irr))
            into.Add(irr);
        if (word.Length < 4)
            return;
        if (word.EndsWith("ies", StringComparison.Ordinal) || word.EndsWith("ied", StringComparison.Ordinal))
            into.Add(word[..^3] + "y");
        if (word.EndsWith("es", StringComparison.Ordinal) && TakesEs(word.AsSpan(0, word.Length - 2)))
            into.Add(word[..^2]);
        if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal))
            into.Add(word[..^1]);
        if (word.EndsWith("ed", StringComparison.Ordinal))
        {
            var stem = word[..^2];
            into.Add(stem);
            into.Add(word[..^1]);
            if (IsDoubled(stem))
                into.Add(stem[..^1]);
        }

        if (word.EndsWith("ing", StringComparison.Ordinal) && word.Length > 5)
        {
            var stem = word[..^3];
            into.Add(stem);
            into.Add(stem + "e");
            if (IsDoubled(stem))
                into.Add(stem[..^1]);
        }
    }

    /// <summary>
    /// The id of a dictionary word a token may be an inflection of, from its lower-case form alone: the fallback
    /// when the tagger gave a lemma the dictionary does not know ("vowed" lemmatized as "vowe"). Allocates nothing.
    /// </summary>
    public static int LemmaIdFromForm(ReadOnlySpan<char> lower, WordClass cls, Vocabulary vocabulary)
    {
        if (cls == WordClass.Other || lower.Length < 4 || lower.Length > 48)
            return Vocabulary.Unknown;
        Span<char> buf = stackalloc char[lower.Length + 1];
        int id;
        if (lower.EndsWith("ies") || (cls == WordClass.Verbal && lower.EndsWith("ied")))
        {
            lower[..^3].CopyTo(buf);
            buf[lower.Length - 3] = 'y';
            if ((id = vocabulary.Id(buf[..(lower.Length - 2)])) >= 0)
                return id;
        }

        if (lower.EndsWith("es") && TakesEs(lower[..^2]) && (id = vocabulary.Id(lower[..^2])) >= 0)
            return id;
        if (lower.EndsWith('s') && !lower.EndsWith("ss") && (id = vocabulary.Id(lower[..^1])) >= 0)
            return id;
        if (cls != WordClass.Verbal)
            return Vocabulary.Unknown;
        if (lower.EndsWith("ed"))
        {
            var stem = lower[..^2];
            if ((id = vocabulary.Id(stem)) >= 0 || (id = vocabulary.Id(lower[..^1])) >= 0)
                return id;
            if (stem.Length >= 3 && stem[^1] == stem[^2] && (id = vocabulary.Id(stem[..^1])) >= 0)
                return id;
        }

        if (lower.EndsWith("ing") && lower.Length > 5)
        {
            var stem = lower[..^3];
            if ((id = vocabulary.Id(stem)) >= 0)
                return id;
            stem.CopyTo(buf);
            buf[stem.Length] = 'e';
            if ((id = vocabulary.Id(buf[..(stem.Length + 1)])) >= 0)
                return id;
            if (stem.Length >= 3 && stem[^1] == stem[^2] && (id = vocabulary.Id(stem[..^1])) >= 0)
                return id;
        }

        return Vocabulary.Unknown;
    }

    /// <summary>Stems whose -s form is -es ("pushes", "taxes", "goes"); "departes" is no form of "depart".</summary>
    private static bool TakesEs(ReadOnlySpan<char> stem) =>
        stem.EndsWith("s") || stem.EndsWith("x") || stem.EndsWith("z") || stem.EndsWith("ch") || stem.EndsWith("sh") || stem.EndsWith("o");

    private static bool IsDoubled(string stem) =>
        stem.Length >= 3 && stem[^1] == stem[^2] && !IsVowel(stem[^1]) && stem[^1] is not ('s' or 'z' or 'f');

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
