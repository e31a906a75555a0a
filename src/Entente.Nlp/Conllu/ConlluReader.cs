using System.Globalization;
using Entente.Nlp.Documents;

namespace Entente.Nlp.Conllu;

/// <summary>
/// Streams sentences from CoNLL-U text. Malformed lines never throw: the sentence that holds one is
/// skipped and a diagnostic names the line, so one bad line costs one sentence.
/// </summary>
public sealed class ConlluReader
{
    private readonly TextReader _reader;
    private readonly string _source;
    private long _line;

    public ConlluReader(TextReader reader, string source = "-")
    {
        _reader = reader;
        _source = source;
    }

    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>Reads every sentence of a file (plain or .gz).</summary>
    public static List<ConlluSentence> ReadFile(string path, List<Diagnostic>? diagnostics = null)
    {
        using var reader = InputFiles.OpenText(path);
        var r = new ConlluReader(reader, path);
        var list = r.ReadAll().ToList();
        diagnostics?.AddRange(r.Diagnostics);
        return list;
    }

    public IEnumerable<ConlluSentence> ReadAll()
    {
        ConlluSentence? current = null;
        var broken = false;
        string? line;
        while ((line = _reader.ReadLine()) is not null)
        {
            _line++;
            if (line.Length == 0 || string.IsNullOrWhiteSpace(line))
            {
                if (current is not null && !broken && current.Words.Count > 0)
                    yield return current;
                current = null;
                broken = false;
                continue;
            }

            current ??= new ConlluSentence { Line = _line };
            if (broken)
                continue;
            if (line[0] == '#')
            {
                current.Comments.Add(line.AsSpan(1).Trim().ToString());
                continue;
            }

            if (!ParseLine(line, current, out var error))
            {
                Diagnostics.Add(new Diagnostic(Severity.Error, "bad-conllu", error + "; sentence skipped", _source, _line));
                broken = true;
            }
        }

        if (current is not null && !broken && current.Words.Count > 0)
            yield return current;
    }

    private static bool ParseLine(string line, ConlluSentence sentence, out string error)
    {
        var cols = line.Split('\t');
        if (cols.Length != 10)
        {
            error = $"expected 10 tab-separated columns, found {cols.Length}";
            return false;
        }

        var id = cols[0];
        var dash = id.IndexOf('-');
        if (dash > 0)
        {
            if (!int.TryParse(id.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var first) ||
                !int.TryParse(id.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var last) ||
                last < first)
            {
                error = $"bad multi-word token range '{id}'";
                return false;
            }

            sentence.Multiwords.Add(new ConlluMultiword { First = first, Last = last, Form = cols[1], Misc = cols[9] });
            error = "";
            return true;
        }

        var dot = id.IndexOf('.');
        if (dot > 0)
        {
            if (!int.TryParse(id.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var after))
            {
                error = $"bad empty node id '{id}'";
                return false;
            }

            sentence.EmptyNodes.Add(new ConlluEmptyNode { After = after, Line = line });
            error = "";
            return true;
        }

        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n != sentence.Words.Count + 1)
        {
            error = $"bad word id '{id}' (expected {sentence.Words.Count + 1})";
            return false;
        }

        var head = -1;
        if (cols[6] != "_" && !int.TryParse(cols[6], NumberStyles.None, CultureInfo.InvariantCulture, out head))
        {
            error = $"bad head '{cols[6]}'";
            return false;
        }

        sentence.Words.Add(new ConlluWord
        {
            Id = n, Form = cols[1], Lemma = cols[2], Upos = cols[3], Xpos = cols[4], Feats = cols[5],
            Head = head, Deprel = cols[7], Deps = cols[8], Misc = cols[9],
        });
        error = "";
        return true;
    }
}
