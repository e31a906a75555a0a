using Entente.Nlp.Documents;

namespace Entente.Nlp.Entities;

/// <summary>One sentence of entity-annotated text: words and their IOB2 tags over PER, ORG and LOC.</summary>
public sealed class NerSentence
{
    public required string[] Forms { get; init; }

    /// <summary>IOB2 tags ("O", "B-PER", "I-PER", ...); other types are already mapped to "O".</summary>
    public required string[] Tags { get; init; }

    /// <summary>Predicted UPOS tags (set by <see cref="WithTags"/>), or null when the sentence is untagged.</summary>
    public Upos[]? Upos { get; init; }

    public int Length => Forms.Length;

    /// <summary>A copy with the given part-of-speech tags.</summary>
    public NerSentence WithTags(Upos[] upos) => new() { Forms = Forms, Tags = Tags, Upos = upos };

    /// <summary>The entity mentions as (first word, end word, type) with end exclusive.</summary>
    public List<(int Start, int End, EntityType Type)> Mentions() => NerTags.Spans(Tags);
}

/// <summary>Reading and converting entity tags.</summary>
public static class NerTags
{
    /// <summary>The types Entente's recognizer learns; others (MISC, OTH) become "O".</summary>
    public static bool IsKept(ReadOnlySpan<char> type) => type is "PER" or "ORG" or "LOC";

    public static EntityType TypeOf(ReadOnlySpan<char> type) => type switch
    {
        "PER" => EntityType.PER,
        "ORG" => EntityType.ORG,
        "LOC" => EntityType.LOC,
        "MISC" => EntityType.MISC,
        _ => EntityType.None,
    };

    public static List<(int Start, int End, EntityType Type)> Spans(IReadOnlyList<string> tags)
    {
        var spans = new List<(int, int, EntityType)>();
        var start = -1;
        var type = EntityType.None;
        for (var i = 0; i <= tags.Count; i++)
        {
            var tag = i < tags.Count ? tags[i] : "O";
            var continues = tag.StartsWith("I-", StringComparison.Ordinal) && start >= 0 && TypeOf(tag.AsSpan(2)) == type;
            if (continues)
                continue;
            if (start >= 0)
                spans.Add((start, i, type));
            start = -1;
            if (tag.Length > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-')
            {
                start = i;
                type = TypeOf(tag.AsSpan(2));
            }
        }

        return spans;
    }

    /// <summary>
    /// Reads IOB files: UNER's tab-separated "index, token, tag" lines with "#" comments, or CoNLL-style
    /// "token ... tag" lines (wikigold, IOB1 included). Tags are normalized to IOB2 over kept types.
    /// A line that cannot be read is reported and its sentence skipped.
    /// </summary>
    public static List<NerSentence> ReadFile(string path, List<Diagnostic>? diagnostics = null)
    {
        using var reader = InputFiles.OpenText(path);
        return Read(reader, path, diagnostics);
    }

    public static List<NerSentence> Read(TextReader reader, string source, List<Diagnostic>? diagnostics = null)
    {
        var result = new List<NerSentence>();
        var forms = new List<string>();
        var tags = new List<string>();
        var broken = false;
        long lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                Flush(result, forms, tags, broken);
                broken = false;
                continue;
            }

            if (line.StartsWith('#') || line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
                continue;
            string form, tag;
            if (line.Contains('\t'))
            {
                var cols = line.Split('\t');
                if (cols.Length < 3)
                {
                    broken = Report(diagnostics, source, lineNo, "expected index, token and tag columns");
                    continue;
                }

                form = cols[1];
                tag = cols[2];
            }
            else
            {
                var cols = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (cols.Length < 2)
                {
                    broken = Report(diagnostics, source, lineNo, "expected a token and a tag");
                    continue;
                }

                form = cols[0];
                tag = cols[^1];
            }

            if (tag != "O" && !(tag.Length > 2 && tag[0] is 'B' or 'I' && tag[1] == '-'))
            {
                broken = Report(diagnostics, source, lineNo, $"'{tag}' is not an IOB tag");
                continue;
            }

            forms.Add(form);
            tags.Add(tag);
        }

        Flush(result, forms, tags, broken);
        return result;
    }

    private static bool Report(List<Diagnostic>? diagnostics, string source, long line, string message)
    {
        diagnostics?.Add(new Diagnostic(Severity.Error, "bad-iob", message + "; sentence skipped", source, line));
        return true;
    }

    private static void Flush(List<NerSentence> result, List<string> forms, List<string> tags, bool broken)
    {
        if (forms.Count > 0 && !broken)
        {
            var iob2 = new string[tags.Count];
            var prevType = "";
            for (var i = 0; i < tags.Count; i++)
            {
                var t = tags[i];
                var type = t == "O" ? "" : t[2..];
                if (type.Length > 0 && !IsKept(type))
                    type = "";
                if (type.Length == 0)
                    iob2[i] = "O";
                else if (t[0] == 'B' || prevType != type)
                    iob2[i] = "B-" + type; // IOB1 "I-" after another type or at the start opens a mention
                else
                    iob2[i] = "I-" + type;
                prevType = type;
            }

            result.Add(new NerSentence { Forms = [.. forms], Tags = iob2 });
        }

        forms.Clear();
        tags.Clear();
    }
}
