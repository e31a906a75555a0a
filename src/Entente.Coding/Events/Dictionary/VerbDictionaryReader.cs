using Entente.Coding.Actors;
using Entente.Nlp.Documents;

namespace Entente.Coding.Events.Dictionary;

/// <summary>
/// Reads PETRARCH verb dictionaries: the CAMEO.2.0.txt format (synsets, verb blocks with irregular forms and
/// codes, phrasal verbs, patterns with noun "{...}" and prepositional "(...)" phrases, transformations) and the
/// older TABARI-style PETR.Validate.verbs.txt (patterns with words before the verb, "_" joins, "$ + % ^" markers).
/// Never throws on content: a line it cannot read is skipped with a diagnostic naming the file and line.
/// </summary>
public static class VerbDictionaryReader
{
    public static VerbDictionary Load(string path, List<Diagnostic>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadLines(path), Path.GetFileName(path), diagnostics);
    }

    public static VerbDictionary Parse(IEnumerable<string> lines, string source, List<Diagnostic>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var state = new ReaderState(source, diagnostics);
        var lineNo = 0;
        var inXmlComment = false;
        foreach (var raw in lines)
        {
            lineNo++;
            var line = DictionaryLines.StripXmlComments(raw, ref inXmlComment);
            state.ReadLine(line, lineNo);
        }

        return new VerbDictionary(source, state.Synsets, state.Blocks, state.Transformations);
    }

    private sealed class ReaderState(string source, List<Diagnostic>? diagnostics)
    {
        public Dictionary<string, string[][]> Synsets { get; } = new(StringComparer.Ordinal);
        public List<VerbBlock> Blocks { get; } = [];
        public List<TransformationSpec> Transformations { get; } = [];

        private readonly Dictionary<string, List<string[]>> _synsetBuilders = new(StringComparer.Ordinal);
        private string? _synset;
        private VerbBlock? _block;

        public void ReadLine(string line, int lineNo)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                _synset = null;
                return;
            }

            if (trimmed[0] == '#')
                return;

            if (trimmed.StartsWith("---", StringComparison.Ordinal))
            {
                _synset = null;
                ReadBlockHeader(trimmed, lineNo);
                return;
            }

            switch (trimmed[0])
            {
                case '&':
                    StartSynset(StripComment(trimmed), lineNo);
                    return;
                case '+' when _synset is not null:
                    AddSynsetPhrase(StripComment(trimmed)[1..], lineNo);
                    return;
                case '-':
                    _synset = null;
                    ReadPattern(trimmed, lineNo);
                    return;
                case '~':
                    _synset = null;
                    ReadTransformation(StripComment(trimmed)[1..], lineNo);
                    return;
                default:
                    _synset = null;
                    ReadVerb(StripComment(trimmed), lineNo);
                    return;
            }
        }

        private void StartSynset(string text, int lineNo)
        {
            var name = text[1..].Trim();
            if (name.Length == 0 || name.Contains(' ', StringComparison.Ordinal))
            {
                Warn("bad-synset", $"a synset name is one word after '&': '{text}'", lineNo);
                _synset = null;
                return;
            }

            name = name.ToUpperInvariant();
            _synset = name;
            if (!_synsetBuilders.TryGetValue(name, out var list))
            {
                list = [];
                _synsetBuilders[name] = list;
            }
            else
            {
                Info("synset-redefined", $"synset &{name} is defined again; the phrases are added to it", lineNo);
            }

            Synsets[name] = [];
        }

        private void AddSynsetPhrase(string text, int lineNo)
        {
            var words = SplitWords(text);
            if (words.Length == 0)
            {
                Warn("bad-synset", "empty synset phrase", lineNo);
                return;
            }

            var list = _synsetBuilders[_synset!];
            list.Add(words);
            Synsets[_synset!] = list.ToArray();
        }

        private void ReadBlockHeader(string text, int lineNo)
        {
            // "---  ACCELERATE   [---]  ---", "--- DELAY [120]  [031:031]  ---", "--- TROUBLED  [---] # NOUN ---"
            var body = StripComment(text).Trim('-', ' ', '\t');
            var bracket = body.IndexOf('[');
            var name = (bracket < 0 ? body : body[..bracket]).Trim();
            if (name.Length == 0)
            {
                Warn("bad-block", $"a verb block header needs a name: '{text}'", lineNo);
                _block = null;
                return;
            }

            var codes = EventCodes.None;
            if (bracket >= 0)
            {
                var close = body.IndexOf(']', bracket);
                if (close < 0)
                {
                    Warn("bad-block", $"unclosed '[' in block header '{text}'", lineNo);
                }
                else
                {
                    codes = EventCodes.Parse(body.AsSpan(bracket + 1, close - bracket - 1)) ?? EventCodes.None;
                }
            }

            _block = new VerbBlock(name.Replace(' ', '_').ToUpperInvariant(), codes, lineNo);
            Blocks.Add(_block);
        }

        private void ReadVerb(string text, int lineNo)
        {
            if (_block is null)
            {
                Warn("verb-outside-block", $"'{text}' is not inside a '--- NAME [code] ---' block", lineNo);
                return;
            }

            var brace = text.IndexOf('{');
            var bracket = text.IndexOf('[');
            var end = text.Length;
            if (brace >= 0)
                end = Math.Min(end, brace);
            if (bracket >= 0)
                end = Math.Min(end, bracket);
            var wordsText = text[..end];

            var (words, head) = SplitVerbWords(wordsText);
            if (words.Length == 0)
            {
                Warn("bad-verb", $"no verb on line '{text}'", lineNo);
                return;
            }

            var irregular = new List<string>();
            if (brace >= 0)
            {
                var close = text.IndexOf('}', brace);
                if (close < 0)
                {
                    Warn("bad-verb", $"unclosed '{{' in '{text}'", lineNo);
                }
                else
                {
                    foreach (var form in text[(brace + 1)..close].Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries))
                    {
                        var (formWords, formHead) = SplitVerbWords(form);
                        if (formWords.Length > 0)
                            irregular.Add(formWords[formHead]);
                    }
                }
            }

            EventCodes? codes = null;
            if (bracket >= 0)
            {
                var close = text.IndexOf(']', bracket);
                if (close < 0)
                    Warn("bad-verb", $"unclosed '[' in '{text}'", lineNo);
                else
                    codes = EventCodes.Parse(text.AsSpan(bracket + 1, close - bracket - 1));
            }

            _block.Verbs.Add(new VerbSpec(words, head, irregular.ToArray(), codes, lineNo));
        }

        private void ReadPattern(string text, int lineNo)
        {
            if (_block is null)
            {
                Warn("pattern-outside-block", $"pattern '{text}' is not inside a verb block", lineNo);
                return;
            }

            var body = text[1..];
            var commentVerbs = Array.Empty<string>();
            var hash = CommentStart(body);
            if (hash >= 0)
            {
                commentVerbs = CommentVerbs(body[(hash + 1)..]);
                body = body[..hash];
            }

            var open = body.LastIndexOf('[');
            var close = open < 0 ? -1 : body.IndexOf(']', open);
            if (open < 0 || close < 0)
            {
                Warn("pattern-without-code", $"pattern has no [code]: '{text.Trim()}'", lineNo);
                return;
            }

            var codes = EventCodes.Parse(body.AsSpan(open + 1, close - open - 1)) ?? EventCodes.None;
            var patternText = body[..open];
            if (!PatternTextParser.TryParse(patternText, IsSynset, out var parsed, out var error))
            {
                Warn("bad-pattern", $"{error}: '{text.Trim()}'", lineNo);
                return;
            }

            _block.Patterns.Add(new VerbPatternSpec(
                parsed.Before, parsed.After, parsed.VerbJoinedToBefore, parsed.VerbJoinedToAfter,
                codes, commentVerbs, lineNo, patternText.Trim()));
        }

        private void ReadTransformation(string text, int lineNo)
        {
            // "a (a b ATTACK) SAY = a b 015"
            var eq = text.IndexOf('=');
            if (eq < 0)
            {
                Warn("bad-transformation", $"transformation needs '=': '~{text}'", lineNo);
                return;
            }

            var left = text[..eq].Replace("(", " ( ", StringComparison.Ordinal).Replace(")", " ) ", StringComparison.Ordinal)
                .Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var right = text[(eq + 1)..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (left.Length != 7 || left[1] != "(" || left[5] != ")" || right.Length != 3)
            {
                Warn("bad-transformation", $"expected '~ a (b c VERB) VERB = a b CODE': '~{text.Trim()}'", lineNo);
                return;
            }

            Transformations.Add(new TransformationSpec(
                left[0], left[2], left[3], left[4].ToUpperInvariant(), left[6].ToUpperInvariant(),
                right[0], right[1], right[2], lineNo));
        }

        private bool IsSynset(string name) => Synsets.ContainsKey(name) || Synsets.ContainsKey(name + "_");

        private void Warn(string code, string message, int line) =>
            diagnostics?.Add(new Diagnostic(Severity.Warning, code, message, source, line));

        private void Info(string code, string message, int line) =>
            diagnostics?.Add(new Diagnostic(Severity.Info, code, message, source, line));
    }

    /// <summary>Position of a comment: '#' at the start or after whitespace (so "N'T#" stays a word), or ';'.</summary>
    private static int CommentStart(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if ((text[i] == '#' || text[i] == ';') && (i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is ']' or '}'))
                return i;
        }

        return -1;
    }

    private static string StripComment(string text)
    {
        var i = CommentStart(text);
        return (i < 0 ? text : text[..i]).TrimEnd();
    }

    /// <summary>
    /// The verbs a CAMEO.2.0 pattern comment names ("# SEND , DEPLOY", "# ANNOUNCE &lt;ab 02 Dec 2005&gt;"):
    /// leading all-capital words, separated by commas.
    /// </summary>
    private static string[] CommentVerbs(string comment)
    {
        var result = new List<string>();
        foreach (var part in comment.Split(','))
        {
            var word = part.Trim();
            var space = word.IndexOfAny([' ', '\t', '<']);
            if (space >= 0)
                word = word[..space];
            if (word.Length < 2 || !IsCapitalWord(word))
                break;
            result.Add(word);
        }

        return result.ToArray();
    }

    private static bool IsCapitalWord(string w)
    {
        foreach (var c in w)
        {
            if (!(char.IsAsciiLetterUpper(c) || c == '_' || c == '-'))
                return false;
        }

        return true;
    }

    /// <summary>Words of a synset phrase: separated by spaces or underscores, upper-cased, trailing '_' dropped.</summary>
    internal static string[] SplitWords(string text)
    {
        var parts = text.Split([' ', '\t', '_'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
            parts[i] = parts[i].ToUpperInvariant();
        return parts;
    }

    /// <summary>
    /// Words of a verb line: "ASK", "+ASK_FOR", "WIRE_+TAP", "LASH OUT". The '+' marks the verb of a phrasal
    /// entry; without it the first word is the verb, except that a form of "be" ("+IS_DETERMINED") hands the
    /// role to the next word, which is what a dependency parse makes the head.
    /// </summary>
    private static (string[] Words, int Head) SplitVerbWords(string text)
    {
        var raw = text.Split([' ', '\t', '_'], StringSplitOptions.RemoveEmptyEntries);
        var words = new List<string>(raw.Length);
        var head = -1;
        foreach (var r in raw)
        {
            var w = r;
            if (w.StartsWith('+'))
            {
                w = w[1..];
                if (head < 0)
                    head = words.Count;
            }

            if (w.Length > 0)
                words.Add(w.ToUpperInvariant());
        }

        if (words.Count == 0)
            return ([], 0);
        if (head < 0)
            head = 0;
        if (words.Count > 1 && head < words.Count - 1 && words[head] is "IS" or "WAS" or "ARE" or "BE" or "WERE" or "BEEN")
            head++;
        return (words.ToArray(), head);
    }
}
