using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Entente.Nlp.Learning;

/// <summary>
/// The binary container every Entente model is stored in: a magic string, a format version, the model
/// kind, then the model's parts written in a fixed order by its own Save/Load code. Version 2 is
/// uncompressed, with large arrays stored raw so that loading is a block copy (see <see cref="RawArrays"/>
/// and <see cref="LinearModel"/>); version 1 (a gzip stream) is still read.
/// </summary>
public static class ModelFile
{
    private const string Magic = "ENTENTE-MODEL";
    public const int FormatVersion = 2;

    public static ModelWriter Create(Stream stream, string kind)
    {
        var w = new ModelWriter(new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true));
        w.Raw.Write(Magic);
        w.Raw.Write(FormatVersion);
        w.Raw.Write(kind);
        return w;
    }

    /// <summary>Opens a model stream and checks that it holds a model of <paramref name="kind"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a model of that kind and version.</exception>
    public static ModelReader Open(Stream stream, string kind)
    {
        var compressed = IsGzip(ref stream);
        var input = compressed ? new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true) : stream;
        var raw = new BinaryReader(input, Encoding.UTF8, leaveOpen: !compressed);
        ModelReader? r = null;
        try
        {
            if (raw.ReadString() != Magic)
                throw new InvalidDataException("not an Entente model file");
            var version = raw.ReadInt32();
            if (version != (compressed ? 1 : FormatVersion))
                throw new InvalidDataException($"model format version {version}, expected {FormatVersion}");
            var actual = raw.ReadString();
            if (actual != kind)
                throw new InvalidDataException($"model kind '{actual}', expected '{kind}'");
            r = new ModelReader(raw, version);
            return r;
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("truncated model file");
        }
        finally
        {
            if (r is null)
                raw.Dispose();
        }
    }

    /// <summary>True when the stream starts with gzip's magic bytes; a stream that cannot seek is buffered first.</summary>
    private static bool IsGzip(ref Stream stream)
    {
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            stream = copy;
        }

        var start = stream.Position;
        Span<byte> head = stackalloc byte[2];
        var n = stream.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        stream.Position = start;
        return n == 2 && head[0] == 0x1F && head[1] == 0x8B;
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

    public void WriteLinear(LinearModel model) => model.Write(Raw);

    public void Dispose() => Raw.Dispose();
}

/// <summary>Reads the parts of a model in the order they were written.</summary>
public sealed class ModelReader(BinaryReader reader, int version) : IDisposable
{
    public BinaryReader Raw { get; } = reader;

    /// <summary>The format version of the file being read.</summary>
    public int Version { get; } = version;

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

    /// <summary>Reads a linear model.</summary>
    /// <exception cref="InvalidDataException">The model's arrays are inconsistent or truncated.</exception>
    public LinearModel ReadLinear() => Version == 1 ? LinearModel.ReadVersion1(Raw) : LinearModel.Read(Raw);

    public void Dispose() => Raw.Dispose();
}
