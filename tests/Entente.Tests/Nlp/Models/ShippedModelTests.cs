using System.Text.Json;
using Entente.Nlp;
using Entente.Nlp.Documents;
using Entente.Nlp.Learning;
using Entente.Nlp.Models;
using Entente.Nlp.Pipeline;
using Entente.Nlp.Segmentation;
using Entente.Tests.Cli;

namespace Entente.Tests.Nlp.Models;

/// <summary>The models committed in data/models: integrity, size, and pinned predictions.</summary>
public sealed class ShippedModelTests
{
    private static readonly DataDirectory Data = new(Path.Combine(TestPaths.Repo, "data"));

    private static readonly Lazy<Pipeline> Syntax = new(() => new Pipeline(new Segmenter(), NlpModels.LoadSyntax(Data), NlpModels.LoadEntityRecognizer(Data)));

    [Theory]
    [InlineData("models/clusters")]
    [InlineData("models/tagger")]
    [InlineData("models/parser")]
    [InlineData("models/ner")]
    public void Manifest_Sha256MatchesEveryFile_AndEachFileIsUnder20MB(string folder)
    {
        var dir = Data[folder];
        var manifest = ModelManifest.Load(Path.Combine(dir, "manifest.json"));
        Assert.NotEmpty(manifest.Files);
        Assert.False(string.IsNullOrEmpty(manifest.Licence));
        Assert.NotEmpty(manifest.TrainingData);
        foreach (var (file, sha) in manifest.Files)
        {
            var path = Path.Combine(dir, file);
            Assert.Equal(sha, ModelManifest.Sha256Of(path));
            Assert.True(new FileInfo(path).Length < 20_000_000, $"{file} is over 20 MB");
        }
    }

    private static Document Analyze(string text)
    {
        var doc = new Document(text);
        Syntax.Value.Process(doc);
        return doc;
    }

    private static string Line(Document doc, int sentence, Func<int, string> column)
    {
        var s = doc.Sentence(sentence);
        return string.Join(' ', Enumerable.Range(s.FirstToken, s.TokenCount).Select(column));
    }

    private static string Tags(Document doc) => Line(doc, 0, t => doc.UposOf(t).ToString());

    private static string Heads(Document doc) => Line(doc, 0, t =>
        (doc.HeadOf(t) < 0 ? 0 : doc.HeadOf(t) - doc.SentenceFirstToken(0) + 1) + ":" + Labels.Deprel.Name(doc.DeprelOf(t)));

    private static string Lemmas(Document doc) => Line(doc, 0, t => doc.LemmaOf(t) ?? "_");

    private static string Entities(Document doc) => Line(doc, 0, t => doc.EntityOf(t) is var (iob, type) && iob != Iob.O ? $"{iob}-{type}" : "O");

    // Regression pins: what the shipped models say about a few sentences. A retrained model may change
    // these; update them only after checking that the new analysis is at least as good.
    [Theory]
    [MemberData(nameof(Pinned))]
    public void ShippedModels_PinnedSentences_KeepTheirAnalysis(string text, string upos, string heads, string lemmas, string entities)
    {
        var doc = Analyze(text);
        Assert.Equal(upos, Tags(doc));
        Assert.Equal(heads, Heads(doc));
        Assert.Equal(lemmas, Lemmas(doc));
        Assert.Equal(entities, Entities(doc));
    }

    public static TheoryData<string, string, string, string, string> Pinned => PinnedSentences.All;

    [Fact]
    public void CodeJson_ShowsTagsLemmasHeadsRelationsAndEntities()
    {
        var run = CliRunner.Invoke(["code", "-", "--format", "json"], "Russian forces shelled the Ukrainian city of Kharkiv on Monday."u8.ToArray());
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var tokens = json.RootElement.GetProperty("sentences")[0].GetProperty("tokens").EnumerateArray().ToList();
        Assert.All(tokens, t =>
        {
            Assert.True(t.TryGetProperty("upos", out _));
            Assert.True(t.TryGetProperty("xpos", out _));
            Assert.True(t.TryGetProperty("lemma", out _));
            Assert.True(t.TryGetProperty("head", out _));
            Assert.True(t.TryGetProperty("deprel", out _));
        });
        Assert.Single(tokens, t => t.GetProperty("head").GetInt32() == 0);
        var shelled = tokens.Single(t => t.GetProperty("text").GetString() == "shelled");
        Assert.Equal("shell", shelled.GetProperty("lemma").GetString());
        Assert.Equal("root", shelled.GetProperty("deprel").GetString());
        var kharkiv = tokens.Single(t => t.GetProperty("text").GetString() == "Kharkiv");
        Assert.Equal("B-LOC", kharkiv.GetProperty("ent").GetString());
    }
}
