using Entente.Nlp.Conllu;
using Entente.Nlp.Documents;

namespace Entente.Nlp.Learning;

/// <summary>
/// One gold sentence as training and evaluation code reads it: words with their tags, lemmas and tree
/// (heads are 0 for the root, else the 1-based id of the head word; -1 when missing).
/// </summary>
public sealed class AnnotatedSentence
{
    public required string[] Forms { get; init; }
    public required Upos[] Upos { get; init; }
    public required ushort[] Xpos { get; init; }
    public required string[] Lemmas { get; init; }
    public required int[] Heads { get; init; }
    public required ushort[] Deprels { get; init; }

    public int Length => Forms.Length;

    /// <summary>True when every word has a head and a relation (so the sentence can train a parser).</summary>
    public bool HasTree
    {
        get
        {
            var roots = 0;
            for (var i = 0; i < Heads.Length; i++)
            {
                if (Heads[i] < 0 || Heads[i] > Heads.Length)
                    return false;
                if (Heads[i] == 0)
                    roots++;
            }

            return roots == 1;
        }
    }

    public static AnnotatedSentence From(ConlluSentence s)
    {
        var n = s.Words.Count;
        var a = new AnnotatedSentence
        {
            Forms = new string[n],
            Upos = new Upos[n],
            Xpos = new ushort[n],
            Lemmas = new string[n],
            Heads = new int[n],
            Deprels = new ushort[n],
        };
        for (var i = 0; i < n; i++)
        {
            var w = s.Words[i];
            a.Forms[i] = w.Form;
            a.Upos[i] = Labels.ParseUpos(w.Upos);
            a.Xpos[i] = Labels.Xpos.Id(w.Xpos);
            a.Lemmas[i] = w.Lemma;
            a.Heads[i] = w.Head;
            a.Deprels[i] = Labels.Deprel.Id(w.Deprel);
        }

        return a;
    }

    /// <summary>Reads the sentences of CoNLL-U files (plain or .gz); unreadable lines are reported in <paramref name="diagnostics"/>.</summary>
    public static List<AnnotatedSentence> ReadFiles(IEnumerable<string> paths, List<Diagnostic>? diagnostics = null)
    {
        var list = new List<AnnotatedSentence>();
        foreach (var p in paths)
        {
            foreach (var s in ConlluReader.ReadFile(p, diagnostics))
                list.Add(From(s));
        }

        return list;
    }
}
