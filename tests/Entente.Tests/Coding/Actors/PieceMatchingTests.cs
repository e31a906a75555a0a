using Entente.Coding.Actors;
using static Entente.Tests.Coding.Actors.ActorTestData;

namespace Entente.Tests.Coding.Actors;

/// <summary>Dictionary phrases match however the tokenizer cut the words.</summary>
public sealed class PieceMatchingTests
{
    private static List<string> Pieces(string text)
    {
        var list = new List<string>();
        var e = new PieceEnumerator(text);
        while (e.MoveNext())
            list.Add(e.Current.ToString());
        return list;
    }

    [Fact]
    public void PeriodsHyphensAndUnderscores_OnlySeparate() =>
        Assert.Equal(["U", "S", "al", "Qaeda", "MAZAR", "I", "SHARIF"], Pieces("U.S. al-Qaeda MAZAR-I-SHARIF_"));

    [Fact]
    public void ApostropheS_IsThePossessivePiece_OtherPunctuationIsItsOwnPiece() =>
        Assert.Equal(["China", "'S", "AT", "&", "T", ",", "O", "Brien"], Pieces("China’s AT&T , O'Brien"));

    [Theory]
    [InlineData("The U.S. warned .", "The U.S.")]
    [InlineData("The U.S warned .", "The U.S")]
    [InlineData("The U . S . warned .", "The U . S")]
    public void US_MatchesWithOrWithoutItsPeriods(string sentence, string expected)
    {
        var m = Find(Resolve(FromWords(D("2024-01-01"), sentence)), expected);
        Assert.Equal("USA", m.Code);
    }

    [Fact]
    public void PossessiveSplitIntoTwoTokens_StillJoinsTheStateToItsMinistry()
    {
        var doc = FromWords(D("2024-01-01"), "China ' s foreign ministry said .");
        var text = "China's foreign ministry said.";
        var glued = new Entente.Nlp.Documents.Document(text, "t", D("2024-01-01"));
        foreach (var (start, end) in new[] { (0, 5), (5, 6), (6, 7), (8, 15), (16, 24), (25, 29), (29, 30) })
            glued.AddToken(start, end);
        glued.AddSentence(0, glued.TokenCount);
        Assert.Equal("CHNGOV", Find(Resolve(glued), "China's foreign ministry").Code);

        // With spaces between them, "'" and "s" are not a possessive.
        Assert.DoesNotContain(Resolve(doc), m => m.Code == "CHNGOV");
    }

    [Fact]
    public void Diacritics_AreIgnored() =>
        Assert.Equal("TURGOV", Find(Resolve(FromWords(D("2024-01-01"), "Erdoğan spoke .")), "Erdoğan").Code);

    [Fact]
    public void LowerCaseWords_AreNotNames()
    {
        var mentions = Resolve(FromWords(D("2024-01-01"), "They told us about turkey and china ."));
        Assert.DoesNotContain(mentions, m => m.Code is "USA" or "TUR" or "CHN");
    }
}
