using Entente.Nlp.Documents;

namespace Entente.Coding.Events;

/// <summary>
/// PETRARCH's discard rule over the tokens: a sentence containing a discard phrase (any case) is not coded; a
/// phrase marked for stories discards the whole document. Words must match whole tokens, except the last word of
/// a phrase, which is a stem ("BASEBALL" also matches "baseballs") unless written with a trailing "_", as PETRARCH
/// reads the list. Matching looks each token up once in a table keyed by first word, so a long document costs
/// one pass. Immutable; safe to share across threads.
/// </summary>
public sealed class PhraseDiscardFilter : IDiscardFilter
{
    private const int StemKey = 4;

    private sealed record Entry(string[] Words, bool Exact, bool Story);

    private readonly Dictionary<string, List<Entry>> _byFirst = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>>.AlternateLookup<ReadOnlySpan<char>> _firstLookup;
    private readonly Dictionary<string, List<Entry>> _stems = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>>.AlternateLookup<ReadOnlySpan<char>> _stemLookup;

    public PhraseDiscardFilter(IEnumerable<(string Phrase, bool Story)> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        foreach (var (raw, story) in phrases)
        {
            var exact = raw.TrimEnd().EndsWith('_');
            var words = raw.ToLowerInvariant().Split([' ', '\t', '_'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
                continue;
            var entry = new Entry(words, exact, story);
            Count++;
            if (words.Length == 1 && !exact && words[0].Length >= StemKey)
                Add(_stems, words[0][..StemKey], entry);
            else
                Add(_byFirst, words[0], entry);
        }

        _firstLookup = _byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
        _stemLookup = _stems.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count { get; }

    public bool DiscardsStory(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        for (var s = 0; s < document.SentenceCount; s++)
        {
            if (Matches(document, s, story: true))
                return true;
        }

        return false;
    }

    public bool DiscardsSentence(Document document, int sentence)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Matches(document, sentence, story: false);
    }

    private bool Matches(Document doc, int sentence, bool story)
    {
        var first = doc.SentenceFirstToken(sentence);
        var end = first + doc.SentenceTokenCount(sentence);
        Span<char> buffer = stackalloc char[64];
        for (var t = first; t < end; t++)
        {
            var word = Lower(doc.NormOf(t), buffer);
            if (word.IsEmpty)
                continue;
            if (_firstLookup.TryGetValue(word, out var entries) && AnyMatches(entries, doc, t, end, story))
                return true;
            if (word.Length >= StemKey && _stemLookup.TryGetValue(word[..StemKey], out var stems))
            {
                foreach (var e in stems)
                {
                    if (e.Story == story && word.StartsWith(e.Words[0], StringComparison.Ordinal))
                        return true;
                }
            }
        }

        return false;
    }

    private static bool AnyMatches(List<Entry> entries, Document doc, int t, int end, bool story)
    {
        Span<char> buffer = stackalloc char[64];
        foreach (var e in entries)
        {
            if (e.Story != story || t + e.Words.Length > end)
                continue;
            var ok = true;
            for (var k = 1; k < e.Words.Length && ok; k++)
            {
                var w = Lower(doc.NormOf(t + k), buffer);
                var last = k == e.Words.Length - 1;
                ok = last && !e.Exact ? w.StartsWith(e.Words[k], StringComparison.Ordinal) : w.SequenceEqual(e.Words[k]);
            }

            if (ok)
                return true;
        }

        return false;
    }

    private static ReadOnlySpan<char> Lower(ReadOnlySpan<char> word, Span<char> buffer)
    {
        if (word.Length > buffer.Length)
            return [];
        var n = word.ToLowerInvariant(buffer);
        return buffer[..n];
    }

    private static void Add(Dictionary<string, List<Entry>> map, string key, Entry entry)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        list.Add(entry);
    }
}
