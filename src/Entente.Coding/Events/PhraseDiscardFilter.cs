using Entente.Nlp.Documents;

namespace Entente.Coding.Events;

/// <summary>
/// PETRARCH's discard rule over the text: a sentence containing a discard phrase (as whole words, any case) is
/// not coded; a phrase marked for stories discards the whole document. A phrase ending in "_" must end at a word
/// boundary; otherwise it is a stem ("BASEBALL" also matches "baseballs"), as PETRARCH reads the list.
/// Immutable; matching allocates nothing.
/// </summary>
public sealed class PhraseDiscardFilter : IDiscardFilter
{
    private readonly (string Phrase, bool Exact)[] _sentence;
    private readonly (string Phrase, bool Exact)[] _story;

    public PhraseDiscardFilter(IEnumerable<(string Phrase, bool Story)> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        var sentence = new List<(string, bool)>();
        var story = new List<(string, bool)>();
        foreach (var (raw, isStory) in phrases)
        {
            var exact = raw.TrimEnd().EndsWith('_');
            var phrase = string.Join(' ', raw.Replace('_', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (phrase.Length == 0)
                continue;
            (isStory ? story : sentence).Add((phrase, exact));
        }

        _sentence = sentence.ToArray();
        _story = story.ToArray();
    }

    public int Count => _sentence.Length + _story.Length;

    public bool DiscardsStory(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return _story.Length > 0 && Contains(document.Text, _story);
    }

    public bool DiscardsSentence(Document document, int sentence)
    {
        ArgumentNullException.ThrowIfNull(document);
        return _sentence.Length > 0 && Contains(document.Sentence(sentence).Text, _sentence);
    }

    private static bool Contains(ReadOnlySpan<char> text, (string Phrase, bool Exact)[] phrases)
    {
        foreach (var (phrase, exact) in phrases)
        {
            var from = 0;
            while (from < text.Length)
            {
                var i = text[from..].IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
                if (i < 0)
                    break;
                i += from;
                var end = i + phrase.Length;
                var startOk = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
                var endOk = !exact || end == text.Length || !char.IsLetterOrDigit(text[end]);
                if (startOk && endOk)
                    return true;
                from = i + 1;
            }
        }

        return false;
    }
}
