namespace Entente.Coding.Events.Coding;

/// <summary>
/// The document's actor mentions plus the actors the coder makes up while coding it (PETRARCH's
/// <c>new_actor_length</c>: an unknown phrase named by its own words). Indices below the document's count are the
/// resolver's mentions; the rest are the coder's own, which never reach the document's <see cref="MentionList"/>.
/// </summary>
internal sealed class MentionTable(IReadOnlyList<Mention> document) : IReadOnlyList<Mention>
{
    private readonly List<Mention> _extra = [];

    public int DocumentCount => document.Count;

    public int Count => document.Count + _extra.Count;

    public Mention this[int index] => index < document.Count ? document[index] : _extra[index - document.Count];

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
