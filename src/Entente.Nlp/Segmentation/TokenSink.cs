using System.Buffers;
using System.Runtime.CompilerServices;
using Entente.Nlp.Documents;

namespace Entente.Nlp.Segmentation;

/// <summary>
/// Where the tokenizer writes: appends words to the document with their offsets mapped back to the original
/// text, sets SpaceAfter, JoinedToNext and ParagraphStart, and remembers the tokens after which the
/// tokenizer already knows a sentence ends (an abbreviation whose period is also the full stop). One per
/// <see cref="Segmenter.Process"/> call; its buffer comes from the shared array pool and goes back to it.
/// When normalization changed the text, one original character can become several ("½" is "1⁄2"); a token
/// that would start inside the original span of the token before it is merged into that token, so original
/// spans never overlap. To do that the last token waits in the sink until the next one arrives.
/// </summary>
internal struct TokenSink
{
    private readonly Document _doc;
    private readonly NormalizedText _norm;
    private readonly string _text;
    private readonly bool _identity;
    private int[] _sentenceEnds;
    private int _sentenceEndCount;
    private bool _paragraphPending;

    // the last token, not yet in the document (only when normalization is not the identity)
    private bool _hasPending;
    private int _pendingStart, _pendingEnd, _pendingNormStart, _pendingNormEnd;
    private TokenFlags _pendingFlags;

    public TokenSink(Document doc)
    {
        _doc = doc;
        _norm = doc.Normalized;
        _text = _norm.Text;
        _identity = _norm.IsIdentity;
        _sentenceEnds = ArrayPool<int>.Shared.Rent(16);
        _sentenceEndCount = 0;
        _paragraphPending = true;
        _hasPending = false;
        _pendingStart = _pendingEnd = _pendingNormStart = _pendingNormEnd = 0;
        _pendingFlags = TokenFlags.None;
    }

    /// <summary>Tokens (document indices) after which a sentence is known to end, in order.</summary>
    public readonly ReadOnlySpan<int> SentenceEnds => _sentenceEnds.AsSpan(0, _sentenceEndCount);

    /// <summary>True until the first token of the current paragraph is written.</summary>
    public readonly bool AtParagraphStart => _paragraphPending;

    /// <summary>Number of tokens written so far.</summary>
    public readonly int Count => _doc.TokenCount + (_hasPending ? 1 : 0);

    /// <summary>The normalized text of the last token written (empty before the first).</summary>
    public readonly ReadOnlySpan<char> LastToken =>
        _hasPending ? _text.AsSpan(_pendingNormStart, _pendingNormEnd - _pendingNormStart)
        : _doc.TokenCount > 0 ? _doc.NormOf(_doc.TokenCount - 1) : default;

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
        var last = Count - 1;
        if (last < 0 || (_sentenceEndCount > 0 && _sentenceEnds[_sentenceEndCount - 1] == last))
            return;
        if (_sentenceEndCount == _sentenceEnds.Length)
        {
            var bigger = ArrayPool<int>.Shared.Rent(_sentenceEnds.Length * 2);
            _sentenceEnds.AsSpan(0, _sentenceEndCount).CopyTo(bigger);
            ArrayPool<int>.Shared.Return(_sentenceEnds);
            _sentenceEnds = bigger;
        }

        _sentenceEnds[_sentenceEndCount++] = last;
    }

    /// <summary>Writes the token still waiting, if any. Call once the text is done.</summary>
    public void Finish()
    {
        if (_hasPending)
        {
            _doc.AddToken(_pendingStart, _pendingEnd, _pendingNormStart, _pendingNormEnd, _pendingFlags);
            _hasPending = false;
        }
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

        if (_identity)
        {
            _doc.AddToken(start, end, start, end, flags);
            return;
        }

        var origStart = _norm.ToOriginalStart(start);
        var origEnd = _norm.ToOriginalEnd(end);
        if (_hasPending && origStart < _pendingEnd)
        {
            // inside one original character: the two are one token (the merged one ends as the new one does)
            _pendingEnd = Math.Max(_pendingEnd, origEnd);
            _pendingNormEnd = end;
            _pendingFlags = (_pendingFlags & TokenFlags.ParagraphStart) | (flags & ~TokenFlags.ParagraphStart);
            return;
        }

        Finish();
        (_pendingStart, _pendingEnd, _pendingNormStart, _pendingNormEnd, _pendingFlags) = (origStart, origEnd, start, end, flags);
        _hasPending = true;
    }
}
