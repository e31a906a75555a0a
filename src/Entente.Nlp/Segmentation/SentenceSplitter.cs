using Entente.Nlp.Documents;

namespace Entente.Nlp.Segmentation;

/// <summary>
/// Groups a document's tokens into sentences. A sentence ends at a paragraph break (a blank line, or a line
/// break in text that is not hard-wrapped: headlines need no final punctuation), after a token the tokenizer
/// marked as final (an abbreviation that is also the full stop), or after terminal punctuation ("." "?" "!"
/// "...") with its closing quotes and brackets, when what follows can start a sentence: '"... it," he said'
/// and '"Really?" she asked' stay one sentence. Sentences longer than <see cref="Segmenter.MaxSentenceTokens"/>
/// are cut at the best point available (";", ":", ",", a dash), never inside a multi-word token.
/// Immutable and thread-safe.
/// </summary>
internal sealed class SentenceSplitter
{
    private enum Stop : byte
    {
        None,

        /// <summary>"." "?" "!" or a run of them.</summary>
        Full,

        /// <summary>"?" "!" (or a run with one): a quoted question does not end before a lowercase word.</summary>
        Exclamation,

        /// <summary>"..." or "…": ends a sentence only before a capital letter.</summary>
        Ellipsis,
    }

    public void Split(Document doc, ReadOnlySpan<int> finalTokens)
    {
        var n = doc.TokenCount;
        var first = 0;
        var next = 0;
        var t = 0;
        while (t < n)
        {
            if (t > first && (doc.FlagsOf(t) & TokenFlags.ParagraphStart) != 0)
            {
                Close(doc, first, t);
                first = t;
            }

            var forced = false;
            while (next < finalTokens.Length && finalTokens[next] < t)
                next++;
            if (next < finalTokens.Length && finalTokens[next] == t)
                forced = true;
            var stop = StopOf(doc.NormOf(t));
            if (stop == Stop.Ellipsis && t == first)
                stop = Stop.None; // "... and then" opens a sentence
            if (stop == Stop.None && !forced)
            {
                t++;
                continue;
            }

            // closing quotes and brackets, and more terminal punctuation, belong to the sentence that ends
            var u = t + 1;
            var closed = false;
            while (u < n && (doc.FlagsOf(u) & TokenFlags.ParagraphStart) == 0)
            {
                var citation = CitationLength(doc, u);
                if (citation == 0 && !ClosesSentence(doc, u))
                    break;
                closed |= StopOf(doc.NormOf(u)) == Stop.None;
                u += Math.Max(citation, 1);
            }

            while (u < n && (doc.FlagsOf(u - 1) & TokenFlags.JoinedToNext) != 0)
                u++; // never between the words of one surface token
            if (forced || u >= n || (doc.FlagsOf(u) & TokenFlags.ParagraphStart) != 0
                || (StartsSentence(stop, closed, doc.NormOf(u)) && !GluedToWord(doc, u)))
            {
                Close(doc, first, u);
                first = u;
            }

            t = u;
        }

        if (first < n)
            Close(doc, first, n);
    }

    private static Stop StopOf(ReadOnlySpan<char> token)
    {
        if (token.Length == 0 || !Chars.IsTerminal(token[0]))
            return Stop.None;
        var exclamation = false;
        var periods = 0;
        foreach (var c in token)
        {
            if (c is '?' or '!' or '‼' or '⁇' or '⁈' or '⁉')
                exclamation = true;
            else if (c == '.')
                periods++;
            else if (c != '…')
                return Stop.None;
        }

        if (exclamation)
            return Stop.Exclamation;
        return periods == 1 && token.Length == 1 ? Stop.Full : Stop.Ellipsis;
    }

    /// <summary>A token that stays with the sentence ending before it: a closing quote or bracket, more "?!".</summary>
    private static bool ClosesSentence(Document doc, int u)
    {
        var token = doc.NormOf(u);
        var c = token[0];
        var attached = (doc.FlagsOf(u - 1) & TokenFlags.SpaceAfter) == 0;
        var kind = Chars.Kind(c);
        if (kind == CharKind.Close || c is '”' or '’' or '»' or '›')
            return true;
        if (c is '"' or '\'' && (token.Length == 1 || token is "''"))
            return attached;
        return kind == CharKind.Terminal && attached && StopOf(token) != Stop.None;
    }

    /// <summary>A citation mark after the full stop ("good.[1] More"), 3 tokens, or 0.</summary>
    private static int CitationLength(Document doc, int u)
    {
        if (u + 2 >= doc.TokenCount || doc.NormOf(u) is not "[" || doc.NormOf(u + 2) is not "]")
            return 0;
        foreach (var c in doc.NormOf(u + 1))
        {
            if (!Chars.IsDigit(c) && c != ',')
                return 0;
        }

        return 3;
    }

    /// <summary>A word right after the stop, with no space between: "draft).doc", "end.The" are not two sentences.</summary>
    private static bool GluedToWord(Document doc, int u) =>
        (doc.FlagsOf(u - 1) & TokenFlags.SpaceAfter) == 0 && Chars.IsAlnum(doc.NormOf(u)[0]);

    /// <summary>Whether <paramref name="next"/> can open a sentence after a stop (and closers, when <paramref name="closed"/>).</summary>
    private static bool StartsSentence(Stop stop, bool closed, ReadOnlySpan<char> next)
    {
        var c = next[0];
        var kind = Chars.Kind(c);
        if ((kind & (CharKind.Upper | CharKind.OtherLetter)) != 0)
            return true;
        if (stop == Stop.Ellipsis)
            return kind is CharKind.Quote or CharKind.Apostrophe || c == '(';
        if (kind == CharKind.Lower)
            return stop == Stop.Full || !closed; // '"Really?" she asked' goes on
        if (kind == CharKind.Digit)
            return true;
        if (kind is CharKind.Quote or CharKind.Apostrophe or CharKind.Currency)
            return true;
        return c is '(' or '-' or '#' or '<' or '‘' or '“' || kind == CharKind.Dash;
    }

    /// <summary>Adds the sentence [<paramref name="first"/>, <paramref name="end"/>), cut into pieces when too long.</summary>
    private static void Close(Document doc, int first, int end)
    {
        const int max = Segmenter.MaxSentenceTokens;
        while (end - first > max)
        {
            var cut = BestCut(doc, first, first + max);
            doc.AddSentence(first, cut - first);
            first = cut;
        }

        if (end > first)
            doc.AddSentence(first, end - first);
    }

    /// <summary>
    /// Where to cut a sentence that would run past <paramref name="limit"/>: after the last ";" or ":" in the
    /// second half of the window, else the last ",", else the last dash, else at the limit; never between
    /// the words of one surface token.
    /// </summary>
    private static int BestCut(Document doc, int first, int limit)
    {
        var best = -1;
        var bestRank = 0;
        for (var t = limit - 1; t >= first + (limit - first) / 2 && bestRank < 3; t--)
        {
            if ((doc.FlagsOf(t) & TokenFlags.JoinedToNext) != 0)
                continue;
            var token = doc.NormOf(t);
            var rank = token switch
            {
                ";" or ":" => 3,
                "," => 2,
                "-" or "--" or "–" or "—" => 1,
                _ => 0,
            };
            if (rank > bestRank)
            {
                bestRank = rank;
                best = t + 1;
            }
        }

        if (best > 0)
            return best;
        var cut = limit;
        while (cut > first + 1 && (doc.FlagsOf(cut - 1) & TokenFlags.JoinedToNext) != 0)
            cut--;
        return cut;
    }
}
