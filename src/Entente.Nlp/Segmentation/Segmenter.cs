using Entente.Nlp.Documents;
using Entente.Nlp.Pipeline;
using Entente.Nlp.Text;

namespace Entente.Nlp.Segmentation;

/// <summary>
/// Normalizes the text, splits it into tokens and sentences. Placeholder rules: whitespace and punctuation
/// split tokens, sentence-final punctuation followed by space splits sentences.
/// </summary>
public sealed class Segmenter : IPipelineStage
{
    /// <summary>Sentences longer than this are cut, so no later stage sees an unbounded sentence.</summary>
    public const int MaxSentenceTokens = 300;

    public string Name => "segment";

    public void Process(Document document)
    {
        document.ClearTokens();
        var norm = TextNormalizer.Normalize(document.Text);
        document.Normalized = norm;
        var s = norm.Text;
        var i = 0;
        var sentFirst = 0;
        var paragraph = true;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c))
            {
                if (c == '\n' && i + 1 < s.Length && s[i + 1] == '\n')
                    paragraph = true;
                i++;
                continue;
            }

            var start = i;
            if (char.IsLetterOrDigit(c))
            {
                while (i < s.Length && (char.IsLetterOrDigit(s[i]) || (s[i] is '.' or ',' or '-' && i + 1 < s.Length && char.IsLetterOrDigit(s[i + 1]))))
                    i++;
            }
            else
            {
                i++;
            }

            if (paragraph && document.TokenCount > sentFirst)
            {
                document.AddSentence(sentFirst, document.TokenCount - sentFirst);
                sentFirst = document.TokenCount;
            }

            var flags = (i < s.Length && char.IsWhiteSpace(s[i]) ? TokenFlags.SpaceAfter : TokenFlags.None) |
                        (paragraph ? TokenFlags.ParagraphStart : TokenFlags.None);
            paragraph = false;
            document.AddToken(norm.ToOriginalStart(start), norm.ToOriginalEnd(i), start, i, flags);
            var n = document.TokenCount - sentFirst;
            if ((c is '.' or '!' or '?' && (i >= s.Length || char.IsWhiteSpace(s[i]))) || n >= MaxSentenceTokens)
            {
                document.AddSentence(sentFirst, n);
                sentFirst = document.TokenCount;
            }
        }

        if (document.TokenCount > sentFirst)
            document.AddSentence(sentFirst, document.TokenCount - sentFirst);
    }
}
