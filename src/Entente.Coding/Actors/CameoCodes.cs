namespace Entente.Coding.Actors;

/// <summary>
/// Splits CAMEO actor codes into their country and sector parts. A code is a chain of three-letter parts:
/// a country (ISO 3166 alpha-3, or a CAMEO historical state such as USR or YUG) or a transnational type
/// (IGO, NGO, IMG, ...), then roles (GOV, MIL, REB, ...). Which three-letter codes are states comes from
/// <c>data/dictionaries/countries.tsv</c>; with none given, every three-letter code that is neither a
/// transnational type nor a sector counts as a state (so test dictionaries with made-up states work).
/// </summary>
public sealed class CameoCodes
{
    // The CAMEO actor-type ("sector") codes of the CAMEO manual, chapter 2, plus the Phoenix additions.
    private static readonly HashSet<string> Sectors = new(StringComparer.Ordinal)
    {
        "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM", "CVL", "ELI", "LAB",
        "LEG", "HLH", "REF", "MOD", "RAD", "AGR", "DEV", "ENV", "HRI", "UAF", "SEP", "INS", "IGO", "NGO", "NGM",
        "IMG", "MNC", "UNK", "CIV", "ETH", "REL", "SET", "AMN", "IRC", "GRP", "CHR", "MUS", "JEW", "BUD", "HIN",
        "FRM", "PRS", "MIN", "STH", "BOR",
    };

    // Transnational types: the code is not a state's.
    private static readonly HashSet<string> Transnational = new(StringComparer.Ordinal)
    {
        "IGO", "NGO", "NGM", "IMG", "MNC", "UIS", "UNK",
    };

    private readonly HashSet<string>? _states;

    /// <param name="states">Three-letter codes that are states, or null to treat every non-type code as one.</param>
    public CameoCodes(IEnumerable<string>? states = null)
    {
        _states = states is null ? null : new HashSet<string>(states, StringComparer.Ordinal);
    }

    /// <summary>Reads the state codes (first column) of a countries.tsv file.</summary>
    public static CameoCodes FromCountriesFile(string path)
    {
        var states = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length < 3 || line[0] == '#')
                continue;
            var tab = line.IndexOf('\t');
            var code = tab < 0 ? line : line[..tab];
            if (code.Length == 3)
                states.Add(code);
        }

        return new CameoCodes(states);
    }

    public bool IsState(ReadOnlySpan<char> code3)
    {
        if (code3.Length != 3)
            return false;
        var s = code3.ToString();
        return _states is not null ? _states.Contains(s) : !Transnational.Contains(s) && !Sectors.Contains(s);
    }

    public static bool IsSector(ReadOnlySpan<char> code3) => code3.Length == 3 && Sectors.Contains(code3.ToString());

    /// <summary>Whether a three-letter code is a transnational type (IGO, NGO, IMG, ...), which is no state's.</summary>
    public static bool IsTransnational(ReadOnlySpan<char> code3) => code3.Length == 3 && Transnational.Contains(code3.ToString());

    /// <summary>The state a code belongs to (its first part), or null.</summary>
    public string? CountryOf(string? code)
    {
        if (code is null || code.Length < 3)
            return null;
        return IsState(code.AsSpan(0, 3)) ? code[..3] : null;
    }

    /// <summary>
    /// The first sector part of a code after its country or type, or null ("USAGOV" -> GOV, "USA" -> null, "GOV" -> GOV).
    /// A <paramref name="stateless"/> code has no country part, so its first part is read as a sector even where it
    /// is also a state's code ("MUSRAD": Muslim radicals, not Mauritius).
    /// </summary>
    public string? SectorOf(string? code, bool stateless = false)
    {
        if (code is null || code.Length < 3)
            return null;
        var first = code.AsSpan(0, 3);
        var start = !stateless && (IsState(first) || Transnational.Contains(first.ToString())) ? 3 : 0;
        for (var i = start; i + 3 <= code.Length; i += 3)
        {
            var part = code.Substring(i, 3);
            if (Sectors.Contains(part) && !Transnational.Contains(part))
                return part;
        }

        return null;
    }

    /// <summary>Adds role parts to a code without repeating any: ("RUS", "GOV") -> RUSGOV; ("RUSGOV", "GOV") -> RUSGOV.</summary>
    public static string Compose(string? prefix, string? baseCode, string? suffix)
    {
        var code = baseCode ?? "";
        if (!string.IsNullOrEmpty(suffix) && !ContainsPart(code, suffix))
            code += suffix;
        if (!string.IsNullOrEmpty(prefix) && !code.StartsWith(prefix, StringComparison.Ordinal))
            code = prefix + code;
        return code;
    }

    private static bool ContainsPart(string code, string part)
    {
        for (var i = 0; i + part.Length <= code.Length; i += 3)
        {
            if (string.CompareOrdinal(code, i, part, 0, part.Length) == 0)
                return true;
        }

        return false;
    }
}
