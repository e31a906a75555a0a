using System.Collections.Frozen;
using Entente.Coding.Actors;
using Entente.Coding.Events.Dictionary;
using Entente.Nlp.Documents;

namespace Entente.Coding.Events.Lexicon;

/// <summary>A noun that names an event ("ultimatum", "sanctions", "talks"), with its codes.</summary>
/// <param name="Lemma">The head noun's lemma, lower case.</param>
/// <param name="Modifiers">Words that must come right before the head ("phone" in "phone call"), lower case.</param>
/// <param name="Codes">The event codes.</param>
/// <param name="OfIsSource">Whether an "of" phrase names the actor ("the visit of the president") rather than the target.</param>
/// <param name="PrepositionCodes">Codes that replace <paramref name="Codes"/> when a phrase with that preposition is present.</param>
internal sealed record NounEvent(
    string Lemma,
    string[] Modifiers,
    EventCodes Codes,
    bool OfIsSource,
    IReadOnlyDictionary<string, EventCodes> PrepositionCodes)
{
    public string Text => Modifiers.Length == 0 ? Lemma : string.Join(' ', Modifiers) + " " + Lemma;
}

/// <summary>The eventive nouns of Entente.nouns.txt, looked up by lemma. Immutable.</summary>
internal sealed class NounEventLexicon
{
    private readonly FrozenDictionary<string, NounEvent[]> _byLemma;
    private readonly FrozenDictionary<string, NounEvent[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private NounEventLexicon(Dictionary<string, List<NounEvent>> byLemma)
    {
        var d = new Dictionary<string, NounEvent[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in byLemma)
        {
            // entries with modifiers first: "phone call" before "call"
            v.Sort(static (a, b) => b.Modifiers.Length.CompareTo(a.Modifiers.Length));
            d[k] = v.ToArray();
        }

        _byLemma = d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _lookup = _byLemma.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static NounEventLexicon Empty { get; } = new([]);

    public int Count => _byLemma.Count;

    public ReadOnlySpan<NounEvent> Lookup(ReadOnlySpan<char> lemma) =>
        lemma.Length > 0 && _lookup.TryGetValue(lemma, out var list) ? list : [];

    public static NounEventLexicon Load(string path, List<Diagnostic>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadLines(path), Path.GetFileName(path), diagnostics);
    }

    public static NounEventLexicon Parse(IEnumerable<string> lines, string source, List<Diagnostic>? diagnostics = null)
    {
        var byLemma = new Dictionary<string, List<NounEvent>>(StringComparer.OrdinalIgnoreCase);
        var lineNo = 0;
        foreach (var raw in lines)
        {
            lineNo++;
            var line = DictionaryLines.WithoutHashComment(raw).Trim();
            if (line.Length == 0)
                continue;
            var open = line.IndexOf('[');
            var close = open < 0 ? -1 : line.IndexOf(']', open);
            if (open <= 0 || close < 0)
            {
                diagnostics?.Add(new Diagnostic(Severity.Warning, "bad-noun", $"expected 'NOUN [code] options': '{raw.Trim()}'", source, lineNo));
                continue;
            }

            var words = line[..open].Trim().ToLowerInvariant().Split(['_', ' '], StringSplitOptions.RemoveEmptyEntries);
            var codes = EventCodes.Parse(line.AsSpan(open + 1, close - open - 1));
            if (words.Length == 0 || codes is null || codes.IsNull)
            {
                diagnostics?.Add(new Diagnostic(Severity.Warning, "bad-noun", $"a noun needs a word and a code: '{raw.Trim()}'", source, lineNo));
                continue;
            }

            var ofIsSource = false;
            var prepCodes = new Dictionary<string, EventCodes>(StringComparer.OrdinalIgnoreCase);
            foreach (var option in line[(close + 1)..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = option.IndexOf('=');
                if (option.Equals("of=source", StringComparison.OrdinalIgnoreCase))
                {
                    ofIsSource = true;
                }
                else if (eq > 0 && EventCodes.Parse(option.AsSpan(eq + 1)) is { IsNull: false } pc)
                {
                    prepCodes[option[..eq]] = pc;
                }
                else
                {
                    diagnostics?.Add(new Diagnostic(Severity.Warning, "bad-noun-option", $"unknown option '{option}'", source, lineNo));
                }
            }

            var head = words[^1];
            var entry = new NounEvent(head, words[..^1], codes, ofIsSource, prepCodes.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
            if (!byLemma.TryGetValue(head, out var list))
            {
                list = [];
                byLemma[head] = list;
            }

            list.Add(entry);
        }

        return new NounEventLexicon(byLemma);
    }
}
