using Entente.Coding;
using Entente.Coding.Events.Dates;

namespace Entente.Tests.Coding.Events;

public sealed class TemporalExpressionTests
{
    // 2025-07-16 is a Wednesday
    private static readonly DateOnly Today = new(2025, 7, 16);

    [Theory]
    [InlineData("on Tuesday", false, "2025-07-15", DatePrecision.Day)]
    [InlineData("on Wednesday", false, "2025-07-16", DatePrecision.Day)]
    [InlineData("last Wednesday", false, "2025-07-09", DatePrecision.Day)]
    [InlineData("on Friday", true, "2025-07-18", DatePrecision.Day)]
    [InlineData("next Monday", false, "2025-07-21", DatePrecision.Day)]
    [InlineData("yesterday", false, "2025-07-15", DatePrecision.Day)]
    [InlineData("last week", false, "2025-07-07", DatePrecision.Week)]
    [InlineData("this week", false, "2025-07-14", DatePrecision.Week)]
    [InlineData("earlier this year", false, "2025-01-01", DatePrecision.Year)]
    [InlineData("last year", false, "2024-01-01", DatePrecision.Year)]
    [InlineData("in 2022", false, "2022-01-01", DatePrecision.Year)]
    [InlineData("this summer", false, "2025-06-01", DatePrecision.Season)]
    [InlineData("last month", false, "2025-06-01", DatePrecision.Month)]
    [InlineData("in March", false, "2025-03-01", DatePrecision.Month)]
    [InlineData("in September", false, "2024-09-01", DatePrecision.Month)]
    [InlineData("on July 14, 2024", false, "2024-07-14", DatePrecision.Day)]
    [InlineData("14 July", false, "2025-07-14", DatePrecision.Day)]
    [InlineData("three days ago", false, "2025-07-13", DatePrecision.Day)]
    [InlineData("two weeks ago", false, "2025-06-30", DatePrecision.Week)]
    public void Phrase_ResolvesAgainstTheDocumentDate(string phrase, bool future, string expected, DatePrecision precision)
    {
        Assert.True(TemporalExpression.TryParse(phrase.Split(' '), Today, future, out var date, out var p));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date);
        Assert.Equal(precision, p);
    }

    [Theory]
    [InlineData("the Victory Day parade")]
    [InlineData("a week of talks")]
    [InlineData("may resign")]
    [InlineData("in Beijing")]
    public void WordsThatAreNoDate_ParseToNothing(string phrase) =>
        Assert.False(TemporalExpression.TryParse(phrase.Split(' '), Today, false, out _, out _));
}
