using Entente.Nlp.Documents;
using Entente.Nlp.Evaluation;

namespace Entente.Tests.Nlp.Models;

public sealed class ConlluEvaluatorTests
{
    /// <summary>A document over "The cat sat ." with the given annotations (heads 1-based, 0 = root).</summary>
    private static Document Build(string text, (int Start, int End)[] spans, Upos[] upos, int[] heads, string[] deprels)
    {
        var doc = new Document(text);
        for (var i = 0; i < spans.Length; i++)
        {
            var t = doc.AddToken(spans[i].Start, spans[i].End);
            doc.SetUpos(t, upos[i]);
            doc.SetXpos(t, Labels.Xpos.Id(upos[i] == Upos.PUNCT ? "." : "NN"));
            doc.SetLemma(t, text[spans[i].Start..spans[i].End].ToLowerInvariant());
            doc.SetHead(t, heads[i] - 1);
            doc.SetDeprel(t, Labels.Deprel.Id(deprels[i]));
        }

        doc.AddSentence(0, spans.Length);
        return doc;
    }

    private const string Text = "The cat sat.";
    private static readonly (int, int)[] Words = [(0, 3), (4, 7), (8, 11), (11, 12)];

    [Fact]
    public void Compare_OneWrongHeadAndOneWrongSubtypeFreeLabel_GivesUas75AndLas50()
    {
        var gold = Build(Text, Words, [Upos.DET, Upos.NOUN, Upos.VERB, Upos.PUNCT], [2, 3, 0, 3], ["det", "nsubj", "root", "punct"]);
        var system = Build(Text, Words, [Upos.DET, Upos.NOUN, Upos.VERB, Upos.PUNCT], [2, 3, 0, 2], ["det", "obj", "root", "punct"]);
        var r = ConlluEvaluator.Compare(gold, system);
        Assert.Equal(100, r.Upos.F1);
        Assert.Equal(75, r.Uas.F1);
        Assert.Equal(50, r.Las.F1);
    }

    [Fact]
    public void Compare_LabelSubtypes_AreIgnoredAsInCoNLL2018()
    {
        var gold = Build(Text, Words, [Upos.DET, Upos.NOUN, Upos.VERB, Upos.PUNCT], [2, 3, 0, 3], ["det", "nsubj:pass", "root", "punct"]);
        var system = Build(Text, Words, [Upos.DET, Upos.NOUN, Upos.VERB, Upos.PUNCT], [2, 3, 0, 3], ["det", "nsubj", "root", "punct"]);
        Assert.Equal(100, ConlluEvaluator.Compare(gold, system).Las.F1);
    }

    [Fact]
    public void Compare_SystemMergesTwoWords_ScoresOnlyAlignedWordsAsF1()
    {
        // gold: "sat" "." ; system: "sat." as one word -> 3 system words, 2 of 4 gold words aligned... plus heads
        var gold = Build(Text, Words, [Upos.DET, Upos.NOUN, Upos.VERB, Upos.PUNCT], [2, 3, 0, 3], ["det", "nsubj", "root", "punct"]);
        var system = Build(Text, [(0, 3), (4, 7), (8, 12)], [Upos.DET, Upos.NOUN, Upos.VERB], [2, 3, 0], ["det", "nsubj", "root"]);
        var r = ConlluEvaluator.Compare(gold, system);
        Assert.Equal(2, r.Words.Correct);
        Assert.Equal(4, r.Words.Gold);
        Assert.Equal(3, r.Words.System);
        Assert.Equal(200.0 * 2 / 7, r.Words.F1, 6);
        // "the" and "cat" are aligned with correct tags and heads ("cat" -> "sat" is unaligned, so wrong)
        Assert.Equal(2, r.Upos.Correct);
        Assert.Equal(1, r.Uas.Correct);
    }
}
