using Entente.Coding.Events.Quotes;

namespace Entente.Tests.Coding.Events;

public sealed class QuoteSpansTests
{
    [Fact]
    public void StraightAndCurlyQuotes_AreFound_WithoutTheirMarks()
    {
        var text = "He said \"we will act,\" and she said \u201Cnever\u201D.";
        var spans = QuoteSpans.Find(text);
        Assert.Equal(["we will act", "never"], spans.Select(s => text[s.Start..s.End]));
    }

    [Fact]
    public void UnclosedQuote_StopsAtItsParagraph_AndLaterQuotesStillCount()
    {
        var text = "He said \"this never ends.\n\nLater she said \"fine\" again.";
        var spans = QuoteSpans.Find(text);
        Assert.Equal(["fine"], spans.Select(s => text[s.Start..s.End]));
    }

    [Fact]
    public void EmptyQuotes_AreIgnored() => Assert.Empty(QuoteSpans.Find("An empty \"\" pair and \"  \" spaces."));
}
