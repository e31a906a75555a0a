using Entente.Coding;
using Entente.Nlp.Conllu;
using Entente.Nlp.Documents;
using static Entente.Tests.Coding.Actors.ActorTestData;

namespace Entente.Tests.Coding.Actors;

/// <summary>The resolver uses tags, the parse and entity tags when earlier stages provide them.</summary>
public sealed class AnnotatedDocumentTests
{
    // Gold-style annotation written for this test: "Xi met Lavrov , to whom he spoke ."
    private const string Parsed = """
        # text = Xi met Lavrov, to whom he spoke.
        1	Xi	Xi	PROPN	NNP	_	2	nsubj	_	_
        2	met	meet	VERB	VBD	_	0	root	_	_
        3	Lavrov	Lavrov	PROPN	NNP	_	2	obj	_	SpaceAfter=No
        4	,	,	PUNCT	,	_	8	punct	_	_
        5	to	to	ADP	IN	_	6	case	_	_
        6	whom	whom	PRON	WP	_	8	obl	_	_
        7	he	he	PRON	PRP	_	8	nsubj	_	_
        8	spoke	speak	VERB	VBD	_	3	acl:relcl	_	SpaceAfter=No
        9	.	.	PUNCT	.	_	2	punct	_	_

        """;

    private static Document FromConllu(string conllu, DateOnly date)
    {
        var sentences = new ConlluReader(new StringReader(conllu), "test").ReadAll().ToList();
        var doc = ConlluDocuments.ToDocument(sentences, "test", withAnnotations: true);
        doc.Date = date;
        return doc;
    }

    [Fact]
    public void WithAParse_APronounPrefersTheSubject_OverTheNearerObject()
    {
        var mentions = Resolve(FromConllu(Parsed, D("2025-07-16")));
        var he = Find(mentions, "he");
        Assert.Equal("Xi", mentions[he.Antecedent].Text);
        Assert.Equal("CHNGOV", he.Code);
    }

    [Fact]
    public void WithTags_AnAgentModifyingANoun_IsNotAnActor()
    {
        const string conllu = """
            # text = A police van crashed.
            1	A	a	DET	DT	_	3	det	_	_
            2	police	police	NOUN	NN	_	3	compound	_	_
            3	van	van	NOUN	NN	_	4	nsubj	_	_
            4	crashed	crash	VERB	VBD	_	0	root	_	SpaceAfter=No
            5	.	.	PUNCT	.	_	4	punct	_	_

            """;
        Assert.DoesNotContain(Resolve(FromConllu(conllu, D("2025-07-16"))), m => m.Code == "COP");
    }

    [Theory]
    [InlineData("WFNA", "PROPN", true)]
    [InlineData("today", "NOUN", false)]
    public void WithAParse_AnAdjectivalTitle_CountsOnlyWhenANameFollowsItsNoun(string next, string upos, bool expected)
    {
        // "the primary official watchdog WFNA said", parsed with the name as the subject of a relative clause
        var conllu = $"""
            # text = Talks resumed, the primary official watchdog {next} said.
            1	Talks	talk	NOUN	NNS	_	2	nsubj	_	_
            2	resumed	resume	VERB	VBD	_	0	root	_	SpaceAfter=No
            3	,	,	PUNCT	,	_	2	punct	_	_
            4	the	the	DET	DT	_	7	det	_	_
            5	primary	primary	ADJ	JJ	_	7	amod	_	_
            6	official	official	ADJ	JJ	_	7	amod	_	_
            7	watchdog	watchdog	NOUN	NN	_	2	obj	_	_
            8	{next}	{next}	{upos}	NN	_	9	nsubj	_	_
            9	said	say	VERB	VBD	_	7	acl:relcl	_	SpaceAfter=No
            10	.	.	PUNCT	.	_	2	punct	_	_

            """;
        var mentions = Resolve(FromConllu(conllu, D("2025-07-16")));
        Assert.True(expected == mentions.Any(m => m.Code == "GOV"), string.Join("; ", mentions.Select(m => $"{m.Text}={m.Code}")));
    }

    [Fact]
    public void RecognisedPerson_UnknownToTheDictionaries_IsAMentionPronounsCanReferTo()
    {
        // Without entity tags "he" could only mean Putin; with them it means the unknown subject.
        var untagged = Resolve(FromWords(D("2025-07-16"), "Ivan Petrovsky-Zaitsev met Vladimir Putin .", "Later , he resigned ."));
        Assert.Equal("Vladimir Putin", untagged[Find(untagged, "he").Antecedent].Text);

        var doc = FromWords(D("2025-07-16"), "Ivan Petrovsky-Zaitsev met Vladimir Putin .", "Later , he resigned .");
        doc.SetEntity(0, Iob.B, EntityType.PER); // as the entity recognizer tags it: B-PER I-PER
        doc.SetEntity(1, Iob.I, EntityType.PER);
        var mentions = Resolve(doc);
        var ivan = Find(mentions, "Ivan Petrovsky-Zaitsev");
        Assert.Null(ivan.Code);
        Assert.True(ivan.IsPerson);
        var he = Find(mentions, "he");
        Assert.Equal("Ivan Petrovsky-Zaitsev", mentions[he.Antecedent].Text);
        Assert.Null(he.Code);
    }
}
