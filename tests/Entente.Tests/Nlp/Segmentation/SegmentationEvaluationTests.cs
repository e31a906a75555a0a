using Entente.Nlp.Conllu;
using Entente.Nlp.Documents;
using Entente.Nlp.Evaluation;
using Entente.Nlp.Segmentation;
using static Entente.Nlp.Evaluation.SegmentationEvaluator;

namespace Entente.Tests.Nlp.Segmentation;

public sealed class SegmentationEvaluationTests
{
    [Fact]
    public void Words_InsideMultiwordTokens_AlignByForm_AsInCoNll2018()
    {
        // gold: "it" "’s" as two tokens; system: one multi-word token "it’s" = "it" + "’s"; then "here"
        EvalWord[] gold = [new(0, 2, false, "it"), new(2, 4, false, "’s"), new(5, 9, false, "here")];
        EvalWord[] system = [new(0, 4, true, "it"), new(0, 4, true, "’s"), new(5, 9, false, "here")];
        Assert.Equal(new Score(3, 3, 3), ScoreWords(gold, system));
    }

    [Fact]
    public void Words_WithDifferentForms_InAMultiwordToken_DoNotAlign()
    {
        // "won't": gold "wo" + "n't", system "won" + "'t"
        EvalWord[] gold = [new(0, 5, true, "wo"), new(0, 5, true, "n't")];
        EvalWord[] system = [new(0, 5, true, "won"), new(0, 5, true, "'t")];
        Assert.Equal(new Score(2, 2, 0), ScoreWords(gold, system));
    }

    [Fact]
    public void Words_OutsideMultiwordTokens_AlignBySpan()
    {
        EvalWord[] gold = [new(0, 3, false, "New"), new(4, 8, false, "York")];
        EvalWord[] system = [new(0, 8, false, "New York")];
        Assert.Equal(new Score(2, 1, 0), ScoreWords(gold, system));
    }

    [Fact]
    public void Evaluate_ScoresSurfaceTokensWordsAndSentences_AgainstGold()
    {
        const string conllu = """
            # newdoc id = d1
            # text = I don't know.
            1	I	I	PRON	PRP	_	4	nsubj	_	_
            2-3	don't	_	_	_	_	_	_	_	_
            2	do	do	AUX	VBP	_	4	aux	_	_
            3	n't	not	PART	RB	_	4	advmod	_	_
            4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No
            5	.	.	PUNCT	.	_	4	punct	_	_

            # text = Fine
            1	Fine	fine	ADJ	JJ	_	0	root	_	_

            # newdoc id = d2
            # text = See e.g.
            1	See	see	VERB	VB	_	0	root	_	_
            2	e.g.	e.g.	ADV	RB	_	1	advmod	_	_

            # text = apples.
            1	apples	apple	NOUN	NNS	_	0	root	_	SpaceAfter=No
            2	.	.	PUNCT	.	_	1	punct	_	_

            """;
        var gold = new ConlluReader(new StringReader(conllu)).ReadAll().ToList();
        var report = SegmentationEvaluator.Evaluate(gold, new Segmenter(), maxErrors: 10);
        Assert.Equal(2, report.Documents);
        Assert.Equal(new Score(9, 9, 9), report.Tokens); // I don't know . Fine | See e.g. apples .
        Assert.Equal(new Score(10, 10, 10), report.Words);
        Assert.Equal(new Score(4, 3, 2), report.Sentences); // "See e.g. apples." is one sentence to the segmenter
        Assert.Equal(["missed split: See e.g. ‖  apples."], report.SentenceErrors);
        Assert.Empty(report.TokenErrors);
    }

    [Fact]
    public void EnglishPud_MeetsTheTokenAndSentenceTargets()
    {
        var diagnostics = new List<Diagnostic>();
        var gold = ConlluReader.ReadFile(TestPaths.SharedFile("data/treebanks/en_pud-ud-test.conllu.gz"), diagnostics);
        Assert.Empty(diagnostics);
        var report = SegmentationEvaluator.Evaluate(gold, new Segmenter());
        Assert.True(report.Tokens.F1 >= 99.0, $"token F1 {report.Tokens.F1:F2} < 99.0");
        Assert.True(report.Sentences.F1 >= 95.0, $"sentence F1 {report.Sentences.F1:F2} < 95.0");
    }
}
