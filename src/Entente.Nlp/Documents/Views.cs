namespace Entente.Nlp.Documents;

/// <summary>A view of one token (a UD syntactic word) of a <see cref="Document"/>.</summary>
public readonly struct Token(Document doc, int index) : IEquatable<Token>
{
    public Document Document => doc;

    /// <summary>Index of the token in the document.</summary>
    public int Index => index;

    /// <summary>Character offset in <see cref="Document.Text"/> where the token starts.</summary>
    public int Start => doc.StartOf(index);

    /// <summary>Character offset in <see cref="Document.Text"/> just past the token.</summary>
    public int End => doc.EndOf(index);

    public ReadOnlySpan<char> Text => doc.TextOf(index);

    public ReadOnlySpan<char> Norm => doc.NormOf(index);

    public TokenFlags Flags => doc.FlagsOf(index);

    public bool SpaceAfter => (doc.FlagsOf(index) & TokenFlags.SpaceAfter) != 0;

    public Upos Upos => doc.UposOf(index);

    public string Xpos => Labels.Xpos.Name(doc.XposOf(index));

    public string? Lemma => doc.LemmaOf(index);

    /// <summary>The head token, or null for the root (or before parsing).</summary>
    public Token? Head => doc.HeadOf(index) is var h and >= 0 ? new Token(doc, h) : null;

    public int HeadIndex => doc.HeadOf(index);

    public string Deprel => Labels.Deprel.Name(doc.DeprelOf(index));

    public EntityType EntityType => doc.EntityOf(index).Type;

    public Iob EntityIob => doc.EntityOf(index).Iob;

    public int SentenceIndex => doc.SentenceOf(index);

    /// <summary>Position of the token in its sentence, from 0.</summary>
    public int IndexInSentence => index - doc.SentenceFirstToken(doc.SentenceOf(index));

    public bool Equals(Token other) => ReferenceEquals(doc, other.Document) && index == other.Index;

    public override bool Equals(object? obj) => obj is Token t && Equals(t);

    public override int GetHashCode() => HashCode.Combine(doc, index);

    public static bool operator ==(Token a, Token b) => a.Equals(b);

    public static bool operator !=(Token a, Token b) => !a.Equals(b);

    public override string ToString() => doc.TextOf(index).ToString();
}

/// <summary>A view of one sentence: a contiguous run of tokens.</summary>
public readonly struct Sentence(Document doc, int index)
{
    public Document Document => doc;

    public int Index => index;

    public int FirstToken => doc.SentenceFirstToken(index);

    public int TokenCount => doc.SentenceTokenCount(index);

    /// <summary>One past the last token index.</summary>
    public int EndToken => FirstToken + TokenCount;

    public int Start => doc.StartOf(FirstToken);

    public int End => doc.EndOf(EndToken - 1);

    public ReadOnlySpan<char> Text => doc.Text.AsSpan(Start, End - Start);

    public Token this[int i] => new(doc, FirstToken + i);

    public Span AsSpan() => new(doc, FirstToken, EndToken);

    public override string ToString() => Text.ToString();
}

/// <summary>A view of a contiguous run of tokens [<see cref="StartToken"/>, <see cref="EndToken"/>).</summary>
public readonly struct Span(Document doc, int startToken, int endToken) : IEquatable<Span>
{
    public Document Document => doc;

    public int StartToken => startToken;

    public int EndToken => endToken;

    public int Length => endToken - startToken;

    public int Start => doc.StartOf(startToken);

    public int End => doc.EndOf(endToken - 1);

    public ReadOnlySpan<char> Text => doc.Text.AsSpan(Start, End - Start);

    public Token this[int i] => new(doc, startToken + i);

    public bool Equals(Span other) =>
        ReferenceEquals(doc, other.Document) && startToken == other.StartToken && endToken == other.EndToken;

    public override bool Equals(object? obj) => obj is Span s && Equals(s);

    public override int GetHashCode() => HashCode.Combine(doc, startToken, endToken);

    public override string ToString() => Text.ToString();
}
