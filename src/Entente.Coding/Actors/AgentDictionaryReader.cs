using Entente.Nlp.Documents;

namespace Entente.Coding.Actors;

/// <summary>
/// An agent: a common noun phrase that adds a role to an actor ("police" -> <c>~COP</c>: Syrian police is SYRCOP)
/// or, for a prefix agent (<c>NGO~</c>), puts its code in front.
/// </summary>
public sealed record AgentRecord(string Phrase, string Code, bool Prefix, string Source, int Line);

/// <summary>
/// Reads PETRARCH <c>.agents</c> dictionaries: <c>PHRASE {PLURAL} [~CODE]</c>. Regular plurals are made
/// automatically (+S, Y -> IES after a consonant, S -> SES); <c>{X}</c> gives an irregular plural and <c>{}</c>
/// none. Substitution sets (<c>!PERSON! = MAN, MEN, WOMAN</c>) expand every <c>!PERSON!</c> in later phrases,
/// without plurals. Bad lines are skipped with a diagnostic.
/// </summary>
public static class AgentDictionaryReader
{
    public static List<AgentRecord> Read(TextReader reader, string source, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var records = new List<AgentRecord>();
        var sets = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (number, raw) in DictionaryLines.Read(reader))
        {
            var line = raw.Trim();
            if (line.Length == 0)
                continue;
            if (line[0] == '!' && line.IndexOf('=') is var eq and > 0 && line.IndexOf('[') < 0)
            {
                var marker = line[..eq].Trim().Trim('!');
                var items = line[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (marker.Length == 0 || items.Length == 0)
                    diagnostics.Add(new Diagnostic(Severity.Warning, "bad-substitution", $"cannot read substitution set '{line}'", source, number));
                else
                    sets[marker] = items;
                continue;
            }

            var open = line.IndexOf('[');
            var close = open >= 0 ? line.IndexOf(']', open) : -1;
            if (open < 0 || close < 0)
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, "agent-without-code", $"agent line '{line}' has no [code]; skipped", source, number));
                continue;
            }

            var codeText = line[(open + 1)..close].Replace(" ", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal);
            var tilde = codeText.IndexOf('~');
            if (tilde < 0 || codeText.Length < 2)
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, "bad-agent-code", $"agent code '[{codeText}]' has no '~'; skipped", source, number));
                continue;
            }

            var prefix = tilde == codeText.Length - 1;
            var code = (prefix ? codeText[..^1] : codeText[(tilde + 1)..]).ToUpperInvariant();
            var head = line[..open];
            string phrase;
            string? plural = null;
            var brace = head.IndexOf('{');
            if (brace >= 0)
            {
                var braceEnd = head.IndexOf('}', brace);
                if (braceEnd < 0)
                {
                    diagnostics.Add(new Diagnostic(Severity.Warning, "bad-plural", $"missing '}}' in '{line}'; skipped", source, number));
                    continue;
                }

                phrase = head[..brace].Trim();
                plural = head[(brace + 1)..braceEnd].Trim();
            }
            else
            {
                phrase = head.Trim();
            }

            if (phrase.Length == 0)
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, "bad-agent-line", $"agent line '{line}' has no phrase; skipped", source, number));
                continue;
            }

            var bang = phrase.IndexOf('!');
            if (bang >= 0)
            {
                var bangEnd = phrase.IndexOf('!', bang + 1);
                var marker = bangEnd > bang ? phrase[(bang + 1)..bangEnd] : "";
                if (!sets.TryGetValue(marker, out var items))
                {
                    diagnostics.Add(new Diagnostic(Severity.Warning, "unknown-substitution", $"substitution set !{marker}! is not defined; '{phrase}' skipped", source, number));
                    continue;
                }

                foreach (var item in items)
                    records.Add(new AgentRecord(phrase[..bang] + item + phrase[(bangEnd + 1)..], code, prefix, source, number));
                continue;
            }

            records.Add(new AgentRecord(phrase, code, prefix, source, number));
            plural ??= RegularPlural(phrase);
            if (plural.Length > 0)
                records.Add(new AgentRecord(plural, code, prefix, source, number));
        }

        return records;
    }

    /// <summary>The regular plural of a phrase (its last word): ARMY -> ARMIES, BOSS -> BOSSES, DAY -> DAYS.</summary>
    public static string RegularPlural(string phrase)
    {
        var p = phrase.TrimEnd('_', ' ');
        if (p.Length == 0)
            return "";
        var lower = char.IsLower(p[^1]);
        var last = char.ToUpperInvariant(p[^1]);
        var before = p.Length > 1 ? char.ToUpperInvariant(p[^2]) : ' ';
        if (last == 'Y' && before is not ('A' or 'E' or 'O' or 'U'))
            return p[..^1] + (lower ? "ies" : "IES");
        if (last is 'S' or 'X' or 'Z' || (last == 'H' && before is 'C' or 'S'))
            return p + (lower ? "es" : "ES");
        return p + (lower ? "s" : "S");
    }
}
