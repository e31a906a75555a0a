using Entente.Coding;
using Entente.Nlp;
using Entente.Nlp.Documents;

namespace Entente.Tests.Coding.Events;

/// <summary>
/// The motivating example, end to end: ../shared/seed/china-russia-2025-07.txt (dated 2025-07-16) through the full
/// pipeline (segmenter, tagger, parser, entities, actors, events, quotes). The checks are the codings a careful
/// human coder gives the article's key sentences; they depend on the models and dictionaries in data/.
/// </summary>
public sealed class SeedArticleTests
{
    private static readonly Lazy<Document> Seed = new(() =>
    {
        var pipeline = EntentePipeline.Create(new DataDirectory(Path.Combine(TestPaths.Repo, "data")));
        var doc = new Document(File.ReadAllText(TestPaths.Seed), "seed", new DateOnly(2025, 7, 16));
        pipeline.Process(doc);
        return doc;
    });

    private static List<CodedEvent> Events => Seed.Value.Get<EventList>()!.Items;

    private static bool Has(string source, string target, string plover) =>
        Events.Any(e => !e.Negated && e.Source?.Country == source && e.Target?.Country == target && e.Plover == plover);

    [Fact]
    public void TrumpThreateningPutin_IsThreatenUsaToRussia() => Assert.True(Has("USA", "RUS", "THREATEN"), Dump());

    [Fact]
    public void TheAsianGiantProvidingSupportToTheKremlin_IsAidChinaToRussia() => Assert.True(Has("CHN", "RUS", "AID"), Dump());

    [Fact]
    public void XiMeetingLavrovInBeijing_IsConsultBothWays_OnTuesday()
    {
        var meetings = Events.Where(e => e.Plover == "CONSULT" && e.Trigger.Text == "met").ToList();
        Assert.Contains(meetings, e => e.Source?.Country == "CHN" && e.Target?.Country == "RUS");
        Assert.Contains(meetings, e => e.Source?.Country == "RUS" && e.Target?.Country == "CHN");
        Assert.All(meetings, e => Assert.Equal((new DateOnly(2025, 7, 15), DatePrecision.Day, "Beijing"), (e.Date!.Value, e.DatePrecision, e.Location?.Name)));
    }

    [Fact]
    public void TrumpsUltimatumToPutin_IsCodedFromTheNoun() =>
        Assert.Contains(Events, e => e.Trigger.Text == "ultimatum" && e.Source?.Country == "USA" && e.Target?.Country == "RUS" && e.Cameo == "139");

    [Fact]
    public void TheInvasionThatBeganIn2022_IsDatedToThatYear() =>
        Assert.Contains(Events, e => e.Trigger.Text == "invasion" && e.Source?.Country == "RUS" && e.Target?.Country == "UKR"
            && e.Date == new DateOnly(2022, 1, 1) && e.DatePrecision == DatePrecision.Year);

    [Fact]
    public void WillingnessToSendPeacekeepers_IsAnIntendedAgreement() =>
        Assert.Contains(Events, e => e.Source?.Country == "CHN" && e.Target?.Country == "UKR" && e.Plover == "AGREE" && e.Modality == Modality.Intended);

    [Fact]
    public void EveryEventHasActorsFromTheArticle_AndNoStatementStandsAlone()
    {
        Assert.NotEmpty(Events);
        Assert.All(Events, e => Assert.True(e.Source is not null && e.Target is not null, $"one-sided: {e.Cameo} '{e.Trigger.Text}'"));
        Assert.DoesNotContain(Events, e => e.Source!.Country is not null && e.Source.Country == e.Target!.Country && e.Root == "01");
    }

    [Fact]
    public void TheRepublicansQuote_IsTrumps()
    {
        var quotes = Seed.Value.Get<QuoteList>()!.Items;
        var first = quotes.First(q => q.Text.StartsWith("Separating the two nuclear powers", StringComparison.Ordinal));
        Assert.Equal("USA", first.Speaker?.Country);
        var spokesperson = quotes.First(q => q.Text.StartsWith("China firmly opposes", StringComparison.Ordinal));
        Assert.Equal("CHN", spokesperson.Speaker?.Country);
    }

    private static string Dump() => string.Join("\n", Events.Select(e =>
        $"{e.Sentence}: {e.Source?.Code ?? "-"} {e.Target?.Code ?? "-"} {e.Cameo} {e.Plover} '{e.Trigger.Text}'"));
}
