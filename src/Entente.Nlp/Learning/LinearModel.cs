using System.Runtime.CompilerServices;

namespace Entente.Nlp.Learning;

/// <summary>
/// A trained linear classifier over hashed features: for each feature, a short sparse row of
/// (class, weight). Immutable and shared by all threads. Lookup is an open-addressing table of the
/// 64-bit feature keys, so scoring a feature costs one probe and a few multiply-adds.
/// </summary>
public sealed class LinearModel
{
    private readonly ulong[] _slotKeys;
    private readonly int[] _slotRows;
    private readonly int _mask;
    private readonly ulong[] _rowKeys;
    private readonly int[] _rowStart; // rows + 1 entries
    private readonly ushort[] _entryClass;
    private readonly float[] _entryWeight;

    /// <summary>Builds the model from its rows; <paramref name="rowStart"/> has one more entry than <paramref name="rowKeys"/>.</summary>
    public LinearModel(int classes, ulong[] rowKeys, int[] rowStart, ushort[] entryClass, float[] entryWeight)
    {
        if (rowStart.Length != rowKeys.Length + 1 || entryClass.Length != entryWeight.Length || rowStart[^1] != entryClass.Length)
            throw new ArgumentException("inconsistent linear model arrays");
        Classes = classes;
        _rowKeys = rowKeys;
        _rowStart = rowStart;
        _entryClass = entryClass;
        _entryWeight = entryWeight;
        var size = 16;
        while (size < rowKeys.Length * 2)
            size <<= 1;
        _mask = size - 1;
        _slotKeys = new ulong[size];
        _slotRows = new int[size];
        for (var r = 0; r < rowKeys.Length; r++)
        {
            var key = rowKeys[r];
            var slot = (int)(key & (ulong)_mask);
            while (_slotKeys[slot] != 0)
                slot = (slot + 1) & _mask;
            _slotKeys[slot] = key;
            _slotRows[slot] = r;
        }
    }

    /// <summary>Number of classes the model scores.</summary>
    public int Classes { get; }

    /// <summary>Number of features with at least one weight.</summary>
    public int FeatureCount => _rowKeys.Length;

    /// <summary>Number of (feature, class) weights.</summary>
    public int WeightCount => _entryClass.Length;

    internal ulong[] RowKeys => _rowKeys;

    internal int[] RowStart => _rowStart;

    internal ushort[] EntryClass => _entryClass;

    internal float[] EntryWeight => _entryWeight;

    /// <summary>A copy without the weights smaller in magnitude than <paramref name="minWeight"/> (and rows left empty).</summary>
    public LinearModel Pruned(float minWeight)
    {
        var keys = new List<ulong>(_rowKeys.Length);
        var starts = new List<int>(_rowKeys.Length + 1) { 0 };
        var classes = new List<ushort>(_entryClass.Length);
        var weights = new List<float>(_entryClass.Length);
        for (var r = 0; r < _rowKeys.Length; r++)
        {
            var before = classes.Count;
            for (var e = _rowStart[r]; e < _rowStart[r + 1]; e++)
            {
                if (Math.Abs(_entryWeight[e]) >= minWeight)
                {
                    classes.Add(_entryClass[e]);
                    weights.Add(_entryWeight[e]);
                }
            }

            if (classes.Count > before)
            {
                keys.Add(_rowKeys[r]);
                starts.Add(classes.Count);
            }
        }

        return new LinearModel(Classes, keys.ToArray(), starts.ToArray(), classes.ToArray(), weights.ToArray());
    }

    /// <summary>Adds the weights of <paramref name="features"/> into <paramref name="scores"/> (which the caller clears).</summary>
    public void AddScores(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        var keys = _slotKeys;
        var mask = _mask;
        foreach (var f in features)
        {
            var slot = (int)(f & (ulong)mask);
            ulong k;
            while ((k = keys[slot]) != f)
            {
                if (k == 0)
                    goto next;
                slot = (slot + 1) & mask;
            }

            AddRow(_slotRows[slot], scores);
        next:;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddRow(int row, Span<float> scores)
    {
        var end = _rowStart[row + 1];
        for (var e = _rowStart[row]; e < end; e++)
            scores[_entryClass[e]] += _entryWeight[e];
    }

    /// <summary>Index of the highest score (the first one on ties).</summary>
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
