using Entente.Nlp.Documents;
using Entente.Nlp.Learning;

namespace Entente.Nlp.Entities;

/// <summary>
/// The trained entity model: a linear classifier over IOB2 tags, with the word clusters and gazetteer
/// it was trained with. Decoding never puts I-X after anything but B-X or I-X, so the output is always
/// well-formed IOB2. Immutable; shared by all threads.
/// </summary>
public sealed class NerModel
{
    public const string Kind = "ner";
    public const string FileName = "ner.bin";

    internal NerModel(string[] tags, LinearModel weights, WordClusters clusters, Gazetteer gazetteer)
    {
        if (weights.Classes != tags.Length)
            throw new InvalidDataException("entity tags do not match the weights");
        Tags = tags;
        Weights = weights;
        Clusters = clusters;
        Gazetteer = gazetteer;
        TagIob = new Iob[tags.Length];
        TagType = new EntityType[tags.Length];
        for (var c = 0; c < tags.Length; c++)
        {
            TagIob[c] = tags[c] == "O" ? Iob.O : tags[c][0] == 'B' ? Iob.B : Iob.I;
            TagType[c] = tags[c] == "O" ? EntityType.None : NerTags.TypeOf(tags[c].AsSpan(2));
        }
    }

    /// <summary>The IOB2 tags, by class id.</summary>
    public IReadOnlyList<string> Tags { get; }

    internal LinearModel Weights { get; }

    public WordClusters Clusters { get; }

    public Gazetteer Gazetteer { get; }

    internal Iob[] TagIob { get; }

    internal EntityType[] TagType { get; }

    /// <summary>True when tag <paramref name="cls"/> may follow tag <paramref name="prev"/> (-1 at the sentence start).</summary>
    internal bool CanFollow(int prev, int cls) =>
        TagIob[cls] != Iob.I || (prev >= 0 && TagIob[prev] != Iob.O && TagType[prev] == TagType[cls]);

    /// <summary>Tags the words of <paramref name="input"/>; <paramref name="classes"/> receives a class per word.</summary>
    internal void Decode(NerInput input, Span<int> classes, Span<ulong> features, Span<float> scores)
    {
        for (var i = 0; i < input.Length; i++)
        {
            var prev = i > 0 ? classes[i - 1] : -1;
            var n = NerFeatures.Extract(input, i, prev, i > 1 ? classes[i - 2] : -1, features);
            scores.Clear();
            Weights.AddScores(features[..n], scores);
            classes[i] = BestLegal(scores, prev);
        }
    }

    internal int BestLegal(ReadOnlySpan<float> scores, int prev)
    {
        var best = 0;
        var bestScore = float.NegativeInfinity;
        for (var c = 0; c < scores.Length; c++)
        {
            if (scores[c] > bestScore && CanFollow(prev, c))
            {
                best = c;
                bestScore = scores[c];
            }
        }

        return best;
    }

    public void Save(Stream stream)
    {
        using var w = ModelFile.Create(stream, Kind);
        w.WriteStrings(Tags.ToArray());
        w.WriteLinear(Weights);
        Clusters.Write(w);
        Gazetteer.Write(w);
    }

    /// <exception cref="InvalidDataException">The stream is not an entity model.</exception>
    public static NerModel Load(Stream stream)
    {
        using var r = ModelFile.Open(stream, Kind);
        try
        {
            var tags = r.ReadStrings();
            if (tags.Length == 0 || tags[0] != "O")
                throw new InvalidDataException("the first entity tag must be O");
            var weights = r.ReadLinear();
            var clusters = WordClusters.Read(r);
            return new NerModel(tags, weights, clusters, Gazetteer.Read(r));
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("truncated entity model");
        }
    }
}
