using Entente.Nlp.Documents;

namespace Entente.Coding.Actors;

/// <summary>
/// A discard phrase: a sentence (or, when <see cref="Story"/>, the whole story) that contains it is not coded; when
/// <see cref="PhraseOnly"/>, only the phrase itself is not ("World War II" in a sentence about today's parade).
/// </summary>
public sealed record DiscardRecord(string Phrase, bool Story, string Source, int Line, bool PhraseOnly = false);

/// <summary>An issue phrase: a sentence that contains one of <see cref="Variants"/> is about <see cref="Code"/>.</summary>
/// <param name="Negative">A <c>~phrase</c>: where it matches, the issue phrases it overlaps do not count ("a head start").</param>
public sealed record IssueRecord(IReadOnlyList<string> Variants, string Code, string Category, bool Negative, string Source, int Line);

/// <summary>
/// Reads PETRARCH <c>.discards</c> files: one phrase a line; <c>+PHRASE</c> discards the whole story. Entente's own
/// files may also write <c>-PHRASE</c>: only the phrase is set aside and the rest of its sentence is coded.
/// </summary>
public static class DiscardDictionaryReader
{
    public static List<DiscardRecord> Read(TextReader reader, string source, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var records = new List<DiscardRecord>();
        foreach (var (number, raw) in DictionaryLines.Read(reader))
        {
            var line = raw.Trim();
            var story = line.StartsWith('+');
            var phraseOnly = line.StartsWith('-');
            if (story || phraseOnly)
                line = line[1..].Trim();
            var bracket = line.IndexOf('[');
            if (bracket >= 0)
                line = line[..bracket].Trim();
            if (line.Length == 0)
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, "bad-discard", "empty discard phrase; skipped", source, number));
                continue;
            }

            records.Add(new DiscardRecord(line, story, source, number, phraseOnly));
        }

        return records;
    }
}

/// <summary>
/// Reads PETRARCH issue files: <c>&lt;ISSUE CATEGORY="X" TYPE="..."&gt;</c> blocks of <c>phrase [CODE]</c> lines.
/// In a phrase, <c>n:word</c> also matches the word's plural, <c>v:word</c> its -s, -ed and -ing forms, and
/// <c>a+b</c> matches "a-b", "a b" and "ab"; a line starting with <c>~</c> is a negative phrase.
/// A phrase without a code takes the block's category.
/// </summary>
public static class IssueDictionaryReader
{
    public static List<IssueRecord> Read(TextReader reader, string source, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var records = new List<IssueRecord>();
        var category = "";
        foreach (var (number, raw) in DictionaryLines.Read(reader))
        {
            var line = raw.Trim();
            if (line.StartsWith("<ISSUE", StringComparison.OrdinalIgnoreCase))
            {
                var q = line.IndexOf("CATEGORY=\"", StringComparison.OrdinalIgnoreCase);
                var end = q >= 0 ? line.IndexOf('"', q + 10) : -1;
                category = q >= 0 && end > q ? line[(q + 10)..end] : "";
                if (category.Length == 0)
                    diagnostics.Add(new Diagnostic(Severity.Warning, "bad-issue-block", $"issue block without CATEGORY: '{line}'", source, number));
                continue;
            }

            if (line.StartsWith("</ISSUE", StringComparison.OrdinalIgnoreCase))
            {
                category = "";
                continue;
            }

            var negative = line.StartsWith('~');
            if (negative)
                line = line[1..].Trim();
            var code = category;
            var open = line.IndexOf('[');
            if (open >= 0)
            {
                var close = line.IndexOf(']', open);
                code = close > open ? line[(open + 1)..close].Trim() : "";
                line = line[..open].Trim();
            }

            if (line.Length == 0 || code.Length == 0)
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, "bad-issue", $"issue line without phrase or code; skipped", source, number));
                continue;
            }

            records.Add(new IssueRecord(Expand(line), code.ToUpperInvariant(), category, negative, source, number));
        }

        return records;
    }

    /// <summary>All surface variants of an issue phrase, words separated by spaces.</summary>
    public static List<string> Expand(string phrase)
    {
        var variants = new List<string> { "" };
        foreach (var word in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var forms = WordForms(word);
            var next = new List<string>(variants.Count * forms.Count);
            foreach (var v in variants)
            {
                foreach (var f in forms)
                    next.Add(v.Length == 0 ? f : v + " " + f);
            }

            variants = next;
            if (variants.Count > 64)
                break; // a pathological line must not blow up the table
        }

        return variants;
    }

    private static List<string> WordForms(string word)
    {
        var parts = word.Split('+', StringSplitOptions.RemoveEmptyEntries);
        var lastForms = Inflect(parts.Length == 0 ? word : parts[^1]);
        if (parts.Length <= 1)
            return lastForms;
        var stem = parts[..^1];
        var result = new List<string>();
        foreach (var last in lastForms)
        {
            result.Add(string.Join(" ", stem) + " " + last); // "pre-k" and "pre k" (the hyphen splits pieces)
            result.Add(string.Concat(stem) + last); // "prek"
        }

        return result;
    }

    private static List<string> Inflect(string word)
    {
        if (word.StartsWith("n:", StringComparison.OrdinalIgnoreCase))
        {
            var w = word[2..];
            return [w, AgentDictionaryReader.RegularPlural(w)];
        }

        if (word.StartsWith("v:", StringComparison.OrdinalIgnoreCase))
        {
            var w = word[2..];
            var stem = w.EndsWith('e') ? w[..^1] : w;
            return [w, AgentDictionaryReader.RegularPlural(w), stem + "ed", stem + "ing"];
        }

        return [word];
    }
}
