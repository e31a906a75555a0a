using Entente.Coding;
using static Entente.Tests.Coding.Actors.ActorTestData;

namespace Entente.Tests.Coding.Actors;

public sealed class ActorResolverTests
{
    private static readonly DateOnly July2025 = D("2025-07-16");

    private static Mention One(string sentence, string text, DateOnly? date = null) =>
        Find(Resolve(FromWords(date ?? July2025, sentence)), text);

    [Theory]
    [InlineData("Russian Foreign Minister Sergei Lavrov spoke .", "Russian Foreign Minister Sergei Lavrov", "RUSGOV", Resolution.Dictionary)]
    [InlineData("Chinese Foreign Minister said .", "Chinese Foreign Minister", "CHNGOV", Resolution.Title)]
    [InlineData("U.S. Secretary of State said .", "U.S. Secretary of State", "USAGOV", Resolution.Dictionary)]
    [InlineData("Russian forces shelled Kharkiv .", "Russian forces", "RUSMIL", Resolution.Title)]
    [InlineData("Iranian diplomats met .", "Iranian diplomats", "IRNGOV", Resolution.Title)]
    [InlineData("Chinese spokespersons insisted .", "Chinese spokespersons", "CHNGOV", Resolution.Title)]
    [InlineData("Syrian police arrested them .", "Syrian police", "SYRCOP", Resolution.Title)]
    [InlineData("Israel 's defense ministry said .", "Israel 's defense ministry", "ISRGOV", Resolution.Title)]
    public void Titles_TakeTheStateOfTheirNationality(string sentence, string text, string code, Resolution resolution)
    {
        var m = One(sentence, text);
        Assert.Equal(code, m.Code);
        Assert.Equal(resolution, m.Resolution);
    }

    [Fact]
    public void DemonymBeforeAKnownOrganisation_IsNoPersonsName()
    {
        // "Red Crescent" is in the dictionaries: "Iranian Red Crescent Society" is not an Iranian person called "Red Crescent Society"
        var mentions = Resolve(FromWords(July2025, "The Iranian Red Crescent Society says the toll has risen ."));
        Assert.DoesNotContain(mentions, m => m.IsPerson);
        Assert.Contains(mentions, m => m.Text == "Red Crescent" && m.Code!.StartsWith("NGO", StringComparison.Ordinal));
    }

    [Fact]
    public void SpokespersonForAMinistry_IsTheMinistrysState()
    {
        var m = One("declared a spokesperson for the Chinese Ministry of Foreign Affairs on Tuesday .", "a spokesperson for the Chinese Ministry of Foreign Affairs");
        Assert.Equal("CHNGOV", m.Code);
        Assert.Equal("CHN", m.Country);
        Assert.Equal("GOV", m.Sector);
    }

    [Fact]
    public void UnknownPersonAfterATitle_KeepsTheTitlesStateAndSector()
    {
        var m = One("Iranian official Ali Bagherzadeh said .", "Iranian official Ali Bagherzadeh");
        Assert.Equal("IRNGOV", m.Code);
        Assert.True(m.IsPerson);
        var bare = One("Iranian Dariush Farahani said .", "Iranian Dariush Farahani");
        Assert.Equal("IRN", bare.Code);
    }

    [Theory]
    [InlineData("An Islamist group attacked a police station .", "An Islamist group", "MUS")]
    [InlineData("Muslim clerics condemned the attack .", "Muslim clerics", "MUS")]
    public void AgentWithoutAState_HasNoCountry_EvenWhereItsCodeReadsAsOne(string sentence, string text, string sector)
    {
        // MUS is the CAMEO religion code and also Mauritius's ISO code: a Muslim group named by agents alone is no state's.
        var m = One(sentence, text);
        Assert.StartsWith(sector, m.Code, StringComparison.Ordinal);
        Assert.Null(m.Country);
        Assert.Equal(sector, m.Sector);

        var mauritius = One("The prime minister of Mauritius spoke .", "The prime minister of Mauritius");
        Assert.Equal("MUS", mauritius.Country);
        Assert.Equal("GOV", mauritius.Sector);
    }

    [Fact]
    public void PronounForAStatelessAgent_StaysStateless()
    {
        var mentions = Resolve(FromWords(July2025, "Muslim clerics condemned the attack .", "They said it was a crime ."));
        var they = Find(mentions, "They");
        Assert.Equal("MUS", they.Code);
        Assert.Null(they.Country);
    }

    [Fact]
    public void KnownPersonAfterADemonym_IsTheDictionaryPerson()
    {
        var m = One("bringing together Indian Subrahmanyam Jaishankar and others .", "Indian Subrahmanyam Jaishankar");
        Assert.Equal("INDGOV", m.Code);
        Assert.Equal(Resolution.Dictionary, m.Resolution);
    }

    [Theory]
    [InlineData("the Kremlin said .", "the Kremlin", "RUSGOV")]
    [InlineData("the White House said .", "the White House", "USAGOV")]
    [InlineData("the Pentagon said .", "the Pentagon", "USAMIL")]
    [InlineData("Downing Street said .", "Downing Street", "GBRGOV")]
    [InlineData("Beijing said .", "Beijing", "CHNGOV")]
    [InlineData("Moscow said .", "Moscow", "RUSGOV")]
    [InlineData("Washington said .", "Washington", "USAGOV")]
    [InlineData("Kiev said .", "Kiev", "UKRGOV")]
    [InlineData("Kyiv said .", "Kyiv", "UKRGOV")]
    [InlineData("Tehran said .", "Tehran", "IRNGOV")]
    public void Metonyms_AreTheGovernment(string sentence, string text, string code)
    {
        var m = One(sentence, text);
        Assert.Equal(code, m.Code);
        Assert.Equal(Resolution.Metonym, m.Resolution);
    }

    [Theory]
    [InlineData("the Asian giant said .", "the Asian giant", "CHN")]
    [InlineData("The world 's second-largest economy said .", "The world 's second-largest economy", "CHN")]
    [InlineData("the Jewish state said .", "the Jewish state", "ISR")]
    public void Epithets_NameTheirState(string sentence, string text, string code)
    {
        var m = One(sentence, text);
        Assert.Equal(code, m.Code);
        Assert.Equal(Resolution.Epithet, m.Resolution);
    }

    [Fact]
    public void DatedEpithet_FollowsTheDate()
    {
        Assert.Equal("CHN", One("the world 's most populous country grew .", "the world 's most populous country", D("2020-01-01")).Code);
        Assert.Equal("IND", One("the world 's most populous country grew .", "the world 's most populous country", D("2024-01-01")).Code);
    }

    [Theory]
    [InlineData("Iranians protested .", "Iranians", "IRN")]
    [InlineData("with Russian pride .", "Russian", "RUS")]
    [InlineData("Americans voted .", "Americans", "USA")]
    public void Demonyms_NameTheirState(string sentence, string text, string code)
    {
        var m = One(sentence, text);
        Assert.Equal(code, m.Code);
        Assert.Equal(Resolution.Demonym, m.Resolution);
    }

    [Fact]
    public void SamePersonOnDifferentDates_GetsTheRoleOfEachDocument()
    {
        Assert.Equal("USAELI", One("Donald Trump said .", "Donald Trump", D("2023-05-01")).Code);
        Assert.Equal("USAGOV", One("Donald Trump said .", "Donald Trump", D("2019-05-01")).Code);
        Assert.Equal("USAGOV", One("Donald Trump said .", "Donald Trump", null).Code);
    }

    [Fact]
    public void Mentions_HaveExactOffsets_IntoTheText()
    {
        var doc = FromWords(July2025, "On Tuesday , Xi Jinping met Russian Foreign Minister Sergei Lavrov in Beijing .");
        foreach (var m in Resolve(doc))
        {
            Assert.Equal(m.Text, doc.Text[m.Start..m.End]);
            Assert.Equal(doc.StartOf(m.StartToken), m.Start);
        }
    }

    [Fact]
    public void HyphenatedPair_GivesTwoMentionsWithinOneToken()
    {
        var doc = FromWords(July2025, "the Beijing-Moscow partnership was strong .");
        var mentions = Resolve(doc);
        Assert.Equal("CHNGOV", Find(mentions, "Beijing").Code);
        Assert.Equal("RUSGOV", Find(mentions, "Moscow").Code);
    }

    [Fact]
    public void EmptyAndPunctuationOnlyDocuments_GiveNoMentions()
    {
        var empty = new Entente.Nlp.Documents.Document("", "e");
        Assert.Empty(Resolve(empty));
        Assert.Empty(Resolve(FromWords(null, ". , ; ' ' - -- ( )")));
    }
}

public sealed class PlaceTitleTests
{
    [Fact]
    public void BareTitleAfterAPlacePreposition_IsAPlaceNotAnActor()
    {
        var mentions = ActorTestData.Resolve(ActorTestData.FromWords(ActorTestData.D("2025-07-16"), "He was sentenced to ten years in prison by a court ."));
        Assert.DoesNotContain(mentions, m => m.Text.Contains("prison", StringComparison.Ordinal));
        Assert.Contains(mentions, m => m.Text == "a court" && m.Code == "JUD");
    }
}

/// <summary>How PETRARCH composes codes in lists and possessives (the validation records' cases, with real states).</summary>
public sealed class CompositionTests
{
    private static List<Entente.Coding.Mention> Resolve(string sentence) =>
        ActorTestData.Resolve(ActorTestData.FromWords(ActorTestData.D("2025-07-16"), sentence));

    [Fact]
    public void TitleOfAListOfStates_GoesToEachState()
    {
        var mentions = Resolve("The ambassadors of France , Germany and Italy met .");
        Assert.Equal(["FRAGOV", "DEUGOV", "ITAGOV"], mentions.Select(m => m.Code));
    }

    [Fact]
    public void TitleBeforeALinkedTitle_SharesItsStates()
    {
        // "Lawmakers and officials in Ukraine and Poland": the lawmakers are Ukraine's and Poland's too
        var mentions = Resolve("Lawmakers and officials in Ukraine and Poland met .");
        var lawmakers = Assert.Single(mentions, m => m.Text == "Lawmakers");
        Assert.Equal("UKRLEG", lawmakers.Code);
        Assert.Equal(["UKRLEG", "POLLEG"], lawmakers.Codes!);
    }

    [Fact]
    public void StateOfAListOfTitles_GoesToEachTitle()
    {
        var mentions = Resolve("The Danish media and government warned .");
        Assert.Equal(["DNKMED", "DNKGOV"], mentions.Select(m => m.Code));
    }

    [Fact]
    public void TitlesWithoutAStateAfterAState_DoNotTakeItWithoutALinker()
    {
        var mentions = Resolve("Fighting between Russian forces and Ukraine continued .");
        Assert.Equal(["RUSMIL", "UKR"], mentions.Select(m => m.Code));
    }

    [Fact]
    public void PossessiveWithModifiers_StillJoinsTheStateToItsTitle() =>
        Assert.Equal("ITAGOV", Resolve("Italy 's awful and evil minister warned .").Single().Code);

    [Fact]
    public void LinkerIn_GivesATitleItsState_OnlyWhenItHasNone()
    {
        Assert.Equal("FRALEG", ActorTestData.Find(Resolve("Lawmakers in France protested ."), "Lawmakers in France").Code);
        var troops = Resolve("Russian troops in Syria withdrew .");
        Assert.Equal("RUSMIL", ActorTestData.Find(troops, "Russian troops").Code);
        Assert.Equal("SYR", ActorTestData.Find(troops, "Syria").Code);
    }

    [Fact]
    public void PrefixAgent_JoinsTheFollowingState()
    {
        var dict = Entente.Coding.Actors.ActorDictionary.FromText(
        [
            ("FRANCE [FRA]", Entente.Coding.Actors.DictionaryKind.Actors, Entente.Coding.Resolution.Dictionary),
            ("MSF {} [NGO~]", Entente.Coding.Actors.DictionaryKind.Agents, Entente.Coding.Resolution.Dictionary),
        ]);
        var resolver = new Entente.Coding.Actors.ActorResolver(dict, ActorTestData.Default.Lexicon);
        var mentions = ActorTestData.Resolve(ActorTestData.FromWords(null, "MSF France protested ."), resolver);
        Assert.Equal("NGOFRA", Assert.Single(mentions).Code);
    }

    private static Entente.Coding.Actors.ActorResolver ResolverOver(string actors) =>
        new(Entente.Coding.Actors.ActorDictionary.FromText(
            [(actors, Entente.Coding.Actors.DictionaryKind.Actors, Entente.Coding.Resolution.Dictionary)]),
            ActorTestData.Default.Lexicon);

    [Fact]
    public void BlankSeparatedPhrase_MatchesWithModifiersBetweenItsWords()
    {
        var resolver = ResolverOver("ITHILEN  [ITH]\nITHILEN TELEVISION  [ITHTV]");
        var mentions = ActorTestData.Resolve(ActorTestData.FromWords(null, "Ithilen state-run television reported ."), resolver);
        Assert.Equal("ITHTV", ActorTestData.Find(mentions, "Ithilen state-run television").Code);
    }

    [Fact]
    public void UnderscoreJoinedPhrase_NeedsItsWordsConsecutive()
    {
        var resolver = ResolverOver("ITHILEN  [ITH]\nITHILEN_TELEVISION_  [ITHTV]");
        var mentions = ActorTestData.Resolve(ActorTestData.FromWords(null, "Ithilen state-run television reported ."), resolver);
        Assert.DoesNotContain(mentions, m => m.Code == "ITHTV");
        Assert.Equal("ITHTV", ActorTestData.Find(ActorTestData.Resolve(ActorTestData.FromWords(null, "Ithilen television reported ."), resolver), "Ithilen television").Code);
    }

    [Fact]
    public void BlankSeparatedPhrase_DoesNotReachAcrossAVerb()
    {
        var resolver = ResolverOver("ITHILEN  [ITH]\nITHILEN TELEVISION  [ITHTV]");
        var doc = ActorTestData.FromWords(null, "Ithilen banned television .");
        doc.SetUpos(1, Entente.Nlp.Documents.Upos.VERB);
        var mentions = ActorTestData.Resolve(doc, resolver);
        Assert.DoesNotContain(mentions, m => m.Code == "ITHTV");
        Assert.Equal("ITH", ActorTestData.Find(mentions, "Ithilen").Code);
    }
}
