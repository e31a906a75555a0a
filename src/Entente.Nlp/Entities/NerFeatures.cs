using Entente.Nlp.Learning;

namespace Entente.Nlp.Entities;

/// <summary>
/// The recognizer's view of one sentence (word atoms, clusters, gazetteer marks) and its feature
/// templates: the word and a window of two on each side, shapes and affixes, word clusters, gazetteer
/// kinds, the tagger's UPOS around the word, and the two previous predicted tags.
/// </summary>
internal sealed class NerInput
{
    private readonly char[] _shape = new char[64];

    public WordAtoms[] Atoms = new WordAtoms[64];
    public ulong[] Lower = new ulong[64];
    public uint[] Cluster = new uint[64];
    public GazetteerKind[] Gazetteer = new GazetteerKind[64];
    public ulong[] Upos = new ulong[64];

    public int Length { get; private set; }

    public void Reset(int n)
    {
        if (Atoms.Length < n)
        {
            Atoms = new WordAtoms[n * 2];
            Lower = new ulong[n * 2];
            Cluster = new uint[n * 2];
            Gazetteer = new GazetteerKind[n * 2];
            Upos = new ulong[n * 2];
        }

        Length = n;
    }

    public void SetWord(int i, ReadOnlySpan<char> form, Documents.Upos upos, WordClusters clusters)
    {
        Upos[i] = FeatureHash.OfInt(500 + (int)upos);
        Atoms[i] = WordAtoms.Of(form, _shape);
        Lower[i] = Atoms[i].Lower;
        Cluster[i] = clusters.PathOf(Lower[i]);
    }

    public void MarkGazetteer(Gazetteer gazetteer) => gazetteer.Mark(Lower.AsSpan(0, Length), Gazetteer.AsSpan(0, Length));
}

internal static class NerFeatures
{
    public const int MaxFeatures = 48;

    private static readonly ulong Pad = FeatureHash.OfInt(-9);

    public static int Extract(NerInput x, int i, int prev1, int prev2, Span<ulong> f)
    {
        var w = x.Atoms;
        var n = x.Length;
        ref readonly var w0 = ref w[i];
        var wm1 = i > 0 ? w[i - 1].Lower : Pad;
        var wm2 = i > 1 ? w[i - 2].Lower : Pad;
        var wp1 = i + 1 < n ? w[i + 1].Lower : Pad;
        var wp2 = i + 2 < n ? w[i + 2].Lower : Pad;
        var sm1 = i > 0 ? w[i - 1].Shape : Pad;
        var sp1 = i + 1 < n ? w[i + 1].Shape : Pad;
        var g0 = FeatureHash.OfInt((long)x.Gazetteer[i]);
        var gm1 = i > 0 ? FeatureHash.OfInt((long)x.Gazetteer[i - 1]) : Pad;
        var gp1 = i + 1 < n ? FeatureHash.OfInt((long)x.Gazetteer[i + 1]) : Pad;
        var c0 = x.Cluster[i];
        var t1 = FeatureHash.OfInt(prev1);
        var t2 = FeatureHash.OfInt(prev2);
        var k = 0;
        f[k++] = FeatureHash.Feature(1, 0);
        f[k++] = FeatureHash.Feature(2, w0.Lower);
        f[k++] = FeatureHash.Feature(3, w0.Form);
        f[k++] = FeatureHash.Feature(4, w0.Shape);
        f[k++] = FeatureHash.Feature(5, w0.FlagsAtom, i == 0 ? 1UL : 0UL);
        f[k++] = FeatureHash.Feature(6, w0.Suffix2);
        f[k++] = FeatureHash.Feature(7, w0.Suffix3);
        f[k++] = FeatureHash.Feature(8, w0.Suffix4);
        f[k++] = FeatureHash.Feature(9, w0.Prefix2);
        f[k++] = FeatureHash.Feature(10, w0.Prefix3);
        f[k++] = FeatureHash.Feature(11, wm1);
        f[k++] = FeatureHash.Feature(12, wm2);
        f[k++] = FeatureHash.Feature(13, wp1);
        f[k++] = FeatureHash.Feature(14, wp2);
        f[k++] = FeatureHash.Feature(15, i > 0 ? w[i - 1].Form : Pad);
        f[k++] = FeatureHash.Feature(16, i + 1 < n ? w[i + 1].Form : Pad);
        f[k++] = FeatureHash.Feature(17, sm1);
        f[k++] = FeatureHash.Feature(18, sp1);
        f[k++] = FeatureHash.Feature(19, sm1, w0.Shape, sp1);
        f[k++] = FeatureHash.Feature(20, t1);
        f[k++] = FeatureHash.Feature(21, t1, t2);
        f[k++] = FeatureHash.Feature(22, t1, w0.Shape);
        f[k++] = FeatureHash.Feature(23, t1, w0.Lower);
        f[k++] = FeatureHash.Feature(24, wm1, w0.Shape);
        f[k++] = FeatureHash.Feature(25, w0.Shape, wp1);
        f[k++] = FeatureHash.Feature(26, WordClusters.Prefix(c0, 6));
        f[k++] = FeatureHash.Feature(27, WordClusters.Prefix(c0, 10));
        f[k++] = FeatureHash.Feature(28, WordClusters.Prefix(c0, 16));
        f[k++] = FeatureHash.Feature(29, i > 0 ? WordClusters.Prefix(x.Cluster[i - 1], 10) : Pad);
        f[k++] = FeatureHash.Feature(30, i + 1 < n ? WordClusters.Prefix(x.Cluster[i + 1], 10) : Pad);
        f[k++] = FeatureHash.Feature(31, WordClusters.Prefix(c0, 10), w0.Shape);
        f[k++] = FeatureHash.Feature(32, g0);
        f[k++] = FeatureHash.Feature(33, g0, w0.Shape);
        f[k++] = FeatureHash.Feature(34, gm1, g0, gp1);
        f[k++] = FeatureHash.Feature(35, g0, t1);
        f[k++] = FeatureHash.Feature(36, wm1, w0.Lower);
        f[k++] = FeatureHash.Feature(37, w0.Lower, wp1);
        // part of speech from the tagger (PROPN carries most of the news)
        var u0 = x.Upos[i];
        var um1 = i > 0 ? x.Upos[i - 1] : Pad;
        var up1 = i + 1 < n ? x.Upos[i + 1] : Pad;
        f[k++] = FeatureHash.Feature(38, u0);
        f[k++] = FeatureHash.Feature(39, um1, u0, up1);
        f[k++] = FeatureHash.Feature(40, u0, w0.Shape);
        f[k++] = FeatureHash.Feature(41, u0, t1);
        f[k++] = FeatureHash.Feature(42, u0, WordClusters.Prefix(c0, 10));
        f[k++] = FeatureHash.Feature(43, u0, up1, wp1);
        return k;
    }
}
