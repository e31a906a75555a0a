using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Entente.Coding.Actors;

namespace Entente.Tests.Coding.Actors;

/// <summary>
/// data/dictionaries/manifest.json lists every file with its licence and sha256; a file edited without updating
/// the manifest fails here. ENTENTE_REGENERATE=1 rewrites the hashes.
/// </summary>
public sealed class DictionaryManifestTests
{
    private static string Dir => Path.Combine(TestPaths.Repo, "data", "dictionaries");

    [Fact]
    public void EveryListedFile_ExistsWithItsLicence_AndItsSha256()
    {
        var path = Path.Combine(Dir, "manifest.json");
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var stale = new List<string>();
        foreach (var section in new[] { "files", "other" })
        {
            foreach (var entry in root[section]!.AsArray())
            {
                var name = entry!["file"]!.GetValue<string>();
                var file = Path.Combine(Dir, name);
                Assert.True(File.Exists(file), $"{name} is listed but missing");
                Assert.False(string.IsNullOrEmpty(entry["licence"]?.GetValue<string>()), $"{name} has no licence");
                var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
                if (entry["sha256"]?.GetValue<string>() != sha)
                {
                    stale.Add(name);
                    entry["sha256"] = sha;
                }
            }
        }

        if (stale.Count > 0 && Environment.GetEnvironmentVariable("ENTENTE_REGENERATE") == "1")
        {
            File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
            stale.Clear();
        }

        Assert.True(stale.Count == 0, $"sha256 out of date for {string.Join(", ", stale)}: run the tests with ENTENTE_REGENERATE=1");
    }

    [Fact]
    public void EveryDictionaryFileInTheFolder_IsListed()
    {
        var listed = ActorDictionary.ReadManifest(Path.Combine(Dir, "manifest.json")).Select(f => Path.GetFileName(f.Path)).ToHashSet();
        foreach (var file in Directory.GetFiles(Dir, "*.txt"))
        {
            var name = Path.GetFileName(file);
            if (name is "Entente.coref.txt")
                continue;
            Assert.True(listed.Contains(name), $"{name} is in data/dictionaries but not in manifest.json, so it is never loaded");
        }
    }
}
