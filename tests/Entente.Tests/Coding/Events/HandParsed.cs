using Entente.Coding.Actors;
using Entente.Coding;
using Entente.Coding.Events;
using Entente.Nlp.Conllu;
using Entente.Nlp.Documents;

namespace Entente.Tests.Coding.Events;

/// <summary>
/// Builds documents by hand, spaCy style, from compact parses: one token a line, "ID FORM LEMMA UPOS HEAD DEPREL
/// [MISC]" separated by spaces, a blank line between sentences. MISC marks actor mentions ("Actor=B-USAGOV" on a
/// mention's first token, "Actor=I-USAGOV" on the rest) and "SpaceAfter=No", so coder tests need neither the
/// parser nor the actor dictionaries.
/// </summary>
internal static class HandParsed
{
    public static Document Document(string parse, DateOnly? date = null, string id = "test")
    {
        var diags = new List<Diagnostic>();
        var reader = new ConlluReader(new StringReader(ToConllu(parse)), "hand");
        var sentences = reader.ReadAll().ToList();
        Assert.Empty(reader.Diagnostics);
        var doc = ConlluDocuments.ToDocument(sentences, id, withAnnotations: true);
        doc.Date = date;
        var mentions = new List<Mention>();
        for (var si = 0; si < sentences.Count; si++)
        {
            var first = doc.SentenceFirstToken(si);
            var words = sentences[si].Words;
            for (var w = 0; w < words.Count; w++)
            {
                var tag = Actor(words[w].Misc);
                if (tag is null || !tag.StartsWith("B-", StringComparison.Ordinal))
                    continue;
                var code = tag[2..];
                var end = w + 1;
                while (end < words.Count && Actor(words[end].Misc) == "I-" + code)
                    end++;
                var start = doc.StartOf(first + w);
                var stop = doc.EndOf(first + end - 1);
                // a bare sector ("GOV", "MIL") is what the resolver gives an actor it could not place: no country
                var sectorOnly = code.Length == 3 && CameoCodes.IsSector(code);
                mentions.Add(new Mention(si, first + w, first + end, doc.Text[start..stop], start, stop, code,
                    !sectorOnly && code.Length >= 3 && code[..3].All(char.IsAsciiLetterUpper) && !code.StartsWith("IGO", StringComparison.Ordinal) ? code[..3] : null,
                    sectorOnly ? code : code.Length >= 6 ? code[3..6] : null, Resolution.Dictionary));
                w = end - 1;
            }
        }

        doc.Set(new MentionList(mentions));
        return doc;
    }

    /// <summary>
    /// Codes a hand-made parse (dated 2025-07-16) and returns its events as sorted "SOURCE TARGET CAMEO" lines ("-" for
    /// a missing side). <paramref name="participle"/>, when not -1, is a token to tag VBN, as our tagger would.
    /// </summary>
    public static List<string> Code(string parse, EventCoderOptions? options = null, IDiscardFilter? discards = null, int participle = -1)
    {
        var doc = Document(parse, new DateOnly(2025, 7, 16));
        if (participle >= 0)
            doc.SetXpos(participle, Labels.Xpos.Id("VBN"));
        var resources = discards is null ? CoderTestResources.Value : CoderTestResources.Value.WithDiscards(discards);
        new EventCoder(resources, options).Process(doc);
        return doc.Get<EventList>()!.Items.Select(e => $"{e.Source?.Code ?? "-"} {e.Target?.Code ?? "-"} {e.Cameo}").Order(StringComparer.Ordinal).ToList();
    }

    private static string ToConllu(string parse)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var raw in parse.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                sb.Append(line).Append('\n');
                continue;
            }

            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(f.Length >= 6, "expected 'ID FORM LEMMA UPOS HEAD DEPREL [MISC...]': " + line);
            var misc = f.Length > 6 ? string.Join('|', f[6..]) : "_";
            sb.Append(string.Join('\t', f[0], f[1], f[2], f[3], "_", "_", f[4], f[5], "_", misc)).Append('\n');
        }

        return sb.Append('\n').ToString();
    }

    private static string? Actor(string misc)
    {
        foreach (var part in misc.Split('|'))
        {
            if (part.StartsWith("Actor=", StringComparison.Ordinal))
                return part[6..];
        }

        return null;
    }
}
