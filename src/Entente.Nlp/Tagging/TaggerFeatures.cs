using Entente.Nlp.Learning;

namespace Entente.Nlp.Tagging;

/// <summary>
/// Feature templates of the tagger: the word and its neighbours, affixes, shape, the two previous
/// predicted tags, and the ambiguity classes (the tags a word was seen with) of the next words, which
/// carry most of the right context a left-to-right tagger cannot see as tags; and the word clusters of
/// the word and its neighbours, learned from news text, which generalize to words the treebanks lack.
/// </summary>
internal static class TaggerFeatures
{
    public const int MaxFeatures = 52;

    /// <summary>Atom for "no word here" (before the start or after the end of the sentence).</summary>
    private static readonly ulong Pad = FeatureHash.OfInt(-7);

    /// <summary>Writes the features of word <paramref name="i"/> given the previous tags; returns how many.</summary>
    public static int Extract(ReadOnlySpan<WordAtoms> w, ReadOnlySpan<ulong> ambiguity, ReadOnlySpan<uint> clusters, int i, int prev1, int prev2, Span<ulong> f)
    {
        ref readonly var w0 = ref w[i];
        var n = w.Length;
        var wm1 = i > 0 ? w[i - 1].Lower : Pad;
        var wm2 = i > 1 ? w[i - 2].Lower : Pad;
        var wp1 = i + 1 < n ? w[i + 1].Lower : Pad;
        var wp2 = i + 2 < n ? w[i + 2].Lower : Pad;
        var am1 = i > 0 ? ambiguity[i - 1] : Pad;
        var a0 = ambiguity[i];
        var ap1 = i + 1 < n ? ambiguity[i + 1] : Pad;
        var ap2 = i + 2 < n ? ambiguity[i + 2] : Pad;
        var t1 = FeatureHash.OfInt(prev1);
        var t2 = FeatureHash.OfInt(prev2);
        var k = 0;
        f[k++] = FeatureHash.Feature(1, 0);
        f[k++] = FeatureHash.Feature(2, w0.Lower);
        f[k++] = FeatureHash.Feature(3, w0.Form);
        f[k++] = FeatureHash.Feature(4, w0.Suffix1);
        f[k++] = FeatureHash.Feature(5, w0.Suffix2);
        f[k++] = FeatureHash.Feature(6, w0.Suffix3);
        f[k++] = FeatureHash.Feature(7, w0.Suffix4);
        f[k++] = FeatureHash.Feature(8, w0.Prefix1);
        f[k++] = FeatureHash.Feature(9, w0.Prefix2);
        f[k++] = FeatureHash.Feature(10, w0.Prefix3);
        f[k++] = FeatureHash.Feature(11, w0.Shape);
        f[k++] = FeatureHash.Feature(12, w0.FlagsAtom, i == 0 ? 1UL : 0UL);
        f[k++] = FeatureHash.Feature(13, wm1);
        f[k++] = FeatureHash.Feature(14, wm2);
        f[k++] = FeatureHash.Feature(15, wp1);
        f[k++] = FeatureHash.Feature(16, wp2);
        f[k++] = FeatureHash.Feature(17, t1);
        f[k++] = FeatureHash.Feature(18, t2);
        f[k++] = FeatureHash.Feature(19, t1, t2);
        f[k++] = FeatureHash.Feature(20, t1, w0.Lower);
        f[k++] = FeatureHash.Feature(21, wm1, w0.Lower);
        f[k++] = FeatureHash.Feature(22, w0.Lower, wp1);
        f[k++] = FeatureHash.Feature(23, i > 0 ? w[i - 1].Suffix3 : Pad);
        f[k++] = FeatureHash.Feature(24, i + 1 < n ? w[i + 1].Suffix3 : Pad);
        f[k++] = FeatureHash.Feature(25, i > 0 ? w[i - 1].Shape : Pad);
        f[k++] = FeatureHash.Feature(26, i + 1 < n ? w[i + 1].Shape : Pad);
        f[k++] = FeatureHash.Feature(27, a0);
        f[k++] = FeatureHash.Feature(28, ap1);
        f[k++] = FeatureHash.Feature(29, ap2);
        f[k++] = FeatureHash.Feature(30, a0, ap1);
        f[k++] = FeatureHash.Feature(31, t1, ap1);
        f[k++] = FeatureHash.Feature(32, t1, a0);
        f[k++] = FeatureHash.Feature(33, am1, a0, ap1);
        f[k++] = FeatureHash.Feature(34, w0.Suffix3, wp1);
        f[k++] = FeatureHash.Feature(35, t1, w0.Suffix3);
        f[k++] = FeatureHash.Feature(36, w0.Shape, t1);
        f[k++] = FeatureHash.Feature(37, wm1, w0.Lower, wp1);
        var c0 = clusters[i];
        var cp1 = i + 1 < n ? clusters[i + 1] : WordClusters.None;
        var cm1 = i > 0 ? clusters[i - 1] : WordClusters.None;
        f[k++] = FeatureHash.Feature(38, WordClusters.Prefix(c0, 4));
        f[k++] = FeatureHash.Feature(39, WordClusters.Prefix(c0, 8));
        f[k++] = FeatureHash.Feature(40, WordClusters.Prefix(c0, 12));
        f[k++] = FeatureHash.Feature(41, WordClusters.Prefix(c0, 16));
        f[k++] = FeatureHash.Feature(42, WordClusters.Prefix(cp1, 8));
        f[k++] = FeatureHash.Feature(43, WordClusters.Prefix(cp1, 16));
        f[k++] = FeatureHash.Feature(44, WordClusters.Prefix(cm1, 8));
        f[k++] = FeatureHash.Feature(45, t1, WordClusters.Prefix(c0, 12));
        f[k++] = FeatureHash.Feature(46, WordClusters.Prefix(c0, 16), w0.Suffix3);
        // capitalization read together with what the word usually is: "Fiji" vs "Housing" vs "The"
        f[k++] = FeatureHash.Feature(47, w0.FlagsAtom, a0, i == 0 ? 1UL : 0UL);
        f[k++] = FeatureHash.Feature(48, w0.Shape, i + 1 < n ? w[i + 1].Shape : Pad);
        f[k++] = FeatureHash.Feature(49, i + 1 < n ? w[i + 1].Form : Pad);
        return k;
    }
}
