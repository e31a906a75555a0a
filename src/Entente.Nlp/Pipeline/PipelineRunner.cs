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

    public static ProcessedItem Process(IPipelineStage pipeline, InputItem item, int maxChars = DefaultMaxChars)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var diags = new List<Diagnostic>();
        if (item.Diagnostic is { } d)
            diags.Add(d);
        if (item.Document is not { } input)
            return new ProcessedItem(null, null, diags, Rejected: true);
        if (maxChars > 0 && input.Text.Length > maxChars)
        {
            diags.Add(new Diagnostic(Severity.Error, "too-long",
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"document '{input.Id}' has {input.Text.Length:N0} characters, more than the limit of {maxChars:N0}; rejected (raise it with --max-chars)"),
                input.Source, input.Line));
            return new ProcessedItem(null, input, diags, Rejected: true);
        }
        var doc = input.ToDocument();
        try
        {
            pipeline.Process(doc);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug must cost one document, not the run: report it with enough to reproduce.
            diags.Add(new Diagnostic(Severity.Error, "internal-error",
                $"document '{doc.Id}' could not be coded ({e.GetType().Name}: {e.Message}); please report this", input.Source, input.Line));
            return new ProcessedItem(null, input, diags, Rejected: true);
        }

        foreach (var dd in doc.Diagnostics)
            diags.Add(dd with { Source = dd.Source ?? input.Source, Line = dd.Line == 0 ? input.Line : dd.Line });
        return new ProcessedItem(doc, input, diags, Rejected: false);
    }
}
