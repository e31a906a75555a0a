using Entente.Nlp;
using Entente.Nlp.Documents;
using Entente.Nlp.Pipeline;
using Entente.Nlp.Segmentation;

namespace Entente.Tests.Nlp;

/// <summary>Coding several documents stage by stage gives what coding each alone gives, failures included.</summary>
public sealed class PipelineRunnerChunkTests
{
    /// <summary>Records, per document, which stages saw it and in what order (each document's own list).</summary>
    private sealed class Trace(string name, string? failOn = null) : IPipelineStage
    {
        public string Name => name;

        public void Process(Document document)
        {
            if (failOn is not null && document.Text.Contains(failOn, StringComparison.Ordinal))
                throw new InvalidOperationException($"{name} cannot take this");
            var seen = document.Get<List<string>>() ?? [];
            seen.Add(name);
            document.Set(seen);
            document.AddDiagnostic(new Diagnostic(Severity.Warning, "trace", name + " saw it"));
        }
    }

    private static InputItem Item(string id, string text, int line) =>
        new(new DocumentInput(id, text, new DateOnly(2024, 3, 1), new Dictionary<string, string>(), "input.jsonl", line), null);

    private static Pipeline ThreeStages() => new(new Segmenter(), new Trace("first"), new Trace("second", failOn: "poison"), new Trace("third"));

    [Fact]
    public void AStageFailingOnOneDocumentOfAChunk_RejectsThatDocumentAloneWithItsLine()
    {
        InputItem[] items = [Item("a", "Russia attacked Ukraine.", 1), Item("b", "This one is poison.", 2), Item("c", "China met Russia.", 3)];

        var results = PipelineRunner.ProcessChunk(ThreeStages(), items);

        Assert.Equal([false, true, false], results.Select(r => r.Rejected));
        Assert.Null(results[1].Document);
        var error = Assert.Single(results[1].Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("internal-error", "input.jsonl", 2L), (error.Code, error.Source, error.Line));
        Assert.Contains("'b'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(results[1].Diagnostics, d => d.Code == "trace");
        foreach (var i in (ReadOnlySpan<int>)[0, 2])
        {
            Assert.Equal(["first", "second", "third"], results[i].Document!.Get<List<string>>()!);
            Assert.All(results[i].Diagnostics, d => Assert.Equal(("input.jsonl", (long)(i + 1)), (d.Source, d.Line)));
        }
    }

    [Fact]
    public void CodingAChunk_GivesEachDocumentWhatCodingItAloneGives()
    {
        InputItem[] items =
        [
            Item("a", "Russia attacked Ukraine. Then it stopped.", 1),
            new InputItem(null, new Diagnostic(Severity.Error, "bad-json", "line 2 is not JSON", "input.jsonl", 2)),
            Item("c", new string('x', 50), 3),
            Item("d", "This one is poison.", 4),
            Item("e", "China met Russia.", 5),
        ];

        var chunk = PipelineRunner.ProcessChunk(ThreeStages(), items, maxChars: 45);

        for (var i = 0; i < items.Length; i++)
        {
            var alone = PipelineRunner.Process(ThreeStages(), items[i], maxChars: 45);
            Assert.Equal(alone.Rejected, chunk[i].Rejected);
            Assert.Equal(alone.Diagnostics.Select(d => (d.Code, d.Line)), chunk[i].Diagnostics.Select(d => (d.Code, d.Line)));
            Assert.Equal(alone.Document?.SentenceCount, chunk[i].Document?.SentenceCount);
        }

        Assert.Equal([false, true, true, true, false], chunk.Select(r => r.Rejected));
    }
}
