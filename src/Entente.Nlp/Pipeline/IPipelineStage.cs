using Entente.Nlp.Documents;

namespace Entente.Nlp.Pipeline;

/// <summary>
/// One step of the pipeline. A stage reads the document and adds to it; it never reaches back into an
/// earlier stage. Implementations are immutable once built and safe to share across threads.
/// </summary>
public interface IPipelineStage
{
    /// <summary>A short name for progress and diagnostics ("segment", "tag", "parse", ...).</summary>
    string Name { get; }

    void Process(Document document);
}

/// <summary>An ordered, immutable list of stages, itself a stage.</summary>
public sealed class Pipeline : IPipelineStage
{
    private readonly IPipelineStage[] _stages;

    public Pipeline(params IEnumerable<IPipelineStage> stages)
    {
        _stages = stages.ToArray();
    }

    public string Name => string.Join("+", _stages.Select(s => s.Name));

    public IReadOnlyList<IPipelineStage> Stages => _stages;

    public void Process(Document document)
    {
        foreach (var stage in _stages)
            stage.Process(document);
    }
}
