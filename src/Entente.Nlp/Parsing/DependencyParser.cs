using Entente.Nlp.Documents;
using Entente.Nlp.Pipeline;

namespace Entente.Nlp.Parsing;

/// <summary>
/// The parsing stage: a labelled UD tree over each tagged sentence (heads and relations). Runs after
/// the tagger, whose XPOS and UPOS it reads. Every sentence gets a tree: one root, no cycles, every
/// word attached.
/// </summary>
public sealed class DependencyParser : IPipelineStage
{
    private readonly ThreadLocal<SentenceParser> _scratch;

    public DependencyParser(ParserModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        _scratch = new ThreadLocal<SentenceParser>(() => new SentenceParser(model));
    }

    public string Name => "parse";

    public ParserModel Model { get; }

    /// <summary>Loads parser.bin from a model folder (data/models/parser).</summary>
    /// <exception cref="InvalidDataException">The file is not a valid parser model.</exception>
    public static DependencyParser Load(string directory)
    {
        using var f = File.OpenRead(Path.Combine(directory, ParserModel.FileName));
        return new DependencyParser(ParserModel.Load(f));
    }

    public void Process(Document document)
    {
        var parser = _scratch.Value!;
        foreach (var sentence in document.Sentences)
        {
            var first = sentence.FirstToken;
            var n = sentence.TokenCount;
            parser.Load(document, first, n);
            parser.Parse();
            var state = parser.State;
            for (var i = 0; i < n; i++)
            {
                var h = state.Head[i];
                document.SetHead(first + i, h == n ? -1 : first + h);
                document.SetDeprel(first + i, state.Label[i]);
            }
        }
    }
}
