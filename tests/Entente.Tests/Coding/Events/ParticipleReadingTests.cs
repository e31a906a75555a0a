using Entente.Coding;
using Entente.Coding.Events;

namespace Entente.Tests.Coding.Events;

/// <summary>How the coder reads a verb tagged as a past participle (VBN) that modifies a noun.</summary>
public sealed class ParticipleReadingTests
{
    // "Russian forces shelled Kharkiv.", as our tagger and parser read it: "shelled" a participle modifying the root noun
    private const string HeadlineMisread = """
        1 Russian Russian ADJ 2 amod Actor=B-RUSMIL
        2 forces force NOUN 0 root Actor=I-RUSMIL
        3 shelled shell VERB 2 acl
        4 Kharkiv Kharkiv PROPN 3 obj Actor=B-UKR SpaceAfter=No
        5 . . PUNCT 2 punct
        """;

    [Fact]
    public void ParticipleWithAnObjectRightAfterTheRootNoun_IsTheActiveMainVerb()
    {
        Assert.Equal(["RUSMIL UKR 190"], HandParsed.Code(HeadlineMisread, participle: 2));
    }

    // "Russian forces attacked by Ukraine withdrew.": a real reduced relative, passive with its "by" agent
    private const string ReducedRelative = """
        1 Russian Russian ADJ 2 amod Actor=B-RUSMIL
        2 forces force NOUN 6 nsubj Actor=I-RUSMIL
        3 attacked attack VERB 2 acl
        4 by by ADP 5 case
        5 Ukraine Ukraine PROPN 3 obl:agent Actor=B-UKR
        6 withdrew withdraw VERB 0 root SpaceAfter=No
        7 . . PUNCT 6 punct
        """;

    [Fact]
    public void ParticipleWithAnAgent_StaysPassive()
    {
        Assert.Contains("UKR RUSMIL 190", HandParsed.Code(ReducedRelative, participle: 2));
    }
}
