using Entente.Nlp.Learning;

namespace Entente.Nlp.Parsing;

/// <summary>
/// The parser's view of one sentence: per word, the atoms of its lower-case form, XPOS and UPOS; the
/// virtual root at index Length has atoms of its own. Reused across sentences.
/// </summary>
public sealed class ParserInput
{
    internal static readonly ulong RootAtom = FeatureHash.OfInt(-100);
    internal static readonly ulong NoneAtom = FeatureHash.OfInt(-101);

    public ulong[] Word = new ulong[64];
    public ulong[] Tag = new ulong[64];
    public ulong[] Upos = new ulong[64];
    public uint[] Cluster = new uint[64];

    public int Length { get; private set; }

    public void Reset(int length)
    {
        if (Word.Length < length + 1)
        {
            var n = Math.Max(length + 1, Word.Length * 2);
            Word = new ulong[n];
            Tag = new ulong[n];
            Upos = new ulong[n];
            Cluster = new uint[n];
        }

        Length = length;
        Word[length] = RootAtom;
        Tag[length] = RootAtom;
        Upos[length] = RootAtom;
        Cluster[length] = WordClusters.None;
    }

    public void Set(int i, ulong lowerForm, int xpos, int upos, uint cluster)
    {
        Cluster[i] = cluster;
        Word[i] = lowerForm;
        Tag[i] = FeatureHash.OfInt(xpos);
        Upos[i] = FeatureHash.OfInt(1000 + upos);
    }
}

/// <summary>
/// Feature templates of the parser, after Zhang and Nivre (2011) adapted to arc-hybrid, whose two
/// candidate arcs are (buffer front, stack top) and (second on stack, stack top): words and tags of the
/// top three stack words and the first three buffer words, their pairs and triples, distances,
/// valencies, the outermost children with their labels, the label sets of the children so far,
/// word-cluster prefixes of the words in focus, and coarse-tag (UPOS) triples.
/// </summary>
internal static class ParserFeatures
{
    public const int MaxFeatures = 120;

    private static ulong W(ParserInput x, int i) => i < 0 ? ParserInput.NoneAtom : x.Word[i];

    private static ulong P(ParserInput x, int i) => i < 0 ? ParserInput.NoneAtom : x.Tag[i];

    private static ulong U(ParserInput x, int i) => i < 0 ? ParserInput.NoneAtom : x.Upos[i];

    private static ulong C(ParserInput x, int i, int bits) => i < 0 ? ParserInput.NoneAtom : WordClusters.Prefix(x.Cluster[i], bits);

    private static ulong L(ParseState s, int i) => i < 0 ? ParserInput.NoneAtom : FeatureHash.OfInt(2000 + s.Label[i]);

    private static ulong Distance(int a, int b)
    {
        if (a < 0 || b < 0)
            return ParserInput.NoneAtom;
        var d = Math.Abs(b - a);
        return FeatureHash.OfInt(3000 + (d <= 5 ? d : d <= 10 ? 6 : d <= 20 ? 7 : 8));
    }

    public static int Extract(ParserInput x, ParseState s, Span<ulong> f)
    {
        var s0 = s.Stack(0);
        var s1 = s.Stack(1);
        var s2 = s.Stack(2);
        var n = s.Length;
        var b0 = s.Buffer;
        var b1 = b0 + 1 <= n ? b0 + 1 : -1;
        var b2 = b0 + 2 <= n ? b0 + 2 : -1;
        // children; the root (b0 == n) has none before the last move
        var s0l1 = s0 >= 0 ? s.Left1[s0] : -1;
        var s0l2 = s0 >= 0 ? s.Left2[s0] : -1;
        var s0r1 = s0 >= 0 ? s.Right1[s0] : -1;
        var s0r2 = s0 >= 0 ? s.Right2[s0] : -1;
        var s1l1 = s1 >= 0 ? s.Left1[s1] : -1;
        var s1r1 = s1 >= 0 ? s.Right1[s1] : -1;
        var b0l1 = s.Left1[b0];
        var b0l2 = s.Left2[b0];

        var s0w = W(x, s0);
        var s0p = P(x, s0);
        var s1w = W(x, s1);
        var s1p = P(x, s1);
        var s2p = P(x, s2);
        var b0w = W(x, b0);
        var b0p = P(x, b0);
        var b1w = W(x, b1);
        var b1p = P(x, b1);
        var b2w = W(x, b2);
        var b2p = P(x, b2);
        var s0l1p = P(x, s0l1);
        var s0r1p = P(x, s0r1);
        var s1r1p = P(x, s1r1);
        var b0l1p = P(x, b0l1);
        var d0 = Distance(s0, b0);
        var d1 = Distance(s1, s0);
        var s0vl = s0 >= 0 ? FeatureHash.OfInt(4000 + s.LeftCount[s0]) : ParserInput.NoneAtom;
        var s0vr = s0 >= 0 ? FeatureHash.OfInt(4100 + s.RightCount[s0]) : ParserInput.NoneAtom;
        var b0vl = FeatureHash.OfInt(4200 + s.LeftCount[b0]);
        var s0sl = s0 >= 0 ? FeatureHash.OfInt((long)(s.LeftLabels[s0] >> 1)) : ParserInput.NoneAtom;
        var s0sr = s0 >= 0 ? FeatureHash.OfInt((long)(s.RightLabels[s0] >> 1) ^ 0x5555) : ParserInput.NoneAtom;
        var b0sl = FeatureHash.OfInt((long)(s.LeftLabels[b0] >> 1) ^ 0x3333);

        var k = 0;
        f[k++] = FeatureHash.Feature(1, 0);
        // single words
        f[k++] = FeatureHash.Feature(2, s0w);
        f[k++] = FeatureHash.Feature(3, s0p);
        f[k++] = FeatureHash.Feature(4, s0w, s0p);
        f[k++] = FeatureHash.Feature(5, s1w);
        f[k++] = FeatureHash.Feature(6, s1p);
        f[k++] = FeatureHash.Feature(7, s1w, s1p);
        f[k++] = FeatureHash.Feature(8, s2p);
        f[k++] = FeatureHash.Feature(9, b0w);
        f[k++] = FeatureHash.Feature(10, b0p);
        f[k++] = FeatureHash.Feature(11, b0w, b0p);
        f[k++] = FeatureHash.Feature(12, b1w);
        f[k++] = FeatureHash.Feature(13, b1p);
        f[k++] = FeatureHash.Feature(14, b1w, b1p);
        f[k++] = FeatureHash.Feature(15, b2w);
        f[k++] = FeatureHash.Feature(16, b2p);
        f[k++] = FeatureHash.Feature(17, U(x, s0), U(x, b0));
        f[k++] = FeatureHash.Feature(18, U(x, s1), U(x, s0));
        // pairs (s0, b0)
        f[k++] = FeatureHash.Feature(20, FeatureHash.Feature(0, s0w, s0p), b0w, b0p);
        f[k++] = FeatureHash.Feature(21, s0w, s0p, b0w);
        f[k++] = FeatureHash.Feature(22, s0w, b0w, b0p);
        f[k++] = FeatureHash.Feature(23, s0w, s0p, b0p);
        f[k++] = FeatureHash.Feature(24, s0p, b0w, b0p);
        f[k++] = FeatureHash.Feature(25, s0w, b0w);
        f[k++] = FeatureHash.Feature(26, s0p, b0p);
        f[k++] = FeatureHash.Feature(27, b0p, b1p);
        f[k++] = FeatureHash.Feature(28, b0w, b1w);
        // pairs (s1, s0)
        f[k++] = FeatureHash.Feature(30, FeatureHash.Feature(0, s1w, s1p), s0w, s0p);
        f[k++] = FeatureHash.Feature(31, s1w, s0w);
        f[k++] = FeatureHash.Feature(32, s1p, s0p);
        f[k++] = FeatureHash.Feature(33, s1w, s1p, s0p);
        f[k++] = FeatureHash.Feature(34, s1p, s0w, s0p);
        f[k++] = FeatureHash.Feature(35, s1w, s0p);
        f[k++] = FeatureHash.Feature(36, s1p, s0w);
        // triples of tags
        f[k++] = FeatureHash.Feature(40, b0p, b1p, b2p);
        f[k++] = FeatureHash.Feature(41, s0p, b0p, b1p);
        f[k++] = FeatureHash.Feature(42, s1p, s0p, b0p);
        f[k++] = FeatureHash.Feature(43, s2p, s1p, s0p);
        f[k++] = FeatureHash.Feature(44, s0p, s0l1p, b0p);
        f[k++] = FeatureHash.Feature(45, s0p, s0r1p, b0p);
        f[k++] = FeatureHash.Feature(46, s0p, b0p, b0l1p);
        f[k++] = FeatureHash.Feature(47, s1p, s1r1p, s0p);
        f[k++] = FeatureHash.Feature(48, s1p, s0p, s0l1p);
        f[k++] = FeatureHash.Feature(49, s1p, s0p, s0r1p);
        f[k++] = FeatureHash.Feature(50, s0p, b0p, b1w);
        // distance
        f[k++] = FeatureHash.Feature(51, s0w, d0);
        f[k++] = FeatureHash.Feature(52, s0p, d0);
        f[k++] = FeatureHash.Feature(53, b0w, d0);
        f[k++] = FeatureHash.Feature(54, b0p, d0);
        f[k++] = FeatureHash.Feature(55, s0w, b0w, d0);
        f[k++] = FeatureHash.Feature(56, s0p, b0p, d0);
        f[k++] = FeatureHash.Feature(57, s1p, s0p, d1);
        f[k++] = FeatureHash.Feature(58, s1w, s0w, d1);
        f[k++] = FeatureHash.Feature(59, s1w, d1);
        f[k++] = FeatureHash.Feature(60, s0w, d1);
        // valency
        f[k++] = FeatureHash.Feature(61, s0w, s0vl);
        f[k++] = FeatureHash.Feature(62, s0p, s0vl);
        f[k++] = FeatureHash.Feature(63, s0w, s0vr);
        f[k++] = FeatureHash.Feature(64, s0p, s0vr);
        f[k++] = FeatureHash.Feature(65, b0w, b0vl);
        f[k++] = FeatureHash.Feature(66, b0p, b0vl);
        f[k++] = FeatureHash.Feature(67, s1p, s1 >= 0 ? FeatureHash.OfInt(4100 + s.RightCount[s1]) : ParserInput.NoneAtom);
        // children
        f[k++] = FeatureHash.Feature(70, W(x, s0l1));
        f[k++] = FeatureHash.Feature(71, s0l1p);
        f[k++] = FeatureHash.Feature(72, L(s, s0l1));
        f[k++] = FeatureHash.Feature(73, W(x, s0r1));
        f[k++] = FeatureHash.Feature(74, s0r1p);
        f[k++] = FeatureHash.Feature(75, L(s, s0r1));
        f[k++] = FeatureHash.Feature(76, P(x, s0l2), L(s, s0l2));
        f[k++] = FeatureHash.Feature(77, P(x, s0r2), L(s, s0r2));
        f[k++] = FeatureHash.Feature(78, W(x, b0l1));
        f[k++] = FeatureHash.Feature(79, b0l1p);
        f[k++] = FeatureHash.Feature(80, L(s, b0l1));
        f[k++] = FeatureHash.Feature(81, P(x, b0l2), L(s, b0l2));
        f[k++] = FeatureHash.Feature(82, s1r1p, L(s, s1r1));
        f[k++] = FeatureHash.Feature(83, P(x, s1l1), L(s, s1l1));
        f[k++] = FeatureHash.Feature(84, s0p, s0l1p, P(x, s0l2));
        f[k++] = FeatureHash.Feature(85, s0p, s0r1p, P(x, s0r2));
        f[k++] = FeatureHash.Feature(86, b0p, b0l1p, P(x, b0l2));
        f[k++] = FeatureHash.Feature(87, s0p, L(s, s0l1), L(s, s0r1));
        // label sets
        f[k++] = FeatureHash.Feature(90, s0w, s0sl);
        f[k++] = FeatureHash.Feature(91, s0p, s0sl);
        f[k++] = FeatureHash.Feature(92, s0w, s0sr);
        f[k++] = FeatureHash.Feature(93, s0p, s0sr);
        f[k++] = FeatureHash.Feature(94, b0w, b0sl);
        f[k++] = FeatureHash.Feature(95, b0p, b0sl);
        f[k++] = FeatureHash.Feature(96, s0p, s0sr, b0p);
        // word clusters
        var s0c = C(x, s0, 8);
        var b0c = C(x, b0, 8);
        var s1c = C(x, s1, 8);
        f[k++] = FeatureHash.Feature(100, s0c);
        f[k++] = FeatureHash.Feature(101, C(x, s0, 16));
        f[k++] = FeatureHash.Feature(102, b0c);
        f[k++] = FeatureHash.Feature(103, C(x, b0, 16));
        f[k++] = FeatureHash.Feature(104, C(x, b1, 8));
        f[k++] = FeatureHash.Feature(105, s1c);
        f[k++] = FeatureHash.Feature(106, s0c, b0c);
        f[k++] = FeatureHash.Feature(107, s0c, b0p);
        f[k++] = FeatureHash.Feature(108, s0p, b0c);
        f[k++] = FeatureHash.Feature(109, s1c, s0c);
        f[k++] = FeatureHash.Feature(110, s1p, s0c);
        f[k++] = FeatureHash.Feature(111, s1c, s0p);
        // coarse tags generalize where the fine ones split the evidence; third-order label context
        f[k++] = FeatureHash.Feature(112, U(x, s0), U(x, b0), U(x, b1));
        f[k++] = FeatureHash.Feature(113, U(x, s1), U(x, s0), U(x, b0));
        f[k++] = FeatureHash.Feature(114, s0w, L(s, s0l1), L(s, s0r1));
        f[k++] = FeatureHash.Feature(115, b0w, L(s, b0l1), L(s, b0l2));
        f[k++] = FeatureHash.Feature(116, s1p, s1 >= 0 ? FeatureHash.OfInt((long)(s.RightLabels[s1] >> 1) ^ 0x7777) : ParserInput.NoneAtom);
        f[k++] = FeatureHash.Feature(117, s0p, s0sl, b0p);
        f[k++] = FeatureHash.Feature(118, b0w, b1p, b2p);
        f[k++] = FeatureHash.Feature(119, s0w, b0p, b1p);
        return k;
    }
}
