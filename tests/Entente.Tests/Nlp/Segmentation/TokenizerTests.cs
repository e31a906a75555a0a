using Entente.Nlp.Documents;

namespace Entente.Tests.Nlp.Segmentation;

/// <summary>The UD English tokenization conventions, one table per family (expected: "+" joins the words of one surface token).</summary>
public sealed class TokenizerTests
{
    [Theory]
    [InlineData("I don't know.", "I do+n't know .")]
    [InlineData("They can't and won't.", "They ca+n't and wo+n't .")]
    [InlineData("It isn't, ain't it?", "It is+n't , ai+n't it ?")]
    [InlineData("I'm sure you're right, we've seen it, she'll go, he'd know.", "I+'m sure you+'re right , we+'ve seen it , she+'ll go , he+'d know .")]
    [InlineData("Bush's plan and NASA's budget", "Bush+'s plan and NASA+'s budget")]
    [InlineData("O'Neill's house and the U.S.’s role", "O'Neill+'s house and the U.S.+’s role")]
    [InlineData("the merchants' guild", "the merchants+' guild")]
    [InlineData("It’s Beijing’s call, don’t you think?", "It+’s Beijing+’s call , do+n’t you think ?")]
    [InlineData("DON'T SHOUT", "DO+N'T SHOUT")]
    [InlineData("I'm gonna go, wanna come? We gotta.", "I+'m gon+na go , wan+na come ? We got+ta .")]
    [InlineData("You cannot win.", "You can+not win .")]
    [InlineData("i dont care", "i do+nt care")]
    [InlineData("Let's go", "Let+'s go")]
    [InlineData("tell 'em about the '90s and '68", "tell 'em about the '90s and '68")]
    [InlineData("Bob 's", "Bob 's")]
    public void Clitics_AreWordsOfOneSurfaceToken(string text, string expected) => Assert.Equal(expected, Segmented.Tokens(text));

    [Theory]
    [InlineData("the so-called deal", "the so - called deal")]
    [InlineData("a long-term, full-time job", "a long - term , full - time job")]
    [InlineData("the Beijing-Moscow partnership", "the Beijing - Moscow partnership")]
    [InlineData("a 26-year-old man", "a 26 - year - old man")]
    [InlineData("a clear pro-Russian turn", "a clear pro-Russian turn")]
    [InlineData("non-stop e-mail, re-elected co-founder", "non-stop e-mail , re-elected co-founder")]
    [InlineData("in the mid-1980s", "in the mid-1980s")]
    [InlineData("call 713-853-3989 or 1-800-991-9019", "call 713-853-3989 or 1-800-991-9019")]
    [InlineData("in 1969-1970", "in 1969 - 1970")]
    [InlineData("a Holocaust-esque scene", "a Holocaust-esque scene")]
    [InlineData("the non-stop-flight", "the non-stop - flight")]
    [InlineData("th- the problem", "th- the problem")]
    public void Hyphens_SplitCompoundsButKeepBoundPrefixes(string text, string expected) => Assert.Equal(expected, Segmented.Tokens(text));

    [Theory]
    [InlineData("It cost 1,000.50 dollars.", "It cost 1,000.50 dollars .")]
    [InlineData("It cost $5, or 5%.", "It cost $ 5 , or 5 % .")]
    [InlineData("a $25bn deal at 5pm", "a $ 25 bn deal at 5 pm")]
    [InlineData("at 10:30 on 5/30/00", "at 10:30 on 5/30/00")]
    [InlineData("the 2nd time in the 1990s", "the 2nd time in the 1990s")]
    [InlineData("after 9/11, half (1/2) left", "after 9/11 , half ( 1/2 ) left")]
    [InlineData("it fell to -37 at 7:30PM", "it fell to - 37 at 7:30 PM")]
    [InlineData("at 8:30p.m. on Monday", "at 8:30 p.m. on Monday")]
    [InlineData("£760 and €5.2m", "£ 760 and € 5.2 m")]
    [InlineData("refs [13,14] and 7,5", "refs [ 13 , 14 ] and 7,5")]
    [InlineData("a US$4.5 loan", "a US$ 4.5 loan")]
    [InlineData("grew .25 points", "grew .25 points")]
    public void Numbers_DatesTimesAndCurrencies(string text, string expected) => Assert.Equal(expected, Segmented.Tokens(text));

    [Theory]
    [InlineData("See http://www.example.com/a-b?x=1&y=2.", "See http://www.example.com/a-b?x=1&y=2 .")]
    [InlineData("(www.bbc.co.uk/news)", "( www.bbc.co.uk/news )")]
    [InlineData("Write to john.smith@example.com, please.", "Write to john.smith@example.com , please .")]
    [InlineData("\"Julie\"<julie@example.net>", "\" Julie \" < julie@example.net >")]
    [InlineData("read Space.com today", "read Space.com today")]
    [InlineData("see https://example.org/path/", "see https://example.org/path/")]
    public void UrlsAndAddresses_StayWhole(string text, string expected) => Assert.Equal(expected, Segmented.Tokens(text));

    [Theory]
    [InlineData("The U.S. and the U.K. agreed.", "The U.S. and the U.K. agreed .")]
    [InlineData("Gen. Smith met Mr. Jones on Feb. 5.", "Gen. Smith met Mr. Jones on Feb. 5 .")]
    [InlineData("J.R.R. Tolkien and George W. Bush", "J.R.R. Tolkien and George W. Bush")]
    [InlineData("fruit, e.g. apples, i.e. food", "fruit , e.g. apples , i.e. food")]
    [InlineData("apples, pears etc.", "apples , pears etc .")]
    [InlineData("apples, pears etc. and more", "apples , pears etc. and more")]
    [InlineData("Apple Inc., the maker", "Apple Inc. , the maker")]
    [InlineData("It is No. 5 in the list.", "It is No. 5 in the list .")]
    [InlineData("He said No. Then he left.", "He said No . Then he left .")]
    [InlineData("Martin Luther King Jr. spoke.", "Martin Luther King Jr. spoke .")]
    [InlineData("the U.S.-led coalition", "the U.S. - led coalition")]
    [InlineData("Dr.Smith arrived", "Dr. Smith arrived")]
    [InlineData("the LTD. company", "the LTD. company")]
    public void Abbreviations_KeepTheirPeriod(string text, string expected) => Assert.Equal(expected, Segmented.Tokens(text));

    [Theory]
    [InlineData("\"Hello,\" she said.", "\" Hello , \" she said .")]
    [InlineData("“Hello,” she said.", "“ Hello , ” she said .")]
    [InlineData("‘single’ quotes", "‘ single ’ quotes")]
    [InlineData("the war—and peace", "the war — and peace")]
    [InlineData("from 1990–2000", "from 1990 – 2000")]
    [InlineData("politics--the game", "politics -- the game")]
    [InlineData("wait... what…", "wait ... what …")]
    [InlineData("Really?! No!!!", "Really ?! No !!!")]
    [InlineData("(see above).", "( see above ) .")]
    [InlineData("``quoted''", "`` quoted ''")]
    [InlineData("great :) and fine:-) or :-(", "great :) and fine :-) or :-(")]
    [InlineData("Yahoo! said", "Yahoo! said")]
    [InlineData("he said [...] it", "he said [ ... ] it")]
    public void QuotesDashesAndEllipses_AreTokensOfTheirOwn(string text, string expected) => Assert.Equal(expected, Segmented.Tokens(text));

    [Fact]
    public void Flags_MarkSpaceAfterJoinedWordsAndParagraphs()
    {
        var doc = Segmented.Doc("I don't.\n\nNew paragraph");
        Assert.Equal("I do+n't . New paragraph", Segmented.Tokens(doc));
        Assert.Equal(TokenFlags.SpaceAfter | TokenFlags.ParagraphStart, doc.FlagsOf(0));
        Assert.Equal(TokenFlags.JoinedToNext, doc.FlagsOf(1)); // "do"
        Assert.Equal(TokenFlags.None, doc.FlagsOf(2)); // "n't" before "."
        Assert.Equal(TokenFlags.SpaceAfter, doc.FlagsOf(3)); // "." before the blank line
        Assert.Equal(TokenFlags.SpaceAfter | TokenFlags.ParagraphStart, doc.FlagsOf(4));
        Assert.Equal(TokenFlags.None, doc.FlagsOf(5)); // last token of the text
    }

    [Fact]
    public void Offsets_PointIntoTheOriginalText_ThroughNormalization()
    {
        const string text = "The ﬁnal\u200B vote: ＵＮ wins.";
        var doc = Segmented.Doc(text);
        Assert.Equal("The ﬁnal vote : ＵＮ wins .", Segmented.Tokens(doc)); // the zero-width space belongs to no token
        Assert.Equal("final", doc.NormOf(1).ToString());
        Assert.Equal("UN", doc.NormOf(4).ToString());
    }

    [Fact]
    public void Seed_DemonymsAndPossessives_TokenizeAsUdEnglish()
    {
        var text = File.ReadAllText(TestPaths.Seed);
        var tokens = Segmented.Tokens(text);
        Assert.Contains("under Joe Biden+'s leadership", tokens, StringComparison.Ordinal);
        Assert.Contains("in China - Russia relations .", tokens, StringComparison.Ordinal);
        Assert.Contains("a clear pro-Russian turn", tokens, StringComparison.Ordinal);
        Assert.Contains("Shanghai Cooperation Organization ( SCO ) leaders", tokens, StringComparison.Ordinal);
    }
}
