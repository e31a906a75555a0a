using Entente.Nlp.Documents;
using Entente.Nlp.Learning;

namespace Entente.Nlp.Parsing;

/// <summary>
/// The trained parser: a linear classifier over arc-hybrid transitions labelled with UD relations
/// (the ids of <see cref="Labels.Deprel"/>). Immutable; shared by all threads.
/// </summary>
public sealed class ParserModel
{
    public const string Kind = "parser";
    public const string FileName = "parser.bin";

    internal ParserModel(LinearModel weights, WordClusters clusters)
    {
        Clusters = clusters;
        if (weights.Classes != ArcHybrid.ClassCount(Labels.Deprel.Count))
            throw new InvalidDataException("parser weights do not match the relation set");
        Weights = weights;
    }

    internal LinearModel Weights { get; }

    /// <summary>The word clusters the model was trained with (stored in the same file).</summary>
    public WordClusters Clusters { get; }

    public static int LabelCount => Labels.Deprel.Count;

    public static int RootLabel { get; } = Labels.Deprel.Id("root");

    /// <summary>The same model without weights smaller than <paramref name="minWeight"/>: smaller and faster, a little less accurate.</summary>
    public ParserModel Pruned(float minWeight) => new(Weights.Pruned(minWeight), Clusters);

    /// <summary>Number of (feature, class) weights.</summary>
    public int WeightCount => Weights.WeightCount;

    public void Save(Stream stream)
    {
        using var w = ModelFile.Create(stream, Kind);
        var names = new string[Labels.Deprel.Count];
        for (var i = 0; i < names.Length; i++)
            names[i] = Labels.Deprel.Name((ushort)i);
        w.WriteStrings(names);
        w.WriteLinear(Weights);
        Clusters.Write(w);
    }

    /// <exception cref="InvalidDataException">The stream is not a parser model, or was trained with other relations.</exception>
    public static ParserModel Load(Stream stream)
    {
        using var r = ModelFile.Open(stream, Kind);
        try
        {
            var names = r.ReadStrings();
            if (names.Length != Labels.Deprel.Count)
                throw new InvalidDataException("the parser model was trained with a different relation set");
            for (var i = 0; i < names.Length; i++)
            {
                if (names[i] != Labels.Deprel.Name((ushort)i))
                    throw new InvalidDataException($"relation {i} is '{names[i]}' in the model, '{Labels.Deprel.Name((ushort)i)}' here");
            }

            var weights = r.ReadLinear();
            return new ParserModel(weights, WordClusters.Read(r));
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("truncated parser model");
        }
    }
}

/// <summary>Parses one sentence at a time with reused buffers; one instance per thread.</summary>
public sealed class SentenceParser(ParserModel model)
{
    private readonly ulong[] _features = new ulong[ParserFeatures.MaxFeatures];
    private readonly float[] _scores = new float[ArcHybrid.ClassCount(ParserModel.LabelCount)];

    public ParserInput Input { get; } = new();

    public ParseState State { get; } = new();

    /// <summary>Parses <see cref="Input"/>; the result is in <see cref="State"/> (Head = Length for the root).</summary>
    public void Parse()
    {
        var labels = ParserModel.LabelCount;
        var s = State;
        s.Reset(Input.Length, ParserModel.RootLabel);
        while (!s.IsTerminal)
        {
            var n = ParserFeatures.Extract(Input, s, _features);
            Array.Clear(_scores);
            model.Weights.AddScores(_features.AsSpan(0, n), _scores);
            s.Apply(BestLegal(s, _scores, labels), labels);
        }
    }

    /// <summary>Fills <see cref="Input"/> from tokens [first, first+count) of a tagged document.</summary>
    public void Load(Document doc, int first, int count)
    {
        Input.Reset(count);
        for (var i = 0; i < count; i++)
        {
            var t = first + i;
            var lower = FeatureHash.OfLowerChars(doc.NormOf(t));
            Input.Set(i, lower, doc.XposOf(t), (int)doc.UposOf(t), model.Clusters.PathOf(lower));
        }
    }

    /// <summary>The highest-scoring legal class (there is always one in a non-terminal state).</summary>
    internal static int BestLegal(ParseState s, ReadOnlySpan<float> scores, int labels)
    {
        var best = -1;
        var bestScore = float.NegativeInfinity;
        if (s.CanShift)
        {
            best = ArcHybrid.Shift;
            bestScore = scores[ArcHybrid.Shift];
        }

        if (s.CanLeft)
        {
            if (s.Buffer == s.Length)
            {
                var c = ArcHybrid.Left(s.RootLabel);
                if (best < 0 || scores[c] > bestScore)
                {
                    best = c;
                    bestScore = scores[c];
                }
            }
            else
            {
                for (var l = 1; l < labels; l++)
                {
                    var c = ArcHybrid.Left(l);
                    if (l != s.RootLabel && scores[c] > bestScore)
                    {
                        best = c;
                        bestScore = scores[c];
                    }
                }
            }
        }

        if (s.CanRight)
        {
            for (var l = 1; l < labels; l++)
            {
                var c = ArcHybrid.Right(l, labels);
                if (l != s.RootLabel && scores[c] > bestScore)
                {
                    best = c;
                    bestScore = scores[c];
                }
            }
        }

        return best;
    }
}
