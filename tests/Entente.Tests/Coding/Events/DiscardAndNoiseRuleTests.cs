using Entente.Coding;
using Entente.Coding.Actors;
using Entente.Coding.Events;
using Entente.Nlp.Documents;

namespace Entente.Tests.Coding.Events;

/// <summary>
/// Phrase-only discards ("World War II" is set aside, the sentence is coded) and the news options that drop events
/// of a state toward itself and non-state speakers' bare statements, each against the same sentence with the rule off.
/// </summary>
public sealed class DiscardAndNoiseRuleTests
{
    // "China and Russia held talks marking the end of World War II."
    private const string ParadeMarkingWorldWarTwo = """
        1 China China PROPN 4 nsubj Actor=B-CHN
        2 and and CCONJ 3 cc
        3 Russia Russia PROPN 1 conj Actor=B-RUS
        4 held hold VERB 0 root
        5 talks talk NOUN 4 obj
        6 marking mark VERB 5 acl
        7 the the DET 8 det
        8 end end NOUN 6 obj
        9 of of ADP 12 case
        10 World World PROPN 12 compound
        11 War War PROPN 12 compound
        12 II II PROPN 8 nmod SpaceAfter=No
        13 . . PUNCT 4 punct
        """;

    private static PhraseDiscardFilter Filter(string text)
    {
        var diagnostics = new List<Diagnostic>();
        var records = DiscardDictionaryReader.Read(new StringReader(text), "test", diagnostics);
        Assert.Empty(diagnostics);
        return new PhraseDiscardFilter(records);
    }

    [Fact]
    public void SentenceLevelDiscard_DropsTheWholeSentence()
    {
        Assert.Empty(HandParsed.Code(ParadeMarkingWorldWarTwo, null, Filter("WORLD WAR II\n")));
    }

    [Fact]
    public void PhraseOnlyDiscard_CodesTheRestOfTheSentence()
    {
        Assert.Equal(["CHN RUS 046", "RUS CHN 046"], HandParsed.Code(ParadeMarkingWorldWarTwo, null, Filter("-WORLD WAR II\n")));
    }

    [Fact]
    public void LaterFile_ChangesAPhraseToPhraseOnly()
    {
        // Phoenix lists the phrase for sentences; Entente.discards.txt, read after it, makes it phrase-only
        var phoenix = DiscardDictionaryReader.Read(new StringReader("WORLD WAR II\n"), "phoenix", []);
        var entente = DiscardDictionaryReader.Read(new StringReader("-WORLD WAR II\n"), "entente", []);
        var filter = new PhraseDiscardFilter(phoenix.Concat(entente));

        Assert.Equal(1, filter.Count);
        Assert.NotEmpty(HandParsed.Code(ParadeMarkingWorldWarTwo, null, filter));
    }

    [Fact]
    public void PhraseOnlyDiscard_MarksOnlyItsTokens()
    {
        var doc = HandParsed.Document(ParadeMarkingWorldWarTwo);
        var mask = new bool[doc.SentenceTokenCount(0)];

        Assert.True(Filter("-WORLD WAR II\n").MarkDiscardedPhrases(doc, 0, mask));
        Assert.Equal([9, 10, 11], Enumerable.Range(0, mask.Length).Where(i => mask[i]));
        Assert.False(Filter("-WORLD WAR II\n").DiscardsSentence(doc, 0));
    }

    [Fact]
    public void ReaderMarksMinusLinesAsPhraseOnly()
    {
        var records = DiscardDictionaryReader.Read(new StringReader("-WORLD WAR II\n+BASEBALL\nCRICKET\n"), "test", []);

        Assert.Equal([("WORLD WAR II", false, true), ("BASEBALL", true, false), ("CRICKET", false, false)],
            records.Select(r => (r.Phrase, r.Story, r.PhraseOnly)));
    }

    // "Russia seized the islands from Japan at the end of World War II."
    private const string SeizedAtTheEndOfWorldWarTwo = """
        1 Russia Russia PROPN 2 nsubj Actor=B-RUS
        2 seized seize VERB 0 root
        3 the the DET 4 det
        4 islands island NOUN 2 obj
        5 from from ADP 6 case
        6 Japan Japan PROPN 2 obl Actor=B-JPN
        7 at at ADP 9 case
        8 the the DET 9 det
        9 end end NOUN 2 obl
        10 of of ADP 13 case
        11 World World PROPN 13 compound
        12 War War PROPN 13 compound
        13 II II PROPN 9 nmod SpaceAfter=No
        14 . . PUNCT 2 punct
        """;

    [Fact]
    public void EventDatedByAPhraseOnlyDiscard_IsHistoryAndNotCoded()
    {
        Assert.NotEmpty(HandParsed.Code(SeizedAtTheEndOfWorldWarTwo, null, null));
        Assert.Empty(HandParsed.Code(SeizedAtTheEndOfWorldWarTwo, null, Filter("-WORLD WAR II\n")));
    }

    // "Trump blamed the United States for the rift."
    private const string StateBlamesItself = """
        1 Trump Trump PROPN 2 nsubj Actor=B-USAGOV
        2 blamed blame VERB 0 root
        3 the the DET 5 det
        4 United United PROPN 5 compound Actor=B-USA
        5 States States PROPN 2 obj Actor=I-USA
        6 for for ADP 8 case
        7 the the DET 8 det
        8 rift rift NOUN 2 obl SpaceAfter=No
        9 . . PUNCT 2 punct
        """;

    [Fact]
    public void SameStateEvent_IsDroppedForNews_AndKeptWhenTheOptionIsOff()
    {
        Assert.Empty(HandParsed.Code(StateBlamesItself, null, null));
        Assert.Equal(["USAGOV USA 112"], HandParsed.Code(StateBlamesItself, EventCoderOptions.Default with { DropSameStateEvents = false }, null));
    }

    // "Hezbollah says the United States is responsible."
    private const string MilitiaSaysAboutAState = """
        1 Hezbollah Hezbollah PROPN 2 nsubj Actor=B-LBNREB
        2 says say VERB 0 root
        3 the the DET 5 det
        4 United United PROPN 5 compound Actor=B-USA
        5 States States PROPN 7 nsubj Actor=I-USA
        6 is be AUX 7 cop
        7 responsible responsible ADJ 2 ccomp SpaceAfter=No
        8 . . PUNCT 2 punct
        """;

    [Fact]
    public void NonStateSpeakersBareStatement_IsDroppedForNews_ButAStatesIsKept()
    {
        Assert.Empty(HandParsed.Code(MilitiaSaysAboutAState, null, null));
        Assert.Equal(["LBNREB USA 010"], HandParsed.Code(MilitiaSaysAboutAState, EventCoderOptions.Default with { DropNonStateStatements = false }, null));
        Assert.Equal(["IRNGOV USA 010"], HandParsed.Code(MilitiaSaysAboutAState.Replace("Actor=B-LBNREB", "Actor=B-IRNGOV", StringComparison.Ordinal), null, null));
    }
}
