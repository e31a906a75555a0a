using System.Collections.Frozen;

namespace Entente.Coding.Events.Lexicon;

/// <summary>
/// The lower-case words a compiled dictionary mentions, each with a small id, so that matching compares integers.
/// Built once; lookups take spans and allocate nothing.
/// </summary>
internal sealed class Vocabulary
{
    public const int Unknown = -1;

    /// <summary>Longest word looked up; longer tokens are never in a dictionary.</summary>
    public const int MaxWordLength = 64;

    private readonly FrozenDictionary<string, int> _ids;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spanIds;
    private readonly string[] _words;

    private Vocabulary(Dictionary<string, int> ids)
    {
        _ids = ids.ToFrozenDictionary(StringComparer.Ordinal);
        _spanIds = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _words = new string[ids.Count];
        foreach (var (w, id) in ids)
            _words[id] = w;
    }

    /// <summary>A vocabulary of no words: every lookup is <see cref="Unknown"/>.</summary>
    public static Vocabulary Empty { get; } = new([]);

    public int Count => _words.Length;

    public string this[int id] => _words[id];

    /// <summary>Id of an already lower-case word, or <see cref="Unknown"/>.</summary>
    public int Id(ReadOnlySpan<char> lower) => _spanIds.TryGetValue(lower, out var id) ? id : Unknown;

    /// <summary>Id of a word in any case, or <see cref="Unknown"/>.</summary>
    public int IdIgnoringCase(ReadOnlySpan<char> word)
    {
        if (word.Length == 0 || word.Length > MaxWordLength)
            return Unknown;
        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return Id(lower);
    }

    /// <summary>Collects words while a dictionary is compiled.</summary>
    public sealed class Builder
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

        public int Add(string word)
        {
            var lower = word.ToLowerInvariant();
            if (!_ids.TryGetValue(lower, out var id))
            {
                id = _ids.Count;
                _ids[lower] = id;
            }

            return id;
        }

        public int Find(string word) => _ids.TryGetValue(word.ToLowerInvariant(), out var id) ? id : Unknown;

        public Vocabulary Build() => new(_ids);
    }
}
