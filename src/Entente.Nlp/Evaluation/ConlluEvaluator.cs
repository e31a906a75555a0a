using Entente.Nlp.Conllu;
using Entente.Nlp.Documents;
using Entente.Nlp.Pipeline;

namespace Entente.Nlp.Evaluation;

/// <summary>
/// Scores of the tagger, lemmatizer and parser against gold CoNLL-U, with the CoNLL 2018 shared-task
/// definitions: each metric is an F1 over words, a system word counting when it is aligned to a gold
/// word (same characters) and the attribute matches; UAS needs the heads aligned, LAS also the universal
/// relation. With gold tokenization every word is aligned, so F1 is accuracy.
/// </summary>
public sealed record ConlluScores(Score Words, Score Upos, Score Xpos, Score Lemmas, Score Uas, Score Las, int Documents, int Sentences)
{
    public static readonly ConlluScores Empty = new(default, default, default, default, default, default, 0, 0);

    public static ConlluScores operator +(ConlluScores a, ConlluScores b) => new(
        a.Words + b.Words, a.Upos + b.Upos, a.Xpos + b.Xpos, a.Lemmas + b.Lemmas, a.Uas + b.Uas, a.Las + b.Las,
        a.Documents + b.Documents, a.Sentences + b.Sentences);
}

public static class ConlluEvaluator
{
    /// <summary>
    /// Runs <paramref name="analysis"/> (tagger and parser) over the gold documents and scores it. With a
    /// <paramref name="segmenter"/>, each document starts from its raw text (the "--raw" setting);
    /// without, the gold tokens and sentences are kept.
    /// </summary>
    public static ConlluScores Evaluate(IReadOnlyList<ConlluSentence> gold, IPipelineStage analysis, IPipelineStage? segmenter = null)
    {
        var total = ConlluScores.Empty;
        var docs = ConlluDocuments.GroupByDocument(gold);
        for (var i = 0; i < docs.Count; i++)
        {
            var goldDoc = ConlluDocuments.ToDocument(docs[i], "gold-" + i, withAnnotations: true);
            Document system;
            if (segmenter is null)
            {
                system = ConlluDocuments.ToDocument(docs[i], "doc-" + i);
            }
            else
            {
                system = new Document(goldDoc.Text, "doc-" + i);
                segmenter.Process(system);
            }

            analysis.Process(system);
            total += Compare(goldDoc, system) with { Documents = 1, Sentences = goldDoc.SentenceCount };
        }

        return total;
    }

    /// <summary>Surface tokens as (first word, word count, start, end): a multi-word token spans several words.</summary>
    private static IEnumerable<(int First, int Count, int Start, int End)> SurfaceTokens(Document doc)
    {
        var t = 0;
        while (t < doc.TokenCount)
        {
            var first = t;
            while (t + 1 < doc.TokenCount && (doc.FlagsOf(t) & TokenFlags.JoinedToNext) != 0)
                t++;
            yield return (first, t - first + 1, doc.StartOf(first), doc.EndOf(t));
            t++;
        }
    }

    /// <summary>Scores a system document against a gold one over the same text, aligning words by character span.</summary>
    public static ConlluScores Compare(Document gold, Document system)
    {
        // Words outside multi-word tokens align when their spans are equal; the words of a multi-word token
        // ("do" + "n't") align in order when the other side splits the same surface token into as many words.
        var bySpan = new Dictionary<(int, int), int>(system.TokenCount);
        var bySurface = new Dictionary<(int, int), (int First, int Count)>();
        foreach (var (first, count, start, end) in SurfaceTokens(system))
        {
            if (count == 1)
                bySpan.TryAdd((start, end), first);
            else
                bySurface.TryAdd((start, end), (first, count));
        }

        var toSystem = new int[gold.TokenCount];
        var toGold = new int[system.TokenCount];
        Array.Fill(toSystem, -1);
        Array.Fill(toGold, -1);
        var aligned = 0;
        foreach (var (first, count, start, end) in SurfaceTokens(gold))
        {
            if (count == 1)
            {
                if (bySpan.TryGetValue((start, end), out var s) && toGold[s] < 0)
                {
                    toSystem[first] = s;
                    toGold[s] = first;
                    aligned++;
                }
            }
            else if (bySurface.TryGetValue((start, end), out var sys) && sys.Count == count)
            {
                for (var k = 0; k < count; k++)
                {
                    toSystem[first + k] = sys.First + k;
                    toGold[sys.First + k] = first + k;
                    aligned++;
                }
            }
        }

        long upos = 0, xpos = 0, lemmas = 0, uas = 0, las = 0;
        for (var g = 0; g < gold.TokenCount; g++)
        {
            var s = toSystem[g];
            if (s < 0)
                continue;
            if (gold.UposOf(g) == system.UposOf(s))
                upos++;
            if (gold.XposOf(g) == system.XposOf(s))
                xpos++;
            if (gold.LemmaOf(g) is null || gold.LemmaOf(g) == system.LemmaOf(s))
                lemmas++;
            var gh = gold.HeadOf(g);
            var sh = system.HeadOf(s);
            var headMatches = gh == -1 ? sh == -1 : sh >= 0 && toGold[sh] == gh;
            if (!headMatches)
                continue;
            uas++;
            if (Labels.Universal(Labels.Deprel.Name(gold.DeprelOf(g))).SequenceEqual(Labels.Universal(Labels.Deprel.Name(system.DeprelOf(s)))))
                las++;
        }

        long n = gold.TokenCount, m = system.TokenCount;
        return new ConlluScores(
            new Score(n, m, aligned), new Score(n, m, upos), new Score(n, m, xpos), new Score(n, m, lemmas),
            new Score(n, m, uas), new Score(n, m, las), 0, 0);
    }
}
