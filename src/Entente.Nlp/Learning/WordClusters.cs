namespace Entente.Nlp.Learning;

/// <summary>
/// Hierarchical word clusters learned from unlabelled news text (see <see cref="ClusterBuilder"/>):
/// each frequent word has a bit path from the root of a binary tree, and words with a long common
/// prefix occur in similar contexts. Features use path prefixes at several depths, which tells the
/// models something about words they never saw in the treebanks. Immutable; shared by all threads.
/// </summary>
public sealed class WordClusters
{
    public const string Kind = "clusters";

    /// <summary>No cluster (an unknown word).</summary>
    public const uint None = 0;

    private readonly Dictionary<ulong, uint> _paths;

    /// <param name="paths">Lower-case word hash -> path, packed as (depth &lt;&lt; 24) | bits.</param>
    public WordClusters(Dictionary<ulong, uint> paths)
    {
        _paths = paths;
    }

    public static WordClusters Empty { get; } = new([]);

    public int Count => _paths.Count;

    /// <summary>The packed path of a word by the hash of its lower-case form (<see cref="FeatureHash.OfLowerChars"/>), or <see cref="None"/>.</summary>
    public uint PathOf(ulong lowerHash) => _paths.TryGetValue(lowerHash, out var p) ? p : None;

    /// <summary>An atom for the first <paramref name="bits"/> bits of a packed path (all of it when shorter).</summary>
    public static ulong Prefix(uint packed, int bits)
    {
        if (packed == None)
            return FeatureHash.OfInt(-55);
        var depth = (int)(packed >> 24);
        var path = packed & 0xFFFFFF;
        var keep = Math.Min(bits, depth);
        return FeatureHash.OfInt(((long)keep << 32) | (path >> (depth - keep)));
    }

    public void Write(ModelWriter w)
    {
        w.Raw.Write(_paths.Count);
        foreach (var (k, v) in _paths)
        {
            w.Raw.Write(k);
            w.Raw.Write(v);
        }
    }

    public static WordClusters Read(ModelReader r)
    {
        var n = r.Raw.ReadInt32();
        if (n < 0)
            throw new InvalidDataException("negative cluster count");
        var paths = new Dictionary<ulong, uint>(n);
        for (var i = 0; i < n; i++)
            paths[r.Raw.ReadUInt64()] = r.Raw.ReadUInt32();
        return new WordClusters(paths);
    }

    public void Save(Stream stream)
    {
        using var w = ModelFile.Create(stream, Kind);
        Write(w);
    }

    /// <exception cref="InvalidDataException">The stream is not a cluster file.</exception>
    public static WordClusters Load(Stream stream)
    {
        using var r = ModelFile.Open(stream, Kind);
        try
        {
            return Read(r);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("truncated cluster file");
        }
    }
}
