using Entente.Nlp.Documents;
using Entente.Nlp.Pipeline;

namespace Entente.Nlp.Tagging;

/// <summary>
/// The part-of-speech stage: assigns UPOS, XPOS and a lemma to every token. The models are immutable;
/// each thread gets its own scratch buffers, so one instance serves all threads.
/// </summary>
public sealed class Tagger : IPipelineStage
{
    private readonly ThreadLocal<SentenceTagger> _scratch;

    public Tagger(TaggerModel model, Lemmatizer lemmatizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(lemmatizer);
        Model = model;
        Lemmatizer = lemmatizer;
        _scratch = new ThreadLocal<SentenceTagger>(() => new SentenceTagger(model));
    }

    public string Name => "tag";

    public TaggerModel Model { get; }

    public Lemmatizer Lemmatizer { get; }

    /// <summary>Loads tagger.bin and lemmatizer.bin from a model folder (data/models/tagger).</summary>
    /// <exception cref="InvalidDataException">A file is not a valid model.</exception>
    public static Tagger Load(string directory)
    {
        using var t = File.OpenRead(Path.Combine(directory, TaggerModel.FileName));
        using var l = File.OpenRead(Path.Combine(directory, Lemmatizer.FileName));
        return new Tagger(TaggerModel.Load(t), Lemmatizer.Load(l));
    }

    public void Process(Document document)
    {
        var tagger = _scratch.Value!;
        var model = Model;
        foreach (var sentence in document.Sentences)
        {
            var first = sentence.FirstToken;
            var classes = tagger.Tag(document, first, sentence.TokenCount);
            for (var i = 0; i < classes.Length; i++)
            {
                var t = first + i;
                var c = classes[i];
                document.SetUpos(t, model.ClassUpos[c]);
                document.SetXpos(t, model.ClassXpos[c]);
                document.SetLemma(t, Lemmatizer.Lemmatize(document.NormOf(t), model.ClassXpos[c], model.ClassUpos[c]));
            }
        }
    }
}
