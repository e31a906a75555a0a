using Entente.Nlp.Documents;
using Entente.Nlp.Segmentation;

namespace Entente.Tests.Nlp.Segmentation;

public sealed class SentenceSplitterTests
{
    [Theory]
    [InlineData("He left. She stayed.", "He left. || She stayed.")]
    [InlineData("Is it? Yes! Fine.", "Is it? || Yes! || Fine.")]
    [InlineData("\"I can do it,\" declared the Republican. He won.", "\"I can do it,\" declared the Republican. || He won.")]
    [InlineData("\"Really?\" she asked.", "\"Really?\" she asked.")]
    [InlineData("He said: \"Go home.\" Then he left.", "He said: \"Go home.\" || Then he left.")]
    [InlineData("“Stop!” He left.", "“Stop!” || He left.")]
    [InlineData("(He left.) Then she came.", "(He left.) || Then she came.")]
    [InlineData("Mr. Smith went to Washington. He arrived.", "Mr. Smith went to Washington. || He arrived.")]
    [InlineData("He lives in the U.S. The weather is nice.", "He lives in the U.S. || The weather is nice.")]
    [InlineData("The U.S. Army is large.", "The U.S. Army is large.")]
    [InlineData("Born in Washington, D.C. in 1950, he left.", "Born in Washington, D.C. in 1950, he left.")]
    [InlineData("Apples, pears etc. The end.", "Apples, pears etc. || The end.")]
    [InlineData("George W. Bush met J. R. Smith on Jan. 5 at 5 p.m. in St. Louis.", "George W. Bush met J. R. Smith on Jan. 5 at 5 p.m. in St. Louis.")]
    [InlineData("See No. 5 and p. 12 for details.", "See No. 5 and p. 12 for details.")]
    [InlineData("I chose her ... and then it rained. OK.", "I chose her ... and then it rained. || OK.")]
    [InlineData("It was late ... The next day came.", "It was late ... || The next day came.")]
    [InlineData("Results were good.[1] More followed.", "Results were good.[1] || More followed.")]
    [InlineData("Results were good. [1] More followed.", "Results were good. [1] || More followed.")]
    [InlineData("see draft).doc for it", "see draft).doc for it")]
    public void Boundaries_FollowPunctuationQuotesAndAbbreviations(string text, string expected) =>
        Assert.Equal(expected, Segmented.Sentences(text));

    [Theory]
    [InlineData("China warns US over tariffs\nBeijing said on Tuesday that it would respond.", "China warns US over tariffs || Beijing said on Tuesday that it would respond.")]
    [InlineData("First paragraph without stop\n\nSecond one", "First paragraph without stop || Second one")]
    [InlineData("A line\r\nAnother line", "A line || Another line")]
    [InlineData("A line\rAnother line\u2029Third\u00A0line", "A line || Another line || Third\u00A0line")]
    public void LineBreaks_EndParagraphsAndHeadlines(string text, string expected) =>
        Assert.Equal(expected, Segmented.Sentences(text));

    [Fact]
    public void HardWrappedText_SingleLineBreaksContinueTheSentence()
    {
        const string text = "The committee met on Tuesday and\ndecided that the proposal would\nbe sent back to the drafting group\nfor another round of review.\n\nA new paragraph.";
        Assert.Equal(
            "The committee met on Tuesday and\ndecided that the proposal would\nbe sent back to the drafting group\nfor another round of review. || A new paragraph.",
            Segmented.Sentences(text));
        var doc = Segmented.Doc(text);
        Assert.True((doc.FlagsOf(0) & TokenFlags.ParagraphStart) != 0);
        Assert.Equal(2, CountParagraphStarts(doc));
    }

    [Fact]
    public void Seed_EveryLineIsAParagraph_AndQuotesStayWithTheirSpeaker()
    {
        var text = File.ReadAllText(TestPaths.Seed);
        var doc = Segmented.Doc(text);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(lines.Length, CountParagraphStarts(doc));
        var sentences = new List<string>();
        foreach (var s in doc.Sentences)
            sentences.Add(s.Text.ToString());
        Assert.Contains("I will have to separate them, and I believe I can do it,\" declared the Republican.", sentences);
        Assert.Contains("\"As a student of History, the first thing you learn is that you do not want Russia and China to ever unite,\" he emphasized.", sentences);
    }

    [Fact]
    public void LongSentenceWithoutPunctuation_IsCutBelowTheCap_AtCommasWhenItCan()
    {
        var words = new List<string>();
        for (var i = 0; i < 2000; i++)
            words.Add(i % 40 == 39 ? "word," : i % 7 == 3 ? "don't" : "word");
        var doc = Segmented.Doc(string.Join(' ', words));
        var covered = 0;
        foreach (var s in doc.Sentences)
        {
            Assert.InRange(s.TokenCount, 1, Segmenter.MaxSentenceTokens);
            Assert.Equal(covered, s.FirstToken);
            Assert.True((doc.FlagsOf(s.EndToken - 1) & TokenFlags.JoinedToNext) == 0, "a cut never falls inside \"do\" + \"n't\"");
            if (s.EndToken < doc.TokenCount)
                Assert.Equal(",", doc.NormOf(s.EndToken - 1).ToString());
            covered = s.EndToken;
        }

        Assert.Equal(doc.TokenCount, covered);
    }

    [Fact]
    public void LongRunOfOneCharacterWords_IsCutAtTheCap()
    {
        var doc = Segmented.Doc(string.Concat(Enumerable.Repeat("a ", 1000)));
        Assert.Equal(1000, doc.TokenCount);
        Assert.Equal(4, doc.SentenceCount);
        Assert.Equal(Segmenter.MaxSentenceTokens, doc.Sentence(0).TokenCount);
    }

    private static int CountParagraphStarts(Document doc)
    {
        var n = 0;
        for (var t = 0; t < doc.TokenCount; t++)
        {
            if ((doc.FlagsOf(t) & TokenFlags.ParagraphStart) != 0)
                n++;
        }

        return n;
    }
}
