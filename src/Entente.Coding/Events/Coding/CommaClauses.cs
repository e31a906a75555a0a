using Entente.Nlp.Documents;

namespace Entente.Coding.Events.Coding;

/// <summary>
/// Finds the comma-delimited stretches of a sentence that <see cref="CommaClauseLimits"/> sets aside. A comma
/// delimits a clause unless the words on both sides belong to one noun phrase (a list, an apposition, stacked
/// adjectives), which the tree tells: both neighbours reach the same nominal head through noun-phrase relations.
/// Lengths count words (tokens that begin with a letter), as PETRARCH counts them.
/// </summary>
internal static class CommaClauses
{
    /// <summary>Marks the set-aside tokens in <paramref name="setAside"/> (length <see cref="SentenceAnalysis.Count"/>); returns whether any was.</summary>
    public static bool Mark(SentenceAnalysis s, CommaClauseLimits limits, Span<bool> setAside, List<int> commas)
    {
        setAside.Clear();
        commas.Clear();
        var end = s.Count;
        while (end > 0 && s.Upos(end - 1) == Upos.PUNCT && !IsComma(s, end - 1))
            end--; // the final full stop (and closing quotes) stay
        for (var i = 1; i < end - 1; i++)
        {
            if (IsComma(s, i) && !InsideNounPhrase(s, i))
                commas.Add(i);
        }

        if (commas.Count == 0)
            return false;
        var any = false;

        // initial: [0, first comma)
        if (limits.BeginMax > 0 && Within(Words(s, 0, commas[0]), limits.BeginMin, limits.BeginMax))
            any |= Set(setAside, 0, commas[0]);

        // terminal: (last comma, end)
        if (limits.EndMax > 0 && Within(Words(s, commas[^1] + 1, end), limits.EndMin, limits.EndMax))
            any |= Set(setAside, commas[^1] + 1, end);

        // internal: between consecutive clause commas
        if (limits.Max > 0)
        {
            for (var k = 0; k + 1 < commas.Count; k++)
            {
                if (Within(Words(s, commas[k] + 1, commas[k + 1]), limits.Min, limits.Max))
                    any |= Set(setAside, commas[k] + 1, commas[k + 1]);
            }
        }

        return any;
    }

    private static bool Within(int words, int min, int max) => words >= min && words <= max;

    private static bool Set(Span<bool> mask, int from, int to)
    {
        for (var i = from; i < to; i++)
            mask[i] = true;
        return to > from;
    }

    private static int Words(SentenceAnalysis s, int from, int to)
    {
        var n = 0;
        for (var i = from; i < to; i++)
        {
            var text = s.Text(i);
            if (text.Length > 0 && char.IsLetter(text[0]))
                n++;
        }

        return n;
    }

    private static bool IsComma(SentenceAnalysis s, int i) => s.Text(i).SequenceEqual(",");

    /// <summary>Whether the words before and after the comma at <paramref name="i"/> belong to one noun phrase.</summary>
    private static bool InsideNounPhrase(SentenceAnalysis s, int i)
    {
        var left = PhraseHead(s, i - 1);
        var right = PhraseHead(s, i + 1);
        return left >= 0 && left == right;
    }

    /// <summary>
    /// The highest nominal head <paramref name="t"/> reaches by climbing noun-phrase relations (modifiers,
    /// conjuncts, appositions, "of" phrases) whose head is nominal or adjectival; -1 when it is not in a noun phrase.
    /// </summary>
    private static int PhraseHead(SentenceAnalysis s, int t)
    {
        var head = -1;
        for (var guard = 0; t >= 0 && guard <= s.Count; guard++)
        {
            if (IsNominalOrAdjective(s, t))
                head = t;
            var h = s.Head(t);
            if (h < 0 || Relations.IsClausal(s.Rel(t)) || !IsNominalOrAdjective(s, h))
                break;
            t = h;
        }

        return head;
    }

    private static bool IsNominalOrAdjective(SentenceAnalysis s, int t) =>
        s.Upos(t) is Upos.NOUN or Upos.PROPN or Upos.PRON or Upos.NUM or Upos.ADJ or Upos.DET;
}
