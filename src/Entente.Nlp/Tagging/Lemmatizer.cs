using Entente.Nlp.Documents;
using Entente.Nlp.Learning;

namespace Entente.Nlp.Tagging;

/// <summary>
/// Lemmas from the word and its XPOS tag: first an exception table (irregular forms seen in the
/// treebanks: "went"/VBD -> "go"), then suffix rules learned from the treebanks ("-ies"/NNS -> "-y"),
/// preferring, from the longest matching ending down, the first rewrite that gives a known lemma (a
/// lemma of the treebanks: "shelled" -> "shell", not "shel" as in "travelled" -> "travel"); otherwise the
/// word itself if it is a known lemma, else the longest ending's rewrite. Proper nouns keep their case,
/// other words are lower-cased. Immutable; shared by all threads.
/// </summary>
public sealed class Lemmatizer
{
    public const string Kind = "lemmatizer";
    public const string FileName = "lemmatizer.bin";

    /// <summary>Longest suffix a rule is keyed on.</summary>
    internal const int MaxSuffix = 5;

    private readonly Dictionary<string, string> _exceptions; // "xpos\tlowerform" -> lemma
    private readonly Dictionary<string, Rule> _rules; // "xpos\tsuffix" -> rule
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _exceptionLookup;
    private readonly Dictionary<string, Rule>.AlternateLookup<ReadOnlySpan<char>> _ruleLookup;
    private readonly HashSet<string> _known; // lower-case lemmas
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _knownLookup;

    internal Lemmatizer(Dictionary<string, string> exceptions, Dictionary<string, Rule> rules, HashSet<string> knownLemmas)
    {
        _exceptions = exceptions;
        _rules = rules;
        _known = knownLemmas;
        _exceptionLookup = exceptions.GetAlternateLookup<ReadOnlySpan<char>>();
        _ruleLookup = rules.GetAlternateLookup<ReadOnlySpan<char>>();
        _knownLookup = knownLemmas.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int KnownLemmaCount => _known.Count;

    public int ExceptionCount => _exceptions.Count;

    public int RuleCount => _rules.Count;

    /// <summary>A rewrite of a word's end: drop <see cref="Strip"/> characters, append <see cref="Append"/>.</summary>
    internal readonly record struct Rule(int Strip, string Append);

    /// <summary>The lemma of <paramref name="form"/> tagged <paramref name="xpos"/>.</summary>
    public string Lemmatize(ReadOnlySpan<char> form, ushort xpos, Upos upos)
    {
        if (form.Length == 0)
            return "";
        var tag = Labels.Xpos.Name(xpos);
        var keepCase = upos == Upos.PROPN || tag is "NNP" or "NNPS";
        if (form.Length > 64)
            return keepCase ? form.ToString() : form.ToString().ToLowerInvariant();
        Span<char> lower = stackalloc char[form.Length];
        form.ToLowerInvariant(lower);
        Span<char> key = stackalloc char[tag.Length + 1 + form.Length];
        tag.AsSpan().CopyTo(key);
        key[tag.Length] = '\t';
        var tail = key[(tag.Length + 1)..];
        lower.CopyTo(tail);
        if (_exceptionLookup.TryGetValue(key, out var exception))
            return exception;
        ReadOnlySpan<char> basis = keepCase ? form : lower;
        Span<char> candidate = stackalloc char[form.Length + 16];
        var fallback = default(Rule);
        var hasFallback = false;
        for (var len = Math.Min(MaxSuffix, form.Length - 1); len >= 1; len--)
        {
            lower[^len..].CopyTo(tail);
            if (!_ruleLookup.TryGetValue(key[..(tag.Length + 1 + len)], out var rule) || rule.Strip >= basis.Length || rule.Append.Length > 16)
                continue;
            if (!hasFallback)
            {
                fallback = rule;
                hasFallback = true;
            }

            var stem = lower[..^rule.Strip];
            stem.CopyTo(candidate);
            rule.Append.AsSpan().CopyTo(candidate[stem.Length..]);
            if (_knownLookup.Contains(candidate[..(stem.Length + rule.Append.Length)]))
                return string.Concat(basis[..^rule.Strip], rule.Append);
        }

        if (!hasFallback || _knownLookup.Contains(lower))
            return basis.ToString();
        return string.Concat(basis[..^fallback.Strip], fallback.Append);
    }

    public void Save(Stream stream)
    {
        using var w = ModelFile.Create(stream, Kind);
        w.Raw.Write(_exceptions.Count);
        foreach (var (k, v) in _exceptions)
        {
            w.Raw.Write(k);
            w.Raw.Write(v);
        }

        w.Raw.Write(_rules.Count);
        foreach (var (k, v) in _rules)
        {
            w.Raw.Write(k);
            w.Raw.Write((byte)v.Strip);
            w.Raw.Write(v.Append);
        }

        w.WriteStrings(_known.Order(StringComparer.Ordinal).ToArray());
    }

    /// <exception cref="InvalidDataException">The stream is not a lemmatizer model.</exception>
    public static Lemmatizer Load(Stream stream)
    {
        using var r = ModelFile.Open(stream, Kind);
        try
        {
            var n = r.Raw.ReadInt32();
            var exceptions = new Dictionary<string, string>(n, StringComparer.Ordinal);
            for (var i = 0; i < n; i++)
                exceptions[r.Raw.ReadString()] = r.Raw.ReadString();
            n = r.Raw.ReadInt32();
            var rules = new Dictionary<string, Rule>(n, StringComparer.Ordinal);
            for (var i = 0; i < n; i++)
                rules[r.Raw.ReadString()] = new Rule(r.Raw.ReadByte(), r.Raw.ReadString());
            var known = new HashSet<string>(r.ReadStrings(), StringComparer.Ordinal);
            return new Lemmatizer(exceptions, rules, known);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("truncated lemmatizer model");
        }
    }
}
