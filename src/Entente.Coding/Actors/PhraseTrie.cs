using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Entente.Coding.Actors;

/// <summary>
/// Splits words into the pieces that dictionary phrases and document tokens are compared by, so that the
/// comparison does not depend on how a tokenizer cut the text. Pieces are runs of letters and digits;
/// hyphens, periods, underscores and whitespace only separate ("U.S." and "U.S" + "." are both U|S,
/// "al-Qaeda" and "al - Qaeda" both AL|QAEDA); an apostrophe followed by a final s is the possessive piece
/// <see cref="Possessive"/>; any other punctuation is a piece of its own.
/// </summary>
internal ref struct PieceEnumerator(ReadOnlySpan<char> text)
{
    public const string Possessive = "'S";

    private readonly ReadOnlySpan<char> _text = text;
    private int _pos;

    public ReadOnlySpan<char> Current { get; private set; }

    public bool IsPossessive { get; private set; }

    /// <summary>Where <see cref="Current"/> starts in the text (for the possessive piece: at its apostrophe).</summary>
    public int Start { get; private set; }

    /// <summary>Where <see cref="Current"/> ends in the text.</summary>
    public int End { get; private set; }

    public bool MoveNext()
    {
        var s = _text;
        while (_pos < s.Length)
        {
            var c = s[_pos];
            if (IsSeparator(c))
            {
                _pos++;
                continue;
            }

            if (IsApostrophe(c))
            {
                if (_pos + 1 < s.Length && (s[_pos + 1] | 0x20) == 's' && (_pos + 2 == s.Length || IsSeparator(s[_pos + 2])))
                {
                    Current = Possessive;
                    IsPossessive = true;
                    Start = _pos;
                    _pos += 2;
                    End = _pos;
                    return true;
                }

                _pos++;
                continue;
            }

            IsPossessive = false;
            var start = _pos;
            if (IsWordChar(c))
            {
                while (_pos < s.Length && IsWordChar(s[_pos]))
                    _pos++;
            }
            else
            {
                // One symbol: a surrogate pair ("🙂") stays whole, so no piece is half a character.
                _pos += char.IsHighSurrogate(c) && _pos + 1 < s.Length && char.IsLowSurrogate(s[_pos + 1]) ? 2 : 1;
            }

            Current = s[start.._pos];
            Start = start;
            End = _pos;
            return true;
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSeparator(char c) => c is '-' or '.' or '_' or '\u2010' or '\u2011' || char.IsWhiteSpace(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '`';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWordChar(char c) =>
        c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;
}

/// <summary>
/// The pieces every dictionary knows, interned to ids. Lookup ignores case and diacritics ("Erdoğan" is
/// ERDOGAN). Built once, read-only afterwards.
/// </summary>
internal sealed class PieceVocabulary
{
    // Keys are stored folded (upper case, no diacritics) and compared ordinally: faster than a case-insensitive
    // comparer, and lookups fold the document's piece into a stack buffer first.
    private readonly Dictionary<string, int> _ids = new(1 << 16, StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private const int MaxPiece = 64;

    public PieceVocabulary()
    {
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        PossessiveId = Intern(PieceEnumerator.Possessive);
    }

    public int PossessiveId { get; }

    public int Count => _ids.Count;

    public int Intern(ReadOnlySpan<char> piece)
    {
        Span<char> buffer = stackalloc char[MaxPiece];
        ReadOnlySpan<char> key = piece.Length <= MaxPiece && TryFoldAscii(piece, buffer) ? buffer[..piece.Length] : FoldSlow(piece).AsSpan();
        if (_lookup.TryGetValue(key, out var id))
            return id;
        id = _ids.Count;
        _ids[key.ToString()] = id;
        return id;
    }

    /// <summary>The id of a piece, or -1 when no dictionary has it. Allocates only for non-ASCII pieces.</summary>
    public int Find(ReadOnlySpan<char> piece)
    {
        if (piece.Length > MaxPiece)
            return -1;
        Span<char> buffer = stackalloc char[MaxPiece];
        if (TryFoldAscii(piece, buffer))
            return _lookup.TryGetValue(buffer[..piece.Length], out var id) ? id : -1;
        return _lookup.TryGetValue(FoldSlow(piece), out var id2) ? id2 : -1;
    }

    /// <summary>Upper-cases an ASCII piece into <paramref name="buffer"/>; false when it has other characters.</summary>
    private static bool TryFoldAscii(ReadOnlySpan<char> piece, Span<char> buffer)
    {
        for (var i = 0; i < piece.Length; i++)
        {
            var c = piece[i];
            if (c > 0x7f)
                return false;
            buffer[i] = c is >= 'a' and <= 'z' ? (char)(c - 32) : c;
        }

        return true;
    }

    private static string FoldSlow(ReadOnlySpan<char> piece)
    {
        // Normalization throws on a lone surrogate (broken input): such a piece is only upper-cased.
        foreach (var c in piece)
        {
            if (char.IsSurrogate(c))
                return piece.ToString().ToUpperInvariant();
        }

        var decomposed = piece.ToString().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                sb.Append(char.ToUpperInvariant(c));
        }

        return sb.ToString();
    }

    /// <summary>Splits a dictionary phrase into piece ids (interning new pieces); returns false for an empty phrase.</summary>
    public bool InternPhrase(string phrase, List<int> ids)
    {
        ids.Clear();
        var e = new PieceEnumerator(phrase);
        while (e.MoveNext())
            ids.Add(Intern(e.Current));
        return ids.Count > 0;
    }
}

/// <summary>
/// A trie over piece ids: each path from the root spells a phrase; a node that ends a phrase carries a value
/// (an index into the owner's table). Adding a phrase that is already there replaces its value, so later
/// dictionaries override earlier ones, as in PETRARCH. Read-only after building.
/// </summary>
internal sealed class PhraseTrie
{
    private readonly Dictionary<long, int> _edges;
    private readonly List<int> _values;

    /// <param name="capacity">Expected number of nodes: sizing up front saves rehashing while loading.</param>
    public PhraseTrie(int capacity = 16)
    {
        _edges = new Dictionary<long, int>(capacity);
        _values = new List<int>(capacity) { -1 };
    }

    public const int Root = 0;

    public int NodeCount => _values.Count;

    public void Add(List<int> pieces, int value)
    {
        var node = Root;
        foreach (var p in pieces)
        {
            var key = ((long)node << 32) | (uint)p;
            if (!_edges.TryGetValue(key, out var child))
            {
                child = _values.Count;
                _values.Add(-1);
                _edges[key] = child;
            }

            node = child;
        }

        _values[node] = value;
    }

    /// <summary>The child of <paramref name="node"/> along <paramref name="piece"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Step(int node, int piece) =>
        piece >= 0 && _edges.TryGetValue(((long)node << 32) | (uint)piece, out var child) ? child : -1;

    /// <summary>The value of the phrase that ends at <paramref name="node"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ValueAt(int node) => _values[node];

    /// <summary>
    /// The longest phrase that starts at <paramref name="start"/> in <paramref name="pieces"/>: its length in
    /// pieces (0 when none) and value.
    /// </summary>
    public int Longest(ReadOnlySpan<int> pieces, int start, out int value)
    {
        value = -1;
        var best = 0;
        var node = Root;
        for (var i = start; i < pieces.Length; i++)
        {
            node = Step(node, pieces[i]);
            if (node < 0)
                break;
            var v = _values[node];
            if (v >= 0)
            {
                best = i - start + 1;
                value = v;
            }
        }

        return best;
    }
}
