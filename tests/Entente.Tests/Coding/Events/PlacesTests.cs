using Entente.Coding.Events.Places;

namespace Entente.Tests.Coding.Events;

public sealed class PlacesTests
{
    private static readonly Lazy<Gazetteer> Places = new(() =>
        Gazetteer.Load(Path.Combine(TestPaths.Repo, "data", "places", "places.tsv.gz")));

    [Theory]
    [InlineData("kyiv", "Kyiv", "UKR")]
    [InlineData("kiev", "Kyiv", "UKR")]
    [InlineData("paris", "Paris", "FRA")]
    [InlineData("washington", "Washington", "USA")]
    [InlineData("tianjin", "Tianjin", "CHN")]
    [InlineData("ukraine", "Ukraine", "UKR")]
    public void SharedNames_ResolveToTheCountryOrTheLargestCity(string key, string name, string country)
    {
        var p = Places.Value.Find(key)!;
        Assert.Equal((name, country), (p.Name, p.Country));
    }

    [Fact]
    public void Washington_IsTheCapital()
    {
        var p = Places.Value.Find("washington")!;
        Assert.Equal(38.9, p.Lat, 1);
        Assert.Equal(-77.0, p.Lon, 1);
    }

    [Theory]
    [InlineData("KYIV, Ukraine (AP) — Russian drones struck the city overnight.", "Kyiv")]
    [InlineData("MOSCOW, July 15 (Reuters) - The Kremlin said ...", "Moscow")]
    [InlineData("CEBU CITY: -- Cordova Mayor Adelino Sitoy filed a suit.", "Cebu City")]
    public void Dateline_GivesTheStoryItsPlace(string text, string place) =>
        Assert.Equal(place, Dateline.Find(text, Places.Value)?.Name);

    [Theory]
    [InlineData("Russia said on Monday that talks would resume.")]
    [InlineData("In an interview - shortly before the election - Trump argued.")]
    public void TextWithoutDateline_HasNoDatelinePlace(string text) => Assert.Null(Dateline.Find(text, Places.Value));

    [Fact]
    public void MalformedGazetteerLine_IsSkippedWithADiagnostic()
    {
        var diags = new List<Entente.Nlp.Documents.Diagnostic>();
        var g = Gazetteer.Parse(["kyiv\tKyiv\tcity\tUKR\t50.4\t30.5\t2797553", "broken line"], "t", diags);
        Assert.Equal(1, g.Count);
        Assert.Single(diags);
    }
}
