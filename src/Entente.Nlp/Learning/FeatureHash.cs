using System.Runtime.CompilerServices;

namespace Entente.Nlp.Learning;

/// <summary>
/// 64-bit hashes for features. A feature is a template number combined with one to three atom hashes
/// (a word, a tag, a suffix); hashing instead of interning keeps feature extraction allocation-free and
/// lets training and inference share one code path over spans.
/// </summary>
public static class FeatureHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>Hash of a string's characters as written.</summary>
    public static ulong OfChars(ReadOnlySpan<char> s)
    {
        var h = FnvOffset;
        foreach (var c in s)
        {
            h ^= c;
            h *= FnvPrime;
        }

        return Finish(h);
    }

    /// <summary>Hash of a string's characters lower-cased (invariant culture), without allocating.</summary>
    public static ulong OfLowerChars(ReadOnlySpan<char> s)
    {
        var h = FnvOffset;
        foreach (var c in s)
        {
            h ^= char.ToLowerInvariant(c);
            h *= FnvPrime;
        }

        return Finish(h);
    }

    /// <summary>Hash of a small integer atom (a tag id, a label, a bucketed distance).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong OfInt(long value) => Finish((ulong)value * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong a) =>
        Finish(((ulong)template * 0xD6E8FEB86659FD93UL) ^ a) | 1UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong a, ulong b) =>
        Finish((((ulong)template * 0xD6E8FEB86659FD93UL) ^ a) + RotateLeft(b, 23) * 0x9E3779B97F4A7C15UL) | 1UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong a, ulong b, ulong c) =>
        Finish((((ulong)template * 0xD6E8FEB86659FD93UL) ^ a) + RotateLeft(b, 23) * 0x9E3779B97F4A7C15UL + RotateLeft(c, 41) * 0xBF58476D1CE4E5B9UL) | 1UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    // splitmix64's finalizer: every input bit affects every output bit.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Finish(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
