namespace Entente.Nlp.Learning;

/// <summary>
/// Builds <see cref="WordClusters"/> from plain text: each of the most frequent words is described by
/// the words seen just before and after it (counts over the most frequent context words, square-rooted
/// and projected to a few dense dimensions), and the words are split recursively in two by spherical
/// 2-means, the left/right choices giving each word its bit path. Deterministic for a given seed.
/// </summary>
public static class ClusterBuilder
{
    public sealed record Options(int Words = 50000, int ContextWords = 800, int MinCount = 4, int Dimensions = 96, int Depth = 14, int Seed = 7);

    /// <summary>Counts word and neighbour co-occurrences over a stream of tokenized sentences.</summary>
    public sealed class Counts
    {
        internal readonly Dictionary<string, int> Frequency = new(StringComparer.Ordinal);
        internal readonly List<string[]> Sentences = [];

        /// <summary>Adds one tokenized sentence (words are lower-cased here).</summary>
        public void Add(IReadOnlyList<string> words)
        {
            var lower = new string[words.Count];
            for (var i = 0; i < words.Count; i++)
            {
                lower[i] = Normalize(words[i]);
                Frequency[lower[i]] = (Frequency.TryGetValue(lower[i], out var f) ? f : 0) + 1;
            }

            Sentences.Add(lower);
        }

        public long Tokens
        {
            get
            {
                long n = 0;
                foreach (var s in Sentences)
                    n += s.Length;
                return n;
            }
        }
    }

    /// <summary>Lower-case, and digits folded to 0 so that numbers cluster together.</summary>
    public static string Normalize(string word)
    {
        var chars = word.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsDigit(chars[i]))
                chars[i] = '0';
        }

        return new string(chars);
    }

    /// <summary>Splits text into word-like tokens roughly as UD English does ("don't" -> "do", "n't"; "Obama's" -> "Obama", "'s").</summary>
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (!char.IsLetterOrDigit(c))
            {
                tokens.Add(text[i].ToString());
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || ((text[i] is '-' or '.' or ',' or '\'' or '’') && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))))
                i++;
            var word = text[start..i];
            var apostrophe = word.LastIndexOfAny(['\'', '’']);
            if (apostrophe > 0 && word.EndsWith("n't", StringComparison.OrdinalIgnoreCase) && word.Length > 3)
            {
                tokens.Add(word[..^3]);
                tokens.Add(word[^3..]);
            }
            else if (apostrophe > 0)
            {
                tokens.Add(word[..apostrophe]);
                tokens.Add(word[apostrophe..]);
            }
            else
            {
                tokens.Add(word);
            }
        }

        return tokens;
    }

    public static WordClusters Build(Counts counts, Options o, Action<string>? progress = null)
    {
        var byFrequency = counts.Frequency.Where(kv => kv.Value >= o.MinCount).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        var vocab = byFrequency.Take(o.Words).Select(kv => kv.Key).ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < vocab.Length; i++)
            index[vocab[i]] = i;
        var contextCount = Math.Min(o.ContextWords, vocab.Length);
        // contexts: left word (0..C-1, C = other, C+1 = sentence start) and right word (offset C+2)
        var dims = 2 * (contextCount + 2);
        var rng = new Random(o.Seed);
        var projection = new float[dims * o.Dimensions];
        for (var i = 0; i < projection.Length; i++)
            projection[i] = rng.NextSingle() < 0.5f ? -1f : 1f;
        var cooc = new Dictionary<long, int>();
        foreach (var s in counts.Sentences)
        {
            for (var i = 0; i < s.Length; i++)
            {
                if (!index.TryGetValue(s[i], out var w))
                    continue;
                var left = i == 0 ? contextCount + 1 : ContextId(index, s[i - 1], contextCount);
                var right = contextCount + 2 + (i == s.Length - 1 ? contextCount + 1 : ContextId(index, s[i + 1], contextCount));
                Bump(cooc, (long)w * dims + left);
                Bump(cooc, (long)w * dims + right);
            }
        }

        progress?.Invoke($"{vocab.Length} words, {cooc.Count} distinct contexts");
        var vectors = new float[vocab.Length * o.Dimensions];
        foreach (var (key, count) in cooc)
        {
            var w = (int)(key / dims);
            var c = (int)(key % dims);
            var weight = MathF.Sqrt(count);
            var row = vectors.AsSpan(w * o.Dimensions, o.Dimensions);
            var p = projection.AsSpan(c * o.Dimensions, o.Dimensions);
            for (var d = 0; d < row.Length; d++)
                row[d] += weight * p[d];
        }

        for (var w = 0; w < vocab.Length; w++)
            Normalize(vectors.AsSpan(w * o.Dimensions, o.Dimensions));

        var paths = new uint[vocab.Length];
        var depths = new int[vocab.Length];
        var members = Enumerable.Range(0, vocab.Length).ToArray();
        Split(vectors, o.Dimensions, members, 0, o.Depth, paths, depths, rng);
        var result = new Dictionary<ulong, uint>(vocab.Length);
        for (var w = 0; w < vocab.Length; w++)
            result[FeatureHash.OfLowerChars(vocab[w])] = ((uint)depths[w] << 24) | paths[w];
        return new WordClusters(result);
    }

    private static int ContextId(Dictionary<string, int> index, string word, int contextCount) =>
        index.TryGetValue(word, out var id) && id < contextCount ? id : contextCount;

    private static void Bump(Dictionary<long, int> d, long key) => d[key] = (d.TryGetValue(key, out var v) ? v : 0) + 1;

    private static void Normalize(Span<float> v)
    {
        var norm = 0f;
        foreach (var x in v)
            norm += x * x;
        norm = MathF.Sqrt(norm);
        if (norm > 0)
        {
            for (var i = 0; i < v.Length; i++)
                v[i] /= norm;
        }
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++)
            sum += a[i] * b[i];
        return sum;
    }

    /// <summary>Splits <paramref name="members"/> in two by spherical 2-means and recurses on each half.</summary>
    private static void Split(float[] vectors, int dim, int[] members, int depth, int maxDepth, uint[] paths, int[] depths, Random rng)
    {
        if (depth >= maxDepth || members.Length < 2)
            return;
        var a = new float[dim];
        var b = new float[dim];
        vectors.AsSpan(members[rng.Next(members.Length)] * dim, dim).CopyTo(a);
        vectors.AsSpan(members[rng.Next(members.Length)] * dim, dim).CopyTo(b);
        var side = new bool[members.Length];
        for (var iter = 0; iter < 12; iter++)
        {
            var sa = new float[dim];
            var sb = new float[dim];
            int na = 0, nb = 0;
            for (var i = 0; i < members.Length; i++)
            {
                var v = vectors.AsSpan(members[i] * dim, dim);
                side[i] = Dot(v, b) > Dot(v, a);
                var target = side[i] ? sb : sa;
                for (var d = 0; d < dim; d++)
                    target[d] += v[d];
                if (side[i])
                    nb++;
                else
                    na++;
            }

            if (na == 0 || nb == 0)
            {
                // degenerate split: cut in half by order, so the tree still deepens
                for (var i = 0; i < members.Length; i++)
                    side[i] = i >= members.Length / 2;
                break;
            }

            Normalize(sa);
            Normalize(sb);
            a = sa;
            b = sb;
        }

        var left = new List<int>();
        var right = new List<int>();
        for (var i = 0; i < members.Length; i++)
        {
            var w = members[i];
            paths[w] = (paths[w] << 1) | (side[i] ? 1u : 0u);
            depths[w] = depth + 1;
            (side[i] ? right : left).Add(w);
        }

        Split(vectors, dim, [.. left], depth + 1, maxDepth, paths, depths, rng);
        Split(vectors, dim, [.. right], depth + 1, maxDepth, paths, depths, rng);
    }
}
