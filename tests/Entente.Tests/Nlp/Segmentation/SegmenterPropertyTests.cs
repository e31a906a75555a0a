using Entente.Nlp.Documents;
using Entente.Nlp.Segmentation;
using FsCheck;
using FsCheck.Fluent;

namespace Entente.Tests.Nlp.Segmentation;

/// <summary>Invariants that hold for any input, checked on random strings and on strings built from tricky characters.</summary>
public sealed class SegmenterPropertyTests
{
    private static readonly Segmenter Segmenter = new();

    /// <summary>Characters that exercise the rules: punctuation, quotes, apostrophes, dashes, spaces, marks, surrogates.</summary>
    private const string Tricky = "aAzZ09 .,;:!?'\"’‘“”`´-–—/\\@#$%&*()[]{}<>_=+~|^…\n\n\r\t\u00A0\u200B\u0301\uFB01\uD83D\uDE00\uD800xn't's";

    private static Arbitrary<string> TrickyStrings() =>
        Gen.Elements(Tricky.ToCharArray()).ArrayOf().Select(chars => new string(chars)).ToArbitrary();

    [Fact]
    public void AnyString_SegmentsIntoOrderedNonEmptyTokensWithoutWhitespace() =>
        Prop.ForAll<string>(s => Holds(s ?? "")).QuickCheckThrowOnFailure();

    [Fact]
    public void TrickyStrings_SegmentIntoOrderedNonEmptyTokensWithoutWhitespace() =>
        Prop.ForAll(TrickyStrings(), Holds).Check(Config.QuickThrowOnFailure.WithMaxTest(2000));

    [Fact]
    public void TrickyStrings_LoseNoVisibleCharacter() =>
        Prop.ForAll(TrickyStrings(), CoversVisibleText).Check(Config.QuickThrowOnFailure.WithMaxTest(1000));

    /// <summary>
    /// Tokens are in order, non-overlapping, non-empty, free of whitespace, their text is Text[Start..End];
    /// sentences cover the tokens exactly, in order, each at most the cap; the last word of a sentence never
    /// joins the next.
    /// </summary>
    private static bool Holds(string text)
    {
        var doc = new Document(text);
        Segmenter.Process(doc);
        var previousEnd = 0;
        for (var t = 0; t < doc.TokenCount; t++)
        {
            int start = doc.StartOf(t), end = doc.EndOf(t);
            if (start < previousEnd || end <= start || end > text.Length)
                return false;
            var span = text.AsSpan(start, end - start);
            if (!span.SequenceEqual(doc.TextOf(t)) || doc.NormOf(t).Length == 0)
                return false;
            foreach (var c in doc.NormOf(t))
            {
                if (char.IsWhiteSpace(c))
                    return false;
            }

            previousEnd = end;
        }

        var next = 0;
        foreach (var s in doc.Sentences)
        {
            if (s.FirstToken != next || s.TokenCount < 1 || s.TokenCount > Segmenter.MaxSentenceTokens)
                return false;
            if ((doc.FlagsOf(s.EndToken - 1) & TokenFlags.JoinedToNext) != 0)
                return false;
            next = s.EndToken;
        }

        return next == doc.TokenCount && (doc.TokenCount == 0 || (doc.FlagsOf(0) & TokenFlags.ParagraphStart) != 0);
    }

    /// <summary>Every character that is not whitespace or invisible belongs to some token.</summary>
    private static bool CoversVisibleText(string text)
    {
        var doc = new Document(text);
        Segmenter.Process(doc);
        var covered = new bool[text.Length];
        for (var t = 0; t < doc.TokenCount; t++)
        {
            for (var i = doc.StartOf(t); i < doc.EndOf(t); i++)
                covered[i] = true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!covered[i] && !char.IsWhiteSpace(c) && c is not ('\u200B' or '\u0301') && !char.IsSurrogate(c))
                return false;
        }

        return true;
    }
}
