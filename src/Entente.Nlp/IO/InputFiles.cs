using System.IO.Compression;
using System.Text;

namespace Entente.Nlp;

/// <summary>Opens input files: "-" is standard input, ".gz" files are decompressed on the fly.</summary>
public static class InputFiles
{
    /// <summary>UTF-8 that replaces invalid bytes (for reference data we trust); user input is decoded strictly elsewhere.</summary>
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>
    /// The file's bytes, decompressed when its name ends in ".gz". A damaged or truncated .gz file throws
    /// <see cref="InvalidDataException"/> while it is read (<see cref="Gunzip"/>).
    /// </summary>
    public static Stream OpenStream(string path)
    {
        if (path == "-")
            return Console.OpenStandardInput();
        var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            return fs;
        if (!fs.CanSeek)
            return new GZipStream(fs, CompressionMode.Decompress); // a pipe: no trailer to check against
        try
        {
            return Gunzip(fs, GzipTrailerLength(fs));
        }
        catch
        {
            fs.Dispose();
            throw;
        }
    }

    public static TextReader OpenText(string path) => new StreamReader(OpenStream(path), Utf8, detectEncodingFromByteOrderMarks: true, 1 << 16);

    public static string ReadAllText(string path)
    {
        using var r = OpenText(path);
        return r.ReadToEnd();
    }

    /// <summary>
    /// The uncompressed length (mod 2^32) a gzip file's trailer records for its last member, or null when the file
    /// is too short to hold a gzip header and trailer. Leaves the stream at its start.
    /// </summary>
    public static uint? GzipTrailerLength(FileStream fs)
    {
        ArgumentNullException.ThrowIfNull(fs);
        if (fs.Length < 18)
            return null;
        Span<byte> trailer = stackalloc byte[4];
        fs.Seek(-4, SeekOrigin.End);
        fs.ReadExactly(trailer);
        fs.Seek(0, SeekOrigin.Begin);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(trailer);
    }

    /// <summary>
    /// Decompresses gzip data and checks, at its end, that it is whole. .NET's <see cref="GZipStream"/> ends quietly
    /// when a file is cut short; the trailer's <paramref name="trailerLength"/> (<see cref="GzipTrailerLength"/>) is
    /// the last member's uncompressed length, so the data read must end with that many bytes: equal to the total for
    /// one member, less than it for several concatenated members (<c>cat a.gz b.gz</c>). A cut file's last four bytes
    /// are compressed data, which almost always reads as a length beyond what was decompressed.
    /// </summary>
    public static Stream Gunzip(Stream compressed, uint? trailerLength) =>
        new GzipLengthCheck(new GZipStream(compressed, CompressionMode.Decompress), trailerLength);

    private sealed class GzipLengthCheck(Stream inner, uint? expected) : ReadOnlyStream(inner)
    {
        private long _length;

        public override int Read(Span<byte> buffer)
        {
            var n = Inner.Read(buffer);
            _length += n;
            if (n == 0 && buffer.Length > 0 && !Whole())
                throw new InvalidDataException("the file ends before its compressed data does (truncated?)");
            return n;
        }

        // expected is null when the file is shorter than a gzip header and trailer: it cannot be whole.
        private bool Whole() => expected is { } size &&
            (size == unchecked((uint)_length) || (_length <= uint.MaxValue && size < _length));
    }
}

/// <summary>A forward-only read stream over another; subclasses see every read through <see cref="Read(Span{byte})"/>.</summary>
public abstract class ReadOnlyStream(Stream inner) : Stream
{
    protected Stream Inner => inner;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public abstract override int Read(Span<byte> buffer);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
