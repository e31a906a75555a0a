namespace Entente.Coding.Events.Coding;

/// <summary>
/// The document's actor mentions plus the actors the coder makes up while coding it (PETRARCH's
/// <c>new_actor_length</c>: an unknown phrase named by its own words). Indices below the document's count are the
/// resolver's mentions; the rest are the coder's own, which never reach the document's <see cref="MentionList"/>.
/// </summary>
internal sealed class MentionTable(IReadOnlyList<Mention> document) : IReadOnlyList<Mention>
{
    private readonly List<Mention> _extra = [];
    private int[]? _bySentence;
    private int[]? _sentenceStart;

    public int DocumentCount => document.Count;

    public int Count => document.Count + _extra.Count;

    public Mention this[int index] => index < document.Count ? document[index] : _extra[index - document.Count];

    /// <summary>Indices of the document's mentions in sentence <paramref name="sentence"/> (built once, in one pass).</summary>
    public ReadOnlySpan<int> InSentence(int sentence, int sentenceCount)
    {
        if (_sentenceStart is null || _sentenceStart.Length != sentenceCount + 1)
            Index(sentenceCount);
        if ((uint)sentence >= (uint)sentenceCount)
            return [];
        return _bySentence.AsSpan(_sentenceStart![sentence], _sentenceStart[sentence + 1] - _sentenceStart[sentence]);
    }

    private void Index(int sentenceCount)
    {
        var start = new int[sentenceCount + 1];
        for (var m = 0; m < document.Count; m++)
        {
            var s = document[m].Sentence;
            if ((uint)s < (uint)sentenceCount)
                start[s + 1]++;
        }

        for (var s = 0; s < sentenceCount; s++)
            start[s + 1] += start[s];
        var fill = (int[])start.Clone();
        var index = new int[start[sentenceCount]];
        for (var m = 0; m < document.Count; m++)
        {
            var s = document[m].Sentence;
            if ((uint)s < (uint)sentenceCount)
                index[fill[s]++] = m;
        }

        _bySentence = index;
        _sentenceStart = start;
    }

    /// <summary>
    /// The mention standing for the <paramref name="k"/>-th actor of a phrase that names several
    /// (<see cref="Mention.Codes"/>, "the Shire" as FRO, BIL and SAM): the mention itself for the first, else a
    /// copy with that code, made once per document.
    /// </summary>
    public int Alternative(int m, int k)
    {
        if (k == 0)
            return m;
        _alternatives ??= [];
        if (_alternatives.TryGetValue((m, k), out var index))
            return index;
        var original = this[m];
        var code = original.Codes![k];
        var country = original.Country is { } c && code.StartsWith(c, StringComparison.Ordinal) ? c : null;
        var sector = country is not null && code.Length >= 6 ? code[3..6] : null;
        index = Add(original with { Code = code, Country = country, Sector = sector, Codes = null });
        _alternatives[(m, k)] = index;
        return index;
    }

    private Dictionary<(int Mention, int Code), int>? _alternatives;

    /// <summary>Adds a made-up actor and returns its index.</summary>
    public int Add(Mention mention)
    {
        _extra.Add(mention);
        return Count - 1;
    }

    public IEnumerator<Mention> GetEnumerator()
    {
        foreach (var m in document)
            yield return m;
        foreach (var m in _extra)
            yield return m;
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
