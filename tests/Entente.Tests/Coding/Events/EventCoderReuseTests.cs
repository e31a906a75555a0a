using Entente.Coding;
using Entente.Coding.Events;

namespace Entente.Tests.Coding.Events;

/// <summary>The coder reuses its scratch state across documents; nothing of one document may reach the next.</summary>
public sealed class EventCoderReuseTests
{
    private const string LongDocument = """
        1 France France PROPN 2 nsubj Actor=B-FRA
        2 urged urge VERB 0 root
        3 Iran Iran PROPN 2 obj Actor=B-IRN
        4 and and CCONJ 6 cc
        5 Iraq Iraq PROPN 3 conj Actor=B-IRQ
        6 to to PART 7 mark
        7 negotiate negotiate VERB 2 xcomp
        8 with with ADP 9 case
        9 Germany Germany PROPN 7 obl Actor=B-DEU SpaceAfter=No
        10 . . PUNCT 2 punct

        1 Russia Russia PROPN 2 nsubj Actor=B-RUS
        2 criticized criticize VERB 0 root
        3 Ukraine Ukraine PROPN 2 obj Actor=B-UKR SpaceAfter=No
        4 . . PUNCT 2 punct
        """;

    private const string ShortDocument = """
        1 China China PROPN 2 nsubj Actor=B-CHN
        2 met meet VERB 0 root
        3 Japan Japan PROPN 2 obj Actor=B-JPN SpaceAfter=No
        4 . . PUNCT 2 punct
        """;

    private static List<string> Events(EventCoder coder, string parse)
    {
        var doc = HandParsed.Document(parse, new DateOnly(2025, 7, 16));
        coder.Process(doc);
        return doc.Get<EventList>()!.Items.Select(e => $"{e.Source?.Code} {e.Target?.Code} {e.Cameo} {e.Sentence}").ToList();
    }

    [Fact]
    public void ADocumentCodedAfterAnother_GetsTheEventsAFreshCoderGives()
    {
        var reused = new EventCoder(CoderTestResources.Value);
        var first = Events(reused, LongDocument);
        var afterLong = Events(reused, ShortDocument);
        var fresh = Events(new EventCoder(CoderTestResources.Value), ShortDocument);

        Assert.NotEmpty(first);
        Assert.NotEmpty(fresh);
        Assert.Equal(fresh, afterLong);
        Assert.Equal(first, Events(reused, LongDocument));
    }

    [Fact]
    public void OneCoderSharedByThreads_CodesEachDocumentAsAlone()
    {
        var shared = new EventCoder(CoderTestResources.Value);
        var expectedLong = Events(new EventCoder(CoderTestResources.Value), LongDocument);
        var expectedShort = Events(new EventCoder(CoderTestResources.Value), ShortDocument);
        var results = new List<string>[64];
        Parallel.For(0, results.Length, i => results[i] = Events(shared, i % 2 == 0 ? LongDocument : ShortDocument));
        for (var i = 0; i < results.Length; i++)
            Assert.Equal(i % 2 == 0 ? expectedLong : expectedShort, results[i]);
    }
}
