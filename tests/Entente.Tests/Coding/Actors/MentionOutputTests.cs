using System.Text;
using System.Text.Json;
using Entente.Tests.Cli;

namespace Entente.Tests.Coding.Actors;

/// <summary>`entente code --format json` lists the resolver's mentions with how each was resolved.</summary>
public sealed class MentionOutputTests
{
    [Fact]
    public void JsonOutput_ListsMentionsWithCodeCountrySectorAndResolution()
    {
        var text = "Russian Foreign Minister Sergei Lavrov met Wang Yi in Beijing. The Kremlin said both countries agreed. He left.";
        var run = CliRunner.Invoke(["code", "-", "--format", "json", "--date", "2025-07-16"], Encoding.UTF8.GetBytes(text));
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var mentions = json.RootElement.GetProperty("mentions").EnumerateArray().ToList();
        JsonElement M(string t) => mentions.First(m => m.GetProperty("text").GetString() == t);

        var lavrov = M("Russian Foreign Minister Sergei Lavrov");
        Assert.Equal("RUSGOV", lavrov.GetProperty("code").GetString());
        Assert.Equal("RUS", lavrov.GetProperty("country").GetString());
        Assert.Equal("GOV", lavrov.GetProperty("sector").GetString());
        Assert.Equal("dictionary", lavrov.GetProperty("resolution").GetString());
        Assert.True(lavrov.GetProperty("person").GetBoolean());
        Assert.Equal(text.IndexOf("Russian", StringComparison.Ordinal), lavrov.GetProperty("start").GetInt32());

        Assert.Equal("metonym", M("The Kremlin").GetProperty("resolution").GetString());
        var both = M("both countries");
        Assert.Equal("coreference", both.GetProperty("resolution").GetString());
        Assert.Equal(JsonValueKind.Null, both.GetProperty("code").ValueKind);
        Assert.Equal(2, both.GetProperty("members").GetArrayLength());
        var he = M("He");
        Assert.Equal("coreference", he.GetProperty("resolution").GetString());
        Assert.True(he.TryGetProperty("antecedent", out var a) && a.GetInt32() >= 0);
    }
}
