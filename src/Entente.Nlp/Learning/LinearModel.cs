using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Entente.Nlp.Learning;

/// <summary>
/// A trained linear classifier over hashed features: for each feature, a short sparse row of
/// (class, weight). Immutable and shared by all threads.
/// </summary>
/// <remarks>
/// Scoring is memory-bound, so the layout is chosen for cache misses and bytes read. Rows live in one
/// array of 32-bit entries: the row's length, then one entry per class it scores, the class in the low
/// byte and the weight in the upper 24 bits (a float with its last 8 mantissa bits dropped, which holds
/// the half-precision weights of the model file exactly). Features are found through an open-addressing
/// table of 8-byte slots, each holding 32 bits of the feature's hash (the slot position supplies the low
/// bits) and where its row starts. A feature costs one miss to find and one to read, except that a row
/// of one weight is kept in the slot itself, and a row of <see cref="DenseRowMinWeights"/> or more
/// weights (the frequent features, most of the weights a parser configuration adds) is also laid out as
/// one float per class and added with vector instructions. Scores are always summed feature by feature
/// in the order given, so every layout gives the same floats. At most 256 classes.
/// Only 48 bits of each feature hash are kept: two of a million features would agree on them about once
/// in 200 million models.
/// </remarks>
public sealed class LinearModel
{
    public const int MaxClasses = 256;

    /// <summary>Feature hashes are kept to their upper 48 bits.</summary>
    private const int KeyShift = 16;

    private readonly ulong[] _keys;
    private readonly uint[] _entries;
    private readonly ulong[] _slots;
    private readonly int _mask;

    // long rows also laid out densely, one float per class (0 where the row has no weight), so adding
    // them is a few vector additions instead of a scattered addition per weight
    private readonly float[] _dense;
    private readonly int _denseStride;

    /// <summary>Builds the model from its rows; <paramref name="rowStart"/> has one more entry than <paramref name="rowKeys"/>. Weights are rounded to half precision, as the model file stores them.</summary>
    public LinearModel(int classes, ulong[] rowKeys, int[] rowStart, ushort[] entryClass, float[] entryWeight)
    {
        if (rowStart.Length != rowKeys.Length + 1 || entryClass.Length != entryWeight.Length || rowStart[^1] != entryClass.Length)
            throw new ArgumentException("inconsistent linear model arrays");
        if (classes is <= 0 or > MaxClasses)
            throw new ArgumentOutOfRangeException(nameof(classes), $"a linear model scores 1 to {MaxClasses} classes");
        _keys = new ulong[rowKeys.Length];
        _entries = new uint[rowKeys.Length + entryClass.Length];
        var e = 0;
        for (var r = 0; r < rowKeys.Length; r++)
        {
            var count = rowStart[r + 1] - rowStart[r];
            if (count is <= 0 or > MaxClasses)
                throw new ArgumentException("a row scores 1 to 256 classes");
            _keys[r] = rowKeys[r] >> KeyShift;
            _entries[e++] = (uint)count;
            for (var j = rowStart[r]; j < rowStart[r + 1]; j++)
            {
                if (entryClass[j] >= classes)
                    throw new ArgumentException("class id out of range");
                _entries[e++] = Pack(entryClass[j], (Half)entryWeight[j]);
            }
        }

        Classes = classes;
        (_slots, _mask, _dense, _denseStride) = BuildTable(_keys, _entries, classes);
    }

    private LinearModel(int classes, ulong[] keys, uint[] entries)
    {
        Classes = classes;
        _keys = keys;
        _entries = entries;
        (_slots, _mask, _dense, _denseStride) = BuildTable(keys, entries, classes);
    }

    /// <summary>Number of classes the model scores.</summary>
    public int Classes { get; }

    /// <summary>Number of features with at least one weight.</summary>
    public int FeatureCount => _keys.Length;

    /// <summary>Number of (feature, class) weights.</summary>
    public int WeightCount => _entries.Length - _keys.Length;

    /// <summary>Bytes the model's arrays take in memory.</summary>
    public long MemoryBytes => _keys.Length * 8L + _entries.Length * 4L + _slots.Length * 8L + _dense.Length * 4L;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Pack(int cls, Half weight) => (BitConverter.SingleToUInt32Bits((float)weight) & 0xFFFF_FF00u) | (uint)cls;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float WeightOf(uint entry) => BitConverter.UInt32BitsToSingle(entry & 0xFFFF_FF00u);

    /// <summary>Most features scored in one call; the parser's templates stay well below.</summary>
    private const int MaxBatch = 256;

    /// <summary>Adds the weights of <paramref name="features"/> into <paramref name="scores"/> (which the caller clears).</summary>
    /// <remarks>
    /// Three passes over the features so that memory latency overlaps instead of adding up: prefetch every
    /// slot, then find each row (or the one weight a slot holds itself) and prefetch it, then add the rows.
    /// </remarks>
    [SkipLocalsInit]
    public unsafe void AddScores(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        if (features.Length > MaxBatch)
        {
            AddScores(features[..MaxBatch], scores);
            AddScores(features[MaxBatch..], scores);
            return;
        }

        if (scores.Length < Classes)
            throw new ArgumentException("fewer scores than classes", nameof(scores));
        var mask = _mask;
        var classes = Classes;
        Span<ulong> found = stackalloc ulong[features.Length];
        fixed (ulong* slots = _slots)
        fixed (uint* entries = _entries)
        fixed (float* dense = _dense)
        fixed (float* score = scores)
        {
            if (Sse.IsSupported)
            {
                for (var j = 0; j < features.Length; j++)
                    Sse.Prefetch0(slots + (int)((features[j] >> KeyShift) & (ulong)mask));
            }

            var hits = 0;
            for (var j = 0; j < features.Length; j++)
            {
                var f = features[j] >> KeyShift;
                var i = (int)(f & (ulong)mask);
                var tag = Tag(f);
                ulong slot;
                while ((slot = slots[i]) != 0)
                {
                    if (((uint)(slot >> 32) | 1u) == tag)
                    {
                        found[hits++] = slot;
                        if (Sse.IsSupported && IsRowSlot(slot))
                        {
                            if (((uint)slot & DenseFlag) == 0)
                            {
                                // a sparse row has at most 20 entries with its length: two cache lines at most
                                // (a prefetch past the array's end is harmless)
                                Sse.Prefetch0(entries + (int)(uint)slot);
                                Sse.Prefetch0(entries + (int)(uint)slot + 16);
                            }
                            else
                            {
                                var row = dense + (long)((uint)slot & ~DenseFlag) * _denseStride;
                                for (var c = 0; c < classes; c += 16)
                                    Sse.Prefetch0(row + c);
                            }
                        }

                        break;
                    }

                    i = (i + 1) & mask;
                }
            }

            // in feature order, whether a row is inline or not: a class's score is the same sum in the same order
            for (var j = 0; j < hits; j++)
            {
                var slot = found[j];
                if (!IsRowSlot(slot))
                {
                    var entry = (uint)slot;
                    score[entry & 0xFF] += WeightOf(entry);
                    continue;
                }

                if (((uint)slot & DenseFlag) != 0)
                {
                    AddDense(dense + (long)((uint)slot & ~DenseFlag) * _denseStride, score, classes);
                    continue;
                }

                var e = entries + (int)(uint)slot;
                var end = e + 1 + *e;
                for (e++; e < end; e++)
                    score[*e & 0xFF] += WeightOf(*e);
            }
        }
    }

    /// <summary>Adds a dense row to the scores, class by class as the sparse rows do (adding 0 changes no score).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void AddDense(float* row, float* score, int classes)
    {
        var c = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; c + Vector512<float>.Count <= classes; c += Vector512<float>.Count)
                Vector512.Store(Vector512.Load(score + c) + Vector512.Load(row + c), score + c);
        }

        for (; c + Vector256<float>.Count <= classes; c += Vector256<float>.Count)
            Vector256.Store(Vector256.Load(score + c) + Vector256.Load(row + c), score + c);
        for (; c < classes; c++)
            score[c] += row[c];
    }

    /// <summary>In a row slot, the bit of the payload that says the row is dense (the rest is its dense row number).</summary>
    private const uint DenseFlag = 0x8000_0000u;

    /// <summary>Rows with at least this many weights are also stored densely.</summary>
    private const int DenseRowMinWeights = 20;

    /// <summary>
    /// Whether a slot points to its row in the entries (odd tag) rather than holding the row's one
    /// weight itself (even tag): most features have a single weight, and keeping it in the slot saves
    /// the second cache miss of their lookup.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsRowSlot(ulong slot) => (slot & (1UL << 32)) != 0;

    /// <summary>How many weights <paramref name="feature"/> has (0 when the model never saw it, -1 for a dense row); for profiling.</summary>
    internal int RowLength(ulong feature)
    {
        var f = feature >> KeyShift;
        var tag = Tag(f);
        ulong slot;
        for (var i = (int)(f & (ulong)_mask); (slot = _slots[i]) != 0; i = (i + 1) & _mask)
        {
            if (((uint)(slot >> 32) | 1u) == tag)
                return !IsRowSlot(slot) ? 1 : ((uint)slot & DenseFlag) != 0 ? -1 : (int)_entries[(int)(uint)slot];
        }

        return 0;
    }

    /// <summary>The 32 bits of a (48-bit) feature key a slot keeps, never 0 (which marks an empty slot).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Tag(ulong key) => (uint)(key >> 16) | 1u;

    /// <summary>The lookup table, about 60% full so probe runs stay short.</summary>
    private static (ulong[] Slots, int Mask, float[] Dense, int DenseStride) BuildTable(ulong[] keys, uint[] entries, int classes)
    {
        var size = 16;
        while (size < keys.Length + (keys.Length >> 1) + (keys.Length >> 3))
            size <<= 1;
        var mask = size - 1;
        var denseRows = 0;
        for (var start = 0; start < entries.Length; start += 1 + (int)entries[start])
        {
            if (entries[start] >= DenseRowMinWeights)
                denseRows++;
        }

        // whole cache lines per dense row, so each starts on a line when the array does
        var stride = (classes + 15) & ~15;
        var dense = new float[(long)denseRows * stride];
        var slots = new ulong[size];
        var next = 0;
        var at = 0;
        for (var r = 0; r < keys.Length; r++)
        {
            var key = keys[r];
            var i = (int)(key & (ulong)mask);
            while (slots[i] != 0)
                i = (i + 1) & mask;
            var count = (int)entries[at];
            var tag = Tag(key);
            var inline = ((ulong)(tag & ~1u) << 32) | entries[at + 1];
            if (count >= DenseRowMinWeights)
            {
                for (var j = at + 1; j <= at + count; j++)
                    dense[(long)next * stride + (entries[j] & 0xFF)] = WeightOf(entries[j]);
                slots[i] = ((ulong)tag << 32) | DenseFlag | (uint)next++;
            }
            else
            {
                slots[i] = count == 1 && inline != 0 ? inline : ((ulong)tag << 32) | (uint)at;
            }

            at += 1 + count;
        }

        return (slots, mask, dense, stride);
    }

    /// <summary>A copy without the weights smaller in magnitude than <paramref name="minWeight"/> (and rows left empty).</summary>
    public LinearModel Pruned(float minWeight)
    {
        var keys = new List<ulong>(FeatureCount);
        var starts = new List<int>(FeatureCount + 1) { 0 };
        var classes = new List<ushort>(WeightCount);
        var weights = new List<float>(WeightCount);
        var e = 0;
        for (var r = 0; r < _keys.Length; r++)
        {
            var before = classes.Count;
            var count = _entries[e++];
            for (var j = 0; j < count; j++, e++)
            {
                var w = WeightOf(_entries[e]);
                if (Math.Abs(w) >= minWeight)
                {
                    classes.Add((ushort)(_entries[e] & 0xFF));
                    weights.Add(w);
                }
            }

            if (classes.Count > before)
            {
                keys.Add(_keys[r] << KeyShift);
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

    /// <summary>
    /// Writes the model as raw little-endian blocks, which loading reads straight into memory: the 48-bit
    /// keys (6 bytes each), the rows' lengths less one, the classes, then the half-precision weights.
    /// </summary>
    internal void Write(BinaryWriter w)
    {
        var weights = WeightCount;
        w.Write(Classes);
        w.Write(_keys.Length);
        w.Write(weights);
        // each key written as 8 bytes, the next one overwriting its top two (always zero)
        var keys = new byte[_keys.Length * 6 + 2];
        for (var r = 0; r < _keys.Length; r++)
            BinaryPrimitives.WriteUInt64LittleEndian(keys.AsSpan(r * 6), _keys[r]);
        var counts = new byte[_keys.Length];
        var classes = new byte[weights];
        var halves = new Half[weights];
        var e = 0;
        var k = 0;
        for (var r = 0; r < _keys.Length; r++)
        {
            var count = (int)_entries[e++];
            counts[r] = (byte)(count - 1);
            for (var j = 0; j < count; j++, e++, k++)
            {
                classes[k] = (byte)(_entries[e] & 0xFF);
                halves[k] = (Half)WeightOf(_entries[e]);
            }
        }

        RawArrays.Write(w.BaseStream, keys.AsSpan(0, _keys.Length * 6), w);
        RawArrays.Write(w.BaseStream, counts.AsSpan(), w);
        RawArrays.Write(w.BaseStream, classes.AsSpan(), w);
        RawArrays.Write(w.BaseStream, MemoryMarshal.Cast<Half, ushort>(halves.AsSpan()), w);
    }

    /// <summary>Reads what <see cref="Write"/> wrote and checks that every row is well-formed.</summary>
    /// <exception cref="InvalidDataException">The arrays are inconsistent or truncated.</exception>
    internal static LinearModel Read(BinaryReader r)
    {
        var classes = r.ReadInt32();
        var features = r.ReadInt32();
        var weights = r.ReadInt32();
        if (classes is <= 0 or > MaxClasses || features < 0 || weights < features || (long)features * 6 > int.MaxValue)
            throw new InvalidDataException("bad linear model header");
        var keyBytes = new byte[features * 6 + 2];
        RawArrays.Read(r.BaseStream, keyBytes.AsSpan(0, features * 6));
        var counts = new byte[features];
        RawArrays.Read(r.BaseStream, counts.AsSpan());
        var cls = new byte[weights];
        RawArrays.Read(r.BaseStream, cls.AsSpan());
        var halves = new ushort[weights];
        RawArrays.Read(r.BaseStream, halves.AsSpan());
        var keys = new ulong[features];
        var entries = new uint[features + weights];
        var e = 0;
        var k = 0;
        for (var row = 0; row < features; row++)
        {
            keys[row] = BinaryPrimitives.ReadUInt64LittleEndian(keyBytes.AsSpan(row * 6)) & 0xFFFF_FFFF_FFFFUL;
            var count = counts[row] + 1;
            if (k + count > weights)
                throw new InvalidDataException("linear model rows do not add up");
            entries[e++] = (uint)count;
            for (var j = 0; j < count; j++, k++)
            {
                if (cls[k] >= classes)
                    throw new InvalidDataException("class id out of range");
                entries[e++] = Pack(cls[k], BitConverter.UInt16BitsToHalf(halves[k]));
            }
        }

        if (k != weights)
            throw new InvalidDataException("linear model rows do not add up");
        return new LinearModel(classes, keys, entries);
    }
    /// <summary>Reads a model of format version 1 (gzip, half-precision weights) and quantizes it.</summary>
    internal static LinearModel ReadVersion1(BinaryReader r)
    {
        var classes = r.ReadInt32();
        var features = r.ReadInt32();
        var weights = r.ReadInt32();
        if (classes is <= 0 or > MaxClasses || features < 0 || weights < 0)
            throw new InvalidDataException("bad linear model header");
        var keys = new ulong[features];
        var starts = new int[features + 1];
        for (var row = 0; row < features; row++)
        {
            keys[row] = r.ReadUInt64();
            starts[row + 1] = starts[row] + r.ReadUInt16();
        }

        if (starts[features] != weights)
            throw new InvalidDataException("linear model rows do not add up");
        var cls = new ushort[weights];
        for (var i = 0; i < weights; i++)
        {
            cls[i] = r.ReadUInt16();
            if (cls[i] >= classes)
                throw new InvalidDataException("class id out of range");
        }

        var w = new float[weights];
        for (var i = 0; i < weights; i++)
            w[i] = (float)r.ReadHalf();
        return new LinearModel(classes, keys, starts, cls, w);
    }
}
