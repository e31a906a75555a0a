using System.Text;

namespace Entente.Nlp.Documents;

/// <summary>
/// Text after Unicode normalization, with maps back to the original: every normalized character knows the
/// original span it came from, so offsets found in the normalized text convert back exactly.
/// When normalization changes nothing the maps are absent and conversion is the identity.
/// </summary>
public readonly struct NormalizedText
{
    private readonly int[]? _origStart; // original start of the segment that produced normalized char i
    private readonly int[]? _origEnd;   // original end of that segment

    private NormalizedText(string text, int originalLength, int[]? origStart, int[]? origEnd)
    {
        Text = text;
        OriginalLength = originalLength;
        _origStart = origStart;
        _origEnd = origEnd;
    }

    public string Text { get; }

    public int OriginalLength { get; }

    public bool IsIdentity => _origStart is null;

    public static NormalizedText Identity(string text) => new(text, text.Length, null, null);

    /// <summary>Original offset of a start position (the character at <paramref name="normStart"/> begins there).</summary>
    public int ToOriginalStart(int normStart) =>
        _origStart is null ? normStart : normStart >= Text.Length ? OriginalLength : _origStart[normStart];

    /// <summary>Original offset of an end position (just past the character before <paramref name="normEnd"/>).</summary>
    public int ToOriginalEnd(int normEnd) =>
        _origEnd is null ? normEnd : normEnd <= 0 ? 0 : _origEnd[normEnd - 1];

    /// <summary>Normalized position of an original offset: the first normalized char from at or after it.</summary>
    public int ToNormalized(int original)
    {
        if (_origStart is null)
            return original;
        int lo = 0, hi = _origStart.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_origStart[mid] < original)
                lo = mid + 1;
            else
                hi = mid;
        }

        return lo;
    }

    internal static NormalizedText Create(string text, StringBuilder sb, List<int> starts, List<int> ends) =>
        new(sb.ToString(), text.Length, starts.ToArray(), ends.ToArray());
}
