using System.Text;
using Entente.Nlp.Documents;
using Entente.Nlp.Segmentation;

namespace Entente.Tests.Nlp.Segmentation;

/// <summary>Segments text and renders the result compactly for table-driven tests.</summary>
internal static class Segmented
{
    private static readonly Segmenter Segmenter = new();

    public static Document Doc(string text)
    {
        var doc = new Document(text);
        Segmenter.Process(doc);
        return doc;
    }

    /// <summary>Surface tokens separated by spaces; the words of one surface token joined by "+" ("do+n't").</summary>
    public static string Tokens(string text) => Tokens(Doc(text));

    public static string Tokens(Document doc)
    {
        var sb = new StringBuilder();
        for (var t = 0; t < doc.TokenCount; t++)
        {
            if (t > 0)
                sb.Append((doc.FlagsOf(t - 1) & TokenFlags.JoinedToNext) != 0 ? "+" : " ");
            sb.Append(doc.TextOf(t));
        }

        return sb.ToString();
    }

    /// <summary>The sentences' texts separated by " || ".</summary>
    public static string Sentences(string text)
    {
        var doc = Doc(text);
        var parts = new List<string>();
        foreach (var s in doc.Sentences)
            parts.Add(s.Text.ToString());
        return string.Join(" || ", parts);
    }
}
