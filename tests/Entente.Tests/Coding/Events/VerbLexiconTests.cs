using Entente.Coding.Events.Dictionary;
using Entente.Coding.Events.Lexicon;
using Entente.Nlp.Documents;

namespace Entente.Tests.Coding.Events;

public sealed class VerbLexiconTests
{
    private static string CameoPath => Path.Combine(TestPaths.Repo, "data", "dictionaries", "verbs", "CAMEO.2.0.txt");

    [Fact]
    public void Cameo20_Compiles_WarningOnlyAboutItsTwoUndefinedSynsets()
    {
        var diags = new List<Diagnostic>();
        var lexicon = VerbLexicon.Compile(VerbDictionaryReader.Load(CameoPath), diags);

        // CAMEO.2.0.txt uses &WEATHER and &DEMONSTRATION without defining them (lines 8443-8444)
        var warnings = diags.Where(d => d.Severity != Severity.Info).ToList();
        Assert.Equal(["undefined-synset", "undefined-synset"], warnings.Select(d => d.Code));
        Assert.Equal([8443L, 8444L], warnings.Select(d => d.Line));
        Assert.True(lexicon.PatternCount > 4500);
    }

    [Fact]
    public void Lookup_FindsAVerbByItsLemma_AndAnIrregularFormByItsForm()
    {
        var lexicon = VerbLexicon.Compile(VerbDictionaryReader.Load(CameoPath));
        var v = lexicon.Vocabulary;

        var threaten = lexicon.Lookup(v.Id("threatening"), v.Id("threaten"));
        Assert.Equal("THREATEN", threaten[0].Block.Name);

        var said = lexicon.Lookup(v.Id("said"), v.Id("say"));
        Assert.Equal("SAY", said[0].Text);
    }

    [Fact]
    public void PatternWord_MatchesInflectionsThroughTheTokenLemma()
    {
        var dict = VerbDictionaryReader.Parse(["--- RESTORE [064] ---", "RESTORE", "- * TIES [064]", "- * WANTED [065]"], "t");
        var lexicon = VerbLexicon.Compile(dict);
        var ties = lexicon.Blocks[0].Patterns[0].After[0].Alternatives[0];
        var wanted = lexicon.Blocks[0].Patterns[1].After[0].Alternatives[0];
        var v = lexicon.Vocabulary;

        Assert.True(ties.Matches(Vocabulary.Unknown, v.Id("tie"), WordClass.Nominal));
        Assert.False(ties.Matches(Vocabulary.Unknown, v.Id("tie"), WordClass.Other));
        Assert.True(wanted.Matches(Vocabulary.Unknown, v.Id("want"), WordClass.Verbal));
        Assert.True(wanted.Matches(v.Id("wanted"), Vocabulary.Unknown, WordClass.Other));
    }

    [Fact]
    public void PatternAnchor_IsItsWordWithFewestForms_CoveringEveryInflectionThatMatches()
    {
        var dict = VerbDictionaryReader.Parse(["--- RESTORE [064] ---", "RESTORE", "- * FULL TIES WITH + [064]", "- $ * + [065]"], "t");
        var lexicon = VerbLexicon.Compile(dict);
        var withTies = lexicon.Blocks[0].Patterns[0];
        var v = lexicon.Vocabulary;

        // every id that lets a token match the anchor word is in the anchor, so skipping on it loses no match
        var anchor = withTies.AnchorIds!;
        foreach (var e in withTies.After.Where(e => e.Kind == PatternElementKind.Word))
        {
            var ids = new List<int>();
            foreach (var w in e.Alternatives)
                w.AddMatchingIds(ids);
            Assert.True(anchor.Length <= ids.Count);
        }

        Assert.True(anchor.Contains(v.Id("full")) || anchor.Contains(v.Id("with")) || (anchor.Contains(v.Id("ties")) && anchor.Contains(v.Id("tie"))));

        // a pattern of actors only has nothing to anchor on and is always tried
        Assert.Null(lexicon.Blocks[0].Patterns[1].AnchorIds);
    }
}
