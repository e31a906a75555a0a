using Entente.Nlp.Conllu;
using Entente.Nlp.Documents;

namespace Entente.Tests.Nlp;

public sealed class ConlluTests
{
    private const string Sample = """
        # newdoc id = d1
        # newpar
        # sent_id = 1
        # text = I don't know.
        1	I	I	PRON	PRP	_	4	nsubj	_	_
        2-3	don't	_	_	_	_	_	_	_	_
        2	do	do	AUX	VBP	_	4	aux	_	_
        3	n't	not	PART	RB	_	4	advmod	_	_
        4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No
        4.1	knew	_	_	_	_	_	_	_	_
        5	.	.	PUNCT	.	_	4	punct	_	_

        # sent_id = 2
        # text = Bad line follows.
        1	Bad	bad	ADJ	JJ	_	2	amod	_	_
        two	line
        
        # sent_id = 3
        # text = Fine.
        1	Fine	fine	ADJ	JJ	_	0	root	_	SpaceAfter=No
        2	.	.	PUNCT	.	_	1	punct	_	_

        """;

    private static List<ConlluSentence> Read(out List<Diagnostic> diags)
    {
        var r = new ConlluReader(new StringReader(Sample.Replace("\r", "")), "sample");
        var list = r.ReadAll().ToList();
        diags = r.Diagnostics;
        return list;
    }

    [Fact]
    public void Reader_SkipsTheBrokenSentenceAndNamesItsLine()
    {
        var sentences = Read(out var diags);
        Assert.Equal(["1", "3"], sentences.Select(s => s.SentId));
        var d = Assert.Single(diags);
        Assert.Equal(16, d.Line);
    }

    [Fact]
    public void Reader_KeepsMultiwordTokensAndEmptyNodes_WriterRoundTrips()
    {
        var sentences = Read(out _);
        var s = sentences[0];
        Assert.Equal(5, s.Words.Count);
        Assert.Single(s.Multiwords);
        Assert.Single(s.EmptyNodes);
        var w = new StringWriter();
        ConlluWriter.Write(w, s);
        var again = new ConlluReader(new StringReader(w.ToString()), "again").ReadAll().Single();
        var w2 = new StringWriter();
        ConlluWriter.Write(w2, again);
        Assert.Equal(w.ToString(), w2.ToString());
        Assert.Contains("2-3\tdon't", w.ToString());
        Assert.Contains("4.1\tknew", w.ToString());
    }

    [Fact]
    public void ToDocument_AlignsWordsInsideMultiwordTokens()
    {
        var sentences = Read(out _);
        var doc = ConlluDocuments.ToDocument(sentences, withAnnotations: true);
        Assert.Equal("I don't know. Fine.", doc.Text);
        Assert.Equal(["I", "do", "n't", "know", ".", "Fine", "."], Enumerable.Range(0, doc.TokenCount).Select(i => doc.TextOf(i).ToString()));
        Assert.True(doc.FlagsOf(1).HasFlag(TokenFlags.JoinedToNext));
        Assert.Equal(2, doc.SentenceCount);
        Assert.Equal(-1, doc.HeadOf(3));
        Assert.Equal(3, doc.HeadOf(0));
        Assert.Equal("nsubj", doc[0].Deprel);
    }
}
