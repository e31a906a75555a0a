using Entente.Nlp.Documents;

namespace Entente.Coding.Events;

/// <summary>
/// Decides which stories and sentences are not coded at all (sports results, historical chronologies): the
/// PETRARCH discard list. The actors dictionaries own the list; the event coder only asks this interface.
/// </summary>
public interface IDiscardFilter
{
    /// <summary>True when a phrase marked for whole stories occurs anywhere in the document.</summary>
    bool DiscardsStory(Document document);

    /// <summary>True when a discard phrase occurs in the sentence.</summary>
    bool DiscardsSentence(Document document, int sentence);

    /// <summary>
    /// Marks in <paramref name="mask"/> (one entry per token of the sentence) the tokens of phrase-only discards
    /// ("World War II"), which are not coded while the rest of the sentence is; returns whether any was marked.
    /// </summary>
    bool MarkDiscardedPhrases(Document document, int sentence, Span<bool> mask);
}
