using Entente.Nlp.Conllu;
using Entente.Nlp.Documents;
using Entente.Nlp.Pipeline;

namespace Entente.Nlp.Evaluation;

/// <summary>Token, word and sentence scores of a segmenter against a CoNLL-U gold file, with examples of errors.</summary>
public sealed record SegmentationReport(
    Score Tokens,
    Score Words,
    Score Sentences,
    int Documents,
    IReadOnlyList<string> SentenceErrors,
    IReadOnlyList<string> TokenErrors);

/// <summary>
/// Evaluates segmentation with the CoNLL 2018 shared-task definitions. The raw text of each gold document (its
/// "# text" lines, joined by a space within a paragraph and a blank line between paragraphs) is segmented;
/// surface tokens and sentences are matched as character spans; words are aligned as the shared task does:
/// words outside multi-word tokens by their spans, words inside them by the longest common subsequence of
/// their (case-folded) forms within the stretch of text the multi-word tokens of either side cover.
/// </summary>
public static class SegmentationEvaluator
{
    public static SegmentationReport Evaluate(IEnumerable<ConlluSentence> gold, IPipelineStage segmenter, int maxErrors = 0)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(segmenter);
        Score tokens = default, words = default, sentences = default;
        var sentenceErrors = new List<string>();
        var tokenErrors = new List<string>();
        var docs = 0;
        foreach (var group in ConlluDocuments.GroupByDocument(gold))
        {
            docs++;
            var goldDoc = ConlluDocuments.ToDocument(group, "gold");
            var sys = new Document(goldDoc.Text, "system");
            segmenter.Process(sys);
            var goldTokens = SurfaceTokens(goldDoc);
            var sysTokens = SurfaceTokens(sys);
            tokens += Score.OfSpans(goldTokens, sysTokens);
            words += ScoreWords(Words(goldDoc, GoldForms(group)), Words(sys, null));
            var gs = SentenceSpans(goldDoc);
            var ss = SentenceSpans(sys);
            sentences += Score.OfSpans(gs, ss);
            if (sentenceErrors.Count < maxErrors)
                CollectSentenceErrors(goldDoc.Text, gs, ss, sentenceErrors, maxErrors);
            if (tokenErrors.Count < maxErrors)
                CollectTokenErrors(goldDoc.Text, goldTokens, sysTokens, tokenErrors, maxErrors);
        }

        return new SegmentationReport(tokens, words, sentences, docs, sentenceErrors, tokenErrors);
    }

    /// <summary>Surface tokens: maximal runs of words joined as one multi-word token.</summary>
    public static List<(int Start, int End)> SurfaceTokens(Document doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var list = new List<(int, int)>(doc.TokenCount);
        var t = 0;
        while (t < doc.TokenCount)
        {
            var start = doc.StartOf(t);
            while (t + 1 < doc.TokenCount && doc.FlagsOf(t).HasFlag(TokenFlags.JoinedToNext))
                t++;
            list.Add((start, doc.EndOf(t)));
            t++;
        }

        return list;
    }

    /// <summary>A word for alignment: its span (the whole surface token's for a word of a multi-word token) and form.</summary>
    public readonly record struct EvalWord(int Start, int End, bool InMultiword, string Form);

    /// <summary>
    /// Counts the words of <paramref name="system"/> aligned with words of <paramref name="gold"/>, following
    /// the CoNLL 2018 evaluation script's definition (both lists in text order).
    /// </summary>
    public static Score ScoreWords(IReadOnlyList<EvalWord> gold, IReadOnlyList<EvalWord> system)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(system);
        int gi = 0, si = 0, aligned = 0;
        while (gi < gold.Count && si < system.Count)
        {
            if (gold[gi].InMultiword || system[si].InMultiword)
            {
                var (gs, ss, ge, se) = MultiwordRegion(gold, system, gi, si);
                aligned += CommonForms(gold, gs, ge, system, ss, se);
                (gi, si) = (ge, se);
            }
            else if (gold[gi].Start == system[si].Start && gold[gi].End == system[si].End)
            {
                aligned++;
                gi++;
                si++;
            }
            else if (gold[gi].Start <= system[si].Start)
            {
                gi++;
            }
            else
            {
                si++;
            }
        }

        return new Score(gold.Count, system.Count, aligned);
    }

    /// <summary>
    /// The smallest stretch of words on both sides, starting at a multi-word token, that ends where no
    /// multi-word token of either side reaches further.
    /// </summary>
    private static (int GoldStart, int SysStart, int GoldEnd, int SysEnd) MultiwordRegion(
        IReadOnlyList<EvalWord> gold, IReadOnlyList<EvalWord> system, int gi, int si)
    {
        int end;
        if (gold[gi].InMultiword)
        {
            end = gold[gi].End;
            if (!system[si].InMultiword && system[si].Start < gold[gi].Start)
                si++;
        }
        else
        {
            end = system[si].End;
            if (!gold[gi].InMultiword && gold[gi].Start < system[si].Start)
                gi++;
        }

        var (gs, ss) = (gi, si);
        while ((gi < gold.Count && gold[gi].Start < end) || (si < system.Count && system[si].Start < end))
        {
            if (gi < gold.Count && (si >= system.Count || gold[gi].Start <= system[si].Start))
            {
                if (gold[gi].InMultiword)
                    end = Math.Max(end, gold[gi].End);
                gi++;
            }
            else
            {
                if (system[si].InMultiword)
                    end = Math.Max(end, system[si].End);
                si++;
            }
        }

        return (gs, ss, gi, si);
    }

    /// <summary>Length of the longest common subsequence of the two runs of forms, ignoring case.</summary>
    private static int CommonForms(IReadOnlyList<EvalWord> gold, int gs, int ge, IReadOnlyList<EvalWord> system, int ss, int se)
    {
        int n = ge - gs, m = se - ss;
        if (n == 0 || m == 0)
            return 0;
        var previous = new int[m + 1];
        var current = new int[m + 1];
        for (var i = 1; i <= n; i++)
        {
            for (var j = 1; j <= m; j++)
            {
                current[j] = string.Equals(gold[gs + i - 1].Form, system[ss + j - 1].Form, StringComparison.OrdinalIgnoreCase)
                    ? previous[j - 1] + 1
                    : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[m];
    }

    private static List<string> GoldForms(List<ConlluSentence> sentences)
    {
        var forms = new List<string>();
        foreach (var s in sentences)
        {
            foreach (var w in s.Words)
                forms.Add(w.Form);
        }

        return forms;
    }

    /// <summary>Words with the spans the shared task gives them; forms from the gold file or from the text.</summary>
    private static List<EvalWord> Words(Document doc, List<string>? forms)
    {
        var list = new List<EvalWord>(doc.TokenCount);
        var t = 0;
        while (t < doc.TokenCount)
        {
            var first = t;
            while (t + 1 < doc.TokenCount && doc.FlagsOf(t).HasFlag(TokenFlags.JoinedToNext))
                t++;
            var multiword = t > first;
            for (var w = first; w <= t; w++)
            {
                var form = forms is not null && w < forms.Count ? forms[w] : doc.TextOf(w).ToString();
                list.Add(multiword
                    ? new EvalWord(doc.StartOf(first), doc.EndOf(t), true, form)
                    : new EvalWord(doc.StartOf(w), doc.EndOf(w), false, form));
            }

            t++;
        }

        return list;
    }

    private static List<(int Start, int End)> SentenceSpans(Document doc)
    {
        var list = new List<(int, int)>(doc.SentenceCount);
        foreach (var s in doc.Sentences)
            list.Add((s.Start, s.End));
        return list;
    }

    private static void CollectSentenceErrors(string text, List<(int Start, int End)> gold, List<(int Start, int End)> sys, List<string> errors, int max)
    {
        var sysEnds = new HashSet<int>(sys.Count);
        foreach (var s in sys)
            sysEnds.Add(s.End);
        var goldEnds = new HashSet<int>(gold.Count);
        foreach (var g in gold)
            goldEnds.Add(g.End);
        foreach (var g in gold)
        {
            if (errors.Count >= max)
                return;
            if (!sysEnds.Contains(g.End))
                errors.Add("missed split: " + Context(text, g.End));
        }

        foreach (var s in sys)
        {
            if (errors.Count >= max)
                return;
            if (!goldEnds.Contains(s.End))
                errors.Add("false split: " + Context(text, s.End));
        }
    }

    /// <summary>Each stretch of text between spaces where the two tokenizations differ, shown both ways.</summary>
    private static void CollectTokenErrors(string text, List<(int Start, int End)> gold, List<(int Start, int End)> sys, List<string> errors, int max)
    {
        var goldSet = new HashSet<(int, int)>(gold);
        var sysSet = new HashSet<(int, int)>(sys);
        var reported = new HashSet<int>();
        foreach (var (start, _) in Differences(gold, sysSet, sys, goldSet))
        {
            if (errors.Count >= max)
                return;
            var a = start;
            while (a > 0 && !char.IsWhiteSpace(text[a - 1]))
                a--;
            var b = start;
            while (b < text.Length && !char.IsWhiteSpace(text[b]))
                b++;
            if (reported.Add(a))
                errors.Add($"{text[a..b]}: gold {Cut(text, gold, a, b)} system {Cut(text, sys, a, b)}");
        }
    }

    private static IEnumerable<(int Start, int End)> Differences(
        List<(int Start, int End)> gold, HashSet<(int, int)> sysSet, List<(int Start, int End)> sys, HashSet<(int, int)> goldSet)
    {
        foreach (var g in gold)
        {
            if (!sysSet.Contains(g))
                yield return g;
        }

        foreach (var s in sys)
        {
            if (!goldSet.Contains(s))
                yield return s;
        }
    }

    private static string Cut(string text, List<(int Start, int End)> tokens, int a, int b)
    {
        var parts = new List<string>();
        foreach (var (s, e) in tokens)
        {
            if (s >= a && e <= b)
                parts.Add(text[s..e]);
        }

        return string.Join(" | ", parts);
    }

    private static string Context(string text, int at)
    {
        var a = Math.Max(0, at - 40);
        var b = Math.Min(text.Length, at + 30);
        return (text[a..at] + " ‖ " + text[at..b]).ReplaceLineEndings(" ");
    }
}
