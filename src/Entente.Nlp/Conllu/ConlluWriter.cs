using System.Text;

namespace Entente.Nlp.Conllu;

/// <summary>Writes sentences in CoNLL-U, with comments, multi-word tokens and empty nodes in place.</summary>
public static class ConlluWriter
{
    public static void Write(TextWriter writer, ConlluSentence sentence)
    {
        var sb = new StringBuilder();
        foreach (var c in sentence.Comments)
            sb.Append("# ").Append(c).Append('\n');
        var empty = 0;
        while (empty < sentence.EmptyNodes.Count && sentence.EmptyNodes[empty].After == 0)
            sb.Append(sentence.EmptyNodes[empty++].Line).Append('\n');
        foreach (var w in sentence.Words)
        {
            var mwt = sentence.MultiwordAt(w.Id);
            if (mwt is not null)
                sb.Append(mwt.First).Append('-').Append(mwt.Last).Append('\t').Append(mwt.Form).Append("\t_\t_\t_\t_\t_\t_\t_\t").Append(mwt.Misc).Append('\n');
            sb.Append(w.Id).Append('\t').Append(w.Form).Append('\t').Append(w.Lemma).Append('\t').Append(w.Upos).Append('\t')
              .Append(w.Xpos).Append('\t').Append(w.Feats).Append('\t').Append(w.Head < 0 ? "_" : w.Head.ToString(System.Globalization.CultureInfo.InvariantCulture))
              .Append('\t').Append(w.Deprel).Append('\t').Append(w.Deps).Append('\t').Append(w.Misc).Append('\n');
            while (empty < sentence.EmptyNodes.Count && sentence.EmptyNodes[empty].After == w.Id)
                sb.Append(sentence.EmptyNodes[empty++].Line).Append('\n');
        }

        sb.Append('\n');
        writer.Write(sb.ToString());
    }

    public static void WriteAll(TextWriter writer, IEnumerable<ConlluSentence> sentences)
    {
        foreach (var s in sentences)
            Write(writer, s);
    }
}
