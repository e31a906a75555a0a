namespace Entente.Nlp.Conllu;

/// <summary>One syntactic word line of a CoNLL-U file (integer ID).</summary>
public sealed class ConlluWord
{
    public int Id { get; set; }
    public string Form { get; set; } = "_";
    public string Lemma { get; set; } = "_";
    public string Upos { get; set; } = "_";
    public string Xpos { get; set; } = "_";
    public string Feats { get; set; } = "_";

    /// <summary>Head word id, 0 for the root, -1 when the column is "_".</summary>
    public int Head { get; set; } = -1;

    public string Deprel { get; set; } = "_";
    public string Deps { get; set; } = "_";
    public string Misc { get; set; } = "_";

    /// <summary>False when MISC says SpaceAfter=No.</summary>
    public bool SpaceAfter => !ConlluMisc.Has(Misc, "SpaceAfter=No");

    public ConlluWord Clone() => (ConlluWord)MemberwiseClone();
}

/// <summary>A multi-word token line ("3-4 don't"): one surface token spanning several words.</summary>
public sealed class ConlluMultiword
{
    public int First { get; set; }
    public int Last { get; set; }
    public string Form { get; set; } = "_";
    public string Misc { get; set; } = "_";

    public bool SpaceAfter => !ConlluMisc.Has(Misc, "SpaceAfter=No");
}

/// <summary>An empty node ("5.1"): kept verbatim so files round-trip; the pipeline does not use them.</summary>
public sealed class ConlluEmptyNode
{
    /// <summary>The word the node follows (the integer part of its id).</summary>
    public int After { get; set; }
    public string Line { get; set; } = "";
}

/// <summary>One sentence of a CoNLL-U file: comments, words, multi-word tokens and empty nodes.</summary>
public sealed class ConlluSentence
{
    public List<string> Comments { get; } = [];
    public List<ConlluWord> Words { get; } = [];
    public List<ConlluMultiword> Multiwords { get; } = [];
    public List<ConlluEmptyNode> EmptyNodes { get; } = [];

    /// <summary>1-based line number of the sentence's first line in its file.</summary>
    public long Line { get; set; }

    public string? Text => Comment("text");
    public string? SentId => Comment("sent_id");

    /// <summary>True when a "# newdoc" comment opens the sentence.</summary>
    public bool NewDoc => Comments.Any(c => c.StartsWith("newdoc", StringComparison.Ordinal));

    /// <summary>True when a "# newpar" comment opens the sentence.</summary>
    public bool NewPar => Comments.Any(c => c.StartsWith("newpar", StringComparison.Ordinal));

    public string? NewDocId => Comments.FirstOrDefault(c => c.StartsWith("newdoc", StringComparison.Ordinal)) is { } c
        && c.IndexOf('=') is var i and > 0 ? c[(i + 1)..].Trim() : null;

    /// <summary>Value of a "# key = value" comment.</summary>
    public string? Comment(string key)
    {
        foreach (var c in Comments)
        {
            if (c.StartsWith(key, StringComparison.Ordinal))
            {
                var rest = c.AsSpan(key.Length).TrimStart();
                if (rest.Length > 0 && rest[0] == '=')
                    return rest[1..].Trim().ToString();
            }
        }

        return null;
    }

    /// <summary>The multi-word token starting at word <paramref name="id"/>, if any.</summary>
    public ConlluMultiword? MultiwordAt(int id)
    {
        foreach (var m in Multiwords)
        {
            if (m.First == id)
                return m;
        }

        return null;
    }

    /// <summary>Surface tokens in order: (form, first word id, last word id, space after).</summary>
    public IEnumerable<(string Form, int First, int Last, bool SpaceAfter)> SurfaceTokens()
    {
        var i = 0;
        while (i < Words.Count)
        {
            var w = Words[i];
            var mwt = MultiwordAt(w.Id);
            if (mwt is not null)
            {
                yield return (mwt.Form, mwt.First, mwt.Last, mwt.SpaceAfter && Words[Math.Min(Words.Count - 1, i + mwt.Last - mwt.First)].SpaceAfter);
                i += mwt.Last - mwt.First + 1;
            }
            else
            {
                yield return (w.Form, w.Id, w.Id, w.SpaceAfter);
                i++;
            }
        }
    }
}

internal static class ConlluMisc
{
    public static bool Has(string misc, string item)
    {
        if (misc == "_")
            return false;
        foreach (var part in misc.Split('|'))
        {
            if (part == item)
                return true;
        }

        return false;
    }

    public static string Without(string misc, string item)
    {
        if (misc == "_")
            return misc;
        var parts = misc.Split('|').Where(p => p != item).ToArray();
        return parts.Length == 0 ? "_" : string.Join('|', parts);
    }

    public static string With(string misc, string item) =>
        Has(misc, item) ? misc : misc == "_" ? item : misc + "|" + item;
}
