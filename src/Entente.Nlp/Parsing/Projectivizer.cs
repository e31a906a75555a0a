namespace Entente.Nlp.Parsing;

/// <summary>
/// Pseudo-projective lifting (Nivre and Nilsson 2005) of training trees: while some arc crosses
/// another, the shortest non-projective arc is lifted to its head's head. The result is projective,
/// so the transition system's oracle can reach it; only the lifted words' heads change.
/// </summary>
public static class Projectivizer
{
    /// <summary>
    /// Lifts the tree in place. <paramref name="heads"/> holds 0-based head indices, -1 for the root.
    /// Returns the number of lifts; a malformed tree (a cycle) is left as it is.
    /// </summary>
    public static int Projectivize(Span<int> heads)
    {
        var lifts = 0;
        while (lifts <= heads.Length * heads.Length)
        {
            var worst = -1;
            var worstLength = int.MaxValue;
            for (var d = 0; d < heads.Length; d++)
            {
                var h = heads[d];
                if (h < 0)
                    continue;
                var length = Math.Abs(h - d);
                if (length < worstLength && !IsProjectiveArc(heads, h, d))
                {
                    worst = d;
                    worstLength = length;
                }
            }

            if (worst < 0)
                return lifts;
            var grand = heads[heads[worst]];
            heads[worst] = grand;
            lifts++;
        }

        return lifts;
    }

    /// <summary>True when every word strictly between <paramref name="head"/> and <paramref name="dependent"/> descends from the head.</summary>
    public static bool IsProjectiveArc(ReadOnlySpan<int> heads, int head, int dependent)
    {
        var lo = Math.Min(head, dependent);
        var hi = Math.Max(head, dependent);
        for (var k = lo + 1; k < hi; k++)
        {
            var a = k;
            var steps = 0;
            while (a >= 0 && a != head && steps++ <= heads.Length)
                a = heads[a];
            if (a != head)
                return false;
        }

        return true;
    }

    /// <summary>True when no arc of the tree crosses another.</summary>
    public static bool IsProjective(ReadOnlySpan<int> heads)
    {
        for (var d = 0; d < heads.Length; d++)
        {
            if (heads[d] >= 0 && !IsProjectiveArc(heads, heads[d], d))
                return false;
        }

        return true;
    }
}
