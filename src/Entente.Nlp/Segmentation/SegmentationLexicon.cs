using System.Collections.Frozen;
using System.Reflection;
using Entente.Nlp.Documents;

namespace Entente.Nlp.Segmentation;

/// <summary>What an abbreviation's period means for the sentence around it.</summary>
public enum AbbreviationKind : byte
{
    None = 0,

    /// <summary>Before a name ("Mr.", "Gen.", "St."): never ends a sentence inside a paragraph.</summary>
    Title,

    /// <summary>An abbreviation only before a number ("No. 5", "p. 12"); elsewhere a word and a period.</summary>
    BeforeNumber,

    /// <summary>
    /// Can end a sentence ("etc.", "Inc.", "Jan."): it does when a sentence starter follows, and then the
    /// period is the full stop ("etc" ".").
    /// </summary>
    General,

    /// <summary>Like <see cref="General"/>, but keeps its period when it ends a sentence ("Jr.", "et al.").</summary>
    Ending,
}

/// <summary>
/// The English language data of the segmenter: abbreviations, contractions, hyphen prefixes and suffixes,
/// sentence starters, special tokens (emoticons) and unit suffixes. Loaded once from the text files of
/// <c>data/segmentation</c> (compiled into this assembly as resources, so the segmenter needs no data
/// directory), immutable afterwards and shared by all threads. Lookups take spans and never allocate.
/// </summary>
public sealed class SegmentationLexicon
{
    /// <summary>The files that make up a lexicon, in <c>data/segmentation</c> and in the assembly resources.</summary>
    public static readonly IReadOnlyList<string> FileNames =
    [
        "abbreviations.txt", "contractions.txt", "hyphen-prefixes.txt", "hyphen-suffixes.txt",
        "sentence-starters.txt", "special-tokens.txt", "unit-suffixes.txt",
    ];

    private const string ResourcePrefix = "Entente.Nlp.Segmentation.Data.";

    private static readonly Lazy<SegmentationLexicon> LazyEnglish = new(LoadEmbedded);

    private readonly FrozenDictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> _abbreviations;
    private readonly FrozenDictionary<string, byte[]>.AlternateLookup<ReadOnlySpan<char>> _contractions;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _hyphenPrefixes;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _hyphenSuffixes;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _sentenceStarters;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _specialTokens;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _unitSuffixes;
    private readonly ulong _contractionLengths; // bit n set: some contraction has n characters
    private readonly int _maxSpecialLength;

    private SegmentationLexicon(Func<string, TextReader?> open, List<Diagnostic> problems)
    {
        var abbreviations = new Dictionary<string, AbbreviationKind>(StringComparer.Ordinal);
        foreach (var (fields, line) in Lines(open, "abbreviations.txt", problems))
        {
            var kind = fields.Length == 2 ? ParseKind(fields[1]) : AbbreviationKind.None;
            if (kind == AbbreviationKind.None)
                problems.Add(Problem("abbreviations.txt", line, "expected 'form kind' with kind title, number, general or ending"));
            else
                abbreviations[fields[0].TrimEnd('.')] = kind;
        }

        // shouted text abbreviates too: "LTD.", "INC.", "JR."
        foreach (var (form, kind) in abbreviations.ToArray())
        {
            var upper = form.ToUpperInvariant();
            if (form.Length > 1 && !abbreviations.ContainsKey(upper))
                abbreviations[upper] = kind;
        }

        var contractions = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (fields, line) in Lines(open, "contractions.txt", problems))
        {
            var parts = fields[0].Split('|');
            if (fields.Length != 1 || parts.Length < 2 || Array.Exists(parts, p => p.Length == 0))
            {
                problems.Add(Problem("contractions.txt", line, "expected a form with '|' between its words, e.g. gon|na"));
                continue;
            }

            var splits = new byte[parts.Length - 1];
            var at = 0;
            for (var i = 0; i < splits.Length; i++)
            {
                at += parts[i].Length;
                splits[i] = (byte)at;
            }

            var form = string.Concat(parts);
            contractions[form] = splits;
            if (form.Length < 64)
                _contractionLengths |= 1UL << form.Length;
        }

        _abbreviations = abbreviations.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _contractions = contractions.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _hyphenPrefixes = Words(open, "hyphen-prefixes.txt", StringComparer.OrdinalIgnoreCase, problems);
        _hyphenSuffixes = Words(open, "hyphen-suffixes.txt", StringComparer.OrdinalIgnoreCase, problems);
        _sentenceStarters = Words(open, "sentence-starters.txt", StringComparer.Ordinal, problems);
        _specialTokens = Words(open, "special-tokens.txt", StringComparer.Ordinal, problems);
        _unitSuffixes = Words(open, "unit-suffixes.txt", StringComparer.OrdinalIgnoreCase, problems);
        foreach (var s in _specialTokens.Set)
            _maxSpecialLength = Math.Max(_maxSpecialLength, s.Length);
    }

    /// <summary>The lexicon compiled into this assembly from <c>data/segmentation</c>.</summary>
    public static SegmentationLexicon English => LazyEnglish.Value;

    /// <summary>Longest special token, in characters.</summary>
    public int MaxSpecialLength => _maxSpecialLength;

    /// <summary>
    /// Loads a lexicon from a directory holding the files of <see cref="FileNames"/>. Malformed lines are
    /// skipped and reported in <paramref name="problems"/>; a missing file is reported and left empty.
    /// </summary>
    public static SegmentationLexicon Load(string directory, List<Diagnostic> problems)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(problems);
        return new SegmentationLexicon(
            name =>
            {
                var path = Path.Combine(directory, name);
                return File.Exists(path) ? new StreamReader(path) : null;
            },
            problems);
    }

    private static SegmentationLexicon LoadEmbedded()
    {
        var assembly = typeof(SegmentationLexicon).Assembly;
        var problems = new List<Diagnostic>();
        var lexicon = new SegmentationLexicon(name => Open(assembly, name), problems);
        if (problems.Count > 0)
            throw new InvalidDataException("the segmentation data compiled into Entente.Nlp is broken: " + problems[0]);
        return lexicon;
    }

    private static StreamReader? Open(Assembly assembly, string name) =>
        assembly.GetManifestResourceStream(ResourcePrefix + name) is { } stream ? new StreamReader(stream) : null;

    /// <summary>The kind of an abbreviation, given without its final period ("Mr", "etc").</summary>
    public AbbreviationKind Abbreviation(ReadOnlySpan<char> withoutPeriod) =>
        _abbreviations.TryGetValue(withoutPeriod, out var kind) ? kind : AbbreviationKind.None;

    /// <summary>
    /// Where a contraction written without an apostrophe splits ("gonna" -> [3]), or an empty span when
    /// <paramref name="word"/> is not one. Case is ignored.
    /// </summary>
    public ReadOnlySpan<byte> ContractionSplits(ReadOnlySpan<char> word)
    {
        if (word.Length >= 64 || (_contractionLengths & (1UL << word.Length)) == 0)
            return default;
        return _contractions.TryGetValue(word, out var splits) ? splits : default;
    }

    public bool IsHyphenPrefix(ReadOnlySpan<char> part) => _hyphenPrefixes.Contains(part);

    public bool IsHyphenSuffix(ReadOnlySpan<char> part) => _hyphenSuffixes.Contains(part);

    public bool IsSentenceStarter(ReadOnlySpan<char> word) => _sentenceStarters.Contains(word);

    public bool IsSpecialToken(ReadOnlySpan<char> text) => text.Length <= _maxSpecialLength && _specialTokens.Contains(text);

    public bool IsUnitSuffix(ReadOnlySpan<char> letters) => _unitSuffixes.Contains(letters);

    private static AbbreviationKind ParseKind(string kind) => kind switch
    {
        "title" => AbbreviationKind.Title,
        "number" => AbbreviationKind.BeforeNumber,
        "general" => AbbreviationKind.General,
        "ending" => AbbreviationKind.Ending,
        _ => AbbreviationKind.None,
    };

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Words(
        Func<string, TextReader?> open, string file, StringComparer comparer, List<Diagnostic> problems)
    {
        var set = new HashSet<string>(comparer);
        foreach (var (fields, line) in Lines(open, file, problems))
        {
            if (fields.Length != 1)
                problems.Add(Problem(file, line, "expected one entry per line"));
            else
                set.Add(fields[0]);
        }

        return set.ToFrozenSet(comparer).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The non-empty, non-comment lines of a file, split on whitespace, with their line numbers.</summary>
    private static List<(string[] Fields, int Line)> Lines(Func<string, TextReader?> open, string file, List<Diagnostic> problems)
    {
        var result = new List<(string[], int)>();
        using var reader = open(file);
        if (reader is null)
        {
            problems.Add(new Diagnostic(Severity.Error, "missing-lexicon-file", $"segmentation data file '{file}' is missing", file));
            return result;
        }

        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed == "#" || trimmed.StartsWith("# ", StringComparison.Ordinal))
                continue;
            result.Add((trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries), number));
        }

        return result;
    }

    private static Diagnostic Problem(string file, int line, string message) =>
        new(Severity.Warning, "bad-lexicon-line", message, file, line);
}
