using Entente.Coding.Events.Dictionary;
using Entente.Nlp.Documents;

namespace Entente.Tests.Coding.Events;

public sealed class VerbDictionaryReaderTests
{
    private static string CameoPath => Path.Combine(TestPaths.Repo, "data", "dictionaries", "verbs", "CAMEO.2.0.txt");

    private static string ValidatePath => TestPaths.SharedFile("data/petrarch/dictionaries/PETR.Validate.verbs.txt");

    [Fact]
    public void Cameo20_LoadsEveryBlockPatternAndTransformation_WithoutWarnings()
    {
        var diags = new List<Diagnostic>();
        var dict = VerbDictionaryReader.Load(CameoPath, diags);

        Assert.DoesNotContain(diags, d => d.Severity != Severity.Info);
        Assert.Equal(397, dict.Blocks.Count);
        Assert.True(dict.PatternCount > 4500, $"only {dict.PatternCount} patterns");
        Assert.Equal(1817, dict.VerbCount);
        Assert.Equal(8, dict.Transformations.Count); // a ninth is commented out
        Assert.Contains("MILITARY", dict.Synsets.Keys);
        Assert.Contains("FIGHT_OF_WORDS", dict.Synsets.Keys);
    }

    [Fact]
    public void Cameo20_PhrasalVerbWithIrregularForms_KeepsItsHeadAndCode()
    {
        var dict = VerbDictionaryReader.Load(CameoPath);
        var ask = dict.Blocks.Single(b => b.Name == "ASK");
        var askFor = ask.Verbs.Single(v => v.ToString() == "ASK_FOR");

        Assert.Equal("ASK", askFor.Head);
        Assert.Equal("020", askFor.Codes!.Forward);
        Assert.Contains("ASKED", askFor.IrregularForms);
    }

    [Fact]
    public void Cameo20_BlockWithReverseCode_ParsesBothDirections()
    {
        var dict = VerbDictionaryReader.Load(CameoPath);
        var visit = dict.Blocks.Single(b => b.Name == "VISIT");

        Assert.Equal("042", visit.Codes.Forward);
        Assert.Equal("043", visit.Codes.Reverse);
    }

    [Fact]
    public void Cameo20_PrepositionalAndNounPhrasePatterns_BecomeWordsInOrder()
    {
        var dict = VerbDictionaryReader.Load(CameoPath);
        var agree = dict.Blocks.Single(b => b.Name == "AGREE");
        var peacePlan = agree.Patterns.Single(p => p.Text.Contains("{PEACE PLAN}", StringComparison.Ordinal));

        Assert.Empty(peacePlan.Before);
        Assert.Equal(["TO", "PEACE", "PLAN"], peacePlan.After.Select(e => e.ToString()));
        Assert.Equal("037", peacePlan.Codes.Forward);
        Assert.Equal(["AGREE"], peacePlan.CommentVerbs);
    }

    [Fact]
    public void Cameo20_Transformation_ReadsActorsVerbsAndResult()
    {
        var dict = VerbDictionaryReader.Load(CameoPath);
        var claim = dict.Transformations[0];

        Assert.Equal(("a", "a", "b", "ATTACK", "SAY"), (claim.OuterSource, claim.InnerSource, claim.InnerTarget, claim.InnerVerb, claim.OuterVerb));
        Assert.Equal("015", claim.ResultCode);
    }

    [Fact]
    public void ValidateVerbs_UnderscoresJoinWordsAroundTheVerb()
    {
        var dict = VerbDictionaryReader.Load(ValidatePath);
        var clash = dict.Blocks.Single(b => b.Name == "CLASH");
        var p = clash.Patterns.Single(x => x.Codes.Forward == "907");

        Assert.Equal(["MOST", "CERTAINLY", "&NEGATVAUXVRB", "EVER"], p.Before.Select(e => e.ToString()));
        Assert.Equal([false, true, true, true], p.Before.Select(e => e.JoinedToPrevious));
        Assert.False(p.VerbJoinedToBefore);

        var called = dict.Blocks.Single(b => b.Name == "CALLED").Patterns.Single(x => x.Codes.Forward == "097");
        Assert.True(called.VerbJoinedToAfter);
        Assert.Equal(["UPON"], called.After.Select(e => e.ToString()));
    }

    [Fact]
    public void ValidateVerbs_NestedSynsetsAndMultiWordPhrases_AreKept()
    {
        var dict = VerbDictionaryReader.Load(ValidatePath);

        Assert.Contains(dict.Synsets["ACCORDSYN"], p => p.SequenceEqual(["&TIETYPES"]));
        Assert.Contains(dict.Synsets["NEGATVAUXVRB"], p => p.SequenceEqual(["REALLY", "DID", "NOT"]));
        Assert.Contains(dict.Synsets["CURRENCY"], p => p.SequenceEqual(["GOLDEN", "GOBLIN", "GALLEONS"]));
    }

    [Fact]
    public void ValidateVerbs_ActorMarkersAndVerbInsidePhrasalEntry_AreRead()
    {
        var dict = VerbDictionaryReader.Load(ValidatePath);
        var confiscate = dict.Blocks.Single(b => b.Name == "CONFISCATE");
        var wiretap = confiscate.Verbs.Single(v => v.Words.Length == 2);
        Assert.Equal("TAP", wiretap.Head);
        Assert.Equal(["WIRE", "TAP"], wiretap.Words);

        var extradite = dict.Blocks.Single(b => b.Name == "EXTRADITE").Patterns[0];
        Assert.Equal(PatternElementKind.Target, extradite.Before[0].Kind);
        Assert.Equal(PatternElementKind.Source, extradite.After[^1].Kind);
        Assert.Equal(PatternElementKind.Skip, extradite.After[1].Kind);
    }

    [Fact]
    public void MalformedLines_BecomeDiagnosticsWithLineNumbers_AndTheRestIsRead()
    {
        var diags = new List<Diagnostic>();
        var dict = VerbDictionaryReader.Parse(
        [
            "- * ORPHAN [010]",
            "--- GOOD [020] ---",
            "GOOD",
            "- * WITHOUT CODE",
            "- NO VERB MARK [030]",
            "- * FINE [040]",
            "~ broken transformation",
        ], "test.txt", diags);

        var good = Assert.Single(dict.Blocks);
        Assert.Single(good.Patterns);
        Assert.Equal(["pattern-outside-block", "pattern-without-code", "bad-pattern", "bad-transformation"], diags.Select(d => d.Code));
        Assert.Equal([1L, 4L, 5L, 7L], diags.Select(d => d.Line));
    }
}
