using Entente.Nlp.Conllu;
using Entente.Nlp.Documents;
using Entente.Nlp.Pipeline;

namespace Entente.Nlp.Evaluation;

/// <summary>Token, word and sentence scores of a segmenter against a CoNLL-U gold file.</summary>
public sealed record SegmentationReport(Score Tokens, Score Words, Score Sentences, int Documents, IReadOnlyList<string> SentenceErrors);

/// <summary>
/// Evaluates segmentation the CoNLL 2018 way: the raw text of each gold document (its "# text" lines, joined by a
/// space within a paragraph and a blank line between paragraphs) is segmented, and surface tokens, words and
/// sentences are matched as character spans against the gold.
/// </summary>
public static class SegmentationEvaluator
{
    public static SegmentationReport Evaluate(IEnumerable<ConlluSentence> gold, IPipelineStage segmenter, int maxErrors = 0)
    {
        Score tokens = default, words = default, sentences = default;
        var errors = new List<string>();
        var docs = 0;
        foreach (var group in ConlluDocuments.GroupByDocument(gold))
        {
            docs++;
            var goldDoc = ConlluDocuments.ToDocument(group, "gold");
            var sys = new Document(goldDoc.Text, "system");
            segmenter.Process(sys);
            tokens += Score.OfSpans(SurfaceTokens(goldDoc), SurfaceTokens(sys));
            words += Score.OfSpans(Words(goldDoc), Words(sys));
            var gs = SentenceSpans(goldDoc);
            var ss = SentenceSpans(sys);
            sentences += Score.OfSpans(gs, ss);
            if (errors.Count < maxErrors)
                CollectSentenceErrors(goldDoc.Text, gs, ss, errors, maxErrors);
        }

        return new SegmentationReport(tokens, words, sentences, docs, errors);
    }

    /// <summary>Surface tokens: maximal runs of words joined as one multi-word token.</summary>
    public static List<(int Start, int End)> SurfaceTokens(Document doc)
    {
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

    private static List<(int, int)> Words(Document doc)
    {
        var list = new List<(int, int)>(doc.TokenCount);
        for (var t = 0; t < doc.TokenCount; t++)
            list.Add((doc.StartOf(t), doc.EndOf(t)));
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
        var sysEnds = new HashSet<int>(sys.Select(s => s.End));
        var goldEnds = new HashSet<int>(gold.Select(s => s.End));
        foreach (var g in gold)
        {
            if (errors.Count >= max)
                return;
            if (!sysEnds.Contains(g.End) && g.End < text.Length - 1)
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

    private static string Context(string text, int at)
    {
        var a = Math.Max(0, at - 40);
        var b = Math.Min(text.Length, at + 30);
        return (text[a..at] + " ‖ " + text[at..b]).ReplaceLineEndings(" ");
    }
}
