using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Entente.Nlp.Learning;

/// <summary>
/// A trained linear classifier over hashed features: for each feature, a short sparse row of
/// (class, weight). Immutable and shared by all threads. Scoring is memory-bound, so the layout is
/// chosen for cache misses: one open-addressing table of 16-byte slots (feature key, where its row
/// starts, how long it is) and one array of 8-byte (class, weight) entries, so a feature costs one miss
/// to find and one to read.
/// </summary>
public sealed class LinearModel
{
    private readonly Slot[] _slots;
    private readonly Entry[] _entries;
    private readonly int _mask;

    private struct Slot
    {
        public ulong Key;
        public int Start;
        public int Count;
    }

    private struct Entry
    {
        public int Class;
        public float Weight;
    }

    /// <summary>Builds the model from its rows; <paramref name="rowStart"/> has one more entry than <paramref name="rowKeys"/>.</summary>
    public LinearModel(int classes, ulong[] rowKeys, int[] rowStart, ushort[] entryClass, float[] entryWeight)
    {
        if (rowStart.Length != rowKeys.Length + 1 || entryClass.Length != entryWeight.Length || rowStart[^1] != entryClass.Length)
            throw new ArgumentException("inconsistent linear model arrays");
        Classes = classes;
        FeatureCount = rowKeys.Length;
        _entries = new Entry[entryClass.Length];
        for (var e = 0; e < _entries.Length; e++)
            _entries[e] = new Entry { Class = entryClass[e], Weight = entryWeight[e] };
        // about 60% full: short probe runs without doubling the table's memory
        var size = 16;
        while (size < rowKeys.Length + (rowKeys.Length >> 1) + (rowKeys.Length >> 3))
            size <<= 1;
        _mask = size - 1;
        _slots = new Slot[size];
        for (var r = 0; r < rowKeys.Length; r++)
        {
            var key = rowKeys[r];
            var slot = (int)(key & (ulong)_mask);
            while (_slots[slot].Key != 0)
                slot = (slot + 1) & _mask;
            _slots[slot] = new Slot { Key = key, Start = rowStart[r], Count = rowStart[r + 1] - rowStart[r] };
        }
    }

    /// <summary>Number of classes the model scores.</summary>
    public int Classes { get; }

    /// <summary>Number of features with at least one weight.</summary>
    public int FeatureCount { get; }

    /// <summary>Number of (feature, class) weights.</summary>
    public int WeightCount => _entries.Length;

    /// <summary>Most features scored in one call; the parser's templates stay well below.</summary>
    private const int MaxBatch = 256;

    /// <summary>Adds the weights of <paramref name="features"/> into <paramref name="scores"/> (which the caller clears).</summary>
    /// <remarks>
    /// Three passes over the features so that memory latency overlaps instead of adding up: prefetch every
    /// slot, then find each row and prefetch its entries, then add them.
    /// </remarks>
    public unsafe void AddScores(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        if (features.Length > MaxBatch)
        {
            AddScores(features[..MaxBatch], scores);
            AddScores(features[MaxBatch..], scores);
            return;
        }

        var mask = _mask;
        Span<int> found = stackalloc int[features.Length];
        fixed (Slot* slots = _slots)
        fixed (Entry* entries = _entries)
        {
            if (Sse.IsSupported)
            {
                for (var j = 0; j < features.Length; j++)
                    Sse.Prefetch0(slots + (int)(features[j] & (ulong)mask));
            }

            for (var j = 0; j < features.Length; j++)
            {
                var f = features[j];
                var i = (int)(f & (ulong)mask);
                ulong k;
                found[j] = -1;
                while ((k = slots[i].Key) != f)
                {
                    if (k == 0)
                        goto next;
                    i = (i + 1) & mask;
                }

                found[j] = i;
                if (Sse.IsSupported)
                    Sse.Prefetch0(entries + slots[i].Start);
            next:;
            }

            for (var j = 0; j < features.Length; j++)
            {
                if (found[j] < 0)
                    continue;
                var slot = slots + found[j];
                var e = entries + slot->Start;
                var end = e + slot->Count;
                for (; e < end; e++)
                    scores[e->Class] += e->Weight;
            }
        }
    }

    /// <summary>The rows in a fixed order (by table position), for saving and pruning.</summary>
    internal IEnumerable<(ulong Key, int Start, int Count)> Rows()
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            if (_slots[i].Key != 0)
                yield return (_slots[i].Key, _slots[i].Start, _slots[i].Count);
        }
    }

    internal ushort EntryClass(int e) => (ushort)_entries[e].Class;

    internal float EntryWeight(int e) => _entries[e].Weight;

    /// <summary>A copy without the weights smaller in magnitude than <paramref name="minWeight"/> (and rows left empty).</summary>
    public LinearModel Pruned(float minWeight)
    {
        var keys = new List<ulong>(FeatureCount);
        var starts = new List<int>(FeatureCount + 1) { 0 };
        var classes = new List<ushort>(_entries.Length);
        var weights = new List<float>(_entries.Length);
        foreach (var (key, start, count) in Rows())
        {
            var before = classes.Count;
            for (var e = start; e < start + count; e++)
            {
                if (Math.Abs(_entries[e].Weight) >= minWeight)
                {
                    classes.Add((ushort)_entries[e].Class);
                    weights.Add(_entries[e].Weight);
                }
            }

            if (classes.Count > before)
            {
                keys.Add(key);
                starts.Add(classes.Count);
            }
        }

        return new LinearModel(Classes, keys.ToArray(), starts.ToArray(), classes.ToArray(), weights.ToArray());
    }

    /// <summary>Index of the highest score (the first one on ties).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ArgMax(ReadOnlySpan<float> scores)
    {
        var best = 0;
        var bestScore = float.NegativeInfinity;
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] > bestScore)
            {
                bestScore = scores[i];
                best = i;
            }
        }

        return best;
    }
}
