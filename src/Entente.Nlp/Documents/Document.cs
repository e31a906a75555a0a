using System.Runtime.CompilerServices;

namespace Entente.Nlp.Documents;

/// <summary>Per-token booleans packed into one byte.</summary>
[Flags]
public enum TokenFlags : byte
{
    None = 0,

    /// <summary>Whitespace follows the token in the original text.</summary>
    SpaceAfter = 1,

    /// <summary>This word and the next form one surface token (a CoNLL-U multi-word token: "do" + "n't").</summary>
    JoinedToNext = 2,

    /// <summary>
    /// The token starts a paragraph: it is the first token, or a blank line precedes it, or a line break does
    /// in text that is not hard-wrapped (news files put one paragraph, or a headline, on each line).
    /// </summary>
    ParagraphStart = 4,
}

/// <summary>
/// One text and everything the pipeline learns about it. The document owns flat arrays (one slot per token,
/// one per sentence); <see cref="Token"/>, <see cref="Sentence"/> and <see cref="Span"/> are views over them.
/// Tokens are syntactic words in the UD sense; each has character offsets into the original
/// <see cref="Text"/>, so <c>Text[token.Start..token.End]</c> is always what the author wrote.
/// A document is written by one thread at a time; stages that process it are shared and immutable.
/// </summary>
public sealed class Document
{
    private const int InitialTokens = 64;

    private int[] _start = new int[InitialTokens];
    private int[] _end = new int[InitialTokens];
    private int[] _normStart = new int[InitialTokens];
    private int[] _normEnd = new int[InitialTokens];
    private TokenFlags[] _flags = new TokenFlags[InitialTokens];
    private Upos[] _upos = new Upos[InitialTokens];
    private ushort[] _xpos = new ushort[InitialTokens];
    private string?[] _lemma = new string?[InitialTokens];
    private int[] _head = new int[InitialTokens];
    private ushort[] _deprel = new ushort[InitialTokens];
    private byte[] _entity = new byte[InitialTokens];
    private int[] _sentenceOf = new int[InitialTokens];
    private int[] _sentFirst = new int[16];
    private int[] _sentCount = new int[16];
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Dictionary<Type, object> _annotations = [];
    private NormalizedText _normalized;

    public Document(string text, string id = "doc", DateOnly? date = null, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        Reset(text, id, date, metadata);
    }

    /// <summary>Identifier of the document (the JSONL "id", a file name, or "doc").</summary>
    public string Id { get; private set; } = "";

    /// <summary>The original text, exactly as read (after decoding).</summary>
    public string Text { get; private set; } = "";

    /// <summary>Publication date: the stories' "today", against which relative dates and dated roles resolve.</summary>
    public DateOnly? Date { get; set; }

    /// <summary>Fields that came with the document (title, url, source, ...).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; private set; } = EmptyMetadata;

    private static readonly IReadOnlyDictionary<string, string> EmptyMetadata = new Dictionary<string, string>();

    /// <summary>The Unicode-normalized text the segmenter reads, with its map back to <see cref="Text"/>.</summary>
    public NormalizedText Normalized
    {
        get => _normalized;
        set => _normalized = value;
    }

    public int TokenCount { get; private set; }

    public int SentenceCount { get; private set; }

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>Clears everything and starts over on a new text, keeping the arrays (no allocation in steady state).</summary>
    public void Reset(string text, string id = "doc", DateOnly? date = null, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Id = id;
        Date = date;
        Metadata = metadata ?? EmptyMetadata;
        _normalized = NormalizedText.Identity(text);
        Array.Clear(_lemma, 0, TokenCount);
        TokenCount = 0;
        SentenceCount = 0;
        _diagnostics.Clear();
        _annotations.Clear();
    }

    /// <summary>Removes all tokens and sentences (the text stays): used when a stage re-segments.</summary>
    public void ClearTokens()
    {
        Array.Clear(_lemma, 0, TokenCount);
        TokenCount = 0;
        SentenceCount = 0;
    }

    public void AddDiagnostic(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    // ---- building -------------------------------------------------------------------------------------

    /// <summary>
    /// Appends a token. <paramref name="start"/>/<paramref name="end"/> are offsets into <see cref="Text"/>,
    /// <paramref name="normStart"/>/<paramref name="normEnd"/> into <see cref="Normalized"/>.
    /// </summary>
    public int AddToken(int start, int end, int normStart, int normEnd, TokenFlags flags = TokenFlags.None)
    {
        var i = TokenCount;
        if (i == _start.Length)
            GrowTokens();
        _start[i] = start;
        _end[i] = end;
        _normStart[i] = normStart;
        _normEnd[i] = normEnd;
        _flags[i] = flags;
        _upos[i] = Upos.None;
        _xpos[i] = 0;
        _lemma[i] = null;
        _head[i] = -2;
        _deprel[i] = 0;
        _entity[i] = 0;
        _sentenceOf[i] = SentenceCount;
        TokenCount = i + 1;
        return i;
    }

    /// <summary>Appends a token whose normalized offsets are computed from the original ones.</summary>
    public int AddToken(int start, int end, TokenFlags flags = TokenFlags.None) =>
        AddToken(start, end, _normalized.ToNormalized(start), _normalized.ToNormalized(end), flags);

    /// <summary>Closes a sentence over tokens [<paramref name="firstToken"/>, <paramref name="firstToken"/>+<paramref name="count"/>).</summary>
    public int AddSentence(int firstToken, int count)
    {
        if (firstToken < 0 || count <= 0 || firstToken + count > TokenCount)
            throw new ArgumentOutOfRangeException(nameof(count), "sentence must cover existing tokens");
        var s = SentenceCount;
        if (s == _sentFirst.Length)
        {
            Array.Resize(ref _sentFirst, s * 2);
            Array.Resize(ref _sentCount, s * 2);
        }

        _sentFirst[s] = firstToken;
        _sentCount[s] = count;
        for (var t = firstToken; t < firstToken + count; t++)
            _sentenceOf[t] = s;
        SentenceCount = s + 1;
        return s;
    }

    private void GrowTokens()
    {
        var n = _start.Length * 2;
        Array.Resize(ref _start, n);
        Array.Resize(ref _end, n);
        Array.Resize(ref _normStart, n);
        Array.Resize(ref _normEnd, n);
        Array.Resize(ref _flags, n);
        Array.Resize(ref _upos, n);
        Array.Resize(ref _xpos, n);
        Array.Resize(ref _lemma, n);
        Array.Resize(ref _head, n);
        Array.Resize(ref _deprel, n);
        Array.Resize(ref _entity, n);
        Array.Resize(ref _sentenceOf, n);
    }

    // ---- views ----------------------------------------------------------------------------------------

    public Token this[int token] => new(this, token);

    public Token Token(int index)
    {
        if ((uint)index >= (uint)TokenCount)
            throw new ArgumentOutOfRangeException(nameof(index));
        return new Token(this, index);
    }

    public Sentence Sentence(int index)
    {
        if ((uint)index >= (uint)SentenceCount)
            throw new ArgumentOutOfRangeException(nameof(index));
        return new Sentence(this, index);
    }

    public SentenceEnumerable Sentences => new(this);

    // ---- raw slot access (for stages; views wrap these) -----------------------------------------------

    public int StartOf(int t) => _start[t];

    public int EndOf(int t) => _end[t];

    public int NormStartOf(int t) => _normStart[t];

    public int NormEndOf(int t) => _normEnd[t];

    public TokenFlags FlagsOf(int t) => _flags[t];

    public void SetFlags(int t, TokenFlags flags) => _flags[t] = flags;

    public Upos UposOf(int t) => _upos[t];

    public void SetUpos(int t, Upos upos) => _upos[t] = upos;

    public ushort XposOf(int t) => _xpos[t];

    public void SetXpos(int t, ushort xpos) => _xpos[t] = xpos;

    public string? LemmaOf(int t) => _lemma[t];

    public void SetLemma(int t, string? lemma) => _lemma[t] = lemma;

    /// <summary>Document-level index of the head token, -1 for the root, -2 when not parsed.</summary>
    public int HeadOf(int t) => _head[t];

    public void SetHead(int t, int head) => _head[t] = head;

    public ushort DeprelOf(int t) => _deprel[t];

    public void SetDeprel(int t, ushort deprel) => _deprel[t] = deprel;

    public (Iob Iob, EntityType Type) EntityOf(int t) => ((Iob)(_entity[t] >> 4), (EntityType)(_entity[t] & 0xF));

    public void SetEntity(int t, Iob iob, EntityType type) => _entity[t] = (byte)(((int)iob << 4) | (int)type);

    public int SentenceOf(int t) => _sentenceOf[t];

    public int SentenceFirstToken(int s) => _sentFirst[s];

    public int SentenceTokenCount(int s) => _sentCount[s];

    /// <summary>The token's text as written (a slice of <see cref="Text"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<char> TextOf(int t) => Text.AsSpan(_start[t], _end[t] - _start[t]);

    /// <summary>The token's normalized form (a slice of <see cref="Normalized"/>): what models read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<char> NormOf(int t) => _normalized.Text.AsSpan(_normStart[t], _normEnd[t] - _normStart[t]);

    // ---- annotations added by later layers --------------------------------------------------------------

    /// <summary>Attaches a layer's result (mentions, events, ...) to the document, one value per type.</summary>
    public void Set<T>(T value) where T : class => _annotations[typeof(T)] = value;

    public T? Get<T>() where T : class => _annotations.TryGetValue(typeof(T), out var v) ? (T)v : null;

    public override string ToString() => $"Document {Id}: {TokenCount} tokens, {SentenceCount} sentences";
}

/// <summary>Enumerates a document's sentences without allocating.</summary>
public readonly struct SentenceEnumerable(Document doc)
{
    public Enumerator GetEnumerator() => new(doc);

    public struct Enumerator(Document doc)
    {
        private int _i = -1;

        public readonly Sentence Current => new(doc, _i);

        public bool MoveNext() => ++_i < doc.SentenceCount;
    }
}
