using Entente.Coding;
using Entente.Coding.Events;
using Entente.Nlp;

namespace Entente.Tests.Coding.Events;

public sealed class EventCoderTests
{
    private static List<CodedEvent> Code(string parse, EventCoderOptions? options = null, DateOnly? date = null)
    {
        var doc = HandParsed.Document(parse, date ?? new DateOnly(2025, 7, 16));
        new EventCoder(CoderTestResources.Value, options).Process(doc);
        return doc.Get<EventList>()!.Items;
    }

    private static string Triple(CodedEvent e) => $"{e.Source?.Code ?? "-"} {e.Target?.Code ?? "-"} {e.Cameo}";

    [Fact]
    public void UnknownNameAfterANoun_ParsedAsASubjectOfItsOwn_SpeaksForTheNounsActor()
    {
        // "Talks resumed, Iran's news agency WFNA condemned Israel", with "WFNA condemned" a relative clause on "agency"
        var events = Code("""
            1 Talks talk NOUN 2 nsubj
            2 resumed resume VERB 0 root SpaceAfter=No
            3 , , PUNCT 2 punct
            4 Iran Iran PROPN 6 nmod:poss Actor=B-IRN
            5 news news NOUN 6 compound
            6 agency agency NOUN 2 obj
            7 WFNA WFNA PROPN 8 nsubj
            8 condemned condemn VERB 6 acl:relcl
            9 Israel Israel PROPN 8 obj Actor=B-ISR SpaceAfter=No
            10 . . PUNCT 2 punct
            """);

        Assert.Contains(events, e => e.Source?.Code == "IRN" && e.Target?.Code == "ISR");
    }

    [Fact]
    public void Threaten_SubjectActsOnObject()
    {
        var events = Code("""
            1 Trump Trump PROPN 2 nsubj Actor=B-USAGOV
            2 threatened threaten VERB 0 root
            3 Putin Putin PROPN 2 obj Actor=B-RUSGOV
            4 with with ADP 5 case
            5 tariffs tariff NOUN 2 obl SpaceAfter=No
            6 . . PUNCT 2 punct
            """);

        var e = Assert.Single(events);
        Assert.Equal("USAGOV RUSGOV", $"{e.Source!.Code} {e.Target!.Code}");
        Assert.Equal("13", e.Root);
        Assert.Equal("THREATEN", e.Plover);
        Assert.Equal("threatened", e.Trigger.Text);
        Assert.False(e.Negated);
        Assert.Equal(Modality.Asserted, e.Modality);
    }

    [Fact]
    public void Negation_DidNotCondemn_IsNegatedNotDropped()
    {
        var events = Code("""
            1 France France PROPN 4 nsubj Actor=B-FRA
            2 did do AUX 4 aux
            3 not not PART 4 advmod
            4 condemn condemn VERB 0 root
            5 Iran Iran PROPN 4 obj Actor=B-IRN SpaceAfter=No
            6 . . PUNCT 4 punct
            """);

        var e = Assert.Single(events);
        Assert.Equal("FRA IRN", $"{e.Source!.Code} {e.Target!.Code}");
        Assert.Equal("11", e.Root);
        Assert.True(e.Negated);
    }

    [Fact]
    public void ConjoinedSubjects_YieldOneEventEach()
    {
        var events = Code("""
            1 France France PROPN 4 nsubj Actor=B-FRA
            2 and and CCONJ 3 cc
            3 Germany Germany PROPN 1 conj Actor=B-DEU
            4 urged urge VERB 0 root
            5 Iran Iran PROPN 4 obj Actor=B-IRN
            6 to to PART 7 mark
            7 negotiate negotiate VERB 4 xcomp SpaceAfter=No
            8 . . PUNCT 4 punct
            """);

        Assert.Equal(["FRA IRN 026", "DEU IRN 026"], events.Select(Triple));
        Assert.All(events, e => Assert.Equal("REQUEST", e.Plover));
    }
}
