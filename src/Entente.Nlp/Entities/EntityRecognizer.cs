using Entente.Nlp.Documents;
using Entente.Nlp.Pipeline;

namespace Entente.Nlp.Entities;

/// <summary>
/// The entity stage: tags PER, ORG and LOC mentions over each sentence's tokens in IOB2
/// (<see cref="Document.SetEntity"/>); the actor resolver reads them. The output is always
/// well-formed: an I tag only continues a mention of the same type. Runs after the tagger, whose UPOS
/// it reads.
/// </summary>
public sealed class EntityRecognizer : IPipelineStage
{
    private readonly ThreadLocal<SentenceRecognizer> _scratch;

    public EntityRecognizer(NerModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        _scratch = new ThreadLocal<SentenceRecognizer>(() => new SentenceRecognizer(model));
    }

    public string Name => "entities";

    public NerModel Model { get; }

    /// <summary>Loads ner.bin from a model folder (data/models/ner).</summary>
    /// <exception cref="InvalidDataException">The file is not a valid entity model.</exception>
    public static EntityRecognizer Load(string directory)
    {
        using var f = File.OpenRead(Path.Combine(directory, NerModel.FileName));
        return new EntityRecognizer(NerModel.Load(f));
    }

    public void Process(Document document)
    {
        var recognizer = _scratch.Value!;
        foreach (var sentence in document.Sentences)
        {
            var first = sentence.FirstToken;
            var classes = recognizer.Recognize(document, first, sentence.TokenCount);
            for (var i = 0; i < classes.Length; i++)
                document.SetEntity(first + i, Model.TagIob[classes[i]], Model.TagType[classes[i]]);
        }
    }
}
