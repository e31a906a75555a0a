using Entente.Nlp.Documents;

namespace Entente.Coding.Actors;

/// <summary>
/// The English words the actor resolver and coreference need: pronouns, the head nouns of titles that name one
/// person ("president", "counterpart"), determiners, group nouns ("the two countries"), party descriptors
/// ("the Republican" names an American) and capitalised words that never continue a name. Read from a
/// sectioned word list (<c>data/dictionaries/Entente.coref.txt</c>) so the language data stays out of code.
/// Lookups are case-insensitive and allocation-free.
/// </summary>
public sealed class CorefLexicon
{
    private readonly Dictionary<string, WordSet> _sets = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _descriptors = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _descriptorLookup;

    private CorefLexicon()
    {
        _descriptorLookup = _descriptors.GetAlternateLookup<ReadOnlySpan<char>>();
        PersonPronouns = Set("pronouns.person");
        ThingPronouns = Set("pronouns.thing");
        PluralPronouns = Set("pronouns.plural");
        PersonNouns = Set("person-nouns");
        Modifiers = Set("modifiers");
        Former = Set("former");
        Retired = Set("retired");
        Definite = Set("determiners.definite");
        Indefinite = Set("determiners.indefinite");
        GroupNumbers = Set("group-numbers");
        StateGroupNouns = Set("group-nouns.state");
        PersonGroupNouns = Set("group-nouns.person");
        NotNames = Set("not-names");
        Pleonastic = Set("pleonastic-followers");
        Linkers = Set("title-linkers");
        HeadNouns = Set("head-nouns");
        PleonasticBe = Set("pleonastic-be");
        PleonasticComplements = Set("pleonastic-complements");
        ObjectPronouns = Set("pronouns.object");
        NonReferentBefore = Set("non-referent-before");
    }

    public WordSet PleonasticBe { get; }

    public WordSet PleonasticComplements { get; }

    public WordSet ObjectPronouns { get; }

    /// <summary>Words after which a mention is a place or predicate ("in Tokyo", "as prime minister"), not a referent.</summary>
    public WordSet NonReferentBefore { get; }

    /// <summary>Titles of heads of state or government ("leader", "president"), lower case.</summary>
    public WordSet HeadNouns { get; }

    public WordSet PersonPronouns { get; }

    public WordSet ThingPronouns { get; }

    public WordSet PluralPronouns { get; }

    public WordSet PersonNouns { get; }

    public WordSet Modifiers { get; }

    public WordSet Former { get; }

    /// <summary>"former", "ex-": a title after them is an elite (ELI), no longer the office.</summary>
    public WordSet Retired { get; }

    public WordSet Definite { get; }

    public WordSet Indefinite { get; }

    public WordSet GroupNumbers { get; }

    public WordSet StateGroupNouns { get; }

    public WordSet PersonGroupNouns { get; }

    public WordSet NotNames { get; }

    /// <summary>Words after "it" that make it pleonastic ("it seems"): such an "it" refers to nothing.</summary>
    public WordSet Pleonastic { get; }

    /// <summary>Prepositions that join a title to its state: "spokesperson for the Chinese Ministry", "President of Russia".</summary>
    public WordSet Linkers { get; }

    /// <summary>The country a descriptor word names a person of ("Republican" -> USA), or null.</summary>
    public string? DescriptorCountry(ReadOnlySpan<char> word) => _descriptorLookup.TryGetValue(word, out var c) ? c : null;

    private WordSet Set(string name)
    {
        if (!_sets.TryGetValue(name, out var set))
        {
            set = new WordSet();
            _sets[name] = set;
        }

        return set;
    }

    public static CorefLexicon Load(string path, List<Diagnostic> diagnostics)
    {
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path), diagnostics);
    }

    /// <summary>Reads <c>[section]</c> headers followed by whitespace-separated words; in <c>[descriptors]</c>, lines are WORD COUNTRY.</summary>
    public static CorefLexicon Read(TextReader reader, string source, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lex = new CorefLexicon();
        WordSet? current = null;
        var inDescriptors = false;
        foreach (var (number, raw) in DictionaryLines.Read(reader))
        {
            var line = raw.Trim();
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                var name = line[1..^1].Trim();
                inDescriptors = name.Equals("descriptors", StringComparison.OrdinalIgnoreCase);
                current = inDescriptors ? null : lex._sets.TryGetValue(name, out var s) ? s : null;
                if (current is null && !inDescriptors)
                    diagnostics.Add(new Diagnostic(Severity.Warning, "unknown-section", $"unknown section [{name}]", source, number));
                continue;
            }

            var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (inDescriptors)
            {
                if (words.Length != 2)
                    diagnostics.Add(new Diagnostic(Severity.Warning, "bad-descriptor", $"descriptor line '{line}' is not WORD COUNTRY", source, number));
                else
                    lex._descriptors[words[0].Replace('_', ' ')] = words[1].ToUpperInvariant();
                continue;
            }

            if (current is null)
                continue;
            foreach (var w in words)
                current.Add(w.Replace('_', ' '));
        }

        return lex;
    }

    public static CorefLexicon FromText(string text) => Read(new StringReader(text), "text", []);
}

/// <summary>A case-insensitive set of words with an allocation-free span lookup.</summary>
public sealed class WordSet
{
    private readonly HashSet<string> _words = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordSet()
    {
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    internal void Add(string word) => _words.Add(word);

    public int Count => _words.Count;

    public bool Contains(ReadOnlySpan<char> word) => _lookup.Contains(word);
}
