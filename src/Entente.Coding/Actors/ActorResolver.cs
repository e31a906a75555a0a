using Entente.Nlp;
using Entente.Nlp.Documents;
using Entente.Nlp.Pipeline;

namespace Entente.Coding.Actors;

/// <summary>
/// The actor stage: finds every actor mention of a document and resolves it to a CAMEO actor code for the
/// document's date, then resolves what refers back (pronouns, descriptors, plural groups) within the document.
/// Attaches a <see cref="MentionList"/> in text order. Immutable and thread-safe: all working memory is per call.
/// Works on bare tokens; uses tags, lemmas, the parse and entity tags when earlier stages provide them.
/// </summary>
public sealed class ActorResolver : IPipelineStage
{
    private readonly MentionFinder _finder;
    private readonly Coreference _coreference;

    public ActorResolver(ActorDictionary dictionary, CorefLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        ArgumentNullException.ThrowIfNull(lexicon);
        Dictionary = dictionary;
        Lexicon = lexicon;
        _finder = new MentionFinder(dictionary, lexicon);
        _coreference = new Coreference(dictionary.Codes, lexicon);
    }

    public string Name => "actors";

    public ActorDictionary Dictionary { get; }

    public CorefLexicon Lexicon { get; }

    /// <summary>The default dictionaries and word lists of <c>data/dictionaries</c>.</summary>
    public static ActorResolver LoadDefault(DataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var dictionary = ActorDictionary.LoadDefault(data);
        return new ActorResolver(dictionary, LoadDefaultLexicon(data));
    }

    /// <summary>
    /// A resolver over the given dictionary files (for instance the PETRARCH validation set's
    /// PETR.Validate.actors/agents/discards) with the default word lists of <paramref name="data"/>. Every
    /// three-letter code that is not a sector counts as a state, so made-up test states keep their country.
    /// </summary>
    public static ActorResolver FromFiles(IEnumerable<DictionaryFile> files, DataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(data);
        return new ActorResolver(ActorDictionary.Load(files), LoadDefaultLexicon(data));
    }

    /// <summary>The word lists of <c>data/dictionaries/Entente.coref.txt</c>.</summary>
    public static CorefLexicon LoadDefaultLexicon(DataDirectory data)
    {
        var path = Path.Combine(data["dictionaries"], "Entente.coref.txt");
        if (!File.Exists(path))
            throw new FileNotFoundException($"coreference word list not found: {path}", path);
        return CorefLexicon.Load(path, []);
    }

    public void Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var drafts = new List<MentionDraft>();
        var surnames = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var surnameLookup = surnames.GetAlternateLookup<ReadOnlySpan<char>>();
        var longest = 0;
        for (var s = 0; s < document.SentenceCount; s++)
            longest = Math.Max(longest, document.SentenceTokenCount(s));
        using var buffers = new MentionFinder.Buffers(longest * 4 + 8);
        for (var s = 0; s < document.SentenceCount; s++)
        {
            var from = drafts.Count;
            _finder.Find(document, s, buffers, surnameLookup, drafts);
            _coreference.Resolve(drafts, from, document.Date);
            for (var i = from; i < drafts.Count; i++)
            {
                if (drafts[i].Surname is { } surname && drafts[i].Antecedent < 0 && !surnames.ContainsKey(surname))
                    surnames[surname] = i;
            }
        }

        document.Set(new MentionList(ToMentions(document, drafts)));
    }

    /// <summary>
    /// Turns drafts into records. Anaphors that found nothing to refer to are dropped (an unresolved "it" is
    /// not an actor); antecedent and member indices are renumbered to the kept list.
    /// </summary>
    private List<Mention> ToMentions(Document doc, List<MentionDraft> drafts)
    {
        var index = new int[drafts.Count];
        var kept = 0;
        for (var i = 0; i < drafts.Count; i++)
        {
            var d = drafts[i];
            // Drafts only refer backwards, so whether an antecedent was kept is already known.
            var keep = d.Kind switch
            {
                DraftKind.Pronoun => Follow(drafts, index, d.Antecedent) >= 0,
                DraftKind.PluralGroup => d.Members is { Count: > 0 },

                // "sentenced to ten years in prison", "in the village": a bare title after a place preposition is a place.
                DraftKind.Title => !(d.NonReferent && d.WantCountry is null && d.Antecedent < 0),
                _ => true,
            };
            index[i] = keep ? kept++ : -1;
        }

        var codes = Dictionary.Codes;
        var mentions = new List<Mention>(kept);
        for (var i = 0; i < drafts.Count; i++)
        {
            if (index[i] < 0)
                continue;
            var d = drafts[i];
            var antecedent = Follow(drafts, index, d.Antecedent);
            List<int>? members = null;
            if (d.Members is { } ms)
            {
                members = new List<int>(ms.Count);
                foreach (var m in ms)
                {
                    var k = Follow(drafts, index, m);
                    if (k >= 0)
                        members.Add(k);
                }
            }

            var code = members is not null ? null : d.Code;
            mentions.Add(new Mention(
                d.Sentence,
                d.StartToken,
                d.EndToken,
                doc.Text[d.Start..d.End],
                d.Start,
                d.End,
                code,
                d.Stateless ? null : codes.CountryOf(code),
                codes.SectorOf(code, d.Stateless),
                code is null && members is null ? Resolution.None : d.Resolution,
                antecedent,
                d.Head,
                members,
                d.IsPerson,
                d.Entry,
                d.Alternatives is { Length: > 1 } alternatives && members is null ? alternatives : null));
        }

        return mentions;
    }

    /// <summary>The kept index of a draft; a dropped one passes on to its own antecedent.</summary>
    private static int Follow(List<MentionDraft> drafts, int[] index, int i)
    {
        for (var guard = 0; i >= 0 && guard < drafts.Count; guard++)
        {
            if (index[i] >= 0)
                return index[i];
            i = drafts[i].Antecedent;
        }

        return -1;
    }
}
