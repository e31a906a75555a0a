using Entente.Nlp.Learning;

namespace Entente.Nlp.Entities;

/// <summary>
/// The recognizer's view of one sentence (word atoms, clusters, gazetteer marks, casing regime) and its
/// feature templates: the word and a window of two on each side, shapes and affixes, word clusters,
/// gazetteer kinds, the tagger's UPOS around the word, the sentence's casing regime, and the two previous
/// predicted tags.
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

    /// <summary>How the sentence is cased as a whole (<see cref="SentenceCasing"/>), as an atom.</summary>
    public ulong Casing { get; private set; }

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

    /// <summary>
    /// Classifies the sentence's casing once all words are set. Web text is often all lower case or all
    /// capitals, where a capital letter says nothing about names; the model needs to know which regime it is in.
    /// </summary>
    public void MeasureCasing()
    {
        int words = 0, capitalized = 0, upper = 0;
        for (var i = 0; i < Length; i++)
        {
            var flags = Atoms[i].Flags;
            if ((flags & (WordFlags.HasLower | WordFlags.InitialUpper | WordFlags.InnerUpper)) == 0)
                continue;
            words++;
            if ((flags & WordFlags.AllUpper) != 0 && Atoms[i].Length > 1)
                upper++;
            else if (i > 0 && (flags & WordFlags.InitialUpper) != 0)
                capitalized++;
        }

        var casing = words < 3 ? SentenceCasing.Short
            : upper * 2 > words ? SentenceCasing.Upper
            : capitalized * 5 > words * 3 ? SentenceCasing.Title
            : capitalized == 0 ? SentenceCasing.Lower
            : SentenceCasing.Mixed;
        Casing = FeatureHash.OfInt(600 + (int)casing);
    }
}

/// <summary>The casing regime of a whole sentence.</summary>
internal enum SentenceCasing
{
    /// <summary>Fewer than three words: too short to tell.</summary>
    Short,

    /// <summary>No capitalized word after the first.</summary>
    Lower,

    /// <summary>Mostly capitals.</summary>
    Upper,

    /// <summary>Most words capitalized (a headline or a title).</summary>
    Title,

    /// <summary>Ordinary running text.</summary>
    Mixed,
}

internal static class NerFeatures
{
    public const int MaxFeatures = 64;

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
        var g0 = Names(x.Gazetteer[i]);
        var gm1 = i > 0 ? Names(x.Gazetteer[i - 1]) : Pad;
        var gp1 = i + 1 < n ? Names(x.Gazetteer[i + 1]) : Pad;
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
        // the sentence's casing regime decides what a capital letter is worth
        var casing = x.Casing;
        f[k++] = FeatureHash.Feature(44, casing, w0.Shape);
        f[k++] = FeatureHash.Feature(45, casing, u0, g0);
        f[k++] = FeatureHash.Feature(46, casing, WordClusters.Prefix(c0, 10));
        f[k++] = FeatureHash.Feature(47, wm1, wp1);
        f[k++] = FeatureHash.Feature(48, WordClusters.Prefix(c0, 4));
        f[k++] = FeatureHash.Feature(49, i > 1 ? WordClusters.Prefix(x.Cluster[i - 2], 10) : Pad);
        f[k++] = FeatureHash.Feature(50, i + 2 < n ? WordClusters.Prefix(x.Cluster[i + 2], 10) : Pad);
        f[k++] = FeatureHash.Feature(51, wm1, g0);
        f[k++] = FeatureHash.Feature(52, g0, wp1);
        f[k++] = FeatureHash.Feature(53, t1, wm1);
        f[k++] = FeatureHash.Feature(54, w0.Suffix3, w0.FlagsAtom);
        f[k++] = FeatureHash.Feature(55, i > 0 ? w[i - 1].Suffix3 : Pad);
        f[k++] = FeatureHash.Feature(56, i + 1 < n ? w[i + 1].Suffix3 : Pad);
        f[k++] = FeatureHash.Feature(57, i > 1 ? w[i - 2].Shape : Pad, sm1, w0.Shape);
        f[k++] = FeatureHash.Feature(58, w0.Shape, sp1, i + 2 < n ? w[i + 2].Shape : Pad);
        return k;
    }

    /// <summary>The word's gazetteer kinds as an atom.</summary>
    private static ulong Names(GazetteerKind kind) => FeatureHash.OfInt((long)kind);
}
