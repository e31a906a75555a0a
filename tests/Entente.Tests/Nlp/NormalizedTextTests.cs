using Entente.Nlp.Documents;
using Entente.Nlp.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Entente.Tests.Nlp;

public sealed class NormalizedTextTests
{
    [Fact]
    public void Ascii_IsIdentity()
    {
        var n = TextNormalizer.Normalize("Plain ASCII text.");
        Assert.True(n.IsIdentity);
        Assert.Equal("Plain ASCII text.", n.Text);
    }

    [Fact]
    public void Ligature_And_FullWidth_AreFolded_OffsetsMapBack()
    {
        const string text = "the ﬁnal ＵＮ vote\r\nnext\u200Bline";
        var n = TextNormalizer.Normalize(text);
        Assert.Equal("the final UN vote\r\nnextline", n.Text); // whitespace stays as written
        var fi = n.Text.IndexOf("final", StringComparison.Ordinal);
        Assert.Equal("ﬁnal", text[n.ToOriginalStart(fi)..n.ToOriginalEnd(fi + 5)]);
        var un = n.Text.IndexOf("UN", StringComparison.Ordinal);
        Assert.Equal("ＵＮ", text[n.ToOriginalStart(un)..n.ToOriginalEnd(un + 2)]);
        var nl = n.Text.IndexOf("nextline", StringComparison.Ordinal);
        Assert.Equal("next\u200Bline", text[n.ToOriginalStart(nl)..n.ToOriginalEnd(nl + 8)]);
    }

    [Fact]
    public void NewsTextWithAccentsCurlyQuotesAndDashes_IsIdentity()
    {
        var n = TextNormalizer.Normalize("Andrés López said “no” – and Zelenskyy’s aide agreed: €5 😀");
        Assert.True(n.IsIdentity);
    }

    [Fact]
    public void Whitespace_IsLeftAsWritten_NoBreakSpacesAndWindowsLineEndingsIncluded()
    {
        Assert.True(TextNormalizer.Normalize("5\u00A0km\r\nnext\u2028line\u2009end").IsIdentity);
        Assert.Equal("5\u00A0fi\r\n", TextNormalizer.Normalize("5\u00A0ﬁ\r\n").Text);
    }

    [Theory]
    [InlineData("soft\u00ADhyphen", "softhyphen")]
    [InlineData("\uFEFFbom", "bom")]
    [InlineData("Ande\u0301s", "Andés")]
    [InlineData("𝐀𝐁", "AB")]
    [InlineData("wait…", "wait...")]
    public void TextThatNeedsNormalizing_IsNormalized(string text, string expected)
    {
        var n = TextNormalizer.Normalize(text);
        Assert.False(n.IsIdentity);
        Assert.Equal(expected, n.Text);
    }

    [Fact]
    public void LoneSurrogate_IsDropped()
    {
        var n = TextNormalizer.Normalize("lone" + '\uD800' + "surrogate");
        Assert.Equal("lonesurrogate", n.Text);
    }

    [Fact]
    public void CombiningSequence_IsComposed()
    {
        var n = TextNormalizer.Normalize("Zelenskyy Ande\u0301s"); // e + combining acute
        Assert.EndsWith("Andés", n.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnyString_OffsetsStayInsideTheOriginalAndAreMonotonic()
    {
        Prop.ForAll<string>(s =>
        {
            s ??= "";
            var n = TextNormalizer.Normalize(s);
            var prev = 0;
            for (var i = 0; i < n.Text.Length; i++)
            {
                var a = n.ToOriginalStart(i);
                var b = n.ToOriginalEnd(i + 1);
                if (a < prev || a > b || b > s.Length)
                    return false;
                prev = a;
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }
}
