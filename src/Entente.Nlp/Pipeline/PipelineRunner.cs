using Entente.Nlp.Documents;

namespace Entente.Nlp.Pipeline;

/// <summary>A document after the pipeline ran on it, or the reason it was rejected, with every diagnostic.</summary>
/// <param name="Document">The processed document; null when the input was rejected or the pipeline failed.</param>
/// <param name="Input">The input record, when the reader produced one.</param>
/// <param name="Diagnostics">Reader and pipeline diagnostics, each naming its source and line.</param>
/// <param name="Rejected">True when the input was rejected (no document) or coding failed.</param>
public sealed record ProcessedItem(Document? Document, DocumentInput? Input, List<Diagnostic> Diagnostics, bool Rejected);

/// <summary>
/// Runs a pipeline over one input item the way every command does (<c>code</c>, <c>ingest</c>): reader
/// diagnostics are kept, a failure inside a stage costs that one document (reported with where it came
/// from), and stage diagnostics are given the input's source and line.
/// </summary>
public static class PipelineRunner
{
    /// <summary>
    /// Longest document coded by default: 5 million characters, about a million tokens, a thousand news
    /// articles' worth. Anything longer is almost surely not one news document (a log, a dump, a book), and
    /// coding it would hold one core for minutes; it is rejected with a diagnostic instead.
    /// </summary>
    public const int DefaultMaxChars = 5_000_000;

    public static ProcessedItem Process(IPipelineStage pipeline, InputItem item, int maxChars = DefaultMaxChars) =>
        ProcessChunk(pipeline, [item], maxChars)[0];

    /// <summary>
    /// Runs the pipeline over several items stage by stage: every document through the first stage, then every
    /// document through the second, and so on. Each stage's model stays in the processor's caches while it works
    /// through the chunk, which costs about a tenth less CPU than taking each document through every stage in turn
    /// (README, Benchmarks). The results are those of <see cref="Process"/> on each item: a stage that fails on a
    /// document costs that document alone, which skips the later stages.
    /// </summary>
    public static ProcessedItem[] ProcessChunk(IPipelineStage pipeline, IReadOnlyList<InputItem> items, int maxChars = DefaultMaxChars)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(items);
        var results = new ProcessedItem[items.Count];
        var documents = new Document?[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var diags = new List<Diagnostic>();
            if (item.Diagnostic is { } d)
                diags.Add(d);
            if (item.Document is not { } input)
            {
                results[i] = new ProcessedItem(null, null, diags, Rejected: true);
                continue;
            }

            if (maxChars > 0 && input.Text.Length > maxChars)
            {
                diags.Add(new Diagnostic(Severity.Error, "too-long",
                    string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"document '{input.Id}' has {input.Text.Length:N0} characters, more than the limit of {maxChars:N0}; rejected (raise it with --max-chars)"),
                    input.Source, input.Line));
                results[i] = new ProcessedItem(null, input, diags, Rejected: true);
                continue;
            }

            documents[i] = input.ToDocument();
            results[i] = new ProcessedItem(documents[i], input, diags, Rejected: false);
        }

        var stages = pipeline is Pipeline whole ? whole.Stages : [pipeline];
        foreach (var stage in stages)
        {
            for (var i = 0; i < documents.Length; i++)
            {
                if (documents[i] is not { } doc)
                    continue;
                try
                {
                    stage.Process(doc);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // A bug must cost one document, not the run: report it with enough to reproduce.
                    var input = results[i].Input!;
                    results[i].Diagnostics.Add(new Diagnostic(Severity.Error, "internal-error",
                        $"document '{doc.Id}' could not be coded ({e.GetType().Name}: {e.Message}); please report this", input.Source, input.Line));
                    results[i] = results[i] with { Document = null, Rejected = true };
                    documents[i] = null;
                }
            }
        }

        for (var i = 0; i < documents.Length; i++)
        {
            if (documents[i] is not { } doc)
                continue;
            var input = results[i].Input!;
            foreach (var dd in doc.Diagnostics)
                results[i].Diagnostics.Add(dd with { Source = dd.Source ?? input.Source, Line = dd.Line == 0 ? input.Line : dd.Line });
        }

        return results;
    }
}
