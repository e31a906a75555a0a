using Entente.Nlp.Documents;
using Entente.Nlp.Learning;

namespace Entente.Nlp.Tagging;

/// <summary>
/// Lemmas from the word and its XPOS tag: first an exception table (irregular forms seen in the
/// treebanks: "went"/VBD -> "go"), then suffix rules learned from the treebanks ("-ies"/NNS -> "-y"),
/// the longest matching suffix winning; otherwise the word itself. Proper nouns keep their case, other
/// words are lower-cased. Immutable; shared by all threads.
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

    internal Lemmatizer(Dictionary<string, string> exceptions, Dictionary<string, Rule> rules)
    {
        _exceptions = exceptions;
        _rules = rules;
        _exceptionLookup = exceptions.GetAlternateLookup<ReadOnlySpan<char>>();
        _ruleLookup = rules.GetAlternateLookup<ReadOnlySpan<char>>();
    }

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
        for (var len = Math.Min(MaxSuffix, form.Length - 1); len >= 1; len--)
        {
            lower[^len..].CopyTo(tail);
            if (_ruleLookup.TryGetValue(key[..(tag.Length + 1 + len)], out var rule))
            {
                return rule.Strip < basis.Length ? string.Concat(basis[..^rule.Strip], rule.Append) : basis.ToString();
            }
        }

        return basis.ToString();
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
            return new Lemmatizer(exceptions, rules);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("truncated lemmatizer model");
        }
    }
}
