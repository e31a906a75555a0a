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
