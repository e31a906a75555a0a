using Entente.Nlp.Documents;

namespace Entente.Coding.Actors;

/// <summary>A discard phrase found in a sentence: the sentence (or, for a story-level discard, the document) is not coded.</summary>
public sealed record DiscardHit(int Sentence, int StartToken, int EndToken, DiscardRecord Discard);

/// <summary>An issue phrase found in a sentence.</summary>
public sealed record IssueHit(int Sentence, int StartToken, int EndToken, string Code, string Category);

/// <summary>
/// Finds the discard and issue phrases of a document with the compiled dictionaries (same piece matching as
/// actors, ignoring case). For the event coder, which decides what a discard means for its events.
/// Stateless and thread-safe.
/// </summary>
public static class DictionaryMatcher
{
    /// <summary>Every discard phrase in the document, in text order (longest match at each position).</summary>
    public static List<DiscardHit> FindDiscards(ActorDictionary dictionary, Document doc)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        ArgumentNullException.ThrowIfNull(doc);
        var hits = new List<DiscardHit>();
        Scan(dictionary, doc, dictionary.DiscardTrie, (s, a, b, v) => hits.Add(new DiscardHit(s, a, b, dictionary.Discards[v])));
        return hits;
    }

    /// <summary>True when the document has a story-level discard phrase (+PHRASE): the whole story is not coded.</summary>
    public static bool DiscardsStory(ActorDictionary dictionary, Document doc)
    {
        foreach (var hit in FindDiscards(dictionary, doc))
        {
            if (hit.Discard.Story)
                return true;
        }

        return false;
    }

    /// <summary>
    /// Every issue phrase in the document, in text order, except where a negative phrase ("~a head start")
    /// overlaps it.
    /// </summary>
    public static List<IssueHit> FindIssues(ActorDictionary dictionary, Document doc)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        ArgumentNullException.ThrowIfNull(doc);
        var positives = new List<IssueHit>();
        var negatives = new List<IssueHit>();
        Scan(dictionary, doc, dictionary.IssueTrie, (s, a, b, v) =>
        {
            var rec = dictionary.Issues[v];
            (rec.Negative ? negatives : positives).Add(new IssueHit(s, a, b, rec.Code, rec.Category));
        });
        if (negatives.Count == 0)
            return positives;
        positives.RemoveAll(p => negatives.Exists(n => n.Sentence == p.Sentence && n.StartToken < p.EndToken && p.StartToken < n.EndToken));
        return positives;
    }

    // Not a hot path (once per document, phrases are rare): a callback keeps the two finders short.
    private static void Scan(ActorDictionary dictionary, Document doc, PhraseTrie trie, Action<int, int, int, int> found)
    {
        var longest = 0;
        for (var s = 0; s < doc.SentenceCount; s++)
            longest = Math.Max(longest, doc.SentenceTokenCount(s));
        using var buffers = new MentionFinder.Buffers(longest * 4 + 8);
        for (var s = 0; s < doc.SentenceCount; s++)
        {
            var first = doc.SentenceFirstToken(s);
            var n = MentionFinder.BuildPieces(doc, first, first + doc.SentenceTokenCount(s), buffers, dictionary.Vocabulary);
            var ids = buffers.Ids.AsSpan(0, n);
            var i = 0;
            while (i < n)
            {
                var value = -1;
                var length = ids[i] < 0 ? 0 : trie.Longest(ids, i, out value);
                if (length == 0)
                {
                    i++;
                    continue;
                }

                found(s, buffers.Token[i], buffers.Token[i + length - 1] + 1, value);
                i += length;
            }
        }
    }
}
