using Entente.Nlp.Documents;

namespace Entente.Coding.Actors;

/// <summary>An actor as written in a dictionary file: its phrases (the first is the primary name) and roles.</summary>
public sealed record ActorRecord(IReadOnlyList<string> Phrases, IReadOnlyList<ActorRole> Roles, string Source, int Line);

/// <summary>
/// Reads PETRARCH/TABARI <c>.actors</c> dictionaries. An entry starts with a phrase (words joined by
/// <c>_</c> or spaces), optionally followed by its code; <c>+PHRASE</c> lines add synonyms; lines holding only
/// <c>[CODE dates]</c> add roles. Dates: <c>[CODE]</c> always, <c>[CODE &gt;D]</c> from D on, <c>[CODE &lt;D]</c>
/// before D, <c>[CODE A-B]</c> from A to B (inclusive), <c>[CODE D]</c> from D on; D is YYMMDD (00-30 are
/// 20YY) or YYYYMMDD. Bad lines are skipped with a diagnostic naming the file and line; nothing throws.
/// </summary>
public static class ActorDictionaryReader
{
    public static List<ActorRecord> Read(TextReader reader, string source, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var records = new List<ActorRecord>();
        var codes = new CodeInterner();
        List<string>? phrases = null;
        List<ActorRole>? roles = null;
        var entryLine = 0;

        void Flush()
        {
            if (phrases is null || roles is null)
                return;
            if (roles.Count == 0)
                diagnostics.Add(new Diagnostic(Severity.Info, "actor-without-code",
                    $"actor '{phrases[0]}' has no code and is ignored", source, entryLine));
            else
                records.Add(new ActorRecord(phrases, roles, source, entryLine));
            phrases = null;
            roles = null;
        }

        foreach (var (number, raw) in DictionaryLines.Read(reader))
        {
            var line = raw.Trim();
            if (line.Length == 0)
                continue;
            if (line[0] == '[')
            {
                if (roles is null)
                {
                    diagnostics.Add(new Diagnostic(Severity.Warning, "role-without-actor",
                        $"code '{line}' comes before any actor and is ignored", source, number));
                    continue;
                }

                ParseRoles(line, 0, roles, source, number, diagnostics, codes);
                continue;
            }

            if (line[0] == '+')
            {
                var synonym = PhraseBefore(line.AsSpan(1));
                if (phrases is null)
                {
                    diagnostics.Add(new Diagnostic(Severity.Warning, "synonym-without-actor",
                        $"synonym '{synonym}' comes before any actor and is ignored", source, number));
                    continue;
                }

                if (synonym.Length > 0)
                    phrases.Add(synonym);
                var bracket = line.IndexOf('[');
                if (bracket >= 0)
                    ParseRoles(line, bracket, roles!, source, number, diagnostics, codes);
                continue;
            }

            Flush();
            var phrase = PhraseBefore(line);
            if (phrase.Length == 0)
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, "bad-actor-line", $"cannot read actor line '{line}'", source, number));
                continue;
            }

            phrases = [phrase];
            roles = [];
            entryLine = number;
            var open = line.IndexOf('[');
            if (open >= 0)
                ParseRoles(line, open, roles, source, number, diagnostics, codes);
        }

        Flush();
        return records;
    }

    private static string PhraseBefore(ReadOnlySpan<char> line)
    {
        var bracket = line.IndexOf('[');
        var phrase = bracket >= 0 ? line[..bracket] : line;
        return phrase.Trim().ToString();
    }

    /// <summary>Parses every <c>[...]</c> group on the line into roles.</summary>
    internal static void ParseRoles(string line, int from, List<ActorRole> roles, string source, int number, List<Diagnostic> diagnostics, CodeInterner codes)
    {
        var pos = from;
        while (pos < line.Length)
        {
            var open = line.IndexOf('[', pos);
            if (open < 0)
                break;
            var close = line.IndexOf(']', open + 1);
            if (close < 0)
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, "bad-role", $"missing ']' in '{line.Trim()}'", source, number));
                return;
            }

            if (TryParseRole(line.AsSpan(open + 1, close - open - 1), out var role, out var error, codes))
                roles.Add(role);
            else
                diagnostics.Add(new Diagnostic(Severity.Warning, "bad-role", $"{error} in '{line[open..(close + 1)]}'; role ignored", source, number));
            pos = close + 1;
        }
    }

    /// <summary>Parses the inside of a role bracket: a code and an optional date restriction.</summary>
    public static bool TryParseRole(ReadOnlySpan<char> inner, out ActorRole role, out string error) =>
        TryParseRole(inner, out role, out error, null);

    internal static bool TryParseRole(ReadOnlySpan<char> inner, out ActorRole role, out string error, CodeInterner? codes)
    {
        role = default;
        inner = inner.Trim();
        var space = inner.IndexOfAny(' ', '\t');
        var codePart = space < 0 ? inner : inner[..space];
        var datePart = space < 0 ? [] : inner[(space + 1)..];

        // Codes with a date glued on ("[GBRGOV>100511]") are rare but seen: split at the first of <, >, digit-after-letters.
        if (datePart.IsEmpty)
        {
            var cut = codePart.IndexOfAny('<', '>');
            if (cut > 0)
            {
                datePart = codePart[cut..];
                codePart = codePart[..cut];
            }
        }

        if (codePart.IsEmpty)
        {
            error = "empty code";
            return false;
        }

        // TABARI's "[ELR/GAL]" names several actors at once; the code keeps them all (see ActorEntry.AlternativesOn).
        var code = codes is not null ? codes.Get(codePart) : codePart.ToString().ToUpperInvariant();

        Span<char> compact = stackalloc char[Math.Min(64, datePart.Length)];
        var n = 0;
        foreach (var c in datePart)
        {
            if (!char.IsWhiteSpace(c) && n < compact.Length)
                compact[n++] = c;
        }

        var dates = compact[..n];
        if (dates.IsEmpty)
        {
            role = ActorRole.Undated(code);
            error = "";
            return true;
        }

        int from = int.MinValue, to = int.MaxValue;
        if (dates[0] == '<')
        {
            if (!TryParseDay(dates[1..], out var d, out error))
                return false;
            to = d - 1;
        }
        else if (dates[0] == '>')
        {
            if (!TryParseDay(dates[1..], out from, out error))
                return false;
        }
        else if (dates.IndexOf('-') is var dash and > 0)
        {
            if (!TryParseDay(dates[..dash], out from, out error) || !TryParseDay(dates[(dash + 1)..], out to, out error))
                return false;
            if (to < from)
            {
                error = "range ends before it starts";
                return false;
            }
        }
        else if (!TryParseDay(dates, out from, out error))
        {
            return false;
        }

        role = new ActorRole(code, from, to, true);
        error = "";
        return true;
    }

    /// <summary>YYMMDD (00-30 are 20YY, others 19YY, as in TABARI) or YYYYMMDD.</summary>
    public static bool TryParseDay(ReadOnlySpan<char> s, out int day, out string error)
    {
        day = 0;
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                error = $"date '{s}' is not a number";
                return false;
            }
        }

        int year, month, dd;
        if (s.Length == 6)
        {
            year = Two(s, 0);
            year += year <= 30 ? 2000 : 1900;
            month = Two(s, 2);
            dd = Two(s, 4);
        }
        else if (s.Length == 8)
        {
            year = Two(s, 0) * 100 + Two(s, 2);
            month = Two(s, 4);
            dd = Two(s, 6);
        }
        else
        {
            error = $"date '{s}' has {s.Length} digits, not 6 (YYMMDD) or 8 (YYYYMMDD)";
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || dd < 1 || dd > DateTime.DaysInMonth(year, month))
        {
            error = $"date '{s}' does not exist";
            return false;
        }

        day = new DateOnly(year, month, dd).DayNumber;
        error = "";
        return true;
    }

    private static int Two(ReadOnlySpan<char> s, int i) => (s[i] - '0') * 10 + (s[i + 1] - '0');
}

/// <summary>
/// One string per distinct code while a file is read: a dictionary names AFGGOV thousands of times, and each
/// should not be a new string. Upper-cases; allocates only for a code it has not seen.
/// </summary>
internal sealed class CodeInterner
{
    private readonly Dictionary<string, string> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public CodeInterner()
    {
        _lookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Get(ReadOnlySpan<char> code)
    {
        if (code.Length > 64)
            return code.ToString().ToUpperInvariant();
        Span<char> upper = stackalloc char[code.Length];
        code.ToUpperInvariant(upper);
        if (_lookup.TryGetValue(upper, out var s))
            return s;
        s = upper.ToString();
        _codes[s] = s;
        return s;
    }
}
