using Entente.Coding.Actors;
using Entente.Coding.Events;
using Entente.Coding.Events.Quotes;
using Entente.Nlp;
using Entente.Nlp.Models;
using Entente.Nlp.Pipeline;
using Entente.Nlp.Segmentation;

namespace Entente.Coding;

/// <summary>Builds the full pipeline, from raw text to coded events, from the data directory.</summary>
public static class EntentePipeline
{
    /// <summary>Loads every model and dictionary once; the result is immutable and shared by all threads.</summary>
    public static Pipeline Create(DataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var actors = ActorResolver.LoadDefault(data);
        var discards = new PhraseDiscardFilter(actors.Dictionary.Discards);
        var events = new EventCoder(EventResources.Load(data).WithDiscards(discards));
        return new Pipeline(
            new Segmenter(),
            NlpModels.LoadTagger(data),
            NlpModels.LoadParser(data),
            NlpModels.LoadEntityRecognizer(data),
            actors,
            events,
            new QuoteFinder());
    }
}
