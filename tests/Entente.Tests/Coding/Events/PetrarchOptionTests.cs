using Entente.Coding;
using Entente.Coding.Events;

namespace Entente.Tests.Coding.Events;

/// <summary>The PETRARCH readings the validation records expect, each against the news default on the same sentence.</summary>
public sealed class PetrarchOptionTests
{
    private static readonly EventCoderOptions Petrarch = EventCoderOptions.ForPetrarch(requireDyad: false, newActorLength: 0, CommaClauseLimits.Off);

    // "Iran was criticized over its dispute with Iraq."
    private const string PassiveWithoutAgent = """
        1 Iran Iran PROPN 3 nsubj:pass Actor=B-IRN
        2 was be AUX 3 aux:pass
        3 criticized criticize VERB 0 root
        4 over over ADP 6 case
        5 its its PRON 6 nmod:poss
        6 dispute dispute NOUN 3 obl
        7 with with ADP 8 case
        8 Iraq Iraq PROPN 6 nmod Actor=B-IRQ SpaceAfter=No
        9 . . PUNCT 3 punct
        """;

    [Fact]
    public void PassiveWithoutAgent_SubjectIsTheSourceForPetrarch_AndTheTargetForNews()
    {
        Assert.Equal(["IRN IRQ 111"], HandParsed.Code(PassiveWithoutAgent, Petrarch));
        Assert.Equal(["- IRN 111"], HandParsed.Code(PassiveWithoutAgent, EventCoderOptions.Default with { DropStatementsWithoutTarget = false }));
    }

    // "Iran was heavily and unjustly criticized over its dispute with Iraq.", parsed with the adverb as the
    // clause head (copula "was") and the participle as its conjunct
    private const string PassiveConjoinedToCopularAdverb = """
        1 Iran Iran PROPN 3 nsubj Actor=B-IRN
        2 was be VERB 3 cop
        3 heavily heavily ADV 0 root
        4 and and CCONJ 3 cc
        5 unjustly unjustly ADV 6 advmod
        6 criticized criticize VERB 3 conj
        7 over over ADP 9 case
        8 its its PRON 9 nmod:poss
        9 dispute dispute NOUN 6 obl
        10 with with ADP 11 case
        11 Iraq Iraq PROPN 9 nmod Actor=B-IRQ SpaceAfter=No
        12 . . PUNCT 3 punct
        """;

    [Fact]
    public void ParticipleConjoinedToACopularAdverb_IsPassive_SoItsSubjectActsOnlyForPetrarch()
    {
        Assert.Equal(["IRN IRQ 111"], HandParsed.Code(PassiveConjoinedToCopularAdverb, Petrarch, participle: 5));
        Assert.Equal(["- IRN 111"], HandParsed.Code(PassiveConjoinedToCopularAdverb, EventCoderOptions.Default with { DropStatementsWithoutTarget = false }, participle: 5));
    }

    // "Iranian ministers criticized over their dispute with Iraq": a participle modifying the noun, no "by" agent
    private const string ParticipleModifyingANoun = """
        1 Iranian Iranian ADJ 2 amod Actor=B-IRN
        2 ministers minister NOUN 0 root
        3 criticized criticize VERB 2 acl
        4 over over ADP 6 case
        5 their their PRON 6 nmod:poss
        6 dispute dispute NOUN 3 obl
        7 with with ADP 8 case
        8 Iraq Iraq PROPN 6 nmod Actor=B-IRQ SpaceAfter=No
        9 . . PUNCT 2 punct
        """;

    [Fact]
    public void PassiveParticipleModifyingANoun_NounIsTheSourceForPetrarch_AndNotForNews()
    {
        Assert.Equal(["IRN IRQ 111"], HandParsed.Code(ParticipleModifyingANoun, Petrarch, participle: 2));
        Assert.DoesNotContain("IRN IRQ 111", HandParsed.Code(ParticipleModifyingANoun, EventCoderOptions.Default with { DropStatementsWithoutTarget = false }, participle: 2));
    }

    // "Iran's army and militia units attacked Iraq": coordinated modifiers share the noun ("army units", "militia units")
    private const string CoordinatedModifiers = """
        1 Iran Iran PROPN 6 nmod:poss Actor=B-IRN
        2 's 's PART 1 case
        3 army army NOUN 6 compound
        4 and and CCONJ 5 cc
        5 militia militia NOUN 3 conj
        6 units unit NOUN 7 nsubj
        7 attacked attack VERB 0 root
        8 Iraq Iraq PROPN 7 obj Actor=B-IRQ SpaceAfter=No
        9 . . PUNCT 7 punct
        """;

    [Fact]
    public void CoordinatedModifier_WithoutAnActor_IsANewActorWithTheSharedNoun_OnlyUnderNewActorLength()
    {
        var withNewActors = HandParsed.Code(CoordinatedModifiers, Petrarch with { NewActorLength = 3 });
        Assert.Contains(withNewActors, e => e.StartsWith("\"MILITIA UNITS\" IRQ ", StringComparison.Ordinal));
        Assert.Contains(withNewActors, e => e.StartsWith("IRN IRQ ", StringComparison.Ordinal));
        Assert.DoesNotContain(HandParsed.Code(CoordinatedModifiers, Petrarch), e => e.StartsWith('"'));
    }

    [Theory]
    [InlineData("3 on on ADP 4 case\n4 Saturday Saturday PROPN 2 obl", 1)]
    [InlineData("3 today today NOUN 2 obl:tmod", 0)]
    public void OneSidedStatement_NeedsAPhraseForPetrarch(string tail, int expected)
    {
        var parse = "1 Officials official NOUN 2 nsubj Actor=B-GOV\n2 said say VERB 0 root\n" + tail;
        Assert.Equal(expected, HandParsed.Code(parse, Petrarch).Count);
    }
}
