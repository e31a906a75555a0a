using Entente.Nlp.Documents;
using Entente.Nlp.Evaluation;
using Entente.Nlp.Learning;

namespace Entente.Nlp.Entities;

/// <summary>Per-epoch dev scores reported while training.</summary>
public readonly record struct NerEpoch(int Epoch, double Precision, double Recall, double F1, int Features, double Seconds);

/// <summary>Entity scores: all types together and per type.</summary>
public sealed record NerScores(Score All, IReadOnlyDictionary<EntityType, Score> ByType);

/// <summary>
/// Trains the entity recognizer: greedy left-to-right IOB2 decoding with legal transitions only, a
/// perceptron update at every wrong tag, and the best epoch on dev (entity F1) kept.
/// </summary>
public static class NerTrainer
{
    public static NerModel Train(
        IReadOnlyList<NerSentence> train,
        IReadOnlyList<NerSentence> dev,
        int epochs,
        WordClusters clusters,
        Gazetteer gazetteer,
        Action<NerEpoch>? progress = null,
        int seed = 1)
    {
        var tags = new List<string> { "O" };
        foreach (var type in new[] { "PER", "ORG", "LOC" })
        {
            tags.Add("B-" + type);
            tags.Add("I-" + type);
        }

        var ids = new Dictionary<string, int>();
        for (var i = 0; i < tags.Count; i++)
            ids[tags[i]] = i;
        var names = tags.ToArray();
        var trainer = new PerceptronTrainer(names.Length);
        var shell = new NerModel(names, new PerceptronTrainer(names.Length).Average(), clusters, gazetteer);
        var order = new int[train.Count];
        for (var i = 0; i < order.Length; i++)
            order[i] = i;
        var rng = new Random(seed);
        var input = new NerInput();
        var features = new ulong[NerFeatures.MaxFeatures];
        var scores = new float[names.Length];
        var guess = new int[16];
        NerModel? best = null;
        var bestF1 = -1.0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            rng.Shuffle(order);
            foreach (var si in order)
            {
                var s = train[si];
                Load(input, s, clusters, gazetteer);
                if (guess.Length < s.Length)
                    guess = new int[s.Length * 2];
                for (var i = 0; i < s.Length; i++)
                {
                    var prev = i > 0 ? guess[i - 1] : -1;
                    var k = NerFeatures.Extract(input, i, prev, i > 1 ? guess[i - 2] : -1, features);
                    Array.Clear(scores);
                    trainer.AddScores(features.AsSpan(0, k), scores);
                    guess[i] = shell.BestLegal(scores, prev);
                    trainer.Tick();
                    var gold = ids.TryGetValue(s.Tags[i], out var g) ? g : 0;
                    trainer.Update(features.AsSpan(0, k), gold, guess[i]);
                }
            }

            var model = new NerModel(names, trainer.Average(), clusters, gazetteer);
            var score = Evaluate(model, dev).All;
            progress?.Invoke(new NerEpoch(epoch, score.Precision, score.Recall, score.F1, trainer.FeatureCount, clock.Elapsed.TotalSeconds));
            if (dev.Count == 0 || score.F1 > bestF1)
            {
                bestF1 = score.F1;
                best = model;
            }
        }

        return best ?? new NerModel(names, trainer.Average(), clusters, gazetteer);
    }

    internal static void Load(NerInput input, NerSentence s, WordClusters clusters, Gazetteer gazetteer)
    {
        input.Reset(s.Length);
        for (var i = 0; i < s.Length; i++)
            input.SetWord(i, s.Forms[i], s.Upos?[i] ?? Upos.None, clusters);
        input.MarkGazetteer(gazetteer);
        input.MeasureCasing();
    }

    /// <summary>Entity precision, recall and F1 (exact span and type) on gold-tokenized sentences (tagged with <see cref="NerSentence.WithTags"/> as at run time).</summary>
    public static NerScores Evaluate(NerModel model, IReadOnlyList<NerSentence> gold)
    {
        var recognizer = new SentenceRecognizer(model);
        var all = default(Score);
        var byType = new Dictionary<EntityType, Score>();
        foreach (var s in gold)
        {
            var predicted = recognizer.Recognize(s);
            var names = new string[s.Length];
            for (var i = 0; i < s.Length; i++)
                names[i] = model.Tags[predicted[i]];
            var g = s.Mentions();
            var p = NerTags.Spans(names);
            all += Compare(g, p, EntityType.None);
            foreach (var type in new[] { EntityType.PER, EntityType.ORG, EntityType.LOC })
                byType[type] = (byType.TryGetValue(type, out var sc) ? sc : default) + Compare(g, p, type);
        }

        return new NerScores(all, byType);
    }

    private static Score Compare(List<(int Start, int End, EntityType Type)> gold, List<(int Start, int End, EntityType Type)> predicted, EntityType only)
    {
        var g = new HashSet<(int, int, EntityType)>();
        foreach (var m in gold)
        {
            if (only == EntityType.None || m.Type == only)
                g.Add(m);
        }

        long system = 0, correct = 0;
        foreach (var m in predicted)
        {
            if (only != EntityType.None && m.Type != only)
                continue;
            system++;
            if (g.Contains(m))
                correct++;
        }

        return new Score(g.Count, system, correct);
    }
}

/// <summary>Recognizes entities in one sentence at a time with reused buffers; one instance per thread.</summary>
internal sealed class SentenceRecognizer(NerModel model)
{
    private readonly NerInput _input = new();
    private readonly ulong[] _features = new ulong[NerFeatures.MaxFeatures];
    private readonly float[] _scores = new float[model.Tags.Count];
    private int[] _classes = new int[64];

    public ReadOnlySpan<int> Recognize(NerSentence s)
    {
        NerTrainer.Load(_input, s, model.Clusters, model.Gazetteer);
        return Run(s.Length);
    }

    public ReadOnlySpan<int> Recognize(Document doc, int first, int count)
    {
        _input.Reset(count);
        for (var i = 0; i < count; i++)
            _input.SetWord(i, doc.NormOf(first + i), doc.UposOf(first + i), model.Clusters);
        _input.MarkGazetteer(model.Gazetteer);
        _input.MeasureCasing();
        return Run(count);
    }

    private ReadOnlySpan<int> Run(int n)
    {
        if (_classes.Length < n)
            _classes = new int[n * 2];
        model.Decode(_input, _classes, _features, _scores);
        return _classes.AsSpan(0, n);
    }
}
