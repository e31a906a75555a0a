using Entente.Coding.Events.Coding;
using Entente.Nlp.Documents;
using Entente.Nlp.Pipeline;

namespace Entente.Coding.Events.Quotes;

/// <summary>
/// Finds quotations and who said them: <c>"...," said X</c>, <c>X said: "..."</c>, quotes running over several
/// sentences, and partial quotes inside reported speech (<c>he stated that both countries should "strengthen
/// mutual support"</c>). The speaker is the subject of the speech verb tied to the quote, resolved through the
/// document's actor mentions (so "declared the Republican" gives the actor the resolver found for it); a speaker
/// with no actor keeps its words and a null code; a quote with no speech verb has a null speaker.
/// Attaches a <see cref="QuoteList"/>. Immutable and thread-safe.
/// </summary>
public sealed class QuoteFinder : IPipelineStage
{
    /// <summary>An unclosed quote ends with its paragraph, and no quote runs longer than this.</summary>
    public const int MaxQuoteLength = 3000;

    public string Name => "quotes";

    public void Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var quotes = new List<Quote>();
        var mentions = new MentionTable((IReadOnlyList<Mention>?)document.Get<MentionList>()?.Items ?? []);
        var spans = QuoteSpans.Find(document.Text);
        if (spans.Count > 0 && document.SentenceCount > 0)
        {
            var analysis = new SentenceAnalysis();
            var vocabulary = Lexicon.Vocabulary.Empty;
            foreach (var (start, end) in spans)
            {
                var first = SentenceAt(document, start);
                var last = SentenceAt(document, Math.Max(start, end - 1));
                if (first < 0)
                    continue;
                var speaker = FindSpeaker(document, analysis, vocabulary, mentions, start, end, first, Math.Max(first, last));
                quotes.Add(new Quote(document.Id, first, speaker, document.Text[start..end], start, end));
            }
        }

        document.Set(new QuoteList(quotes));
    }

    private static int SentenceAt(Document doc, int offset)
    {
        var lo = 0;
        var hi = doc.SentenceCount - 1;
        var found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (doc.StartOf(doc.SentenceFirstToken(mid)) <= offset)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    /// <summary>
    /// The speaker: the subject of a speech verb outside the quote that governs it or hangs off it, in the sentence
    /// where the quote ends, then where it starts, then the sentence right after ("... ." he said.).
    /// </summary>
    private static ActorRef? FindSpeaker(Document doc, SentenceAnalysis s, Lexicon.Vocabulary vocabulary, MentionTable mentions,
        int qStart, int qEnd, int firstSentence, int lastSentence)
    {
        Span<int> order = [lastSentence, firstSentence, lastSentence + 1];
        for (var k = 0; k < order.Length; k++)
        {
            var si = order[k];
            if (si < 0 || si >= doc.SentenceCount || (k == 1 && si == lastSentence))
                continue;
            s.Load(doc, si, vocabulary, mentions);
            if (!s.IsParsed)
                continue;
            var verb = SpeechVerbFor(s, qStart, qEnd, followingSentence: k == 2);
            if (verb < 0)
                continue;
            if (SpeakerOf(s, verb) is { } speaker)
                return speaker;
        }

        return null;
    }

    private static int SpeechVerbFor(SentenceAnalysis s, int qStart, int qEnd, bool followingSentence)
    {
        var best = -1;
        var bestDistance = int.MaxValue;
        for (var t = 0; t < s.Count; t++)
        {
            if (Inside(s, t, qStart, qEnd) || !IsSpeechVerb(s, t))
                continue;

            // tied to the quote: it governs a quoted word, a quoted word governs it, or it sits right beside the quote
            var tied = followingSentence && t <= 3;
            for (var u = 0; u < s.Count && !tied; u++)
            {
                if (!Inside(s, u, qStart, qEnd))
                    continue;
                if (s.Head(u) == t || s.Head(t) == u || (s.Dominates(t, u) && !DominatesThroughOtherSpeech(s, t, u)))
                    tied = true;
            }

            if (!tied)
                continue;
            var distance = Math.Min(Math.Abs(s.Document.StartOf(s.DocToken(t)) - qEnd), Math.Abs(qStart - s.Document.EndOf(s.DocToken(t))));
            if (distance < bestDistance)
            {
                best = t;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static bool DominatesThroughOtherSpeech(SentenceAnalysis s, int verb, int u)
    {
        for (var t = s.Head(u); t >= 0 && t != verb; t = s.Head(t))
        {
            if (IsSpeechVerb(s, t))
                return true;
        }

        return false;
    }

    private static bool Inside(SentenceAnalysis s, int t, int qStart, int qEnd)
    {
        var doc = s.Document;
        var d = s.DocToken(t);
        return doc.StartOf(d) >= qStart && doc.EndOf(d) <= qEnd;
    }

    private static bool IsSpeechVerb(SentenceAnalysis s, int t) =>
        s.Upos(t) is Upos.VERB && (EnglishPredicateClasses.GovernorOf(s.Lemma(t)) is GovernorClass.Speech or GovernorClass.Accusation
            || s.LemmaIs(t, "ask") || s.LemmaIs(t, "warn") || s.LemmaIs(t, "conclude") || s.LemmaIs(t, "continue"));

    /// <summary>Whether <paramref name="verb"/> comes right after a quote's closing mark and comma: <c>"...," said X</c>.</summary>
    private static bool IsInvertedSpeaker(SentenceAnalysis s, int verb)
    {
        for (var k = verb - 1; k >= 0 && k >= verb - 2; k--)
        {
            var w = s.Text(k);
            if (w is "\"" or "”" or "''" or "’")
                return true;
            if (w is not ",")
                return false;
        }

        return false;
    }

    private static ActorRef? SpeakerOf(SentenceAnalysis s, int verb)
    {
        var subject = -1;
        foreach (var c in s.Children(verb))
        {
            if (Relations.IsSubject(s.Rel(c)))
            {
                subject = c;
                break;
            }
        }

        if (subject < 0)
        {
            // "said Putin" with the name attached otherwise, or a passive "was quoted as saying"
            var agent = -1;
            foreach (var c in s.Children(verb))
            {
                if (s.Rel(c) == Relations.OblAgent || (s.Rel(c) == Relations.Obj && c > verb && s.MentionOf(c) >= 0))
                    agent = c;
            }

            subject = agent;
        }

        if (subject < 0 && verb + 1 < s.Count && s.MentionOf(verb + 1) is var after and >= 0 && s.IsActor(after)
            && IsInvertedSpeaker(s, verb))
        {
            // '"...," said Russian President Vladimir Putin', with the name parsed as anything but the subject: the
            // actor named right after a speech verb that follows the quote is who spoke
            subject = verb + 1;
        }

        if (subject < 0)
        {
            // "Beijing came to Moscow's defense, stating that ...": the subject the participle shares
            var finder = new ArgumentFinder();
            finder.Reset(s);
            subject = finder.VerbSourceHead(verb);
        }

        if (subject < 0)
            return null;
        var m = s.MentionOf(subject);
        if (m < 0)
        {
            // a mention inside the subject phrase ("a spokesperson for the Chinese Ministry of Foreign Affairs")
            foreach (var c in s.Children(subject))
            {
                if (s.MentionOf(c) >= 0 && s.IsActor(s.MentionOf(c)))
                {
                    m = s.MentionOf(c);
                    break;
                }
            }
        }

        if (m >= 0 && s.IsActor(m))
        {
            var mention = s.Mentions[m];
            if (mention.Code is null && mention.Members is { Count: > 0 } members && members[0] < s.Mentions.DocumentCount)
                return new ActorRef(mention.Text, s.Mentions[members[0]].Code, s.Mentions[members[0]].Country, s.Mentions[members[0]].Sector);
            return mention.ToActor();
        }

        // no actor: keep the speaker's words
        var first = subject;
        var last = subject;
        foreach (var c in s.Children(subject))
        {
            var r = s.Rel(c);
            if (r == Relations.Punct || Relations.IsClausal(r))
                continue;
            first = Math.Min(first, c);
            last = Math.Max(last, c);
        }

        var doc = s.Document;
        return new ActorRef(doc.Text[doc.StartOf(s.DocToken(first))..doc.EndOf(s.DocToken(last))], null, null, null);
    }
}

/// <summary>Finds the spans between matching quotation marks: straight double quotes, curly quotes, guillemets.</summary>
internal static class QuoteSpans
{
    public static List<(int Start, int End)> Find(string text)
    {
        var spans = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var close = c switch
            {
                '"' => '"',
                '\u201C' => '\u201D',
                '\u00AB' => '\u00BB',
                '\u201E' => '\u201C',
                _ => '\0',
            };
            if (close == '\0')
            {
                i++;
                continue;
            }

            var start = i + 1;
            var end = -1;
            for (var j = start; j < text.Length && j - start < QuoteFinder.MaxQuoteLength; j++)
            {
                if (text[j] == close || (close == '\u201D' && text[j] == '"'))
                {
                    end = j;
                    break;
                }

                // an unclosed quote stops at its paragraph's end
                if (text[j] == '\n' && j + 1 < text.Length && text[j + 1] == '\n')
                    break;
            }

            if (end < 0)
            {
                i = start;
                continue;
            }

            var s = start;
            var e = end;
            while (s < e && char.IsWhiteSpace(text[s]))
                s++;
            while (e > s && (char.IsWhiteSpace(text[e - 1]) || text[e - 1] == ','))
                e--;
            if (e > s)
                spans.Add((s, e));
            i = end + 1;
        }

        return spans;
    }
}
