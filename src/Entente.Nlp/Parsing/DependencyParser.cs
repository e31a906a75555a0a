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

    /// <summary>A parser with the default search (<see cref="ParserSearch.Default"/>).</summary>
    public DependencyParser(ParserModel model)
        : this(model, ParserSearch.Default)
    {
    }

    public DependencyParser(ParserModel model, ParserSearch search)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(search.Branches);
        Model = model;
        Search = search;
        _scratch = new ThreadLocal<SentenceParser>(() => new SentenceParser(model, search));
    }

    public string Name => Search.Branches == 0 ? "parse-greedy" : "parse";

    public ParserModel Model { get; }

    public ParserSearch Search { get; }

    /// <summary>The same model with another search.</summary>
    public DependencyParser WithSearch(ParserSearch search) => new(Model, search);

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
