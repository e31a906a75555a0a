namespace Entente.Coding.Events.Dictionary;

/// <summary>
/// The codes a verb, block or pattern assigns: the event from source to target and, after a colon, the event the
/// target performs toward the source ("[042:043]": a visit and the hosting of it; "[:173]": only the reverse).
/// A null <see cref="Forward"/> with <see cref="IsNull"/> set means "---": explicitly no event.
/// </summary>
public sealed record EventCodes(string? Forward, string? Reverse)
{
    /// <summary>"---": the dictionary says this verb or pattern is not an event.</summary>
    public static readonly EventCodes None = new(null, null);

    public bool IsNull => Forward is null && Reverse is null;

    /// <summary>Parses the inside of "[...]": "042", "042:043", ":173", "---". Returns null when empty.</summary>
    public static EventCodes? Parse(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.Length == 0)
            return null;
        var colon = text.IndexOf(':');
        var fwd = colon < 0 ? text : text[..colon];
        var rev = colon < 0 ? [] : text[(colon + 1)..];
        var f = CodeOrNull(fwd);
        var r = CodeOrNull(rev);
        return f is null && r is null ? None : new EventCodes(f, r);
    }

    private static string? CodeOrNull(ReadOnlySpan<char> s)
    {
        s = s.Trim();
        return s.Length == 0 || s.SequenceEqual("---") ? null : s.ToString();
    }

    public override string ToString() => IsNull ? "---" : Reverse is null ? Forward! : $"{Forward}:{Reverse}";
}

/// <summary>What one element of a verb pattern stands for.</summary>
public enum PatternElementKind : byte
{
    /// <summary>A word (or alternatives "BY/WITH") that must appear.</summary>
    Word,

    /// <summary>A synonym set (&amp;NAME): any of its phrases.</summary>
    Synset,

    /// <summary>"$": the source actor.</summary>
    Source,

    /// <summary>"+": the target actor.</summary>
    Target,

    /// <summary>"%": a compound actor whose members act on each other.</summary>
    Compound,

    /// <summary>"^": skip a phrase.</summary>
    Skip,
}

/// <summary>
/// One element of a pattern. <see cref="JoinedToPrevious"/> is set when an underscore ties it to the element
/// before it (the two must be adjacent words); otherwise other words may come between.
/// <see cref="OpensPhrase"/> marks the first word of a prepositional phrase written "(TO BORDER)": that word is a
/// preposition of the verb's own phrase, not one buried in another clause.
/// </summary>
public sealed record PatternElement(PatternElementKind Kind, string[] Words, bool JoinedToPrevious, bool OpensPhrase = false)
{
    /// <summary>The synset's name without the ampersand, for <see cref="PatternElementKind.Synset"/>.</summary>
    public string? SynsetName => Kind == PatternElementKind.Synset ? Words[0] : null;

    public override string ToString() => Kind switch
    {
        PatternElementKind.Word => string.Join('/', Words),
        PatternElementKind.Synset => "&" + Words[0],
        PatternElementKind.Source => "$",
        PatternElementKind.Target => "+",
        PatternElementKind.Compound => "%",
        _ => "^",
    };
}

/// <summary>
/// A pattern of a verb block, as written: the elements before the verb ("*") and after it, the codes, and the
/// verbs named in its comment (the verb the pattern was first written for, in CAMEO.2.0).
/// </summary>
public sealed record VerbPatternSpec(
    PatternElement[] Before,
    PatternElement[] After,
    bool VerbJoinedToBefore,
    bool VerbJoinedToAfter,
    EventCodes Codes,
    string[] CommentVerbs,
    int Line,
    string Text);

/// <summary>
/// One verb of a block: its words (one, or several for phrasal verbs such as "BREAK_DOWN"), which of them is the
/// verb, irregular forms of that verb, and its own code when it differs from the block's.
/// </summary>
public sealed record VerbSpec(string[] Words, int HeadIndex, string[] IrregularForms, EventCodes? Codes, int Line)
{
    public string Head => Words[HeadIndex];

    public override string ToString() => string.Join('_', Words);
}

/// <summary>A verb block: synonymous verbs sharing a default code and a list of patterns.</summary>
public sealed class VerbBlock(string name, EventCodes codes, int line)
{
    public string Name { get; } = name;

    public EventCodes Codes { get; } = codes;

    public int Line { get; } = line;

    public List<VerbSpec> Verbs { get; } = [];

    public List<VerbPatternSpec> Patterns { get; } = [];

    public override string ToString() => $"--- {Name} [{Codes}] --- ({Verbs.Count} verbs, {Patterns.Count} patterns)";
}

/// <summary>
/// A transformation: an event embedded under another verb becomes a different event.
/// "~ a (a b ATTACK) SAY = a b 015": a says that a attacked b -> a claims responsibility toward b.
/// Variables: a letter names an actor; "." any actor; "_" none or the outer source. A result code "Q" keeps the
/// embedded event's code.
/// </summary>
public sealed record TransformationSpec(
    string OuterSource,
    string InnerSource,
    string InnerTarget,
    string InnerVerb,
    string OuterVerb,
    string ResultSource,
    string ResultTarget,
    string ResultCode,
    int Line);

/// <summary>A parsed verb dictionary (CAMEO.2.0.txt or a PETR.Validate.verbs.txt), before compilation.</summary>
public sealed class VerbDictionary(
    string source,
    IReadOnlyDictionary<string, string[][]> synsets,
    IReadOnlyList<VerbBlock> blocks,
    IReadOnlyList<TransformationSpec> transformations)
{
    /// <summary>The file the dictionary was read from.</summary>
    public string Source { get; } = source;

    /// <summary>Synonym sets by name (without the ampersand): each a list of phrases, each phrase a list of words.</summary>
    public IReadOnlyDictionary<string, string[][]> Synsets { get; } = synsets;

    public IReadOnlyList<VerbBlock> Blocks { get; } = blocks;

    public IReadOnlyList<TransformationSpec> Transformations { get; } = transformations;

    /// <summary>
    /// Several dictionaries read as one, in order: synsets of later files are added (a name defined twice keeps
    /// the first), blocks and transformations are appended. A verb in two files keeps its first block as default.
    /// </summary>
    public static VerbDictionary Merge(IReadOnlyList<VerbDictionary> dictionaries)
    {
        ArgumentNullException.ThrowIfNull(dictionaries);
        if (dictionaries.Count == 1)
            return dictionaries[0];
        var synsets = new Dictionary<string, string[][]>(StringComparer.Ordinal);
        var blocks = new List<VerbBlock>();
        var transformations = new List<TransformationSpec>();
        foreach (var d in dictionaries)
        {
            foreach (var (name, phrases) in d.Synsets)
                synsets.TryAdd(name, phrases);
            blocks.AddRange(d.Blocks);
            transformations.AddRange(d.Transformations);
        }

        var names = new List<string>(dictionaries.Count);
        foreach (var d in dictionaries)
            names.Add(d.Source);
        return new VerbDictionary(string.Join('+', names), synsets, blocks, transformations);
    }

    public int PatternCount
    {
        get
        {
            var n = 0;
            foreach (var b in Blocks)
                n += b.Patterns.Count;
            return n;
        }
    }

    public int VerbCount
    {
        get
        {
            var n = 0;
            foreach (var b in Blocks)
                n += b.Verbs.Count;
            return n;
        }
    }
}
