using System.IO.Compression;
using System.Text;

namespace Entente.Nlp;

/// <summary>Opens input files: "-" is standard input, ".gz" files are decompressed on the fly.</summary>
public static class InputFiles
{
    /// <summary>UTF-8 that replaces invalid bytes (for reference data we trust); user input is decoded strictly elsewhere.</summary>
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static Stream OpenStream(string path)
    {
        if (path == "-")
            return Console.OpenStandardInput();
        Stream s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            s = new GZipStream(s, CompressionMode.Decompress);
        return s;
    }

    public static TextReader OpenText(string path) => new StreamReader(OpenStream(path), Utf8, detectEncodingFromByteOrderMarks: true, 1 << 16);

    public static string ReadAllText(string path)
    {
        using var r = OpenText(path);
        return r.ReadToEnd();
    }
}
