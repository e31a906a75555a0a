using System.Text;
using Entente.Nlp.Documents;

namespace Entente.Nlp.Conllu;

/// <summary>Conversions between CoNLL-U sentences and <see cref="Document"/>s.</summary>
public static class ConlluDocuments
{
    /// <summary>Splits a sentence stream into documents at "# newdoc" comments.</summary>
    public static List<List<ConlluSentence>> GroupByDocument(IEnumerable<ConlluSentence> sentences)
    {
        var docs = new List<List<ConlluSentence>>();
        foreach (var s in sentences)
        {
            if (docs.Count == 0 || s.NewDoc)
                docs.Add([]);
            docs[^1].Add(s);
        }

        return docs;
    }

    /// <summary>Like <see cref="GroupByDocument"/>, but streams: each document is yielded when the next one starts.</summary>
    public static IEnumerable<List<ConlluSentence>> GroupByDocumentLazily(IEnumerable<ConlluSentence> sentences)
    {
        List<ConlluSentence>? current = null;
        foreach (var s in sentences)
        {
            if (current is not null && s.NewDoc)
            {
                yield return current;
                current = null;
            }

            current ??= [];
            current.Add(s);
        }

        if (current is not null)
            yield return current;
    }

    /// <summary>
    /// The raw text of a document as the segmentation evaluation reads it: each sentence's "# text"
    /// (or its tokens, when the comment is missing), joined by a space within a paragraph and by a blank
    /// line between paragraphs ("# newpar").
    /// </summary>
    public static string RawText(IReadOnlyList<ConlluSentence> sentences)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < sentences.Count; i++)
        {
            var s = sentences[i];
            if (i > 0)
                sb.Append(s.NewPar ? "\n\n" : " ");
            sb.Append(s.Text ?? TextFromTokens(s));
        }

        return sb.ToString();
    }

    /// <summary>A sentence's text rebuilt from its surface tokens and their SpaceAfter flags.</summary>
    public static string TextFromTokens(ConlluSentence s)
    {
        var sb = new StringBuilder();
        foreach (var (form, _, _, space) in s.SurfaceTokens())
        {
            sb.Append(form);
            if (space)
                sb.Append(' ');
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>
    /// Builds a document that keeps the given tokens and sentences. The text is the raw text
    /// (<see cref="RawText"/>) and each word is aligned to it; gold annotations are copied when
    /// <paramref name="withAnnotations"/> is set.
    /// </summary>
    public static Document ToDocument(IReadOnlyList<ConlluSentence> sentences, string id = "doc", bool withAnnotations = false)
    {
        var text = RawText(sentences);
        var doc = new Document(text, id);
        var pos = 0;
        for (var si = 0; si < sentences.Count; si++)
        {
            var s = sentences[si];
            var sentText = s.Text ?? TextFromTokens(s);
            var sentStart = text.IndexOf(sentText, pos, StringComparison.Ordinal);
            if (sentStart < 0)
                sentStart = pos;
            var cursor = sentStart;
            var first = doc.TokenCount;
            var paragraph = si == 0 || s.NewPar;
            foreach (var (form, firstWord, lastWord, space) in s.SurfaceTokens())
            {
                var tokStart = Locate(text, form, cursor, sentStart + sentText.Length);
                var tokEnd = Math.Min(text.Length, tokStart + form.Length);
                cursor = tokEnd;
                var wpos = tokStart;
                for (var w = firstWord; w <= lastWord; w++)
                {
                    var word = s.Words[w - 1];
                    int ws, we;
                    var found = w < lastWord || firstWord == lastWord
                        ? text.IndexOf(word.Form, wpos, Math.Max(0, tokEnd - wpos), StringComparison.OrdinalIgnoreCase)
                        : -1;
                    if (firstWord == lastWord)
                    {
                        ws = tokStart;
                        we = tokEnd;
                    }
                    else if (found >= 0)
                    {
                        ws = found;
                        we = w == lastWord ? tokEnd : found + word.Form.Length;
                    }
                    else
                    {
                        // the word is not spelled out in the surface form ("dont" -> "do", "nt" is, but "won't" -> "will" is not):
                        // give it what remains, at least one character, and keep going
                        ws = Math.Min(wpos, Math.Max(tokStart, tokEnd - 1));
                        we = w == lastWord ? tokEnd : Math.Min(tokEnd, ws + Math.Max(1, Math.Min(word.Form.Length, tokEnd - ws - (lastWord - w))));
                    }

                    var flags = TokenFlags.None;
                    if (w < lastWord)
                        flags |= TokenFlags.JoinedToNext;
                    else if (space)
                        flags |= TokenFlags.SpaceAfter;
                    if (paragraph)
                    {
                        flags |= TokenFlags.ParagraphStart;
                        paragraph = false;
                    }

                    var t = doc.AddToken(ws, we, flags);
                    wpos = we;
                    if (withAnnotations)
                        CopyGold(doc, t, word, first);
                }
            }

            if (doc.TokenCount > first)
                doc.AddSentence(first, doc.TokenCount - first);
            pos = Math.Max(cursor, sentStart + sentText.Length);
        }

        return doc;
    }

    private static int Locate(string text, string form, int from, int limit)
    {
        while (from < text.Length && char.IsWhiteSpace(text[from]))
            from++;
        if (string.CompareOrdinal(text, from, form, 0, form.Length) == 0)
            return from;
        var i = text.IndexOf(form, from, Math.Max(0, Math.Min(text.Length, limit) - from), StringComparison.Ordinal);
        return i >= 0 ? i : from;
    }

    private static void CopyGold(Document doc, int t, ConlluWord word, int sentenceFirst)
    {
        doc.SetUpos(t, Labels.ParseUpos(word.Upos));
        doc.SetXpos(t, Labels.Xpos.Id(word.Xpos));
        doc.SetLemma(t, word.Lemma == "_" && word.Form != "_" ? null : word.Lemma);
        doc.SetHead(t, word.Head < 0 ? -2 : word.Head == 0 ? -1 : sentenceFirst + word.Head - 1);
        doc.SetDeprel(t, Labels.Deprel.Id(word.Deprel));
    }

    /// <summary>
    /// Writes the document's predictions (UPOS, XPOS, lemma, head, relation) into sentences that were
    /// built from it with <see cref="ToDocument"/>; everything else (ids, forms, features, comments) is kept.
    /// </summary>
    public static void ApplyPredictions(Document doc, IReadOnlyList<ConlluSentence> sentences)
    {
        for (var si = 0; si < sentences.Count && si < doc.SentenceCount; si++)
        {
            var sent = doc.Sentence(si);
            var s = sentences[si];
            for (var i = 0; i < s.Words.Count && i < sent.TokenCount; i++)
            {
                var t = sent.FirstToken + i;
                var w = s.Words[i];
                if (doc.UposOf(t) != Upos.None)
                    w.Upos = doc.UposOf(t).ToString();
                if (doc.XposOf(t) != 0)
                    w.Xpos = Labels.Xpos.Name(doc.XposOf(t));
                if (doc.LemmaOf(t) is { } lemma)
                    w.Lemma = lemma;
                var h = doc.HeadOf(t);
                if (h >= -1)
                {
                    w.Head = h == -1 ? 0 : h - sent.FirstToken + 1;
                    w.Deprel = Labels.Deprel.Name(doc.DeprelOf(t));
                    w.Deps = "_";
                }
            }
        }
    }

    /// <summary>Sentences in CoNLL-U form for a document that was segmented from raw text.</summary>
    public static List<ConlluSentence> FromDocument(Document doc)
    {
        var result = new List<ConlluSentence>(doc.SentenceCount);
        foreach (var sent in doc.Sentences)
        {
            var s = new ConlluSentence();
            if (sent.Index == 0)
                s.Comments.Add("newdoc id = " + doc.Id);
            if (doc.FlagsOf(sent.FirstToken).HasFlag(TokenFlags.ParagraphStart))
                s.Comments.Add("newpar");
            s.Comments.Add($"sent_id = {doc.Id}-{sent.Index + 1}");
            s.Comments.Add("text = " + sent.Text.ToString().ReplaceLineEndings(" "));
            for (var i = 0; i < sent.TokenCount; i++)
            {
                var t = sent.FirstToken + i;
                var flags = doc.FlagsOf(t);
                if (flags.HasFlag(TokenFlags.JoinedToNext) && (i == 0 || !doc.FlagsOf(t - 1).HasFlag(TokenFlags.JoinedToNext)))
                {
                    var last = i;
                    while (last + 1 < sent.TokenCount && doc.FlagsOf(sent.FirstToken + last).HasFlag(TokenFlags.JoinedToNext))
                        last++;
                    var lastFlags = doc.FlagsOf(sent.FirstToken + last);
                    s.Multiwords.Add(new ConlluMultiword
                    {
                        First = i + 1,
                        Last = last + 1,
                        Form = doc.Text[doc.StartOf(t)..doc.EndOf(sent.FirstToken + last)],
                        Misc = lastFlags.HasFlag(TokenFlags.SpaceAfter) || last == sent.TokenCount - 1 ? "_" : "SpaceAfter=No",
                    });
                }

                var inMwt = flags.HasFlag(TokenFlags.JoinedToNext) || (i > 0 && doc.FlagsOf(t - 1).HasFlag(TokenFlags.JoinedToNext));
                var misc = !inMwt && !flags.HasFlag(TokenFlags.SpaceAfter) && i < sent.TokenCount - 1 ? "SpaceAfter=No" : "_";
                s.Words.Add(new ConlluWord
                {
                    Id = i + 1,
                    Form = doc.NormOf(t).ToString(),
                    Misc = misc,
                });
            }

            result.Add(s);
        }

        ApplyPredictions(doc, result);
        return result;
    }
}
