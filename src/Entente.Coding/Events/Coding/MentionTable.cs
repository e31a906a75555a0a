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
