using System.Collections.Frozen;
using System.Globalization;
using Entente.Coding.Actors;
using Entente.Nlp.Documents;

namespace Entente.Coding.Cameo;

/// <summary>What Entente knows about one CAMEO event code: its Goldstein score, QuadClass and PLOVER mapping.</summary>
/// <param name="Code">The CAMEO code as looked up ("0231"), or the code it fell back to.</param>
/// <param name="Goldstein">Goldstein conflict-cooperation score, -10 to +10.</param>
/// <param name="QuadClass">GDELT QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.</param>
/// <param name="Description">The CAMEO codebook description.</param>
/// <param name="Plover">The PLOVER event type, null for public statements (CAMEO 01).</param>
/// <param name="Mode">The PLOVER mode, null when the table gives none.</param>
/// <param name="Context">PLOVER contexts (may be empty).</param>
public sealed record CameoEventInfo(
    string Code,
    double Goldstein,
    int QuadClass,
    string Description,
    string? Plover,
    string? Mode,
    IReadOnlyList<string> Context);

/// <summary>
/// The CAMEO event taxonomy: Goldstein scores and QuadClass from <c>cameo-codes.tsv</c> and the PLOVER type,
/// mode and context from <c>CAMEO2PLOVER-2021.txt</c>. Immutable once loaded and shared by all threads.
/// </summary>
/// <remarks>
/// Lookups fall back along the code's prefixes ("0356" -> "035" -> "03"), because the verb dictionaries use
/// finer codes than the tables list. CAMEO 02 appeals map to PLOVER REQUEST with the mode and context of the
/// parallel 10x demand ("0231" like "1031"): PLOVER defines REQUEST as all requests, demands and orders, although
/// the 2021 table lists only 10x. CAMEO 01 statements keep their code and have no PLOVER type.
/// QuadClass follows GDELT: roots 01-04 -> 1, 05-08 -> 2, 09-13 -> 3, 14-20 -> 4.
/// </remarks>
public sealed class CameoTaxonomy
{
    /// <summary>The 16 PLOVER event types (DESIGN.md); an event's <c>plover</c> is one of them or null (CAMEO 01).</summary>
    public static readonly IReadOnlyList<string> PloverTypes =
    [
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
        "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    ];

    private readonly FrozenDictionary<string, (double Goldstein, string Description)> _codes;
    private readonly FrozenDictionary<string, (string Plover, string? Mode, string[] Context)> _plover;
    private readonly FrozenDictionary<string, CameoEventInfo?> _resolved;

    private CameoTaxonomy(
        Dictionary<string, (double, string)> codes,
        Dictionary<string, (string, string?, string[])> plover)
    {
        _codes = codes.ToFrozenDictionary(StringComparer.Ordinal);
        _plover = plover.ToFrozenDictionary(StringComparer.Ordinal);

        // Resolve every code the tables know (and their prefixes) once, so coding never builds records.
        var resolved = new Dictionary<string, CameoEventInfo?>(StringComparer.Ordinal);
        foreach (var code in _codes.Keys)
            resolved[code] = Resolve(code);
        foreach (var code in _plover.Keys)
            resolved.TryAdd(code, Resolve(code));
        _resolved = resolved.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Number of CAMEO codes with a Goldstein score.</summary>
    public int CodeCount => _codes.Count;

    /// <summary>Loads the two tables; malformed lines are skipped with a diagnostic.</summary>
    public static CameoTaxonomy Load(string cameoCodesPath, string ploverPath, List<Diagnostic>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(cameoCodesPath);
        ArgumentNullException.ThrowIfNull(ploverPath);
        return Parse(File.ReadLines(cameoCodesPath), File.ReadLines(ploverPath), diagnostics, cameoCodesPath, ploverPath);
    }

    /// <summary>Builds the taxonomy from the lines of the two tables (used by tests with small tables).</summary>
    public static CameoTaxonomy Parse(
        IEnumerable<string> cameoCodeLines,
        IEnumerable<string> ploverLines,
        List<Diagnostic>? diagnostics = null,
        string codesSource = "cameo-codes.tsv",
        string ploverSource = "CAMEO2PLOVER-2021.txt")
    {
        var codes = new Dictionary<string, (double, string)>(StringComparer.Ordinal);
        var lineNo = 0;
        foreach (var raw in cameoCodeLines)
        {
            lineNo++;
            if (lineNo == 1 && raw.StartsWith("code", StringComparison.Ordinal))
                continue;
            if (string.IsNullOrWhiteSpace(raw))
                continue;
            var parts = raw.Split('\t');
            if (parts.Length < 3 || !IsCode(parts[0])
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var goldstein))
            {
                diagnostics?.Add(new Diagnostic(Severity.Warning, "bad-cameo-code", $"not a 'code<TAB>goldstein<TAB>quad<TAB>description' line: '{Clip(raw)}'", codesSource, lineNo));
                continue;
            }

            codes[parts[0]] = (goldstein, parts.Length > 3 ? parts[3].Trim() : "");
        }

        var plover = new Dictionary<string, (string, string?, string[])>(StringComparer.Ordinal);
        lineNo = 0;
        foreach (var raw in ploverLines)
        {
            lineNo++;
            var line = DictionaryLines.WithoutHashComment(raw).Trim();
            if (line.Length == 0 || line.StartsWith('~'))
                continue;
            var colon = line.IndexOf(':');
            if (colon <= 0 || !IsCode(line[..colon].Trim()))
            {
                diagnostics?.Add(new Diagnostic(Severity.Warning, "bad-plover-line", $"not a 'CODE: EVENT, mode, context' line: '{Clip(raw)}'", ploverSource, lineNo));
                continue;
            }

            var code = line[..colon].Trim();
            var fields = line[(colon + 1)..].Split(',');
            var evt = fields[0].Trim();
            if (evt.Length == 0)
                continue;
            var mode = fields.Length > 1 ? NullIfEmpty(fields[1]) : null;
            var context = fields.Length > 2 ? SplitContext(fields[2]) : [];

            // Root lines ("08: RETREAT") name the type of the whole root; a root listed twice (08 CONCEDE and
            // 08 RETREAT) keeps its first meaning and the 3- and 4-digit lines decide the rest.
            if (!plover.ContainsKey(code))
                plover[code] = (evt, mode, context);
        }

        return new CameoTaxonomy(codes, plover);
    }

    /// <summary>Everything known about <paramref name="code"/>, falling back along its prefixes; null when nothing is.</summary>
    public CameoEventInfo? Lookup(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (_resolved.TryGetValue(code, out var info))
            return info;
        return Resolve(code);
    }

    /// <summary>The QuadClass of a code's root, following GDELT; 0 when the code is not a CAMEO code.</summary>
    public static int QuadClassOf(string code)
    {
        if (code.Length < 2 || !char.IsAsciiDigit(code[0]) || !char.IsAsciiDigit(code[1]))
            return 0;
        var root = ((code[0] - '0') * 10) + (code[1] - '0');
        return root switch
        {
            >= 1 and <= 4 => 1,
            >= 5 and <= 8 => 2,
            >= 9 and <= 13 => 3,
            >= 14 and <= 20 => 4,
            _ => 0,
        };
    }

    private CameoEventInfo? Resolve(string code)
    {
        if (code.Length < 2 || !char.IsAsciiDigit(code[0]) || !char.IsAsciiDigit(code[1]))
            return null;

        string? found = null;
        (double Goldstein, string Description) entry = default;
        for (var len = Math.Min(code.Length, 4); len >= 2; len--)
        {
            var prefix = code[..len];
            if (_codes.TryGetValue(prefix, out entry))
            {
                found = prefix;
                break;
            }
        }

        if (found is null)
            return null;
        var (plover, mode, context) = PloverOf(code);
        return new CameoEventInfo(found, entry.Goldstein, QuadClassOf(code), entry.Description ?? "", plover, mode, context);
    }

    private (string? Plover, string? Mode, IReadOnlyList<string> Context) PloverOf(string code)
    {
        if (code.StartsWith("01", StringComparison.Ordinal))
            return (null, null, []);

        // Appeals (02x) are requests: take the mode and context of the parallel demand (10x).
        var lookup = code.StartsWith("02", StringComparison.Ordinal) ? "10" + code[2..] : code;
        for (var len = Math.Min(lookup.Length, 4); len >= 2; len--)
        {
            if (_plover.TryGetValue(lookup[..len], out var p))
                return (p.Plover, p.Mode, p.Context);
        }

        return (null, null, []);
    }

    private static bool IsCode(string s)
    {
        if (s.Length is < 2 or > 4)
            return false;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }

        return true;
    }

    private static string? NullIfEmpty(string s)
    {
        var t = s.Trim();
        return t.Length == 0 ? null : t;
    }

    private static string[] SplitContext(string field)
    {
        var parts = field.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts;
    }

    private static string Clip(string s) => s.Length <= 60 ? s : s[..60] + "...";
}
