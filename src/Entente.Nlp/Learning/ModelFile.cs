using System.Buffers.Binary;
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
        var order = new List<(int Start, int Count)>(model.FeatureCount);
        foreach (var (key, start, count) in model.Rows())
        {
            Raw.Write(key);
            Raw.Write((ushort)count);
            order.Add((start, count));
        }

        foreach (var (start, count) in order)
        {
            for (var e = start; e < start + count; e++)
                Raw.Write(model.EntryClass(e));
        }

        foreach (var (start, count) in order)
        {
            for (var e = start; e < start + count; e++)
                Raw.Write((Half)model.EntryWeight(e));
        }
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

    /// <summary>Reads a linear model; each part is read in one block and decoded in place, so loading is bound by decompression.</summary>
    public LinearModel ReadLinear()
    {
        var classes = Raw.ReadInt32();
        var features = Raw.ReadInt32();
        var weights = Raw.ReadInt32();
        if (classes <= 0 || features < 0 || weights < 0 || classes > ushort.MaxValue)
            throw new InvalidDataException("bad linear model header");
        var keys = new ulong[features];
        var starts = new int[features + 1];
        var rows = ReadBlock((long)features * 10);
        for (var r = 0; r < features; r++)
        {
            keys[r] = BinaryPrimitives.ReadUInt64LittleEndian(rows.AsSpan(r * 10));
            starts[r + 1] = starts[r] + BinaryPrimitives.ReadUInt16LittleEndian(rows.AsSpan(r * 10 + 8));
        }

        if (starts[features] != weights)
            throw new InvalidDataException("linear model rows do not add up");
        var cls = new ushort[weights];
        var block = ReadBlock((long)weights * 2);
        for (var i = 0; i < weights; i++)
        {
            cls[i] = BinaryPrimitives.ReadUInt16LittleEndian(block.AsSpan(i * 2));
            if (cls[i] >= classes)
                throw new InvalidDataException("class id out of range");
        }

        var w = new float[weights];
        block = ReadBlock((long)weights * 2);
        for (var i = 0; i < weights; i++)
            w[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(block.AsSpan(i * 2));
        return new LinearModel(classes, keys, starts, cls, w);
    }

    private byte[] ReadBlock(long length)
    {
        if (length > int.MaxValue)
            throw new InvalidDataException("model part too large");
        var bytes = Raw.ReadBytes((int)length);
        if (bytes.Length != length)
            throw new InvalidDataException("truncated model file");
        return bytes;
    }

    public void Dispose() => Raw.Dispose();
}
