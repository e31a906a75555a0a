namespace Entente.Nlp.Documents;

/// <summary>Universal part-of-speech tags (UD v2). <see cref="None"/> means "not assigned yet".</summary>
public enum Upos : byte
{
    None = 0,
    ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM, VERB, X,
}

/// <summary>Entity types the recognizer assigns.</summary>
public enum EntityType : byte
{
    None = 0,
    PER,
    ORG,
    LOC,
    MISC,
}

/// <summary>IOB2 position of a token inside an entity mention.</summary>
public enum Iob : byte
{
    O = 0,
    B = 1,
    I = 2,
}

/// <summary>
/// A closed, immutable vocabulary of labels (XPOS tags or dependency relations) with small integer ids.
/// Id 0 is reserved for "not assigned". Unknown names map to a fallback id instead of growing the set,
/// so the vocabulary is never mutated after construction and is safe to share across threads.
/// </summary>
public sealed class LabelSet
{
    private readonly string[] _names;
    private readonly Dictionary<string, ushort> _ids;
    private readonly Func<string, string?>? _fallback;

    public LabelSet(IEnumerable<string> names, Func<string, string?>? fallback = null)
    {
        var list = new List<string> { "_" };
        foreach (var n in names)
        {
            if (!list.Contains(n))
                list.Add(n);
        }

        _names = list.ToArray();
        _ids = new Dictionary<string, ushort>(StringComparer.Ordinal);
        for (var i = 0; i < _names.Length; i++)
            _ids[_names[i]] = (ushort)i;
        _fallback = fallback;
    }

    public int Count => _names.Length;

    public string Name(ushort id) => id < _names.Length ? _names[id] : "_";

    /// <summary>Id of <paramref name="name"/>; an unknown name goes through the fallback, else 0.</summary>
    public ushort Id(string name)
    {
        if (_ids.TryGetValue(name, out var id))
            return id;
        var alt = _fallback?.Invoke(name);
        return alt is not null && _ids.TryGetValue(alt, out id) ? id : (ushort)0;
    }

    public bool TryGetId(string name, out ushort id) => _ids.TryGetValue(name, out id);
}

/// <summary>The label sets Entente uses: Penn Treebank XPOS tags and UD v2 dependency relations.</summary>
public static class Labels
{
    /// <summary>PTB tags as used in UD English (EWT, GUM, PUD).</summary>
    public static readonly LabelSet Xpos = new(
    [
        "NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "RB", "RBR", "RBS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ",
        "MD", "IN", "DT", "PDT", "WDT", "PRP", "PRP$", "WP", "WP$", "WRB", "CC", "CD", "EX", "FW", "LS", "POS",
        "RP", "SYM", "TO", "UH", ".", ",", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP", "$", "#", "ADD",
        "AFX", "GW", "XX",
    ]);

    /// <summary>
    /// UD v2 relations with the subtypes English treebanks use. An unknown subtype falls back to its
    /// universal relation ("obl:foo" -> "obl"), and an unknown relation to "dep".
    /// UD v1 names (dobj, nsubjpass, ...) map to their v2 names.
    /// </summary>
    public static readonly LabelSet Deprel = new(
    [
        "root", "punct", "case", "det", "nsubj", "advmod", "amod", "obj", "obl", "nmod", "conj", "compound", "cc",
        "mark", "aux", "cop", "nmod:poss", "advcl", "xcomp", "flat", "acl:relcl", "ccomp", "acl", "aux:pass",
        "nummod", "parataxis", "appos", "nsubj:pass", "discourse", "nmod:unmarked", "obl:unmarked", "compound:prt",
        "expl", "fixed", "iobj", "list", "obl:agent", "dep", "nmod:desc", "reparandum", "csubj", "nsubj:outer",
        "det:predet", "advcl:relcl", "vocative", "cc:preconj", "goeswith", "orphan", "dislocated", "csubj:pass",
        "csubj:outer", "nmod:tmod", "nmod:npmod", "obl:tmod", "obl:npmod", "flat:foreign", "det:poss", "clf",
        "expl:pv",
    ], DeprelFallback);

    private static string? DeprelFallback(string name) => name switch
    {
        "dobj" => "obj",
        "nsubjpass" => "nsubj:pass",
        "csubjpass" => "csubj:pass",
        "auxpass" => "aux:pass",
        "neg" => "advmod",
        "name" => "flat",
        "mwe" => "fixed",
        "foreign" => "flat:foreign",
        "remnant" => "orphan",
        _ when name.IndexOf(':') is var i and > 0 => name[..i] is var u && Deprel_Known(u) ? u : "dep",
        _ => "dep",
    };

    // Separate helper so the static initializer above can call back into the set being built.
    private static bool Deprel_Known(string universal) => universal is
        "root" or "punct" or "case" or "det" or "nsubj" or "advmod" or "amod" or "obj" or "obl" or "nmod" or
        "conj" or "compound" or "cc" or "mark" or "aux" or "cop" or "advcl" or "xcomp" or "flat" or "ccomp" or
        "acl" or "nummod" or "parataxis" or "appos" or "discourse" or "expl" or "fixed" or "iobj" or "list" or
        "dep" or "reparandum" or "csubj" or "vocative" or "goeswith" or "orphan" or "dislocated" or "clf";

    /// <summary>The universal part of a relation: "nsubj:pass" -> "nsubj".</summary>
    public static ReadOnlySpan<char> Universal(ReadOnlySpan<char> deprel)
    {
        var i = deprel.IndexOf(':');
        return i < 0 ? deprel : deprel[..i];
    }

    /// <summary>A UPOS tag by name; UD v1's "CONJ" is v2's CCONJ.</summary>
    public static Upos ParseUpos(ReadOnlySpan<char> s) =>
        Enum.TryParse<Upos>(s, ignoreCase: false, out var u) ? u : s.SequenceEqual("CONJ") ? Upos.CCONJ : Upos.None;
}
