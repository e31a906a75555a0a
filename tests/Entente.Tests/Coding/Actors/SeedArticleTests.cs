using Entente.Coding;
using Entente.Nlp;
using Entente.Nlp.Documents;

namespace Entente.Tests.Coding.Actors;

/// <summary>
/// The acceptance test of issue 4: on the seed article (dated 2025-07-16), run through the whole pipeline,
/// every listed mention resolves to the right state.
/// </summary>
public sealed class SeedArticleTests
{
    private static readonly Lazy<List<Mention>> Mentions = new(() =>
    {
        var pipeline = EntentePipeline.Create(new DataDirectory(Path.Combine(TestPaths.Repo, "data")));
        var doc = new Document(File.ReadAllText(TestPaths.Seed), "seed", new DateOnly(2025, 7, 16));
        pipeline.Process(doc);
        return doc.Get<MentionList>()!.Items;
    });

    private static Mention First(string phrase)
    {
        var m = Mentions.Value.FirstOrDefault(x => x.Text.Equals(phrase, StringComparison.OrdinalIgnoreCase))
                ?? Mentions.Value.FirstOrDefault(x => x.Text.Contains(phrase, StringComparison.OrdinalIgnoreCase));
        Assert.True(m is not null, $"no mention of '{phrase}' among: {string.Join(" | ", Mentions.Value.Select(x => x.Text))}");
        return m!;
    }

    [Theory]
    [InlineData("Donald Trump", "USA")]
    [InlineData("Joe Biden", "USA")]
    [InlineData("the Republican", "USA")]
    [InlineData("the now US president", "USA")]
    [InlineData("Vladimir Putin", "RUS")]
    [InlineData("Xi Jinping", "CHN")]
    [InlineData("his Chinese counterpart", "CHN")]
    [InlineData("Beijing", "CHN")]
    [InlineData("Moscow", "RUS")]
    [InlineData("Washington", "USA")]
    [InlineData("the Kremlin", "RUS")]
    [InlineData("the Asian giant", "CHN")]
    [InlineData("Kiev", "UKR")]
    [InlineData("Sergei Lavrov", "RUS")]
    [InlineData("Wang Yi", "CHN")]
    [InlineData("Subrahmanyam Jaishankar", "IND")]
    [InlineData("Abbas Araghchi", "IRN")]
    [InlineData("The world's second-largest economy", "CHN")]
    [InlineData("spokesperson for the Chinese Ministry of Foreign Affairs", "CHN")]
    public void ListedMention_ResolvesToItsState(string phrase, string country) =>
        Assert.Equal(country, First(phrase).Country);

    [Fact]
    public void EuropeanLeaders_AreEuropesGovernments() =>
        Assert.Equal("EURGOV", First("European leaders").Code);

    [Theory]
    [InlineData("Donald Trump", "USAGOV")]
    [InlineData("Joe Biden", "USAELI")]
    [InlineData("the Republican", "USAGOV")]
    [InlineData("the now US president", "USAGOV")]
    [InlineData("his Chinese counterpart", "CHNGOV")]
    [InlineData("the Kremlin", "RUSGOV")]
    [InlineData("Sergei Lavrov", "RUSGOV")]
    [InlineData("spokesperson for the Chinese Ministry of Foreign Affairs", "CHNGOV")]
    public void ListedMention_HasTheRoleOfTheArticlesDate(string phrase, string code) =>
        Assert.Equal(code, First(phrase).Code);

    [Theory]
    [InlineData("the Republican", "Donald Trump")]
    [InlineData("the now US president", "Donald Trump")]
    [InlineData("his Chinese counterpart", "Xi Jinping")]
    [InlineData("the Chinese leader", "Xi")]
    [InlineData("The Russian leader", "Putin")]
    public void Descriptor_RefersBackToThePerson(string phrase, string antecedent)
    {
        var m = First(phrase);
        Assert.Equal(Resolution.Coreference, m.Resolution);
        var chain = new List<string>();
        for (var a = m.Antecedent; a >= 0 && chain.Count < 20; a = Mentions.Value[a].Antecedent)
            chain.Add(Mentions.Value[a].Text);
        Assert.True(chain.Any(t => t.Contains(antecedent, StringComparison.Ordinal)), $"'{phrase}' refers to [{string.Join(" <- ", chain)}]");
    }

    [Fact]
    public void BothNeighbors_AreChinaAndRussia()
    {
        var m = First("both neighbors");
        Assert.NotNull(m.Members);
        Assert.Equal(["CHN", "RUS"], m.Members!.Select(i => Mentions.Value[i].Country).Order(StringComparer.Ordinal));
    }
}
