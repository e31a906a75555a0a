using Entente.Coding.Events.Dictionary;
using Entente.Nlp.Documents;

namespace Entente.Coding.Events.Lexicon;

/// <summary>A transformation compiled: the blocks its verbs belong to, so that synonyms transform alike.</summary>
internal sealed record CompiledTransformation(
    TransformationSpec Spec,
    CompiledBlock? InnerBlock,
    string InnerVerb,
    CompiledBlock? OuterBlock,
    string OuterVerb);

/// <summary>
/// A verb dictionary compiled for matching over UD trees: verbs are found by the lemma (or form) of a token, and
/// every word of every pattern is compiled to lemma candidates, so that "TIES" matches "tie" and "WANTED" matches
/// "want" without listing inflections. Immutable; shared by all threads.
/// </summary>
internal sealed class VerbLexicon
{
    private readonly CompiledVerb[]?[] _byForm;
    private readonly CompiledVerb[]?[] _byLemma;

    private VerbLexicon(
        Vocabulary vocabulary,
        CompiledVerb[]?[] byForm,
        CompiledVerb[]?[] byLemma,
        CompiledBlock[] blocks,
        CompiledTransformation[] transformations,
        string source,
        int verbCount,
        int patternCount)
    {
        Vocabulary = vocabulary;
        _byForm = byForm;
        _byLemma = byLemma;
        Blocks = blocks;
        Transformations = transformations;
        Source = source;
        VerbCount = verbCount;
        PatternCount = patternCount;
    }

    public Vocabulary Vocabulary { get; }

    public IReadOnlyList<CompiledBlock> Blocks { get; }

    public IReadOnlyList<CompiledTransformation> Transformations { get; }

    public string Source { get; }

    public int VerbCount { get; }

    public int PatternCount { get; }

    /// <summary>
    /// Verbs a token may be: entries written exactly as the token's form first ("SAID", "LEFT": blocks some
    /// dictionaries keep for one inflection), else the entries for its lemma. Empty when none.
    /// </summary>
    public ReadOnlySpan<CompiledVerb> Lookup(int form, int lemma)
    {
        if (form >= 0 && _byForm[form] is { } f)
            return f;
        return LookupLemma(lemma);
    }

    /// <summary>The entries for a lemma: what to try when the form's own entries do not fit ("attacked" is the
    /// head of "+ATTACKED_AND_STABBED" but also a form of "attack").</summary>
    public ReadOnlySpan<CompiledVerb> LookupLemma(int lemma) =>
        lemma >= 0 && _byLemma[lemma] is { } l ? l : [];

    /// <summary>The first verb entry for a lemma written in a dictionary ("SAY"), or null.</summary>
    public CompiledVerb? FindVerb(string word)
    {
        var id = Vocabulary.IdIgnoringCase(word);
        if (id < 0)
            return null;
        var list = _byLemma[id] ?? _byForm[id];
        return list is { Length: > 0 } ? list[0] : null;
    }

    /// <summary>Compiles a parsed dictionary. Problems (undefined synsets, duplicate verbs) become diagnostics.</summary>
    public static VerbLexicon Compile(VerbDictionary dictionary, List<Diagnostic>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        return new Compiler(dictionary, diagnostics).Run();
    }

    private sealed class Compiler(VerbDictionary dict, List<Diagnostic>? diagnostics)
    {
        private readonly Vocabulary.Builder _vocab = new();
        private readonly Dictionary<string, string> _irregular = new(EnglishInflection.Irregular, StringComparer.Ordinal);
        private readonly Dictionary<string, PatternWord[][]> _synsets = new(StringComparer.Ordinal);
        private readonly Dictionary<string, PatternWord> _words = new(StringComparer.Ordinal);
        private readonly List<string> _scratch = [];
        private int _patternOrder;

        public VerbLexicon Run()
        {
            // Irregular forms from the verb entries teach the word compiler ("BROKEN" -> "break").
            foreach (var block in dict.Blocks)
            {
                foreach (var verb in block.Verbs)
                {
                    var head = verb.Head.ToLowerInvariant();
                    foreach (var form in verb.IrregularForms)
                        _irregular.TryAdd(form.ToLowerInvariant(), head);
                }
            }

            // a verb written again with its own code in a later block (Entente.additions.txt: "TAKE [---]")
            // overrides its default code; its patterns join those of its first block
            var overrides = new Dictionary<string, EventCodes>(StringComparer.Ordinal);
            var firstSeen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var block in dict.Blocks)
            {
                foreach (var verb in block.Verbs)
                {
                    var text = verb.ToString();
                    if (!firstSeen.Add(text) && verb.Codes is { } own)
                        overrides[text] = own;
                }
            }

            var compiledBlocks = new CompiledBlock[dict.Blocks.Count];
            var blockByVerb = new Dictionary<string, CompiledBlock>(StringComparer.Ordinal);
            var byForm = new Dictionary<int, List<CompiledVerb>>();
            var byLemma = new Dictionary<int, List<CompiledVerb>>();
            var byLemmaSecondary = new Dictionary<int, List<CompiledVerb>>();
            var seenVerbs = new Dictionary<string, string>(StringComparer.Ordinal);
            var verbOrder = 0;
            var patternCount = 0;

            for (var b = 0; b < dict.Blocks.Count; b++)
            {
                var block = dict.Blocks[b];
                var patterns = new List<CompiledPattern>(block.Patterns.Count);
                foreach (var p in block.Patterns)
                {
                    // "[+++]" is TABARI's mark for a pattern that changes nothing: the verb keeps its own code
                    if (p.Codes.Forward == "+++")
                        continue;
                    if (CompilePattern(p) is { } cp)
                        patterns.Add(cp);
                }

                patternCount += patterns.Count;
                var compiled = new CompiledBlock(block.Name, block.Codes, patterns.ToArray());
                compiledBlocks[b] = compiled;

                foreach (var verb in block.Verbs)
                {
                    var text = verb.ToString();
                    if (seenVerbs.TryGetValue(text, out var firstBlock))
                        Info("duplicate-verb", $"verb {text} is in blocks {firstBlock} and {block.Name}; both blocks' patterns apply, the first block's code is the default", verb.Line);
                    else
                        seenVerbs[text] = block.Name;
                    blockByVerb.TryAdd(verb.Head, compiled);

                    var before = new PatternWord[verb.HeadIndex];
                    for (var i = 0; i < verb.HeadIndex; i++)
                        before[i] = Word(verb.Words[i]);
                    var after = new PatternWord[verb.Words.Length - verb.HeadIndex - 1];
                    for (var i = 0; i < after.Length; i++)
                        after[i] = Word(verb.Words[verb.HeadIndex + 1 + i]);
                    var codes = !seenVerbs.ContainsKey(text) || seenVerbs[text] == block.Name
                        ? overrides.TryGetValue(text, out var o) ? o : verb.Codes ?? block.Codes
                        : verb.Codes ?? block.Codes;
                    var cv = new CompiledVerb(text, compiled, before, after, codes, verbOrder++);

                    // "WIRE_+TAP": a parser may make the first word the verb ("wire" VERB, "tap" NOUN), so the
                    // entry is also found from each word before its head, re-anchored there
                    for (var anchor = 0; anchor < verb.HeadIndex; anchor++)
                    {
                        var words = new PatternWord[verb.Words.Length];
                        for (var i = 0; i < words.Length; i++)
                            words[i] = Word(verb.Words[i]);
                        var reanchored = new CompiledVerb(text, compiled, words[..anchor], words[(anchor + 1)..], verb.Codes ?? block.Codes, verbOrder++);
                        Add(byLemmaSecondary, _vocab.Add(verb.Words[anchor]), reanchored);
                    }

                    var head = verb.Head.ToLowerInvariant();
                    Add(byForm, _vocab.Add(head), cv);
                    foreach (var form in verb.IrregularForms)
                        Add(byForm, _vocab.Add(form), cv);
                    Add(byLemma, _vocab.Add(head), cv);
                    _scratch.Clear();
                    EnglishInflection.VerbLemmas(head, _scratch);
                    if (_irregular.TryGetValue(head, out var irr))
                        _scratch.Add(irr);
                    foreach (var lemma in _scratch)
                    {
                        if (lemma != head)
                            Add(byLemmaSecondary, _vocab.Add(lemma), cv);
                    }
                }
            }

            var transformations = new List<CompiledTransformation>();
            foreach (var t in dict.Transformations)
            {
                blockByVerb.TryGetValue(t.InnerVerb, out var inner);
                blockByVerb.TryGetValue(t.OuterVerb, out var outer);
                if (outer is null)
                    Info("transformation-verb", $"transformation verb {t.OuterVerb} is not in any block; it matches that lemma only", t.Line);
                transformations.Add(new CompiledTransformation(t, inner, t.InnerVerb.ToLowerInvariant(), outer, t.OuterVerb.ToLowerInvariant()));
            }

            var vocabulary = _vocab.Build();
            var formTable = new CompiledVerb[]?[vocabulary.Count];
            var lemmaTable = new CompiledVerb[]?[vocabulary.Count];
            foreach (var (id, list) in byForm)
                formTable[id] = SortByLength(list);
            foreach (var (id, list) in byLemma)
            {
                if (byLemmaSecondary.TryGetValue(id, out var more))
                    list.AddRange(more);
                lemmaTable[id] = SortByLength(list);
            }

            foreach (var (id, list) in byLemmaSecondary)
            {
                if (lemmaTable[id] is null)
                    lemmaTable[id] = SortByLength(list);
            }

            return new VerbLexicon(vocabulary, formTable, lemmaTable, compiledBlocks, transformations.ToArray(),
                dict.Source, seenVerbs.Count, patternCount);
        }

        // Phrasal verbs first (they need more words to match), then dictionary order.
        private static CompiledVerb[] SortByLength(List<CompiledVerb> list)
        {
            var array = list.ToArray();
            Array.Sort(array, static (a, b) => a.WordCount != b.WordCount ? b.WordCount.CompareTo(a.WordCount) : a.Order.CompareTo(b.Order));
            return array;
        }

        private static void Add(Dictionary<int, List<CompiledVerb>> map, int id, CompiledVerb verb)
        {
            if (!map.TryGetValue(id, out var list))
            {
                list = [];
                map[id] = list;
            }

            if (!list.Contains(verb))
                list.Add(verb);
        }

        private CompiledPattern? CompilePattern(VerbPatternSpec spec)
        {
            var before = CompileElements(spec.Before, spec);
            var after = CompileElements(spec.After, spec);
            if (before is null || after is null)
                return null;
            return new CompiledPattern(before, after, spec.VerbJoinedToBefore, spec.VerbJoinedToAfter, spec.Codes,
                spec.CommentVerbs, _patternOrder++, spec.Line, spec.Text);
        }

        private CompiledElement[]? CompileElements(PatternElement[] elements, VerbPatternSpec spec)
        {
            var result = new CompiledElement[elements.Length];
            for (var i = 0; i < elements.Length; i++)
            {
                var e = elements[i];
                switch (e.Kind)
                {
                    case PatternElementKind.Word:
                        var alts = new PatternWord[e.Words.Length];
                        for (var a = 0; a < alts.Length; a++)
                            alts[a] = Word(e.Words[a]);
                        result[i] = new CompiledElement(e.Kind, e.JoinedToPrevious, alts, [], e.OpensPhrase);
                        break;
                    case PatternElementKind.Synset:
                        var phrases = Synset(e.Words[0], 0);
                        if (phrases is null)
                        {
                            Warn("undefined-synset", $"pattern '{spec.Text}' uses undefined synset &{e.Words[0]}; the pattern is skipped", spec.Line);
                            return null;
                        }

                        result[i] = new CompiledElement(e.Kind, e.JoinedToPrevious, [], phrases);
                        break;
                    default:
                        result[i] = new CompiledElement(e.Kind, e.JoinedToPrevious, [], []);
                        break;
                }
            }

            return result;
        }

        /// <summary>A synset's phrases, with synsets nested in it ("+&amp;TIETYPES") expanded.</summary>
        private PatternWord[][]? Synset(string name, int depth)
        {
            if (_synsets.TryGetValue(name, out var done))
                return done;
            if (!dict.Synsets.TryGetValue(name, out var phrases) && !dict.Synsets.TryGetValue(name + "_", out phrases))
                return null;
            if (depth > 8)
                return null;
            var result = new List<PatternWord[]>();
            foreach (var phrase in phrases)
            {
                if (phrase.Length == 1 && phrase[0].StartsWith('&'))
                {
                    var nested = Synset(phrase[0][1..], depth + 1);
                    if (nested is not null)
                        result.AddRange(nested);
                    continue;
                }

                var words = new PatternWord[phrase.Length];
                for (var w = 0; w < phrase.Length; w++)
                    words[w] = Word(phrase[w]);
                result.Add(words);
            }

            // Longest phrases first, so "AUSTRIAN GOLD FLORIN" wins over "FLORIN".
            result.Sort(static (a, b) => b.Length.CompareTo(a.Length));
            var array = result.ToArray();
            _synsets[name] = array;
            return array;
        }

        private PatternWord Word(string word)
        {
            if (_words.TryGetValue(word, out var done))
                return done;
            var lower = word.ToLowerInvariant().TrimEnd('_');
            var surface = _vocab.Add(lower);
            _scratch.Clear();
            EnglishInflection.NounLemmas(lower, _scratch);
            var nouns = Ids(lower);
            _scratch.Clear();
            EnglishInflection.VerbLemmas(lower, _scratch);
            if (_irregular.TryGetValue(lower, out var irr))
                _scratch.Add(irr);
            var verbs = Ids(lower);
            var pw = new PatternWord(surface, nouns, verbs);
            _words[word] = pw;
            return pw;
        }

        private int[] Ids(string self)
        {
            var ids = new List<int>(_scratch.Count);
            foreach (var s in _scratch)
            {
                if (s == self)
                    continue;
                var id = _vocab.Add(s);
                if (!ids.Contains(id))
                    ids.Add(id);
            }

            return ids.ToArray();
        }

        private void Warn(string code, string message, int line) =>
            diagnostics?.Add(new Diagnostic(Severity.Warning, code, message, dict.Source, line));

        private void Info(string code, string message, int line) =>
            diagnostics?.Add(new Diagnostic(Severity.Info, code, message, dict.Source, line));
    }
}
