using System.Security.Cryptography;
using System.Text.Json;

namespace Entente.Tests.Coding.Events;

/// <summary>The event coder's data folders list every file they hold, with the sha256 of what is committed.</summary>
public sealed class DataManifestTests
{
    [Theory]
    [InlineData("cameo")]
    [InlineData("dictionaries/verbs")]
    [InlineData("places")]
    public void ManifestChecksums_MatchTheFiles(string folder)
    {
        var dir = Path.Combine(TestPaths.Repo, "data", folder);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "manifest.json")));
        var files = json.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.NotEmpty(files);
        foreach (var f in files)
        {
            var name = f.GetProperty("file").GetString()!;
            var expected = f.GetProperty("sha256").GetString();
            var actual = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(dir, name))));
            Assert.True(expected == actual, $"{folder}/{name}: manifest says {expected}, file is {actual}");
            Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("licence").GetString()));
        }
    }
}
