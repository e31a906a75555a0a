using System.IO.Compression;
using System.Text;

namespace Entente.Nlp.Learning;

/// <summary>
/// The binary container every Entente model is stored in: a gzip stream holding a magic string, a
/// format version, the model kind, then the model's parts written in a fixed order by its own
/// Save/Load code. Weights are stored as half-precision floats, which is far more precision than an
/// averaged perceptron's decisions depend on and halves the file.
/// </summary>
public static class ModelFile
{
    private const string Magic = "ENTENTE-MODEL";
    public const int FormatVersion = 1;

    public static ModelWriter Create(Stream stream, string kind)
    {
        var w = new ModelWriter(new BinaryWriter(new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true), Encoding.UTF8));
        w.Raw.Write(Magic);
        w.Raw.Write(FormatVersion);
        w.Raw.Write(kind);
        return w;
    }

    /// <summary>Opens a model stream and checks that it holds a model of <paramref name="kind"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a model of that kind and version.</exception>
    public static ModelReader Open(Stream stream, string kind)
    {
        var r = new ModelReader(new BinaryReader(new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true), Encoding.UTF8));
        try
        {
            if (r.Raw.ReadString() != Magic)
                throw new InvalidDataException("not an Entente model file");
            var version = r.Raw.ReadInt32();
            if (version != FormatVersion)
                throw new InvalidDataException($"model format version {version}, expected {FormatVersion}");
            var actual = r.Raw.ReadString();
            if (actual != kind)
                throw new InvalidDataException($"model kind '{actual}', expected '{kind}'");
        }
        catch (EndOfStreamException)
        {
            r.Dispose();
            throw new InvalidDataException("truncated model file");
        }

        return r;
    }
}

/// <summary>Writes the parts of a model.</summary>
public sealed class ModelWriter(BinaryWriter writer) : IDisposable
{
    public BinaryWriter Raw { get; } = writer;

    public void WriteStrings(IReadOnlyList<string> strings)
    {
        Raw.Write(strings.Count);
        foreach (var s in strings)
            Raw.Write(s);
    }

    public void WriteLinear(LinearModel model)
    {
        Raw.Write(model.Classes);
        Raw.Write(model.FeatureCount);
        Raw.Write(model.WeightCount);
        var keys = model.RowKeys;
        var starts = model.RowStart;
        for (var r = 0; r < keys.Length; r++)
        {
            Raw.Write(keys[r]);
            Raw.Write((ushort)(starts[r + 1] - starts[r]));
        }

        foreach (var c in model.EntryClass)
            Raw.Write(c);
        foreach (var w in model.EntryWeight)
            Raw.Write((Half)w);
    }

    public void Dispose() => Raw.Dispose();
}

/// <summary>Reads the parts of a model in the order they were written.</summary>
public sealed class ModelReader(BinaryReader reader) : IDisposable
{
    public BinaryReader Raw { get; } = reader;

    public string[] ReadStrings()
    {
        var n = Raw.ReadInt32();
        if (n < 0)
            throw new InvalidDataException("negative string count");
        var list = new string[n];
        for (var i = 0; i < n; i++)
            list[i] = Raw.ReadString();
        return list;
    }

    public LinearModel ReadLinear()
    {
        var classes = Raw.ReadInt32();
        var features = Raw.ReadInt32();
        var weights = Raw.ReadInt32();
        if (classes <= 0 || features < 0 || weights < 0)
            throw new InvalidDataException("bad linear model header");
        var keys = new ulong[features];
        var starts = new int[features + 1];
        for (var r = 0; r < features; r++)
        {
            keys[r] = Raw.ReadUInt64();
            starts[r + 1] = starts[r] + Raw.ReadUInt16();
        }

        if (starts[features] != weights)
            throw new InvalidDataException("linear model rows do not add up");
        var cls = new ushort[weights];
        for (var i = 0; i < weights; i++)
        {
            cls[i] = Raw.ReadUInt16();
            if (cls[i] >= classes)
                throw new InvalidDataException("class id out of range");
        }

        var w = new float[weights];
        for (var i = 0; i < weights; i++)
            w[i] = (float)Raw.ReadHalf();
        return new LinearModel(classes, keys, starts, cls, w);
    }

    public void Dispose() => Raw.Dispose();
}
