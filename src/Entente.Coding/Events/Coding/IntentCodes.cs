using Entente.Coding.Events.Dictionary;

namespace Entente.Coding.Events.Coding;

/// <summary>
/// CAMEO codes an intention ("agreed to", "pledged to", "expressed willingness to") of another event: cooperation
/// roots map to their "express intent" code of root 03 (04x meet -> 036, 05x -> 032, 06x -> 031/0311-0314,
/// 07x -> 033/0331-0334, 08x -> 035/0351-0356), violence and coercion to the matching threat of root 13
/// (18-20 -> 138, 163 -> 1312, 161 -> 1313, other 16-17 -> 130). Other codes are kept. Non-CAMEO codes
/// (test dictionaries) pass through unchanged.
/// </summary>
internal static class IntentCodes
{
    public static EventCodes Of(EventCodes codes) =>
        codes.Forward is { } f ? new EventCodes(Of(f), codes.Reverse is null ? null : Of(codes.Reverse)) : codes;

    public static string Of(string code)
    {
        if (code.Length < 3 || !char.IsAsciiDigit(code[0]) || !char.IsAsciiDigit(code[1]) || !char.IsAsciiDigit(code[2]))
            return code;
        var three = code[..3];
        return code[..2] switch
        {
            "04" => "036",
            "05" => "032",
            "06" => three switch { "061" => "0311", "062" => "0312", "063" => "0313", "064" => "0314", _ => "031" },
            "07" => three switch { "071" => "0331", "072" => "0332", "073" => "0333", "074" => "0334", _ => "033" },
            "08" => three switch
            {
                "081" => "0351", "082" => "0352", "084" => "0353", "085" => "0354", "086" => "0355", "087" => "0356", _ => "035",
            },
            "18" or "19" or "20" => "138",
            "16" => three switch { "163" => "1312", "161" => "1313", _ => "130" },
            "17" => "130",
            _ => code,
        };
    }
}
