using System.Globalization;
using System.Runtime.CompilerServices;

namespace Entente.Nlp.Segmentation;

/// <summary>What a character is to the tokenizer.</summary>
[Flags]
internal enum CharKind : ushort
{
    None = 0,
    Space = 1 << 0,
    Upper = 1 << 1,
    Lower = 1 << 2,
    OtherLetter = 1 << 3,
    Digit = 1 << 4,
    Mark = 1 << 5,

    /// <summary>' ’ ` ´ ʼ: an apostrophe inside or at the end of a word, a single quote elsewhere.</summary>
    Apostrophe = 1 << 6,

    /// <summary>- ‐ ‑: joins compounds ("so-called") or stands for a dash when doubled.</summary>
    Hyphen = 1 << 7,

    /// <summary>‒ – — ―: always a token of its own.</summary>
    Dash = 1 << 8,

    /// <summary>. ? ! … ‼ ⁇ ⁈ ⁉: may end a sentence.</summary>
    Terminal = 1 << 9,

    /// <summary>" “ ” „ ‟ « » ‹ › ‘ ‚ ‛.</summary>
    Quote = 1 << 10,

    /// <summary>( [ { and their full-width and other opening forms.</summary>
    Open = 1 << 11,

    /// <summary>) ] } and their closing forms.</summary>
    Close = 1 << 12,

    /// <summary>$ £ € ¥ and every other currency sign.</summary>
    Currency = 1 << 13,

    /// <summary>Half of a surrogate pair (emoji and other astral characters).</summary>
    Surrogate = 1 << 14,

    Letter = Upper | Lower | OtherLetter,
    Alnum = Letter | Digit,
    Word = Letter | Digit | Mark,
}

/// <summary>A precomputed kind for every UTF-16 code unit: one array read per character in the hot loops.</summary>
internal static class Chars
{
    private static readonly CharKind[] Kinds = Build();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CharKind Kind(char c) => Kinds[c];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Is(char c, CharKind kinds) => (Kinds[c] & kinds) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSpace(char c) => Kinds[c] == CharKind.Space;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWord(char c) => (Kinds[c] & CharKind.Word) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAlnum(char c) => (Kinds[c] & CharKind.Alnum) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLetter(char c) => (Kinds[c] & CharKind.Letter) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(char c) => Kinds[c] == CharKind.Digit;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsUpper(char c) => Kinds[c] == CharKind.Upper;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLower(char c) => Kinds[c] == CharKind.Lower;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsApostrophe(char c) => Kinds[c] == CharKind.Apostrophe;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsTerminal(char c) => Kinds[c] == CharKind.Terminal;

    private static CharKind[] Build()
    {
        var kinds = new CharKind[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            kinds[i] = CharUnicodeInfo.GetUnicodeCategory(c) switch
            {
                UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter => CharKind.Upper,
                UnicodeCategory.LowercaseLetter => CharKind.Lower,
                UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber => CharKind.OtherLetter,
                UnicodeCategory.DecimalDigitNumber => CharKind.Digit,
                UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => CharKind.Mark,
                UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => CharKind.Space,
                UnicodeCategory.Control when char.IsWhiteSpace(c) => CharKind.Space,
                UnicodeCategory.CurrencySymbol => CharKind.Currency,
                UnicodeCategory.OpenPunctuation => CharKind.Open,
                UnicodeCategory.ClosePunctuation => CharKind.Close,
                UnicodeCategory.Surrogate => CharKind.Surrogate,
                _ => CharKind.None,
            };
        }

        // Quotes are Pi/Pf/Ps/Pe/Po in Unicode; the tokenizer wants them as one class, apart from brackets.
        foreach (var c in "\"“”„‟«»‹›‘‚‛〝〞")
            kinds[c] = CharKind.Quote;
        foreach (var c in "'’`´ʼ")
            kinds[c] = CharKind.Apostrophe;
        foreach (var c in "-‐‑")
            kinds[c] = CharKind.Hyphen;
        foreach (var c in "‒–—―⸺⸻")
            kinds[c] = CharKind.Dash;
        foreach (var c in ".?!…‼⁇⁈⁉")
            kinds[c] = CharKind.Terminal;
        return kinds;
    }
}
