using Entente.Nlp.Documents;
using Entente.Nlp.Learning;

namespace Entente.Nlp.Tagging;

/// <summary>Per-epoch dev accuracy reported while training.</summary>
public readonly record struct TaggerEpoch(int Epoch, double UposAccuracy, double XposAccuracy, int Features, double Seconds);

/// <summary>
/// Trains the tagger: greedy left-to-right decoding with the current weights, a perceptron update at
/// every mistake, sentences shuffled with a fixed seed each epoch, and the best epoch on dev kept.
/// </summary>
/// <remarks>
/// A training sentence's ambiguity classes (the tags each word was seen with) are jackknifed: they come
/// from the other folds of the training data. With classes from all of it, every training word would be
/// known and its class would always contain the right tag, so the model would never learn what to do
/// with unknown words or with a class that misses the right tag, which is what it meets at run time.
/// </remarks>
public static class TaggerTrainer
{
    /// <summary>Words seen at least this often, always with one tag, bypass the classifier.</summary>
    private const int UnambiguousMinCount = 20;

    /// <summary>Folds of the training data for its ambiguity classes.</summary>
    private const int AmbiguityFolds = 10;

    public static TaggerModel Train(
        IReadOnlyList<AnnotatedSentence> train,
        IReadOnlyList<AnnotatedSentence> dev,
        int epochs,
        WordClusters? clusters = null,
        Action<TaggerEpoch>? progress = null,
        int seed = 1)
    {
        clusters ??= WordClusters.Empty;
        var classNames = new List<string>();
        var classIds = new Dictionary<string, int>();
        var ambiguity = new Dictionary<ulong, ulong>();
        var heldOut = new HeldOutAmbiguity(AmbiguityFolds);
        var counts = new Dictionary<ulong, Dictionary<int, int>>();
        var shape = new char[64];
        for (var si = 0; si < train.Count; si++)
        {
            var s = train[si];
            for (var i = 0; i < s.Length; i++)
            {
                var name = ClassName(s, i);
                if (!classIds.TryGetValue(name, out var c))
                {
                    c = classNames.Count;
                    classIds[name] = c;
                    classNames.Add(name);
                }

                var lower = FeatureHash.OfLowerChars(s.Forms[i]);
                ambiguity[lower] = (ambiguity.TryGetValue(lower, out var m) ? m : 0UL) | (1UL << (s.Xpos[i] & 63));
                heldOut.Add(lower, si % AmbiguityFolds, s.Xpos[i]);
                var form = FeatureHash.OfChars(s.Forms[i]);
                if (!counts.TryGetValue(form, out var byClass))
                    counts[form] = byClass = [];
                byClass[c] = (byClass.TryGetValue(c, out var k) ? k : 0) + 1;
            }
        }

        var unambiguous = new Dictionary<ulong, int>();
        foreach (var (form, byClass) in counts)
        {
            if (byClass.Count == 1)
            {
                foreach (var (c, k) in byClass)
                {
                    if (k >= UnambiguousMinCount)
                        unambiguous[form] = c;
                }
            }
        }

        var names = classNames.ToArray();
        var trainer = new PerceptronTrainer(names.Length);
        var order = new int[train.Count];
        for (var i = 0; i < order.Length; i++)
            order[i] = i;
        var rng = new Random(seed);
        var features = new ulong[TaggerFeatures.MaxFeatures];
        var scores = new float[names.Length];
        var atoms = new WordAtoms[16];
        var amb = new ulong[16];
        var paths = new uint[16];
        var gold = new int[16];
        var guess = new int[16];
        TaggerModel? best = null;
        var bestScore = -1.0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            rng.Shuffle(order);
            foreach (var si in order)
            {
                var s = train[si];
                var n = s.Length;
                if (atoms.Length < n)
                {
                    atoms = new WordAtoms[n * 2];
                    amb = new ulong[n * 2];
                    paths = new uint[n * 2];
                    gold = new int[n * 2];
                    guess = new int[n * 2];
                }

                for (var i = 0; i < n; i++)
                {
                    atoms[i] = WordAtoms.Of(s.Forms[i], shape);
                    amb[i] = heldOut.AtomFor(atoms[i].Lower, si % AmbiguityFolds);
                    paths[i] = clusters.PathOf(atoms[i].Lower);
                    gold[i] = classIds[ClassName(s, i)];
                }

                for (var i = 0; i < n; i++)
                {
                    var k = TaggerFeatures.Extract(atoms.AsSpan(0, n), amb, paths, i, i > 0 ? guess[i - 1] : -1, i > 1 ? guess[i - 2] : -1, features);
                    Array.Clear(scores);
                    trainer.AddScores(features.AsSpan(0, k), scores);
                    guess[i] = LinearModel.ArgMax(scores);
                    trainer.Tick();
                    trainer.Update(features.AsSpan(0, k), gold[i], guess[i]);
                }
            }

            var model = new TaggerModel(names, trainer.Average(), ambiguity, unambiguous, clusters);
            var (upos, xpos) = Evaluate(model, dev);
            progress?.Invoke(new TaggerEpoch(epoch, upos, xpos, trainer.FeatureCount, clock.Elapsed.TotalSeconds));
            if (dev.Count == 0 || upos + xpos > bestScore || best is null)
            {
                bestScore = upos + xpos;
                best = model;
            }
        }

        return best ?? new TaggerModel(names, trainer.Average(), ambiguity, unambiguous, clusters);
    }

    private static string ClassName(AnnotatedSentence s, int i) => s.Upos[i] + "\t" + Labels.Xpos.Name(s.Xpos[i]);

    /// <summary>UPOS and XPOS accuracy (percent) of a model on gold-tokenized sentences.</summary>
    public static (double Upos, double Xpos) Evaluate(TaggerModel model, IReadOnlyList<AnnotatedSentence> gold)
    {
        long total = 0, upos = 0, xpos = 0;
        var tagger = new SentenceTagger(model);
        foreach (var s in gold)
        {
            var classes = tagger.Tag(s.Forms);
            for (var i = 0; i < s.Length; i++)
            {
                total++;
                if (model.ClassUpos[classes[i]] == s.Upos[i])
                    upos++;
                if (model.ClassXpos[classes[i]] == s.Xpos[i])
                    xpos++;
            }
        }

        return total == 0 ? (0, 0) : (100.0 * upos / total, 100.0 * xpos / total);
    }
}

/// <summary>
/// The tags each word was seen with in each fold of the training data, so that a training sentence's
/// ambiguity classes can come from the folds it is not in.
/// </summary>
internal sealed class HeldOutAmbiguity(int folds)
{
    private readonly Dictionary<ulong, ulong[]> _byWord = [];

    /// <summary>Records that the word with lower-case hash <paramref name="lower"/> had tag <paramref name="xpos"/> in <paramref name="fold"/>.</summary>
    public void Add(ulong lower, int fold, ushort xpos)
    {
        if (!_byWord.TryGetValue(lower, out var byFold))
            _byWord[lower] = byFold = new ulong[folds];
        byFold[fold] |= 1UL << (xpos & 63);
    }

    /// <summary>The ambiguity atom of a word from every fold but <paramref name="fold"/> (the unknown word's atom when only that fold has it).</summary>
    public ulong AtomFor(ulong lower, int fold)
    {
        var mask = 0UL;
        if (_byWord.TryGetValue(lower, out var byFold))
        {
            for (var f = 0; f < byFold.Length; f++)
            {
                if (f != fold)
                    mask |= byFold[f];
            }
        }

        return TaggerModel.AtomOfMask(mask);
    }
}

/// <summary>Tags word arrays with reused buffers; one instance per thread.</summary>
internal sealed class SentenceTagger(TaggerModel model)
{
    private readonly char[] _shape = new char[64];
    private readonly ulong[] _features = new ulong[TaggerFeatures.MaxFeatures];
    private readonly float[] _scores = new float[model.ClassCount];
    private WordAtoms[] _atoms = new WordAtoms[64];
    private ulong[] _ambiguity = new ulong[64];
    private uint[] _clusters = new uint[64];
    private int[] _classes = new int[64];

    public TaggerModel Model => model;

    public ReadOnlySpan<int> Tag(IReadOnlyList<string> forms)
    {
        Ensure(forms.Count);
        for (var i = 0; i < forms.Count; i++)
            _atoms[i] = WordAtoms.Of(forms[i], _shape);
        return Run(forms.Count);
    }

    /// <summary>Tags tokens [first, first+count) of a document by their normalized forms.</summary>
    public ReadOnlySpan<int> Tag(Document doc, int first, int count)
    {
        Ensure(count);
        for (var i = 0; i < count; i++)
            _atoms[i] = WordAtoms.Of(doc.NormOf(first + i), _shape);
        return Run(count);
    }

    private ReadOnlySpan<int> Run(int n)
    {
        model.Tag(_atoms.AsSpan(0, n), _ambiguity, _clusters, _classes, _features, _scores);
        return _classes.AsSpan(0, n);
    }

    private void Ensure(int n)
    {
        if (_atoms.Length >= n)
            return;
        _atoms = new WordAtoms[n * 2];
        _ambiguity = new ulong[n * 2];
        _clusters = new uint[n * 2];
        _classes = new int[n * 2];
    }
}
