using System.Buffers;
using Entente.Nlp.Documents;

namespace Entente.Coding.Actors;

/// <summary>
/// Finds the actor mentions of one sentence: dictionary phrases (longest match over word pieces), their titles
/// and demonyms grouped into one mention ("Russian Foreign Minister Sergei Lavrov"), unknown names after a
/// title ("Iranian official Ali Bagheri"), definite descriptors ("the now US president", "his Chinese
/// counterpart", "the Republican"), pronouns and plural groups ("both neighbors"). Codes are chosen here;
/// what refers back is left to <see cref="Coreference"/>.
/// </summary>
internal sealed class MentionFinder(ActorDictionary dictionary, CorefLexicon lexicon)
{
    private const int MaxNameTokens = 4;

    private static readonly ushort CompoundId = Labels.Deprel.Id("compound");
    private static readonly ushort CaseId = Labels.Deprel.Id("case");
    private static readonly ushort AmodId = Labels.Deprel.Id("amod");

    internal enum SegmentKind : byte
    {
        Actor,
        Agent,
    }

    internal struct Segment
    {
        public int PieceStart;
        public int PieceEnd;
        public SegmentKind Kind;
        public int Id;
    }

    /// <summary>Per-document working memory: piece arrays sized to the longest sentence, rented and returned.</summary>
    internal sealed class Buffers : IDisposable
    {
        public int[] Ids;
        public int[] Token;
        public int[] Start;
        public int[] End;
        public readonly List<Segment> Segments = [];
        public int Count;

        public Buffers(int capacity)
        {
            Ids = ArrayPool<int>.Shared.Rent(capacity);
            Token = ArrayPool<int>.Shared.Rent(capacity);
            Start = ArrayPool<int>.Shared.Rent(capacity);
            End = ArrayPool<int>.Shared.Rent(capacity);
        }

        public void Ensure(int capacity)
        {
            if (Ids.Length >= capacity)
                return;
            Dispose();
            Ids = ArrayPool<int>.Shared.Rent(capacity);
            Token = ArrayPool<int>.Shared.Rent(capacity);
            Start = ArrayPool<int>.Shared.Rent(capacity);
            End = ArrayPool<int>.Shared.Rent(capacity);
        }

        public void Dispose()
        {
            ArrayPool<int>.Shared.Return(Ids);
            ArrayPool<int>.Shared.Return(Token);
            ArrayPool<int>.Shared.Return(Start);
            ArrayPool<int>.Shared.Return(End);
        }
    }

    /// <summary>Adds the mentions of sentence <paramref name="s"/> to <paramref name="output"/>, in text order.</summary>
    public void Find(Document doc, int s, Buffers buffers, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> surnames, List<MentionDraft> output)
    {
        var first = doc.SentenceFirstToken(s);
        var end = first + doc.SentenceTokenCount(s);
        var n = BuildPieces(doc, first, end, buffers);
        buffers.Count = n;
        var segments = buffers.Segments;
        segments.Clear();
        FindSegments(doc, buffers, n, segments);
        var before = output.Count;
        var covered = new BitSet(end - first);
        BuildGroups(doc, s, first, end, buffers, n, segments, covered, output);
        FindSingleWords(doc, s, first, end, covered, surnames, output);
        if (output.Count - before > 1)
            output.Sort(before, output.Count - before, DraftOrder.Instance);
    }

    private int BuildPieces(Document doc, int first, int end, Buffers b) => BuildPieces(doc, first, end, b, dictionary.Vocabulary);

    /// <summary>Splits the tokens [first, end) into pieces with their ids, tokens and offsets; returns the count.</summary>
    internal static int BuildPieces(Document doc, int first, int end, Buffers b, PieceVocabulary vocab)
    {
        b.Ensure((end - first) * 4 + 8);
        var n = 0;
        for (var t = first; t < end; t++)
        {
            var text = doc.TextOf(t);
            var tokenStart = doc.StartOf(t);

            // A tokenizer that splits "Minister's" into "Minister" "'" "s": rejoin the possessive.
            if (text.Length == 1 && PieceEnumerator.IsApostrophe(text[0]) && t + 1 < end && doc.StartOf(t + 1) == doc.EndOf(t) &&
                doc.TextOf(t + 1) is { Length: 1 } next && (next[0] | 0x20) == 's')
            {
                Add(b, ref n, vocab.PossessiveId, t, tokenStart, doc.EndOf(t + 1));
                t++;
                continue;
            }

            var e = new PieceEnumerator(text);
            while (e.MoveNext())
            {
                var id = e.IsPossessive ? vocab.PossessiveId : vocab.Find(e.Current);
                Add(b, ref n, id, t, tokenStart + e.Start, tokenStart + e.End);
            }
        }

        return n;
    }

    private static void Add(Buffers b, ref int n, int id, int token, int start, int end)
    {
        if (n == b.Ids.Length)
            return; // cannot happen with the capacity above; never overrun
        b.Ids[n] = id;
        b.Token[n] = token;
        b.Start[n] = start;
        b.End[n] = end;
        n++;
    }

    private void FindSegments(Document doc, Buffers b, int n, List<Segment> segments)
    {
        var ids = b.Ids.AsSpan(0, n);
        var i = 0;
        while (i < n)
        {
            if (ids[i] < 0)
            {
                i++;
                continue;
            }

            var actorLength = dictionary.ActorTrie.Longest(ids, i, out var actor);
            if (actorLength > 0 && !AcceptActor(doc, b, i, actor))
                actorLength = 0;
            if (dictionary.GappedActorTrie.NodeCount > 1)
            {
                var gappedLength = LongestGapped(doc, b, ids, i, out var gappedActor);
                if (gappedLength > actorLength && AcceptActor(doc, b, i, gappedActor))
                {
                    actorLength = gappedLength;
                    actor = gappedActor;
                }
            }

            var agentLength = dictionary.AgentTrie.Longest(ids, i, out var agent);
            var afterActor = segments.Count > 0 && segments[^1].PieceEnd == i && segments[^1].Kind == SegmentKind.Actor;
            if (agentLength > 0 && !AcceptAgent(doc, b, i, i + agentLength, afterActor))
                agentLength = 0;
            if (actorLength == 0 && agentLength == 0)
            {
                i++;
                continue;
            }

            if (actorLength >= agentLength)
            {
                segments.Add(new Segment { PieceStart = i, PieceEnd = i + actorLength, Kind = SegmentKind.Actor, Id = actor });
                i += actorLength;
            }
            else
            {
                segments.Add(new Segment { PieceStart = i, PieceEnd = i + agentLength, Kind = SegmentKind.Agent, Id = agent });
                i += agentLength;
            }
        }
    }

    /// <summary>
    /// The longest blank-separated dictionary phrase (<see cref="ActorDictionary.GappedActorTrie"/>) that starts at
    /// piece <paramref name="start"/> with up to <see cref="MaxGapTokens"/> describing words between its words
    /// ("Ithilen state-run television" for ITHILEN TELEVISION): its length in pieces, gaps included (0 when none).
    /// Only modifiers may sit in a gap, so a phrase never reaches across a verb, preposition or punctuation.
    /// </summary>
    private int LongestGapped(Document doc, Buffers b, ReadOnlySpan<int> ids, int start, out int value)
    {
        value = -1;
        var trie = dictionary.GappedActorTrie;
        var node = trie.Step(PhraseTrie.Root, ids[start]);
        if (node < 0)
            return 0;
        var best = 0;
        var skippedTokens = 0;
        var i = start + 1;
        while (i < ids.Length)
        {
            var next = trie.Step(node, ids[i]);
            if (next >= 0)
            {
                node = next;
                var v = trie.ValueAt(node);
                if (v >= 0 && skippedTokens > 0)
                {
                    best = i - start + 1;
                    value = v;
                }

                i++;
                continue;
            }

            // skip the whole token this piece belongs to ("state-run" is two pieces, one word)
            var token = b.Token[i];
            if (token == b.Token[i - 1] || skippedTokens == MaxGapTokens || !MaySitInGap(doc.UposOf(token)))
                break;
            skippedTokens++;
            while (i < ids.Length && b.Token[i] == token)
                i++;
        }

        return best;
    }

    private const int MaxGapTokens = 2;

    private static bool MaySitInGap(Upos upos) => upos is Upos.ADJ or Upos.NOUN or Upos.PROPN or Upos.NUM or Upos.X or Upos.None;

    /// <summary>
    /// Names are capitalised: "us" is not the United States and "turkey" is a bird. Epithets ("the Asian giant")
    /// are exempt. Tags are not consulted: a tagger that calls "Keir" a pronoun must not lose Keir Starmer.
    /// </summary>
    private bool AcceptActor(Document doc, Buffers b, int piece, int actor)
    {
        var entry = dictionary.ActorAt(actor);
        if (entry.Resolution == Resolution.Epithet)
            return true;
        var c = doc.Text[b.Start[piece]];
        if (!char.IsLower(c))
            return true;

        // "the Shire", "the Hague": a name that begins with its article, written in lower case mid-sentence
        return piece + 1 < b.Count && b.Token[piece + 1] != b.Token[piece] && IsArticle(doc, b, piece) && char.IsUpper(doc.Text[b.Start[piece + 1]]);
    }

    private static bool IsArticle(Document doc, Buffers b, int piece) =>
        doc.Text.AsSpan(b.Start[piece], b.End[piece] - b.Start[piece]).Equals("the", StringComparison.Ordinal);

    /// <summary>
    /// An agent is a noun. With tags, its last word must be one (or an adjective-tagged title before a name:
    /// "official Ali Bagheri"), and a lone agent that modifies a following noun is not an actor ("a police
    /// van"); right after a state it is a title whatever the tagger thought ("the British prime minister set").
    /// </summary>
    private static bool AcceptAgent(Document doc, Buffers b, int start, int end, bool afterActor)
    {
        var last = b.Token[end - 1];
        var upos = doc.UposOf(last);
        if (upos == Upos.None)
            return true;
        var sentenceEnd = doc.SentenceFirstToken(doc.SentenceOf(last)) + doc.SentenceTokenCount(doc.SentenceOf(last));
        var next = last + 1 < sentenceEnd ? doc.UposOf(last + 1) : Upos.None;
        if (upos is Upos.ADJ or Upos.VERB)
            return next == Upos.PROPN || (afterActor && upos == Upos.ADJ) || (upos == Upos.ADJ && ModifiesName(doc, last));
        if (upos is not (Upos.NOUN or Upos.PROPN))
            return false;
        if (afterActor || doc.DeprelOf(last) != CompoundId)
            return true;

        // parsed: a compound on a later common noun only describes it ("his first official foreign visit")
        var head = doc.HeadOf(last);
        if (head >= 0)
            return head < last || doc.UposOf(head) != Upos.NOUN;
        return next != Upos.NOUN;
    }

    /// <summary>
    /// Parsed: an adjective whose noun phrase is headed by a name, through modifiers and compounds ("the official
    /// news agency WFNA"), or by a common noun the name directly follows ("the primary official news agency WFNA"
    /// with "WFNA" parsed as a subject of its own): the adjective describes what the named body is.
    /// </summary>
    private static bool ModifiesName(Document doc, int t)
    {
        for (var guard = 0; guard < 6; guard++)
        {
            var h = doc.HeadOf(t);
            if (h < 0 || h < t)
                return false;
            var rel = doc.DeprelOf(t);
            if (rel != AmodId && rel != CompoundId)
                return false;
            if (doc.UposOf(h) == Upos.PROPN && (h + 1 >= doc.TokenCount || doc.HeadOf(h) != h + 1 || doc.DeprelOf(h) != CompoundId))
                return true;
            if (doc.UposOf(h) == Upos.NOUN && NamedRightAfter(doc, h))
                return true;
            t = h;
        }

        return false;
    }

    /// <summary>
    /// A common noun followed directly by a name in its sentence ("the news agency WFNA"): the name is the noun's,
    /// whatever the parser attached it to (it often makes "WFNA said" a relative clause on the noun).
    /// </summary>
    internal static bool NamedRightAfter(Document doc, int noun)
    {
        var name = noun + 1;
        if (name >= doc.TokenCount || doc.SentenceOf(name) != doc.SentenceOf(noun) || doc.UposOf(name) != Upos.PROPN
            || doc.HeadOf(noun) == name)
        {
            return false;
        }

        // "the agency WFNA" but not "the agency Reuters reporter" (the name only modifies a later noun)
        return !(doc.DeprelOf(name) == CompoundId && doc.HeadOf(name) > name);
    }

    // ---- grouping ---------------------------------------------------------------------------------------

    private void BuildGroups(Document doc, int s, int first, int end, Buffers b, int n, List<Segment> segments, BitSet covered, List<MentionDraft> output)
    {
        MentionDraft? previous = null;
        var previousEnd = -1;
        var previousLinked = false;
        MentionDraft? sharedTitle = null; // a title that shares the states of the linked title after it
        string? sharedSector = null;
        var i = 0;
        while (i < segments.Count)
        {
            var groupStart = i;
            var linkedAt = -1; // piece index where a linker ("for the") joined, to find the head
            var retired = RetiredBefore(doc, first, b.Token[segments[i].PieceStart]);
            var hasState = StateOf(segments[i]) is not null;
            var j = i + 1;
            while (j < segments.Count)
            {
                var prev = segments[j - 1];
                var next = segments[j];
                var gapPieces = next.PieceStart - prev.PieceEnd;
                var join = false;
                if (gapPieces == 0)
                {
                    join = Compatible(doc, b, segments, groupStart, j);
                }
                else if (b.Ids[prev.PieceEnd] == dictionary.Vocabulary.PossessiveId &&
                         (gapPieces == 1 || (next.Kind == SegmentKind.Agent && ModifiersOnly(doc, b, prev.PieceEnd + 1, next.PieceStart))))
                {
                    // "China's foreign ministry" and "Ithilen's awful and evil minister" are one actor;
                    // "Joe Biden's leadership" is Biden, then something of his.
                    join = !HasPerson(segments, groupStart, j) && Compatible(doc, b, segments, groupStart, j);
                }
                else if (prev.Kind == SegmentKind.Agent && !hasState && LinkerGap(doc, b, prev.PieceEnd, next.PieceStart))
                {
                    join = true;
                    linkedAt = prev.PieceEnd;
                }
                else if (next.Kind == SegmentKind.Agent && RetiredGap(doc, b, prev.PieceEnd, next.PieceStart))
                {
                    // "Arnor former security officials"
                    join = Compatible(doc, b, segments, groupStart, j);
                    retired |= join;
                }

                if (!join)
                    break;
                hasState |= StateOf(next) is not null;
                j++;
            }

            var draft = Compose(doc, s, b, segments, groupStart, j, linkedAt, retired);
            if (draft is not null && previous is not null && Distributes(doc, b, segments, previousEnd, groupStart, j))
            {
                Distribute(previous, previousLinked, draft);
                if (sharedTitle is not null && draft.DistributedTitle && draft.CountryIn(dictionary.Codes) is { } more)
                    sharedTitle.Alternatives = [.. sharedTitle.Alternatives!, CameoCodes.Compose(more, sharedSector, null)];
            }
            else
            {
                sharedTitle = null;
            }

            if (draft is not null && previous is not null && linkedAt >= 0 && SharesLinkedState(doc, b, previous, previousEnd, segments[groupStart].PieceStart, draft))
            {
                // "Lawmakers and officials in Fornost (and Gondor)": the first title is also Fornost's (and Gondor's)
                sharedSector = previous.Code;
                var stated = CameoCodes.Compose(draft.CountryIn(dictionary.Codes), previous.Code, null);
                previous.SetStatedCode(stated);
                previous.Alternatives = [stated];
                previous.Resolution = Resolution.Title;
                sharedTitle = previous;
            }
            if (draft is not null)
            {
                ExtendWithName(doc, end, b, draft);
                if (IsAdjectivalDemonym(doc, end, draft))
                    draft.NonReferent = true;
                else
                    ExtendLeft(doc, first, draft);
                ClassifyDescriptor(doc, draft);
                MarkSubject(doc, draft);
                MarkNonReferent(doc, first, draft);
                for (var t = draft.StartToken; t < draft.EndToken; t++)
                    covered.Set(t - first);
                output.Add(draft);
            }

            previous = draft;
            previousEnd = segments[j - 1].PieceEnd;
            previousLinked = linkedAt >= 0 || (draft?.DistributedTitle ?? false);
            i = j;
        }
    }

    /// <summary>At most three plain words (and commas): "awful and evil" between "Ithilen's" and "minister", "first Deputy".</summary>
    private static bool ModifiersOnly(Document doc, Buffers b, int from, int to)
    {
        if (to - from is < 1 or > 3)
            return false;
        for (var p = from; p < to; p++)
        {
            // Words no dictionary knows ("first", "awful and evil"), not numbers or punctuation other than commas.
            var text = doc.Text.AsSpan(b.Start[p], b.End[p] - b.Start[p]);
            if (text.Length == 0 || (!char.IsLetter(text[0]) && !text.SequenceEqual(",")))
                return false;
        }

        return true;
    }

    /// <summary>
    /// The group [from, to) continues a list after the previous group, joined by "and", "or" or a comma, with one
    /// side a lone state and the other a lone title: "the ambassadors of Arnor, Osgiliath and Gondor" (each state
    /// gets the title), "Danish media and government" (the title gets the state).
    /// </summary>
    private bool Distributes(Document doc, Buffers b, List<Segment> segments, int previousEnd, int from, int to)
    {
        if (to - from != 1)
            return false;
        var gap = segments[from].PieceStart - previousEnd;
        if (gap != 1)
            return false;
        var word = doc.Text.AsSpan(b.Start[previousEnd], b.End[previousEnd] - b.Start[previousEnd]);
        return word is "and" or "or" or "," || word.SequenceEqual("&");
    }

    /// <summary>
    /// "Lawmakers and officials in Fornost": a title with no state, joined by "and" to a title that a linker ties to
    /// a state, is that state's too. <paramref name="gapStart"/> and <paramref name="gapEnd"/> are the pieces between them.
    /// </summary>
    private bool SharesLinkedState(Document doc, Buffers b, MentionDraft previous, int gapStart, int gapEnd, MentionDraft draft)
    {
        if (gapEnd - gapStart != 1 || previous.Kind != DraftKind.Title || draft.Kind != DraftKind.Title || previous.Code is not { Length: 3 }
            || !CameoCodes.IsSector(previous.Code) || previous.CountryIn(dictionary.Codes) is not null
            || draft.CountryIn(dictionary.Codes) is null)
        {
            return false;
        }

        var word = doc.Text.AsSpan(b.Start[gapStart], b.End[gapStart] - b.Start[gapStart]);
        return word is "and" or "or";
    }

    private void Distribute(MentionDraft previous, bool previousLinked, MentionDraft draft)
    {
        var prevCountry = previous.CountryIn(dictionary.Codes);
        var prevSector = previous.SectorIn(dictionary.Codes);
        var country = draft.CountryIn(dictionary.Codes);
        var sector = draft.SectorIn(dictionary.Codes);
        // Only a title joined to its state by a linker spreads over a list of states: "Russian forces and Ukraine"
        // does not make Ukraine's forces.
        if (previousLinked && draft.Kind == DraftKind.Named && !draft.IsPerson && country is not null && sector is null && previous.Kind == DraftKind.Title &&
            prevSector is not null && prevCountry is not null && draft.Code!.Length == 3)
        {
            draft.SetStatedCode(CameoCodes.Compose(null, draft.Code, previous.Code![3..])); // Osgiliath after "the ambassadors of Arnor,"
            draft.Kind = DraftKind.Title;
            draft.Resolution = Resolution.Title;
            draft.DistributedTitle = true;
        }
        else if (draft.Kind == DraftKind.Title && country is null && draft.Code is not null && prevCountry is not null && prevSector is not null &&
                 previous.Kind == DraftKind.Title)
        {
            // "government" after "Danish Islamist media and": everything but the last title (DNKMUS + GOV).
            var stem = previous.Code!.Length > 3 ? previous.Code[..^3] : previous.Code;
            draft.SetStatedCode(CameoCodes.Compose(null, stem, draft.Code));
            draft.WantCountry = prevCountry;
            draft.DistributedTitle = true;
        }
    }

    /// <summary>The state code of a segment's actor on no particular date, or null (agents, IGOs).</summary>
    private string? StateOf(Segment seg) => seg.Kind == SegmentKind.Actor ? dictionary.ActorAt(seg.Id).State : null;

    private bool HasPerson(List<Segment> segments, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (segments[k].Kind == SegmentKind.Actor && dictionary.ActorAt(segments[k].Id).IsPerson)
                return true;
        }

        return false;
    }

    /// <summary>
    /// Two adjacent actors join only when they agree on the state ("Russian" + "Sergei Lavrov"), never two persons.
    /// A title joins the name that follows it when the name is a person, or when the parse makes the title a
    /// modifier of the name ("Bree Prime Minister Romendacil", "Ithilen's minister Calimehtar"); then the title's
    /// state is what the text says about the person, whatever state the name's entry has.
    /// </summary>
    private bool Compatible(Document doc, Buffers b, List<Segment> segments, int groupStart, int j)
    {
        var next = segments[j];
        if (next.Kind == SegmentKind.Agent)
            return true;
        var nextEntry = dictionary.ActorAt(next.Id);

        // A title joins the name that follows it ("Foreign Minister Wang Yi"), not a state or company
        // ("forces Sony" is a verb and its object).
        var afterTitle = segments[j - 1].Kind == SegmentKind.Agent;
        var titleOfName = afterTitle && TitleModifiesName(doc, b, segments[j - 1], next);
        if (afterTitle && !nextEntry.IsPerson && !titleOfName && !dictionary.AgentAt(segments[j - 1].Id).Prefix)
            return false; // but a prefix agent does ("MSF Arnor" is NGOARN)
        var nextState = StateOf(next);
        for (var k = groupStart; k < j; k++)
        {
            if (segments[k].Kind != SegmentKind.Actor)
                continue;
            var entry = dictionary.ActorAt(segments[k].Id);
            if (entry.IsPerson && nextEntry.IsPerson)
                return false;
            if (ReferenceEquals(entry, nextEntry) && !titleOfName)
                return false; // "China China": two mentions
            if (StateOf(segments[k]) != nextState && !titleOfName)
                return false;
        }

        return true;
    }

    /// <summary>
    /// Whether the parse attaches the title's last word inside the name that follows ("Prime Minister" as a
    /// compound of "Romendacil"): then the name is a person holding that title, not a second actor.
    /// </summary>
    private static bool TitleModifiesName(Document doc, Buffers b, Segment title, Segment name)
    {
        var last = b.Token[title.PieceEnd - 1];
        var head = doc.HeadOf(last);
        if (head < 0)
            return false;
        var first = b.Token[name.PieceStart];
        var end = b.Token[name.PieceEnd - 1];
        if (head < first || head > end)
            return false;
        var rel = Labels.Universal(Labels.Deprel.Name(doc.DeprelOf(last)));
        return rel is "compound" or "flat" or "amod" or "nmod";
    }

    /// <summary>The pieces between two segments are a linker and an optional determiner: "for the", "of".</summary>
    private bool LinkerGap(Document doc, Buffers b, int from, int to)
    {
        if (to - from is < 1 or > 2)
            return false;
        var t1 = b.Token[from];
        if (!lexicon.Linkers.Contains(doc.TextOf(t1)))
            return false;
        return to - from == 1 || lexicon.Definite.Contains(doc.TextOf(b.Token[from + 1])) || lexicon.Indefinite.Contains(doc.TextOf(b.Token[from + 1]));
    }

    /// <summary>"former" or "ex-" among the modifiers right before a group's first token ("the former Gondor prosecutors").</summary>
    private bool RetiredBefore(Document doc, int sentenceFirst, int token)
    {
        for (var t = token - 1; t >= sentenceFirst && t >= token - 3; t--)
        {
            var word = doc.TextOf(t);
            if (lexicon.Retired.Contains(word))
                return true;
            if (!lexicon.Modifiers.Contains(word))
                return false;
        }

        return false;
    }

    /// <summary>The pieces between two segments are only "former"/"ex-" words.</summary>
    private bool RetiredGap(Document doc, Buffers b, int from, int to)
    {
        if (to - from is < 1 or > 2)
            return false;
        for (var p = from; p < to; p++)
        {
            if (!lexicon.Retired.Contains(doc.Text.AsSpan(b.Start[p], b.End[p] - b.Start[p])))
                return false;
        }

        return true;
    }

    private MentionDraft? Compose(Document doc, int s, Buffers b, List<Segment> segments, int from, int to, int linkedAt, bool retired)
    {
        ActorEntry? person = null;
        ActorEntry? other = null;
        string? prefix = null;
        string? suffix = null;
        var agents = 0;
        var lastAgentPersonNoun = false;
        string? titleNoun = null;
        for (var k = from; k < to; k++)
        {
            var seg = segments[k];
            if (seg.Kind == SegmentKind.Actor)
            {
                var entry = dictionary.ActorAt(seg.Id);

                // a name after a title of another state ("Ithilen's minister Calimehtar") keeps the title's state
                var overridden = other is not null && k > from && segments[k - 1].Kind == SegmentKind.Agent && StateOf(seg) != other.State;
                if (entry.IsPerson)
                    person = entry;
                else if (!overridden && (other is null || MoreSpecific(entry, other, doc.Date)))
                    other = entry;
            }
            else
            {
                var agent = dictionary.AgentAt(seg.Id);
                agents++;
                if (agent.Prefix)
                    prefix ??= agent.Code;
                else if (suffix is null)
                    suffix = agent.Code;
                else if (!suffix.Contains(agent.Code, StringComparison.Ordinal))
                    suffix += agent.Code;
                if (k == to - 1 || (linkedAt >= 0 && seg.PieceEnd == linkedAt) || titleNoun is null)
                {
                    lastAgentPersonNoun = IsPersonNoun(doc, b, seg);
                    titleNoun = agent.Phrase.Replace('_', ' ').Trim().ToLowerInvariant(); // "prime minister", not "minister"
                }
            }
        }

        var firstPiece = segments[from].PieceStart;
        var lastPiece = segments[to - 1].PieceEnd - 1;
        var draft = new MentionDraft
        {
            Sentence = s,
            StartToken = b.Token[firstPiece],
            EndToken = b.Token[lastPiece] + 1,

            // Snap to the token's edges unless the mention is only part of it ("Beijing" in "Beijing-Moscow"):
            // "U.S." keeps its final period although the period is not a piece.
            Start = firstPiece == 0 || b.Token[firstPiece - 1] != b.Token[firstPiece] ? doc.StartOf(b.Token[firstPiece]) : b.Start[firstPiece],
            End = lastPiece + 1 >= b.Count || b.Token[lastPiece + 1] != b.Token[lastPiece] ? doc.EndOf(b.Token[lastPiece]) : b.End[lastPiece],
        };
        var lastToken = b.Token[(linkedAt >= 0 ? linkedAt : segments[to - 1].PieceEnd) - 1];
        draft.Head = lastToken;
        var after = segments[to - 1].PieceEnd;
        draft.IsPossessor = after < b.Count && b.Ids[after] == dictionary.Vocabulary.PossessiveId;
        draft.IsPlural = IsPluralNoun(doc, lastToken);
        if (person is not null)
        {
            draft.Kind = DraftKind.Named;
            draft.Code = person.CodeOn(doc.Date);
            draft.Resolution = person.Resolution;
            draft.IsPerson = true;
            draft.IsPlural = false;
            draft.Entry = person.Name;
            draft.TitleNoun = titleNoun ?? TitleNounWithin(doc, draft.StartToken, draft.EndToken);
            return draft;
        }

        var baseCode = other?.CodeOn(doc.Date);
        draft.Alternatives = other?.AlternativesOn(doc.Date);
        if (other is not null && baseCode is null && agents == 0)
            return null; // a null actor ("---") or one without a code on this date: nothing to report
        draft.Entry = other?.Name;
        if (agents == 0)
        {
            draft.Kind = DraftKind.Named;
            draft.Code = baseCode;
            draft.Resolution = other!.Resolution;
            draft.IsPlural = other.Resolution == Resolution.Demonym && draft.IsPlural;

            // A dictionary title such as "U.S. President" names a person even without a name.
            var head = doc.TextOf(lastToken);
            if (!draft.IsPlural && (lexicon.PersonNouns.Contains(head) || (doc.LemmaOf(lastToken) is { } l && lexicon.PersonNouns.Contains(l))))
            {
                draft.TitleNoun = head.ToString().ToLowerInvariant();
                draft.IsPerson = true;
                draft.WantCountry = dictionary.Codes.CountryOf(baseCode);
                draft.WantSector = dictionary.Codes.SectorOf(baseCode);
            }

            return draft;
        }

        // a former official is an elite: the title's sector gives way to ELI ("former Gondor prosecutors" GONELI)
        if (retired && suffix is not null)
            suffix = "ELI";
        draft.Code = CameoCodes.Compose(prefix, baseCode, suffix);
        draft.Stateless = baseCode is null;
        draft.Resolution = Resolution.Title;
        draft.Kind = DraftKind.Title;
        draft.TitleNoun = titleNoun;
        draft.IsPerson = lastAgentPersonNoun && !draft.IsPlural;
        draft.WantCountry = dictionary.Codes.CountryOf(baseCode);
        draft.WantSector = suffix is { Length: >= 3 } ? suffix[..3] : null;
        return draft;
    }

    /// <summary>The last title word inside a dictionary name ("Foreign Minister Wang Yi" -> "minister"), or null.</summary>
    private string? TitleNounWithin(Document doc, int start, int end)
    {
        for (var t = end - 1; t >= start; t--)
        {
            if (!lexicon.PersonNouns.Contains(doc.TextOf(t)))
                continue;
            var noun = doc.TextOf(t).ToString().ToLowerInvariant();
            if (t > start)
            {
                var two = string.Concat(doc.TextOf(t - 1), " ", noun).ToLowerInvariant();
                if (lexicon.HeadNouns.Contains(two))
                    return two;
            }

            return noun;
        }

        return null;
    }

    /// <summary>"U.S." + "Secretary of State" is USAGOV, not USA: the longer code (then a non-demonym, then the later one) wins.</summary>
    private static bool MoreSpecific(ActorEntry candidate, ActorEntry current, DateOnly? date)
    {
        var a = candidate.CodeOn(date)?.Length ?? 0;
        var b = current.CodeOn(date)?.Length ?? 0;
        if (a != b)
            return a > b;
        return current.Resolution == Resolution.Demonym || candidate.Resolution != Resolution.Demonym;
    }

    private bool IsPersonNoun(Document doc, Buffers b, Segment seg)
    {
        var last = b.Token[seg.PieceEnd - 1];
        var text = doc.TextOf(last);
        if (lexicon.PersonNouns.Contains(text))
            return true;
        var lemma = doc.LemmaOf(last);
        return lemma is not null && lexicon.PersonNouns.Contains(lemma);
    }

    private static bool IsPluralNoun(Document doc, int t)
    {
        var xpos = Labels.Xpos.Name(doc.XposOf(t));
        if (xpos is "NNS" or "NNPS")
            return true;
        if (doc.XposOf(t) != 0)
            return false;
        var text = doc.TextOf(t);
        return text.Length > 3 && text[^1] is 's' && text[^2] is not ('s' or 'u' or 'i') && char.IsLower(text[0]) ||
               (text.Length > 3 && text.EndsWith("ans", StringComparison.Ordinal)); // Russians, Americans
    }

    /// <summary>
    /// A title or demonym followed by capitalised words that no dictionary knows is a person of that state and
    /// title: "Iranian official Ali Bagheri" is IRNGOV even if no dictionary has him.
    /// </summary>
    private void ExtendWithName(Document doc, int sentenceEnd, Buffers b, MentionDraft draft)
    {
        if (draft.Kind == DraftKind.Named && (draft.IsPerson || draft.Resolution != Resolution.Demonym))
            return;
        if (draft.IsPlural || draft.End != doc.EndOf(draft.EndToken - 1))
            return; // "the Polish-flagged Marinette": a demonym inside a word does not introduce a name
        var t = draft.EndToken;
        var count = 0;
        while (t < sentenceEnd && count < MaxNameTokens && LooksLikeNameWord(doc, t) && !StartsDictionaryPhrase(doc, t, sentenceEnd))
        {
            t++;
            count++;
        }

        if (count == 0)
            return;
        draft.EndToken = t;
        draft.End = doc.EndOf(t - 1);
        draft.Head = t - 1;
        draft.IsPerson = true;
        draft.Kind = DraftKind.Named;
        if (draft.Resolution == Resolution.Dictionary)
            draft.Resolution = Resolution.Title;
        draft.Surname = doc.TextOf(t - 1).ToString();
        draft.Entry = null;
    }

    private bool LooksLikeNameWord(Document doc, int t)
    {
        var text = doc.TextOf(t);
        if (text.Length < 2 || !char.IsUpper(text[0]) || lexicon.NotNames.Contains(text))
            return false;
        var upos = doc.UposOf(t);
        return upos is Upos.None or Upos.PROPN;
    }

    /// <summary>
    /// Whether a dictionary phrase (actor or agent) starts at token <paramref name="t"/> and ends within the next few
    /// tokens: "Iranian Red Crescent Society" is Iran's demonym before a named organisation, not a person's name.
    /// </summary>
    private bool StartsDictionaryPhrase(Document doc, int t, int sentenceEnd)
    {
        var actor = PhraseTrie.Root;
        var agent = PhraseTrie.Root;
        var last = Math.Min(sentenceEnd, t + MaxNameTokens);
        for (var k = t; k < last && (actor >= 0 || agent >= 0); k++)
        {
            var e = new PieceEnumerator(doc.TextOf(k));
            while (e.MoveNext() && (actor >= 0 || agent >= 0))
            {
                var id = dictionary.Vocabulary.Find(e.Current);
                actor = actor >= 0 ? dictionary.ActorTrie.Step(actor, id) : -1;
                agent = agent >= 0 ? dictionary.AgentTrie.Step(agent, id) : -1;
            }

            if ((actor >= 0 && dictionary.ActorTrie.ValueAt(actor) >= 0) || (agent >= 0 && dictionary.AgentTrie.ValueAt(agent) >= 0))
                return true;
        }

        return false;
    }

    /// <summary>"American tariffs": a singular demonym before a common word describes it and is not an actor one can refer back to.</summary>
    private static bool IsAdjectivalDemonym(Document doc, int sentenceEnd, MentionDraft draft)
    {
        if (draft.Kind != DraftKind.Named || draft.Resolution != Resolution.Demonym || draft.IsPlural || draft.EndToken >= sentenceEnd)
            return false;
        var next = draft.EndToken;
        var upos = doc.UposOf(next);
        if (upos != Upos.None)
            return upos is Upos.NOUN or Upos.ADJ or Upos.PROPN or Upos.NUM;
        var text = doc.TextOf(next);
        return text.Length > 0 && char.IsLetter(text[0]);
    }

    private void MarkNonReferent(Document doc, int sentenceFirst, MentionDraft draft)
    {
        if (draft.StartToken <= sentenceFirst || draft.Start != doc.StartOf(draft.StartToken))
            return;
        if (doc.HeadOf(draft.Head) >= -1)
        {
            // Parsed: the preposition must be the mention's own ("in China", not "in China-Russia relations").
            var sentenceEnd = sentenceFirst + doc.SentenceTokenCount(draft.Sentence);
            for (var t = sentenceFirst; t < sentenceEnd; t++)
            {
                if (doc.HeadOf(t) != draft.Head || doc.DeprelOf(t) != CaseId)
                    continue;
                var word = doc.TextOf(t);

                // "in Tokyo", "as prime minister"; "the Sea of Japan" (a state inside a longer name)
                if (lexicon.NonReferentBefore.Contains(word) ||
                    (word.SequenceEqual("of") && doc.HeadOf(draft.Head) is var h and >= 0 && doc.TextOf(h) is { Length: > 0 } w && char.IsUpper(w[0])))
                {
                    draft.NonReferent = true;
                    return;
                }
            }

            return;
        }

        var before = doc.TextOf(draft.StartToken - 1);
        if (lexicon.NonReferentBefore.Contains(before))
            draft.NonReferent = true;

        // "the Sea of Japan", "the Bank of China": the state is part of a longer name.
        else if (before.SequenceEqual("of") && draft.StartToken - 2 >= sentenceFirst && doc.TextOf(draft.StartToken - 2) is { Length: > 0 } w && char.IsUpper(w[0]))
            draft.NonReferent = true;
    }

    /// <summary>Takes in a preceding determiner or possessive and the modifiers between ("the now US president").</summary>
    private void ExtendLeft(Document doc, int sentenceFirst, MentionDraft draft)
    {
        if (draft.Start != doc.StartOf(draft.StartToken) || draft.End != doc.EndOf(draft.EndToken - 1))
            return; // part of a token ("the Beijing-Moscow partnership"): the determiner belongs to the whole
        if (draft.Kind == DraftKind.Named && !draft.IsPerson && draft.EndToken < doc.TokenCount &&
            doc.SentenceOf(draft.EndToken) == draft.Sentence && doc.UposOf(draft.EndToken) == Upos.NOUN)
            return; // "the Gaza blockade": with tags we can see the name only modifies the noun the determiner belongs to
        var t = draft.StartToken - 1;
        var former = false;
        while (t >= sentenceFirst && lexicon.Modifiers.Contains(doc.TextOf(t)))
        {
            former |= lexicon.Former.Contains(doc.TextOf(t));
            t--;
        }

        if (t >= sentenceFirst && (lexicon.Definite.Contains(doc.TextOf(t)) || lexicon.Indefinite.Contains(doc.TextOf(t))))
        {
            draft.StartToken = t;
            draft.Start = doc.StartOf(t);
            draft.Former = former;
            var word = doc.TextOf(t);
            draft.Possessor = lexicon.ThingPronouns.Contains(word) ? PronounClass.Thing
                : lexicon.PluralPronouns.Contains(word) ? PronounClass.Plural
                : lexicon.PersonPronouns.Contains(word) ? PronounClass.Person
                : PronounClass.None;
        }
    }

    /// <summary>A definite singular title naming one person, without a name, points back to someone: "the Chinese leader".</summary>
    private void ClassifyDescriptor(Document doc, MentionDraft draft)
    {
        // A title without a name: composed ("the Russian president") or a dictionary phrase that is one ("the U.S. president").
        var title = draft.Kind == DraftKind.Title ||
                    (draft.Kind == DraftKind.Named && draft.WantCountry is not null && draft.Surname is null && draft.Resolution == Resolution.Dictionary);
        if (!title || !draft.IsPerson || draft.IsPlural || draft.TitleNoun is null)
            return;
        if (lexicon.Definite.Contains(doc.TextOf(draft.StartToken)))
            draft.Kind = DraftKind.Descriptor;
    }

    private static void MarkSubject(Document doc, MentionDraft draft)
    {
        if (doc.HeadOf(draft.StartToken) < -1)
        {
            // Not parsed: in English news a mention that opens its sentence is nearly always the subject.
            var first = doc.SentenceFirstToken(draft.Sentence);
            draft.IsSubject = draft.StartToken == first || (draft.StartToken == first + 1 && doc.TextOf(first) is "\"" or "“" or "'");
            return;
        }

        for (var t = draft.StartToken; t < draft.EndToken; t++)
        {
            var h = doc.HeadOf(t);
            if (h < draft.StartToken || h >= draft.EndToken)
            {
                draft.Head = t;
                draft.IsSubject = Labels.Universal(Labels.Deprel.Name(doc.DeprelOf(t))) is "nsubj";
                return;
            }
        }
    }

    // ---- single words: descriptors, pronouns, plural groups, known surnames, recognised entities -------

    private void FindSingleWords(Document doc, int s, int first, int end, BitSet covered, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> surnames, List<MentionDraft> output)
    {
        for (var t = first; t < end; t++)
        {
            if (covered.Get(t - first))
                continue;
            var text = doc.TextOf(t);
            if (text.IsEmpty)
                continue;
            MentionDraft? d = null;
            if (lexicon.PersonPronouns.Contains(text))
            {
                d = Single(doc, s, t, DraftKind.Pronoun, PronounClass.Person);
                d.IsObjectPronoun = lexicon.ObjectPronouns.Contains(text);
            }
            else if (lexicon.ThingPronouns.Contains(text))
            {
                if (!IsPleonastic(doc, t, end))
                    d = Single(doc, s, t, DraftKind.Pronoun, PronounClass.Thing);
            }
            else if (lexicon.PluralPronouns.Contains(text))
            {
                d = Single(doc, s, t, DraftKind.Pronoun, PronounClass.Plural);
                d.IsObjectPronoun = lexicon.ObjectPronouns.Contains(text);
            }
            else if (lexicon.DescriptorCountry(text) is { } country && t > first && lexicon.Definite.Contains(doc.TextOf(t - 1)) && char.IsUpper(text[0]))
            {
                d = Single(doc, s, t, DraftKind.Descriptor, PronounClass.None);
                d.StartToken = t - 1;
                d.Start = doc.StartOf(t - 1);
                d.WantCountry = country;
                d.IsPerson = true;
            }
            else if (lexicon.GroupNumbers.Contains(text) && TryPluralGroup(doc, s, first, end, t, out var group))
            {
                d = group;
            }
            else if (char.IsUpper(text[0]) && surnames.Dictionary.Count > 0 && surnames.TryGetValue(text, out var antecedent) && doc.UposOf(t) is Upos.None or Upos.PROPN)
            {
                d = Single(doc, s, t, DraftKind.Entity, PronounClass.None);
                d.Antecedent = antecedent;
                d.IsPerson = true;
            }
            else if (doc.EntityOf(t) is { Iob: Iob.B, Type: EntityType.PER or EntityType.ORG } ent)
            {
                var e = t + 1;
                while (e < end && doc.EntityOf(e).Iob == Iob.I && !covered.Get(e - first))
                    e++;
                d = Single(doc, s, t, DraftKind.Entity, PronounClass.None);
                d.EndToken = e;
                d.End = doc.EndOf(e - 1);
                d.Head = e - 1;
                d.IsPerson = ent.Type == EntityType.PER;
                if (d.IsPerson)
                    d.Surname = doc.TextOf(e - 1).ToString();
            }

            if (d is null)
                continue;
            MarkSubject(doc, d);
            if (d.Kind != DraftKind.Pronoun)
                MarkNonReferent(doc, first, d);
            for (var k = d.StartToken; k < d.EndToken; k++)
            {
                if (k >= first)
                    covered.Set(k - first);
            }

            t = d.EndToken - 1;
            output.Add(d);
        }
    }

    private static MentionDraft Single(Document doc, int s, int t, DraftKind kind, PronounClass pronoun) => new()
    {
        Sentence = s,
        StartToken = t,
        EndToken = t + 1,
        Start = doc.StartOf(t),
        End = doc.EndOf(t),
        Head = t,
        Kind = kind,
        Pronoun = pronoun,
        IsPerson = pronoun == PronounClass.Person,
        IsPlural = pronoun == PronounClass.Plural,
        Resolution = Resolution.Coreference,
    };

    /// <summary>"it seems", "it is clear that", "it was a response to": an "it" that refers to nothing.</summary>
    private bool IsPleonastic(Document doc, int t, int end)
    {
        if (t + 1 >= end)
            return false;
        var next = doc.TextOf(t + 1);
        if (lexicon.Pleonastic.Contains(next))
            return true;
        if (!lexicon.PleonasticBe.Contains(next))
            return false;
        for (var k = t + 2; k < end && k <= t + 4; k++)
        {
            if (lexicon.PleonasticComplements.Contains(doc.TextOf(k)))
                return true;
        }

        return false;
    }

    /// <summary>"the two countries", "both neighbors", "the two nuclear powers": up to two words between number and noun.</summary>
    private bool TryPluralGroup(Document doc, int s, int first, int end, int t, out MentionDraft? group)
    {
        group = null;
        for (var k = t + 1; k < end && k <= t + 3; k++)
        {
            var w = doc.TextOf(k);
            var states = lexicon.StateGroupNouns.Contains(w);
            var persons = !states && lexicon.PersonGroupNouns.Contains(w);
            if (!states && !persons)
            {
                if (char.IsLower(w[0]) && doc.UposOf(k) is Upos.None or Upos.ADJ)
                    continue;
                return false;
            }

            var start = t > first && lexicon.Definite.Contains(doc.TextOf(t - 1)) ? t - 1 : t;
            group = new MentionDraft
            {
                Sentence = s,
                StartToken = start,
                EndToken = k + 1,
                Start = doc.StartOf(start),
                End = doc.EndOf(k),
                Head = k,
                Kind = DraftKind.PluralGroup,
                IsPlural = true,
                GroupOfPersons = persons,
                Resolution = Resolution.Coreference,
            };
            return true;
        }

        return false;
    }

    private sealed class DraftOrder : IComparer<MentionDraft>
    {
        public static readonly DraftOrder Instance = new();

        public int Compare(MentionDraft? x, MentionDraft? y) => x!.StartToken.CompareTo(y!.StartToken);
    }
}

/// <summary>A small fixed-size bit set for the tokens of one sentence.</summary>
internal readonly struct BitSet(int size)
{
    private readonly ulong[] _bits = new ulong[(size + 63) >> 6];

    public void Set(int i)
    {
        if ((uint)i < (uint)(_bits.Length << 6))
            _bits[i >> 6] |= 1UL << (i & 63);
    }

    public bool Get(int i) => (uint)i < (uint)(_bits.Length << 6) && (_bits[i >> 6] & (1UL << (i & 63))) != 0;
}
