using Entente.Nlp.Documents;
using Entente.Nlp.Learning;

namespace Entente.Nlp.Parsing;

/// <summary>Per-epoch dev scores reported while training.</summary>
public readonly record struct ParserEpoch(int Epoch, double Uas, double Las, int Features, double Seconds);

/// <summary>
/// Trains the parser with the arc-hybrid dynamic oracle (Goldberg and Nivre 2013): at each step the
/// model's best legal transition is compared with the best zero-cost one and the perceptron is updated
/// when they differ; from the third epoch on the parser follows its own (possibly wrong) prediction
/// 90% of the time, so it learns to recover from its mistakes. Training trees are made projective first.
/// </summary>
public static class ParserTrainer
{
    private const int ExploreFromEpoch = 2;
    private const double ExploreProbability = 0.9;

    public static ParserModel Train(
        IReadOnlyList<AnnotatedSentence> train,
        IReadOnlyList<AnnotatedSentence> dev,
        int epochs,
        WordClusters? clusters = null,
        Action<ParserEpoch>? progress = null,
        int seed = 1)
    {
        clusters ??= WordClusters.Empty;
        var labels = ParserModel.LabelCount;
        var classes = ArcHybrid.ClassCount(labels);
        var trainer = new PerceptronTrainer(classes);
        var usable = new List<AnnotatedSentence>();
        foreach (var s in train)
        {
            if (s.HasTree)
                usable.Add(s);
        }

        var golds = new (int[] Heads, ushort[] Labels)[usable.Count];
        for (var i = 0; i < usable.Count; i++)
            golds[i] = ProjectiveGold(usable[i]);
        var order = new int[usable.Count];
        for (var i = 0; i < order.Length; i++)
            order[i] = i;
        var rng = new Random(seed);
        var input = new ParserInput();
        var state = new ParseState();
        var features = new ulong[ParserFeatures.MaxFeatures];
        var scores = new float[classes];
        ParserModel? best = null;
        var bestLas = -1.0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            rng.Shuffle(order);
            var explore = epoch > ExploreFromEpoch;
            foreach (var si in order)
            {
                var s = usable[si];
                var (gh, gl) = golds[si];
                Load(input, s, clusters);
                state.Reset(s.Length, ParserModel.RootLabel);
                while (!state.IsTerminal)
                {
                    var k = ParserFeatures.Extract(input, state, features);
                    Array.Clear(scores);
                    trainer.AddScores(features.AsSpan(0, k), scores);
                    var predicted = SentenceParser.BestLegal(state, scores, labels);
                    var gold = BestZeroCost(state, scores, labels, gh, gl, out var predictedCost, predicted);
                    trainer.Tick();
                    if (predictedCost > 0)
                        trainer.Update(features.AsSpan(0, k), gold, predicted);
                    state.Apply(explore && predictedCost > 0 && rng.NextDouble() < ExploreProbability ? predicted : gold, labels);
                }
            }

            var model = new ParserModel(trainer.Average(), clusters);
            var (uas, las) = Evaluate(model, dev);
            progress?.Invoke(new ParserEpoch(epoch, uas, las, trainer.FeatureCount, clock.Elapsed.TotalSeconds));
            if (dev.Count == 0 || las > bestLas)
            {
                bestLas = las;
                best = model;
            }
        }

        return best ?? new ParserModel(trainer.Average(), clusters);
    }

    /// <summary>The gold tree made projective, with the root as word Length and unknown relations as "dep".</summary>
    internal static (int[] Heads, ushort[] Labels) ProjectiveGold(AnnotatedSentence s)
    {
        var n = s.Length;
        var heads = new int[n];
        for (var i = 0; i < n; i++)
            heads[i] = s.Heads[i] - 1;
        Projectivizer.Projectivize(heads);
        var labels = new ushort[n];
        var dep = Labels.Deprel.Id("dep");
        for (var i = 0; i < n; i++)
        {
            if (heads[i] < 0)
                heads[i] = n;
            labels[i] = s.Deprels[i] == 0 ? dep : s.Deprels[i];
            if (heads[i] == n)
                labels[i] = (ushort)ParserModel.RootLabel;
            else if (labels[i] == ParserModel.RootLabel)
                labels[i] = dep;
        }

        return (heads, labels);
    }

    internal static void Load(ParserInput input, AnnotatedSentence s, WordClusters clusters)
    {
        input.Reset(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var lower = FeatureHash.OfLowerChars(s.Forms[i]);
            input.Set(i, lower, s.Xpos[i], (int)s.Upos[i], clusters.PathOf(lower));
        }
    }

    /// <summary>
    /// The highest-scoring transition among those of least cost; <paramref name="predictedCost"/> is how
    /// much more than that least cost <paramref name="predicted"/> costs.
    /// </summary>
    internal static int BestZeroCost(ParseState s, ReadOnlySpan<float> scores, int labels, ReadOnlySpan<int> gh, ReadOnlySpan<ushort> gl, out int predictedCost, int predicted)
    {
        var top = s.Stack(0);
        var shiftCost = s.CanShift ? s.Cost(ArcHybrid.Shift, labels, gh, gl) : int.MaxValue;
        var leftCost = int.MaxValue;
        var rightCost = int.MaxValue;
        var leftGold = false;
        var rightGold = false;
        if (s.CanLeft)
        {
            leftGold = gh[top] == s.Buffer;
            var label = s.Buffer == s.Length ? s.RootLabel : leftGold ? gl[top] : NonRoot(s);
            leftCost = s.Cost(ArcHybrid.Left(label), labels, gh, gl);
        }

        if (s.CanRight)
        {
            rightGold = gh[top] == s.Stack(1);
            rightCost = s.Cost(ArcHybrid.Right(rightGold ? gl[top] : NonRoot(s), labels), labels, gh, gl);
        }

        var min = Math.Min(shiftCost, Math.Min(leftCost, rightCost));
        var best = -1;
        var bestScore = float.NegativeInfinity;
        if (shiftCost == min)
        {
            best = ArcHybrid.Shift;
            bestScore = scores[best];
        }

        // a labelled arc costs its structure only with the gold label; any other label adds one
        if (leftCost == min)
        {
            var c = ArcHybrid.Left(s.Buffer == s.Length ? s.RootLabel : leftGold ? gl[top] : BestLabel(scores, labels, s.RootLabel, left: true));
            if (best < 0 || scores[c] > bestScore)
            {
                best = c;
                bestScore = scores[c];
            }
        }

        if (rightCost == min)
        {
            var c = ArcHybrid.Right(rightGold ? gl[top] : BestLabel(scores, labels, s.RootLabel, left: false), labels);
            if (best < 0 || scores[c] > bestScore)
                best = c;
        }

        var (move, plabel) = ArcHybrid.Decode(predicted, labels);
        var cost = move switch
        {
            0 => shiftCost,
            1 => leftCost + (leftGold && s.Buffer < s.Length && plabel != gl[top] ? 1 : 0),
            _ => rightCost + (rightGold && plabel != gl[top] ? 1 : 0),
        };
        predictedCost = cost - min;
        return best;
    }

    private static int NonRoot(ParseState s) => s.RootLabel == 1 ? 2 : 1;

    private static int BestLabel(ReadOnlySpan<float> scores, int labels, int rootLabel, bool left)
    {
        var best = rootLabel == 1 ? 2 : 1;
        var bestScore = float.NegativeInfinity;
        for (var l = 1; l < labels; l++)
        {
            if (l == rootLabel)
                continue;
            var c = left ? ArcHybrid.Left(l) : ArcHybrid.Right(l, labels);
            if (scores[c] > bestScore)
            {
                best = l;
                bestScore = scores[c];
            }
        }

        return best;
    }

    /// <summary>UAS and LAS (percent, universal relations, punctuation included) of a model on sentences with gold or predicted tags.</summary>
    public static (double Uas, double Las) Evaluate(ParserModel model, IReadOnlyList<AnnotatedSentence> gold)
    {
        var parser = new SentenceParser(model);
        long total = 0, uas = 0, las = 0;
        foreach (var s in gold)
        {
            Load(parser.Input, s, model.Clusters);
            parser.Parse();
            var st = parser.State;
            for (var i = 0; i < s.Length; i++)
            {
                if (s.Heads[i] < 0)
                    continue;
                total++;
                var predicted = st.Head[i] == s.Length ? 0 : st.Head[i] + 1;
                if (predicted != s.Heads[i])
                    continue;
                uas++;
                if (Labels.Universal(Labels.Deprel.Name(st.Label[i])).SequenceEqual(Labels.Universal(Labels.Deprel.Name(s.Deprels[i]))))
                    las++;
            }
        }

        return total == 0 ? (0, 0) : (100.0 * uas / total, 100.0 * las / total);
    }
}
