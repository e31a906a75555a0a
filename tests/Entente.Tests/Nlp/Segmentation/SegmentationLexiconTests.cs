using System.Security.Cryptography;
using System.Text.Json;
using Entente.Nlp.Documents;
using Entente.Nlp.Segmentation;

namespace Entente.Tests.Nlp.Segmentation;

public sealed class SegmentationLexiconTests
{
    [Fact]
    public void CompiledLexicon_IsTheOneInDataSegmentation()
    {
        var problems = new List<Diagnostic>();
        var fromFiles = SegmentationLexicon.Load(Path.Combine(TestPaths.Repo, "data", "segmentation"), problems);
        Assert.Empty(problems);
        var compiled = SegmentationLexicon.English;
        foreach (var word in new[] { "Mr", "etc", "No", "Jr", "LTD", "Feb", "Walk" })
            Assert.Equal(compiled.Abbreviation(word), fromFiles.Abbreviation(word));
        Assert.Equal(AbbreviationKind.Title, compiled.Abbreviation("Gen"));
        Assert.Equal(AbbreviationKind.BeforeNumber, compiled.Abbreviation("No"));
        Assert.Equal(AbbreviationKind.Ending, compiled.Abbreviation("Jr"));
        Assert.Equal([3], compiled.ContractionSplits("Gonna").ToArray());
        Assert.True(compiled.IsHyphenPrefix("Non"));
        Assert.True(compiled.IsSentenceStarter("The"));
        Assert.False(compiled.IsSentenceStarter("the"));
    }

    [Fact]
    public void Manifest_ListsEveryLexiconFile_WithItsCurrentSha256()
    {
        var dir = Path.Combine(TestPaths.Repo, "data", "segmentation");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        var listed = new Dictionary<string, string>();
        foreach (var f in manifest.RootElement.GetProperty("files").EnumerateArray())
            listed[f.GetProperty("file").GetString()!] = f.GetProperty("sha256").GetString()!;
        Assert.Equal(SegmentationLexicon.FileNames.Order(), listed.Keys.Order());
        foreach (var (file, sha) in listed)
            Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(dir, file)))));
    }

    [Fact]
    public void MalformedLines_AreReportedWithFileAndLine_AndSkipped()
    {
        var dir = Directory.CreateTempSubdirectory("entente-lexicon-");
        try
        {
            foreach (var name in SegmentationLexicon.FileNames)
                File.WriteAllText(Path.Combine(dir.FullName, name), "# header\n");
            File.WriteAllText(Path.Combine(dir.FullName, "abbreviations.txt"), "# kinds\nMr title\nWeird kindofwrong\n");
            File.WriteAllText(Path.Combine(dir.FullName, "contractions.txt"), "gonna\n");
            File.Delete(Path.Combine(dir.FullName, "unit-suffixes.txt"));
            var problems = new List<Diagnostic>();
            var lexicon = SegmentationLexicon.Load(dir.FullName, problems);
            Assert.Equal(AbbreviationKind.Title, lexicon.Abbreviation("Mr"));
            Assert.Equal(AbbreviationKind.None, lexicon.Abbreviation("Weird"));
            Assert.Contains(problems, p => p.Source == "abbreviations.txt" && p.Line == 3);
            Assert.Contains(problems, p => p.Source == "contractions.txt" && p.Line == 1);
            Assert.Contains(problems, p => p.Code == "missing-lexicon-file" && p.Source == "unit-suffixes.txt");
            Assert.True(new Segmenter(lexicon).Lexicon == lexicon);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
