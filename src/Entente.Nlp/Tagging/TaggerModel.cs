using Entente.Nlp.Documents;
using Entente.Nlp.Learning;

namespace Entente.Nlp.Tagging;

/// <summary>
/// The trained part-of-speech model: a linear classifier over joint (UPOS, XPOS) classes, the
/// ambiguity lexicon (the XPOS tags each training word was seen with) and a dictionary of frequent words
/// that always had one tag, which skip the classifier. Immutable; shared by all threads.
/// </summary>
public sealed class TaggerModel
{
    public const string Kind = "tagger";
    public const string FileName = "tagger.bin";

    private readonly Dictionary<ulong, ulong> _ambiguity;
    private readonly Dictionary<ulong, int> _unambiguous;

    internal TaggerModel(string[] classNames, LinearModel weights, Dictionary<ulong, ulong> ambiguity, Dictionary<ulong, int> unambiguous, WordClusters clusters)
    {
        Clusters = clusters;
        ClassNames = classNames;
        Weights = weights;
        _ambiguity = ambiguity;
        _unambiguous = unambiguous;
        ClassUpos = new Upos[classNames.Length];
        ClassXpos = new ushort[classNames.Length];
        for (var c = 0; c < classNames.Length; c++)
        {
            var tab = classNames[c].IndexOf('\t');
            ClassUpos[c] = Labels.ParseUpos(classNames[c].AsSpan(0, tab));
            ClassXpos[c] = Labels.Xpos.Id(classNames[c][(tab + 1)..]);
        }
    }

    /// <summary>Joint class names, "UPOS\tXPOS".</summary>
    public IReadOnlyList<string> ClassNames { get; }

    internal LinearModel Weights { get; }

    /// <summary>The word clusters the model was trained with (stored in the same file).</summary>
    public WordClusters Clusters { get; }

    internal Upos[] ClassUpos { get; }

    internal ushort[] ClassXpos { get; }

    public int ClassCount => ClassNames.Count;

    /// <summary>The ambiguity-class atom of a word (by its lower-case hash); unknown words share one atom.</summary>
    internal ulong AmbiguityAtom(ulong lower) => AtomOfMask(_ambiguity.TryGetValue(lower, out var mask) ? mask : 0);

    /// <summary>The atom of a set of XPOS tags (bit i for tag id i); the empty set is the unknown word's atom.</summary>
    internal static ulong AtomOfMask(ulong mask) => mask == 0 ? FeatureHash.OfInt(-1) : FeatureHash.OfInt((long)(mask & 0x7FFF_FFFF_FFFF_FFFF));

    internal bool TryUnambiguous(ulong form, out int cls) => _unambiguous.TryGetValue(form, out cls);

    /// <summary>Tags one sentence: <paramref name="classes"/> receives a class per word.</summary>
    internal void Tag(ReadOnlySpan<WordAtoms> words, Span<ulong> ambiguity, Span<uint> clusters, Span<int> classes, Span<ulong> features, Span<float> scores)
    {
        for (var i = 0; i < words.Length; i++)
        {
            ambiguity[i] = AmbiguityAtom(words[i].Lower);
            clusters[i] = Clusters.PathOf(words[i].Lower);
        }

        for (var i = 0; i < words.Length; i++)
        {
            if (TryUnambiguous(words[i].Form, out var known))
            {
                classes[i] = known;
                continue;
            }

            var n = TaggerFeatures.Extract(words, ambiguity, clusters, i, i > 0 ? classes[i - 1] : -1, i > 1 ? classes[i - 2] : -1, features);
            scores.Clear();
            Weights.AddScores(features[..n], scores);
            classes[i] = LinearModel.ArgMax(scores);
        }
    }

    public void Save(Stream stream)
    {
        using var w = ModelFile.Create(stream, Kind);
        w.WriteStrings(ClassNames.ToArray());
        w.Raw.Write(_ambiguity.Count);
        foreach (var (k, v) in _ambiguity)
        {
            w.Raw.Write(k);
            w.Raw.Write(v);
        }

        w.Raw.Write(_unambiguous.Count);
        foreach (var (k, v) in _unambiguous)
        {
            w.Raw.Write(k);
            w.Raw.Write((ushort)v);
        }

        w.WriteLinear(Weights);
        Clusters.Write(w);
    }

    /// <exception cref="InvalidDataException">The stream is not a tagger model.</exception>
    public static TaggerModel Load(Stream stream)
    {
        using var r = ModelFile.Open(stream, Kind);
        try
        {
            var names = r.ReadStrings();
            var n = r.Raw.ReadInt32();
            var ambiguity = new Dictionary<ulong, ulong>(n);
            for (var i = 0; i < n; i++)
                ambiguity[r.Raw.ReadUInt64()] = r.Raw.ReadUInt64();
            n = r.Raw.ReadInt32();
            var unambiguous = new Dictionary<ulong, int>(n);
            for (var i = 0; i < n; i++)
                unambiguous[r.Raw.ReadUInt64()] = r.Raw.ReadUInt16();
            var weights = r.ReadLinear();
            var clusters = WordClusters.Read(r);
            if (weights.Classes != names.Length)
                throw new InvalidDataException("tagger classes do not match its weights");
            return new TaggerModel(names, weights, ambiguity, unambiguous, clusters);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("truncated tagger model");
        }
    }
}
