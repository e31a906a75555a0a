using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Entente.Nlp.Learning;

/// <summary>
/// Arrays of numbers written to and read from model files as raw little-endian bytes, in one block each:
/// loading a large model is then a copy from the page cache, not a parse.
/// </summary>
internal static class RawArrays
{
    public static void Write<T>(Stream stream, ReadOnlySpan<T> values, BinaryWriter? before = null)
        where T : unmanaged
    {
        before?.Flush();
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(MemoryMarshal.AsBytes(values));
            return;
        }

        var copy = values.ToArray();
        Reverse<T>(copy);
        stream.Write(MemoryMarshal.AsBytes(copy.AsSpan()));
    }

    /// <exception cref="InvalidDataException">The stream ends before <paramref name="values"/> is filled.</exception>
    public static void Read<T>(Stream stream, Span<T> values)
        where T : unmanaged
    {
        try
        {
            stream.ReadExactly(MemoryMarshal.AsBytes(values));
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("truncated model file");
        }

        if (!BitConverter.IsLittleEndian)
            Reverse(values);
    }

    private static void Reverse<T>(Span<T> values)
        where T : unmanaged
    {
        if (typeof(T) == typeof(ulong))
            BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<T, ulong>(values), MemoryMarshal.Cast<T, ulong>(values));
        else if (typeof(T) == typeof(uint) || typeof(T) == typeof(float))
            BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<T, uint>(values), MemoryMarshal.Cast<T, uint>(values));
        else if (typeof(T) == typeof(ushort))
            BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<T, ushort>(values), MemoryMarshal.Cast<T, ushort>(values));
        else if (typeof(T) != typeof(byte))
            throw new NotSupportedException($"no byte order for {typeof(T)}");
    }
}
