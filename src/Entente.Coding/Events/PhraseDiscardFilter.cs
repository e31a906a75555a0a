using Entente.Coding.Actors;
using Entente.Nlp.Documents;

namespace Entente.Coding.Events;

/// <summary>
/// PETRARCH's discard rule over the tokens: a sentence containing a discard phrase (any case) is not coded; a
/// phrase marked for stories discards the whole document; a phrase-only discard (Entente's <c>-PHRASE</c>) is set
/// aside while the rest of its sentence is coded. Words must match whole tokens, except the last word of
/// a phrase, which is a stem ("BASEBALL" also matches "baseballs") unless written with a trailing "_", as PETRARCH
/// reads the list. A phrase listed again by a later file takes the later file's level. Matching looks each token
/// up once in a table keyed by first word, so a long document costs one pass. Immutable; safe to share across threads.
/// </summary>
public sealed class PhraseDiscardFilter : IDiscardFilter
{
    private const int StemKey = 4;

    private enum Level : byte
    {
        Sentence,
        Story,
        Phrase,
    }

    private sealed record Entry(string[] Words, bool Exact, Level Level);

    private readonly Dictionary<string, List<Entry>> _byFirst = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>>.AlternateLookup<ReadOnlySpan<char>> _firstLookup;
    private readonly Dictionary<string, List<Entry>> _stems = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>>.AlternateLookup<ReadOnlySpan<char>> _stemLookup;

    public PhraseDiscardFilter(IEnumerable<(string Phrase, bool Story)> phrases)
        : this(Records(phrases))
    {
    }

    /// <summary>The filter of a dictionary's discard records, in file order (a later record of a phrase wins).</summary>
    public PhraseDiscardFilter(IEnumerable<DiscardRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var byPhrase = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var r in records)
        {
            var exact = r.Phrase.TrimEnd().EndsWith('_');
            var words = r.Phrase.ToLowerInvariant().Split([' ', '\t', '_'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
                continue;
            var key = string.Join(' ', words) + (exact ? "_" : "");
            if (!byPhrase.ContainsKey(key))
                order.Add(key);
            byPhrase[key] = new Entry(words, exact, r.Story ? Level.Story : r.PhraseOnly ? Level.Phrase : Level.Sentence);
        }

        foreach (var key in order)
        {
            var entry = byPhrase[key];
            var words = entry.Words;
            Count++;
            if (words.Length == 1 && !entry.Exact && words[0].Length >= StemKey)
                Add(_stems, words[0][..StemKey], entry);
            else
                Add(_byFirst, words[0], entry);
        }

        _firstLookup = _byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
        _stemLookup = _stems.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static IEnumerable<DiscardRecord> Records(IEnumerable<(string Phrase, bool Story)> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        foreach (var (phrase, story) in phrases)
            yield return new DiscardRecord(phrase, story, "", 0);
    }

    public int Count { get; }

    public bool DiscardsStory(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        for (var s = 0; s < document.SentenceCount; s++)
        {
            if (Scan(document, s, Level.Story, []))
                return true;
        }

        return false;
    }

    public bool DiscardsSentence(Document document, int sentence)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Scan(document, sentence, Level.Sentence, []);
    }

    public bool MarkDiscardedPhrases(Document document, int sentence, Span<bool> mask)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Scan(document, sentence, Level.Phrase, mask);
    }

    /// <summary>
    /// Whether a phrase of <paramref name="level"/> occurs in the sentence. For phrase-only discards every match is
    /// marked in <paramref name="mask"/> (sentence-relative); for the other levels the first match answers.
    /// </summary>
    private bool Scan(Document doc, int sentence, Level level, Span<bool> mask)
    {
        var first = doc.SentenceFirstToken(sentence);
        var end = first + doc.SentenceTokenCount(sentence);
        var marking = level == Level.Phrase;
        var any = false;
        Span<char> buffer = stackalloc char[64];
        for (var t = first; t < end; t++)
        {
            var word = Lower(doc.NormOf(t), buffer);
            if (word.IsEmpty)
                continue;
            var length = _firstLookup.TryGetValue(word, out var entries) ? LongestMatch(entries, doc, t, end, level) : 0;
            if (length == 0 && word.Length >= StemKey && _stemLookup.TryGetValue(word[..StemKey], out var stems))
            {
                foreach (var e in stems)
                {
                    if (e.Level == level && word.StartsWith(e.Words[0], StringComparison.Ordinal))
                        length = 1;
                }
            }

            if (length == 0)
                continue;
            if (!marking)
                return true;
            any = true;
            for (var k = 0; k < length && t + k - first < mask.Length; k++)
                mask[t + k - first] = true;
            t += length - 1;
        }

        return any;
    }

    /// <summary>The length in tokens of the longest entry of <paramref name="level"/> that matches at <paramref name="t"/>, 0 for none.</summary>
    private static int LongestMatch(List<Entry> entries, Document doc, int t, int end, Level level)
    {
        Span<char> buffer = stackalloc char[64];
        var best = 0;
        foreach (var e in entries)
        {
            if (e.Level != level || t + e.Words.Length > end || e.Words.Length <= best)
                continue;
            var ok = true;
            for (var k = 1; k < e.Words.Length && ok; k++)
            {
                var w = Lower(doc.NormOf(t + k), buffer);
                var last = k == e.Words.Length - 1;
                ok = last && !e.Exact ? w.StartsWith(e.Words[k], StringComparison.Ordinal) : w.SequenceEqual(e.Words[k]);
            }

            if (ok)
                best = e.Words.Length;
        }

        return best;
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
