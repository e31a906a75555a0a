using System.IO.Compression;
using System.Text;
using Entente.Nlp.Learning;
using Entente.Nlp.Parsing;

namespace Entente.Tests.Nlp.Models;

/// <summary>The linear model's memory layout and its file format (version 2, raw arrays; version 1, gzip).</summary>
public sealed class LinearModelTests
{
    // three features over five classes; weights chosen to need half precision (0.333 rounds)
    private static readonly ulong[] Keys = [0x1234_5678_9ABC_DEF1UL, 0xFEDC_BA98_7654_3211UL, 0x0F0F_0F0F_0F0F_0F0FUL];
    private static readonly int[] Starts = [0, 2, 3, 6];
    private static readonly ushort[] Classes = [0, 4, 2, 1, 2, 3];
    private static readonly float[] Weights = [1.5f, -2.25f, 0.333f, 100.125f, -0.001f, 7f];

    private static LinearModel Sample() => new(5, Keys, Starts, Classes, Weights);

    private static float[] Scores(LinearModel model, params ulong[] features)
    {
        var scores = new float[model.Classes];
        model.AddScores(features, scores);
        return scores;
    }

    private static LinearModel RoundTrip(LinearModel model)
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
            model.Write(w);
        ms.Position = 0;
        using var r = new BinaryReader(ms);
        return LinearModel.Read(r);
    }

    [Fact]
    public void AddScores_SumsTheRowsOfKnownFeatures_AtHalfPrecision_AndIgnoresUnknownOnes()
    {
        var model = Sample();
        var scores = Scores(model, Keys[0], Keys[2], 0xDEAD_BEEF_0000_0001UL);
        Assert.Equal([1.5f, 100.125f, (float)(Half)(-0.001f), 7f, -2.25f], scores);
        Assert.Equal((float)(Half)0.333f, Scores(model, Keys[1])[2]);
        Assert.Equal(3, model.FeatureCount);
        Assert.Equal(6, model.WeightCount);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void AddScores_OfInlineSparseAndDenseRows_IsTheSumInFeatureOrder_ClassByClass(int seed)
    {
        // rows of 1 weight (kept in the slot), a few (sparse) and many (dense, 20 or more) over 203 classes
        const int classes = 203;
        var random = new Random(seed);
        var lengths = new[] { 1, 3, 150, 1, 7, 19, 20, 203, 1, 60 };
        var keys = new ulong[lengths.Length];
        var starts = new int[lengths.Length + 1];
        var rowClasses = new List<ushort>();
        var rowWeights = new List<float>();
        for (var r = 0; r < lengths.Length; r++)
        {
            keys[r] = (ulong)random.NextInt64() | 1UL;
            var picked = Enumerable.Range(0, classes).OrderBy(_ => random.Next()).Take(lengths[r]).Order().ToList();
            foreach (var c in picked)
            {
                rowClasses.Add((ushort)c);
                rowWeights.Add((float)(Half)(float)(random.NextDouble() * 200 - 100));
            }

            starts[r + 1] = rowClasses.Count;
        }

        var model = new LinearModel(classes, keys, starts, rowClasses.ToArray(), rowWeights.ToArray());
        var order = new[] { 7, 0, 2, 2, 9, 1, 4, 3, 5, 8, 6, 2 };
        var features = order.Select(r => keys[r]).Append(0xDEAD_BEEF_0000_0001UL).ToArray();
        var expected = new float[classes];
        foreach (var r in order)
        {
            for (var j = starts[r]; j < starts[r + 1]; j++)
                expected[rowClasses[j]] += rowWeights[j];
        }

        Assert.Equal(expected, Scores(model, features));
    }

    [Fact]
    public void WrittenAndRead_ScoresEveryFeatureExactlyAsBefore()
    {
        var model = Sample();
        var loaded = RoundTrip(model);
        foreach (var key in Keys)
            Assert.Equal(Scores(model, key), Scores(loaded, key));
        Assert.Equal(model.WeightCount, loaded.WeightCount);
    }

    [Fact]
    public void Pruned_DropsSmallWeightsAndEmptyRows_KeepingTheOthersExact()
    {
        var pruned = Sample().Pruned(1f);
        Assert.Equal(4, pruned.WeightCount);
        Assert.Equal(2, pruned.FeatureCount);
        Assert.Equal(new float[5], Scores(pruned, Keys[1]));
        Assert.Equal([0f, 100.125f, 0f, 7f, 0f], Scores(pruned, Keys[2]));
    }

    [Fact]
    public void Read_OfATruncatedModel_ThrowsInvalidData()
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
            Sample().Write(w);
        var bytes = ms.ToArray()[..^3];
        using var r = new BinaryReader(new MemoryStream(bytes));
        Assert.Throws<InvalidDataException>(() => LinearModel.Read(r));
    }

    [Fact]
    public void Read_OfRowsThatOverrunTheWeights_ThrowsInvalidData()
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
            Sample().Write(w);
        var bytes = ms.ToArray();
        // the first row's length (stored less one) right after the header and the 6-byte keys
        bytes[12 + (3 * 6)] = 200;
        using var r = new BinaryReader(new MemoryStream(bytes));
        Assert.Throws<InvalidDataException>(() => LinearModel.Read(r));
    }

    [Fact]
    public void Constructor_WithMoreThan256Classes_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinearModel(300, [], [0], [], []));

    /// <summary>Writes the sample as a version 1 file did: gzip, 8-byte keys, 16-bit classes, half weights.</summary>
    private static byte[] Version1File(string kind, Action<BinaryWriter> parts)
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true), Encoding.UTF8))
        {
            w.Write("ENTENTE-MODEL");
            w.Write(1);
            w.Write(kind);
            parts(w);
        }

        return ms.ToArray();
    }

    [Fact]
    public void ModelFile_OfFormatVersion1_StillLoads_WithTheSameScores()
    {
        var bytes = Version1File("test", w =>
        {
            w.Write(5);
            w.Write(Keys.Length);
            w.Write(Weights.Length);
            for (var r = 0; r < Keys.Length; r++)
            {
                w.Write(Keys[r]);
                w.Write((ushort)(Starts[r + 1] - Starts[r]));
            }

            foreach (var c in Classes)
                w.Write(c);
            foreach (var x in Weights)
                w.Write((Half)x);
        });
        using var reader = ModelFile.Open(new MemoryStream(bytes), "test");
        Assert.Equal(1, reader.Version);
        var loaded = reader.ReadLinear();
        foreach (var key in Keys)
            Assert.Equal(Scores(Sample(), key), Scores(loaded, key));
    }

    [Fact]
    public void ModelFile_OfAnotherFormatVersion_IsRejectedWithInvalidData()
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
        {
            w.Write("ENTENTE-MODEL");
            w.Write(7);
            w.Write(ParserModel.Kind);
        }

        var e = Assert.Throws<InvalidDataException>(() => ModelFile.Open(new MemoryStream(ms.ToArray()), ParserModel.Kind));
        Assert.Contains("version 7", e.Message);
    }
}
