using System.Globalization;
using System.Text;
using Entente.Nlp.Documents;

namespace Entente.Nlp.Text;

/// <summary>
/// Unicode normalization that keeps offsets: NFKC on non-ASCII runs (ligatures, full-width forms, combining
/// sequences) and removal of invisible characters (zero-width spaces and joiners, soft hyphens, byte-order
/// marks, other controls). Whitespace is left as it is (no-break and other exotic spaces, \r\n, line and
/// paragraph separators): no token contains whitespace, and the tokenizer reads every kind as a space or a
/// line break, so rewriting it would cost an allocation for nothing. Text that needs no change (all ASCII,
/// and almost all news with accents, dashes, curly quotes and no-break spaces) is returned as is, without
/// allocating.
/// </summary>
public static class TextNormalizer
{
    /// <summary>
    /// For every BMP character: true when normalization leaves it alone wherever it stands: whitespace, and
    /// characters that NFKC maps to themselves, that cannot compose with a neighbour and that are not
    /// controls, format characters or unassigned. Built once, about 60,000 single-character normalizations.
    /// </summary>
    private static readonly Lazy<bool[]> StableChars = new(BuildStableChars);

    public static NormalizedText Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var i = 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c > '~' || (c < ' ' && c != '\n' && c != '\t' && c != '\r'))
                break;
        }

        if (i == text.Length || IsStable(text, i))
            return NormalizedText.Identity(text);
        if (i > 0 && IsCombining(text, i))
            i--; // the base character before a combining mark belongs to its segment

        var sb = new StringBuilder(text.Length);
        var starts = new List<int>(text.Length);
        var ends = new List<int>(text.Length);
        for (var k = 0; k < i; k++)
        {
            sb.Append(text[k]);
            starts.Add(k);
            ends.Add(k + 1);
        }

        while (i < text.Length)
        {
            var c = text[i];
            if ((c >= ' ' && c <= '~' && (i + 1 >= text.Length || text[i + 1] < '\u0300' || !IsCombining(text, i + 1))) || char.IsWhiteSpace(c))
            {
                Emit(sb, starts, ends, c, i, i + 1);
                i++;
                continue;
            }

            // A segment: one character (or surrogate pair) plus any combining marks after it.
            var segEnd = i + (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1);
            while (segEnd < text.Length && IsCombining(text, segEnd))
                segEnd += char.IsSurrogatePair(text, segEnd) ? 2 : 1;

            var category = CharUnicodeInfo.GetUnicodeCategory(text, i);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                     or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                // invisible or meaningless: dropped (its original span simply has no normalized characters)
            }
            else
            {
                var seg = text.AsSpan(i, segEnd - i);
                string norm;
                try
                {
                    norm = seg.ToString().Normalize(NormalizationForm.FormKC);
                }
                catch (ArgumentException)
                {
                    norm = "\uFFFD"; // an unpaired surrogate or similar: keep a placeholder, never crash
                }

                foreach (var ch in norm)
                    Emit(sb, starts, ends, ch, i, segEnd);
            }

            i = segEnd;
        }

        return NormalizedText.Create(text, sb, starts, ends);
    }

    /// <summary>True when nothing from <paramref name="from"/> on needs normalizing.</summary>
    private static bool IsStable(string text, int from)
    {
        var stable = StableChars.Value;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (stable[c])
                continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // emoji and other astral symbols are stable; astral letters and digits (mathematical
                // alphanumerics) have compatibility forms, and unassigned code points are dropped
                var category = CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, text[i + 1]));
                if (category is not (UnicodeCategory.OtherSymbol or UnicodeCategory.MathSymbol))
                    return false;
                i++;
                continue;
            }

            return false;
        }

        return true;
    }

    private static bool[] BuildStableChars()
    {
        var stable = new bool[char.MaxValue + 1];
        Span<char> one = stackalloc char[1];
        Span<char> normalized = stackalloc char[32];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            if (c is >= ' ' and <= '~' || char.IsWhiteSpace(c))
            {
                stable[i] = true;
                continue;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                    or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.SpaceSeparator
                    or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.NonSpacingMark
                    or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                || c is >= '\u1100' and <= '\u11FF' // conjoining jamo compose with their neighbours
                || c is >= '\uFDD0' and <= '\uFDEF' || c >= '\uFFFE')
                continue;
            one[0] = c;
            try
            {
                stable[i] = ((ReadOnlySpan<char>)one).TryNormalize(normalized, out var written, NormalizationForm.FormKC)
                            && written == 1 && normalized[0] == c;
            }
            catch (ArgumentException)
            {
                // a code point ICU rejects: not stable, the slow path replaces it
            }
        }

        return stable;
    }

    private static bool IsCombining(string text, int index)
    {
        var cat = CharUnicodeInfo.GetUnicodeCategory(text, index);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }

    private static void Emit(StringBuilder sb, List<int> starts, List<int> ends, char c, int start, int end)
    {
        sb.Append(c);
        starts.Add(start);
        ends.Add(end);
    }
}
