using Entente.Coding;
using Entente.Coding.Actors;
using Entente.Nlp.Documents;

namespace Entente.Tests.Coding.Actors;

public sealed class OtherDictionaryReaderTests
{
    [Fact]
    public void Agents_RegularPluralsAreMade_IrregularAndNoneAreRespected()
    {
        var diags = new List<Diagnostic>();
        var agents = AgentDictionaryReader.Read(new StringReader("""
            TROOP [~MIL]
            ARMY [~MIL]
            BOSS [~BUS]
            POLICE {} [ ~COP]
            ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
            HUMAN_RIGHTS_BODY  [NGO~]
            """), "t.agents", diags);
        var phrases = agents.Select(a => a.Phrase).ToList();
        Assert.Equal(["TROOP", "TROOPS", "ARMY", "ARMIES", "BOSS", "BOSSES", "POLICE", "ATTORNEY_GENERAL", "ATTORNEYS_GENERAL", "HUMAN_RIGHTS_BODY", "HUMAN_RIGHTS_BODIES"], phrases);
        Assert.Equal("COP", agents.First(a => a.Phrase == "POLICE").Code);
        var ngo = agents.First(a => a.Phrase == "HUMAN_RIGHTS_BODY");
        Assert.True(ngo.Prefix);
        Assert.Equal("NGO", ngo.Code);
        Assert.Empty(diags);
    }

    [Fact]
    public void Agents_SubstitutionSetsExpand_AndAnUndefinedSetIsAWarning()
    {
        var diags = new List<Diagnostic>();
        var agents = AgentDictionaryReader.Read(new StringReader("""
            !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
            CONGRESS!PERSON! [~LEG]
            !MINST!_OF_SILLY_WALKS [~GOV]
            NO_CODE_HERE
            """), "t.agents", diags);
        Assert.Equal(["CONGRESSMAN", "CONGRESSMEN", "CONGRESSWOMAN", "CONGRESSWOMEN", "CONGRESSPERSON"], agents.Select(a => a.Phrase));
        Assert.Equal(2, diags.Count);
        Assert.Equal(3, diags[0].Line);
        Assert.Equal(4, diags[1].Line);
    }

    [Fact]
    public void Discards_StoryLevelIsMarkedWithPlus()
    {
        var discards = DiscardDictionaryReader.Read(new StringReader("""
            # Story-level discards are indicated with a '+'.
            MONTHS LATER
            +Manchester United   # pas 26-Feb-2014
            """), "t.discards", []);
        Assert.Equal(2, discards.Count);
        Assert.False(discards[0].Story);
        Assert.True(discards[1].Story);
        Assert.Equal("Manchester United", discards[1].Phrase);
    }

    [Fact]
    public void Issues_ExpandNounVerbAndJoinedForms_AndKeepNegatives()
    {
        var issues = IssueDictionaryReader.Read(new StringReader("""
            <ISSUE CATEGORY="EDUCATION" TYPE="ALL">
            n:teacher [TEACHERS]
            pre+k [EARLY_CHILDHOOD_EDUCATION]
            ~a head start
            </ISSUE>
            """), "t.issues", []);
        Assert.Equal(3, issues.Count);
        Assert.Equal(["teacher", "teachers"], issues[0].Variants);
        Assert.Contains("prek", issues[1].Variants);
        Assert.Contains("pre k", issues[1].Variants);
        Assert.True(issues[2].Negative);
        Assert.Equal("EDUCATION", issues[2].Code);
    }

    [Fact]
    public void ValidationDictionaries_LoadAndResolveTheirActorsAndAgents()
    {
        var dir = TestPaths.SharedFile("data/petrarch/dictionaries");
        var resolver = ActorResolver.FromFiles(
        [
            new DictionaryFile(Path.Combine(dir, "PETR.Validate.actors.txt"), DictionaryKind.Actors),
            new DictionaryFile(Path.Combine(dir, "PETR.Validate.agents.txt"), DictionaryKind.Agents),
            new DictionaryFile(Path.Combine(dir, "PETR.Validate.discards.txt"), DictionaryKind.Discards),
        ], new Entente.Nlp.DataDirectory(Path.Combine(TestPaths.Repo, "data")));
        var dict = resolver.Dictionary;
        Assert.DoesNotContain(dict.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("HOBGOV", dict.FindActor("Gollum")!.CodeOn(new DateOnly(1998, 1, 1)));
        Assert.Equal("USAGOV", dict.FindActor("White House")!.CodeOn(null));
        Assert.Equal("GOV", dict.FindAgent("foreign ministry")!.Code);
        Assert.Equal("LEG", dict.FindAgent("congresswomen")!.Code);

        var doc = ActorTestData.FromWords(new DateOnly(2012, 12, 25), "Israeli troops fired on Hamas gunmen near Gaza City .");
        var mentions = ActorTestData.Resolve(doc, resolver);
        Assert.Equal("ISRMIL", ActorTestData.Find(mentions, "Israeli troops").Code);
        Assert.Equal("PSEHMSMIL", ActorTestData.Find(mentions, "Hamas gunmen").Code);
        Assert.Equal("PSEGZA", ActorTestData.Find(mentions, "Gaza City").Code);
        Assert.Equal("HOB", ActorTestData.Find(ActorTestData.Resolve(ActorTestData.FromWords(new DateOnly(1995, 1, 4), "Hamfast Gamgee rescheduled his trip ."), resolver), "Hamfast Gamgee").Country);
    }
}

public sealed class DictionaryMatcherTests
{
    [Fact]
    public void Discards_AreFoundIgnoringCase_AndStoryLevelOnesDiscardTheStory()
    {
        var dict = ActorTestData.Default.Dictionary;
        var doc = ActorTestData.FromWords(null, "Years later , peace came .", "Andre Agassi won the match .");
        var hits = DictionaryMatcher.FindDiscards(dict, doc);
        Assert.Contains(hits, h => h.Sentence == 0 && !h.Discard.Story);
        Assert.Contains(hits, h => h.Sentence == 1 && h.Discard.Story);
        Assert.True(DictionaryMatcher.DiscardsStory(dict, doc));
        Assert.False(DictionaryMatcher.DiscardsStory(dict, ActorTestData.FromWords(null, "Russia shelled Kharkiv .")));
    }

    [Fact]
    public void Issues_AreFound_AndNegativePhrasesSuppressThem()
    {
        var dict = ActorDictionary.FromText([("""
            <ISSUE CATEGORY="EDUCATION" TYPE="ALL">
            n:teacher [TEACHERS]
            head start [EARLY_CHILDHOOD_EDUCATION]
            ~a head start
            </ISSUE>
            """, DictionaryKind.Issues, Entente.Coding.Resolution.Dictionary)]);
        var doc = ActorTestData.FromWords(null, "Teachers went on strike .", "They got a head start .", "Head Start funding was cut .");
        var hits = DictionaryMatcher.FindIssues(dict, doc);
        Assert.Equal([(0, "TEACHERS"), (2, "EARLY_CHILDHOOD_EDUCATION")], hits.Select(h => (h.Sentence, h.Code)));
    }
}
