using Entente.Nlp.Documents;
using Entente.Nlp.Pipeline;
using Entente.Nlp.Text;

namespace Entente.Nlp.Segmentation;

/// <summary>
/// The first stage: normalizes the text (<see cref="TextNormalizer"/>), cuts it into tokens that follow the
/// UD English conventions (<see cref="Tokenizer"/>) and groups them into sentences
/// (<see cref="SentenceSplitter"/>). Tokens are syntactic words with offsets into the original text; the
/// words of a contraction ("do" + "n't") are joined as one surface token (<see cref="TokenFlags.JoinedToNext"/>).
/// Immutable and thread-safe; in steady state (a reused <see cref="Document"/>) it allocates nothing per token.
/// </summary>
public sealed class Segmenter : IPipelineStage
{
    /// <summary>Sentences longer than this are cut, so no later stage sees an unbounded sentence.</summary>
    public const int MaxSentenceTokens = 300;

    private readonly Tokenizer _tokenizer;
    private readonly SentenceSplitter _splitter = new();

    /// <summary>A segmenter with the English data compiled into the assembly.</summary>
    public Segmenter()
        : this(SegmentationLexicon.English)
    {
    }

    public Segmenter(SegmentationLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        Lexicon = lexicon;
        _tokenizer = new Tokenizer(lexicon);
    }

    public string Name => "segment";

    public SegmentationLexicon Lexicon { get; }

    public void Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.ClearTokens();
        document.Normalized = TextNormalizer.Normalize(document.Text);
        var sink = new TokenSink(document);
        try
        {
            _tokenizer.Tokenize(document.Normalized.Text, ref sink);
            _splitter.Split(document, sink.SentenceEnds);
        }
        finally
        {
            sink.Release();
        }
    }
}
