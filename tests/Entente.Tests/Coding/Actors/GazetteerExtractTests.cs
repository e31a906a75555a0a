using Entente.Coding.Actors;

namespace Entente.Tests.Coding.Actors;

/// <summary>
/// The gazetteer-derived dictionaries in data/dictionaries are generated; these tests rebuild them from
/// ../shared/data/gazetteer and fail when the committed copies are stale. Set ENTENTE_REGENERATE=1 to rewrite them.
/// </summary>
public sealed class GazetteerExtractTests
{
    private static string Dir => Path.Combine(TestPaths.Repo, "data", "dictionaries");

    [Fact]
    public void CommittedGazetteerFiles_AreWhatTheExtractorBuilds()
    {
        var output = GazetteerExtract.Build(TestPaths.SharedFile("data/gazetteer"));
        var files = new[]
        {
            ("countries.tsv", output.CountriesTsv),
            ("Entente.Demonyms.actors.txt", output.DemonymsActors),
            ("Entente.Capitals.actors.txt", output.CapitalsActors),
        };
        if (Environment.GetEnvironmentVariable("ENTENTE_REGENERATE") == "1")
        {
            foreach (var (name, text) in files)
                File.WriteAllText(Path.Combine(Dir, name), text);
        }

        foreach (var (name, text) in files)
            Assert.True(File.ReadAllText(Path.Combine(Dir, name)) == text, $"{name} is stale: run the tests with ENTENTE_REGENERATE=1");
    }

    [Fact]
    public void Demonyms_IncludeAdjectivesAndPluralPeoples()
    {
        var output = GazetteerExtract.Build(TestPaths.SharedFile("data/gazetteer"));
        Assert.Contains("IRANIAN_ [IRN]", output.DemonymsActors, StringComparison.Ordinal);
        Assert.Contains("+IRANIANS_", output.DemonymsActors, StringComparison.Ordinal);
        Assert.Contains("CHINESE_ [CHN]", output.DemonymsActors, StringComparison.Ordinal);
        Assert.DoesNotContain("CHINESES", output.DemonymsActors, StringComparison.Ordinal);
    }

    [Fact]
    public void Capitals_AreGovernments_AndAmbiguousNamesAreLeftOut()
    {
        var output = GazetteerExtract.Build(TestPaths.SharedFile("data/gazetteer"));
        Assert.Contains("BEIJING_ [CHNGOV]", output.CapitalsActors, StringComparison.Ordinal);
        Assert.Contains("MOSCOW_ [RUSGOV]", output.CapitalsActors, StringComparison.Ordinal);
        Assert.DoesNotContain("VICTORIA_", output.CapitalsActors, StringComparison.Ordinal);
    }
}
