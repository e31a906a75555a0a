using System.Buffers;
using System.Runtime.CompilerServices;
using Entente.Nlp.Documents;

namespace Entente.Nlp.Segmentation;

/// <summary>
/// Where the tokenizer writes: appends words to the document with their offsets mapped back to the original
/// text, sets SpaceAfter, JoinedToNext and ParagraphStart, and remembers the tokens after which the
/// tokenizer already knows a sentence ends (an abbreviation whose period is also the full stop). One per
/// <see cref="Segmenter.Process"/> call; its buffer comes from the shared array pool and goes back to it.
/// </summary>
internal struct TokenSink
{
    private readonly Document _doc;
    private readonly NormalizedText _norm;
    private readonly string _text;
    private int[] _sentenceEnds;
    private int _sentenceEndCount;
    private bool _paragraphPending;

    public TokenSink(Document doc)
    {
        _doc = doc;
        _norm = doc.Normalized;
        _text = _norm.Text;
        _sentenceEnds = ArrayPool<int>.Shared.Rent(16);
        _sentenceEndCount = 0;
        _paragraphPending = true;
    }

    public readonly Document Document => _doc;

    /// <summary>Tokens (document indices) after which a sentence is known to end, in order.</summary>
    public readonly ReadOnlySpan<int> SentenceEnds => _sentenceEnds.AsSpan(0, _sentenceEndCount);

    /// <summary>True until the first token of the current paragraph is written.</summary>
    public readonly bool AtParagraphStart => _paragraphPending;

    public void StartParagraph() => _paragraphPending = true;

    /// <summary>Writes one word that is a surface token of its own.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Word(int start, int end) => Add(start, end, false);

    /// <summary>Writes one word; <paramref name="joined"/> when the next word belongs to the same surface token.</summary>
    public void Word(int start, int end, bool joined) => Add(start, end, joined);

    /// <summary>Writes the words of one surface token split at <paramref name="split"/> ("do" + "n't").</summary>
    public void Words(int start, int split, int end)
    {
        Add(start, split, true);
        Add(split, end, false);
    }

    /// <summary>Marks the last token written as the end of a sentence.</summary>
    public void EndSentenceHere()
    {
        if (_doc.TokenCount == 0)
            return;
        if (_sentenceEndCount == _sentenceEnds.Length)
        {
            var bigger = ArrayPool<int>.Shared.Rent(_sentenceEnds.Length * 2);
            _sentenceEnds.AsSpan(0, _sentenceEndCount).CopyTo(bigger);
            ArrayPool<int>.Shared.Return(_sentenceEnds);
            _sentenceEnds = bigger;
        }

        _sentenceEnds[_sentenceEndCount++] = _doc.TokenCount - 1;
    }

    public void Release()
    {
        ArrayPool<int>.Shared.Return(_sentenceEnds);
        _sentenceEnds = [];
        _sentenceEndCount = 0;
    }

    private void Add(int start, int end, bool joined)
    {
        var flags = joined ? TokenFlags.JoinedToNext
            : end < _text.Length && Chars.IsSpace(_text[end]) ? TokenFlags.SpaceAfter : TokenFlags.None;
        if (_paragraphPending)
        {
            flags |= TokenFlags.ParagraphStart;
            _paragraphPending = false;
        }

        if (_norm.IsIdentity)
            _doc.AddToken(start, end, start, end, flags);
        else
            _doc.AddToken(_norm.ToOriginalStart(start), _norm.ToOriginalEnd(end), start, end, flags);
    }
}
