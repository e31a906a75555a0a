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

        // The models and the dictionaries load independently of each other, so they load side by side: on two
        // cores the parser (the largest file) and the dictionaries set the time, not their sum. GetResult
        // rethrows a loader's own exception (IOException, InvalidDataException), which callers report.
        var parser = Task.Run(() => NlpModels.LoadParser(data));
        var tagger = Task.Run(() => NlpModels.LoadTagger(data));
        var recognizer = Task.Run(() => NlpModels.LoadEntityRecognizer(data));
        var actors = ActorResolver.LoadDefault(data);
        var discards = new PhraseDiscardFilter(actors.Dictionary.Discards);
        var events = new EventCoder(EventResources.Load(data).WithDiscards(discards));
        return new Pipeline(
            new Segmenter(),
            tagger.GetAwaiter().GetResult(),
            parser.GetAwaiter().GetResult(),
            recognizer.GetAwaiter().GetResult(),
            actors,
            events,
            new QuoteFinder());
    }
}
