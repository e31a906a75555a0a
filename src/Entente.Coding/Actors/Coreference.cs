namespace Entente.Coding.Actors;

/// <summary>
/// Resolves what refers back, within one document: pronouns ("he", "its", "they") to the nearest fitting actor,
/// preferring subjects and avoiding possessors; definite descriptors ("the Russian president", "the Republican",
/// "his Chinese counterpart") to the last person of that state whose current office fits the title (or, failing
/// that, to a name in apposition just after); plural groups ("both neighbors") to the last two states; known
/// surnames to the first mention of the name. Deterministic and greedy: each anaphor looks only backwards
/// (and, for an apposition, one mention forwards).
/// </summary>
internal sealed class Coreference(CameoCodes codes, CorefLexicon lexicon)
{
    /// <summary>How many sentences back a pronoun looks (its own and two before).</summary>
    private const int PronounWindow = 2;

    /// <summary>How many sentences back a plural group looks for its members.</summary>
    private const int GroupWindow = 3;

    /// <summary>How many mentions back a descriptor looks: far enough for a long article, bounded for a huge one.</summary>
    private const int DescriptorWindow = 400;

    /// <summary>Resolves the anaphors among <paramref name="drafts"/>[<paramref name="from"/>..], in order.</summary>
    public void Resolve(List<MentionDraft> drafts, int from, DateOnly? date)
    {
        for (var i = from; i < drafts.Count; i++)
        {
            var d = drafts[i];

            // "its prime minister", "their forces": first find whose; a descriptor then looks for that state's person.
            if (d.Kind is DraftKind.Title or DraftKind.Descriptor && d.Possessor is PronounClass.Thing or PronounClass.Plural && d.WantCountry is null)
            {
                ResolvePossessedTitle(drafts, i);
                if (d.Kind == DraftKind.Title || d.WantCountry is null)
                    continue;
            }

            switch (d.Kind)
            {
                case DraftKind.Pronoun:
                    ResolvePronoun(drafts, i);
                    break;
                case DraftKind.Descriptor:
                    ResolveDescriptor(drafts, i, date);
                    break;
                case DraftKind.PluralGroup:
                    ResolveGroup(drafts, i);
                    break;
                case DraftKind.Entity when d.Antecedent >= 0:
                    CopyFrom(d, drafts[d.Antecedent], d.Antecedent);
                    break;

                // "South Korea's new president, Lee Jae-myung, ...": the title and the name in apposition are one person.
                case DraftKind.Title when d.IsPerson && !d.IsPlural && d.WantCountry is not null && i + 1 < drafts.Count && Apposition(drafts[i + 1], d):
                    d.Antecedent = i + 1;
                    break;
            }
        }
    }

    private static void CopyFrom(MentionDraft d, MentionDraft antecedent, int index)
    {
        d.Antecedent = index;
        d.Code = antecedent.Code;
        d.Stateless = antecedent.Stateless;
        d.Members = antecedent.Members;
        d.Resolution = Resolution.Coreference;
        d.IsPerson |= antecedent.IsPerson;
    }

    private void ResolvePronoun(List<MentionDraft> drafts, int i)
    {
        var d = drafts[i];
        var best = FindPronounAntecedent(drafts, i, d.Pronoun);
        if (best >= 0)
            CopyFrom(d, drafts[best], best);
    }

    /// <summary>"its forces": the forces of whatever "its" refers to (TWN + MIL = TWNMIL).</summary>
    private void ResolvePossessedTitle(List<MentionDraft> drafts, int i)
    {
        var d = drafts[i];
        var best = FindPronounAntecedent(drafts, i, d.Possessor);
        if (best < 0 || drafts[best].CountryIn(codes) is not { } country)
            return;
        d.Antecedent = best;
        d.SetStatedCode(CameoCodes.Compose(null, country, d.SectorIn(codes)));
        d.Resolution = Resolution.Coreference;
        d.WantCountry = country;
    }

    private int FindPronounAntecedent(List<MentionDraft> drafts, int i, PronounClass pronoun)
    {
        var d = drafts[i];
        var best = -1;
        var sentenceStart = i;
        while (sentenceStart > 0 && drafts[sentenceStart - 1].Sentence == d.Sentence)
            sentenceStart--;

        // The subject an object pronoun cannot mean, followed back to its first mention: "Netanyahu spoke with
        // Trump. The Israeli prime minister thanked him" excludes the prime minister and so Netanyahu too.
        var excludedRoot = -1;
        if (d.IsObjectPronoun)
        {
            for (var j = sentenceStart; j < i; j++)
            {
                if (drafts[j].IsSubject || j == sentenceStart)
                {
                    excludedRoot = Root(drafts, j);
                    break;
                }
            }
        }
        var bestScore = int.MinValue;
        for (var j = i - 1; j >= 0; j--)
        {
            var c = drafts[j];
            if (c.Sentence < d.Sentence - PronounWindow)
                break;
            if (c.End > d.Start || c.NonReferent || !Fits(pronoun, c))
                continue;

            // "Netanyahu thanked him": an object pronoun is not its own clause's subject.
            if (d.IsObjectPronoun && c.Sentence == d.Sentence && (c.IsSubject || j == sentenceStart))
                continue;
            if (excludedRoot >= 0 && Root(drafts, j) == excludedRoot)
                continue;

            // Recency first (each step back costs one point, each sentence back three), then salience:
            // subjects are what later pronouns most often mean, possessors ("Biden's leadership") least.
            var score = -(i - j) - 3 * (d.Sentence - c.Sentence);
            if (c.IsSubject)
                score += 4;
            if (c.IsPossessor)
                score -= 4;
            if (pronoun == PronounClass.Plural && c.IsPlural)
                score += 3;
            if (score > bestScore)
            {
                bestScore = score;
                best = j;
            }
        }

        return best;
    }

    /// <summary>The first mention of the entity a draft refers to (itself when it refers to nothing).</summary>
    private static int Root(List<MentionDraft> drafts, int j)
    {
        for (var guard = 0; drafts[j].Antecedent >= 0 && drafts[j].Antecedent < j && guard < drafts.Count; guard++)
            j = drafts[j].Antecedent;
        return j;
    }

        private static bool Fits(PronounClass pronoun, MentionDraft c)
    {
        if (c.Kind == DraftKind.Pronoun && c.Antecedent < 0)
            return false;
        return pronoun switch
        {
            PronounClass.Person => c.IsPerson && !c.IsPlural && (c.Kind != DraftKind.Title || NamesAnActor(c.Code)),
            PronounClass.Thing => !c.IsPerson && !c.IsPlural && c.Kind != DraftKind.PluralGroup && NamesAnActor(c.Code),
            PronounClass.Plural => !c.IsPerson && (c.IsPlural || NamesAnActor(c.Code)),
            _ => false,
        };
    }

    /// <summary>A code that names a state or body, not a bare sector ("GOV" from "the administration" alone).</summary>
    private static bool NamesAnActor(string? code) => code is { Length: > 3 } || (code is { Length: 3 } && !CameoCodes.IsSector(code));

    private void ResolveDescriptor(List<MentionDraft> drafts, int i, DateOnly? date)
    {
        var d = drafts[i];
        var best = -1;
        var bestScore = int.MinValue;

        // "his counterpart" with no state: someone of another state than the one "his" refers to.
        string? notCountry = null;
        if (d.WantCountry is null && d.Possessor == PronounClass.Person && d.TitleNoun is "counterpart" or "counterparts")
        {
            var owner = FindPronounAntecedent(drafts, i, PronounClass.Person);
            notCountry = owner >= 0 ? drafts[owner].CountryIn(codes) : null;
            if (notCountry is null)
                return;
        }

        for (var j = i - 1; j >= 0 && j >= i - DescriptorWindow; j--)
        {
            var c = drafts[j];
            if (!c.IsPerson || c.IsPlural || c.End > d.Start || c.Code is null && c.Antecedent < 0)
                continue;
            var country = c.CountryIn(codes);
            if (d.WantCountry is not null && country != d.WantCountry)
                continue;
            if (notCountry is not null && (country is null || country == notCountry))
                continue;
            if (!TitleFits(d.TitleNoun, c.TitleNoun))
                continue;
            var sector = c.SectorIn(codes);
            var score = -(i - j);
            if (d.WantSector is not null)
            {
                var holdsOffice = sector == d.WantSector;
                if (holdsOffice != d.Former)
                    score += 1000;
            }

            if (c.IsPossessor)
                score -= 4;
            if (c.IsSubject)
                score += 4;
            if (score > bestScore)
            {
                bestScore = score;
                best = j;
            }
        }

        if (best < 0 && i + 1 < drafts.Count && Apposition(drafts[i + 1], d))
            best = i + 1;
        if (best >= 0)
        {
            var antecedent = drafts[best];
            d.Antecedent = best;
            d.Resolution = Resolution.Coreference;

            // The title is evidence about the date too: "the Iranian president" is IRNGOV even in the article
            // reporting his death; only "the former ..." takes the person's own (later) role.
            var titleSays = d.Code is not null && d.CountryIn(codes) is not null && d.SectorIn(codes) is not null && !d.Former;
            if (!titleSays && antecedent.Code is not null)
            {
                d.Code = antecedent.Code;
                d.Stateless = antecedent.Stateless;
            }
            return;
        }

        // Nobody to point to: the title still says who ("the Russian president" is RUSGOV).
        d.Resolution = d.Code is null ? Resolution.None : Resolution.Title;
        if (d.Code is null && d.WantCountry is not null)
        {
            d.SetStatedCode(d.WantCountry);
            d.Resolution = Resolution.Title;
        }
    }

    /// <summary>"his Chinese counterpart, Xi Jinping": the next mention follows a comma and is a person of the same state.</summary>
    private bool Apposition(MentionDraft next, MentionDraft d) =>
        next.IsPerson && next.Kind == DraftKind.Named && next.Sentence == d.Sentence && next.StartToken <= d.EndToken + 1 &&
        (d.WantCountry is null || next.CountryIn(codes) == d.WantCountry);

    /// <summary>
    /// A head-of-state title ("leader", "president") should not point to someone named with another title
    /// ("Foreign Minister Wang Yi"); other titles accept anyone.
    /// </summary>
    private bool TitleFits(string? wanted, string? candidate)
    {
        if (wanted is null || candidate is null || !lexicon.HeadNouns.Contains(wanted))
            return true;
        return lexicon.HeadNouns.Contains(candidate);
    }

    private void ResolveGroup(List<MentionDraft> drafts, int i)
    {
        // Places and predicates are poor members ("talks in Tokyo"), but better than nothing when the
        // group's states were only named as places.
        var members = GroupMembers(drafts, i, allowNonReferents: false);
        if (members.Count < 2)
            members = GroupMembers(drafts, i, allowNonReferents: true);
        if (members.Count == 2)
        {
            members.Reverse();
            var d = drafts[i];
            d.Members = members;
            d.Antecedent = members[^1];
            d.Resolution = Resolution.Coreference;
        }
    }

    private List<int> GroupMembers(List<MentionDraft> drafts, int i, bool allowNonReferents)
    {
        var d = drafts[i];
        var members = new List<int>(2);
        var seen = new List<string>(2);
        for (var j = i - 1; j >= 0 && members.Count < 2; j--)
        {
            var c = drafts[j];
            if (c.Sentence < d.Sentence - GroupWindow)
                break;
            if (c.Kind is DraftKind.PluralGroup or DraftKind.Pronoun || c.Code is null || c.End > d.Start || (c.NonReferent && !allowNonReferents))
                continue;
            if (d.GroupOfPersons && !c.IsPerson)
                continue;
            var key = d.GroupOfPersons ? c.Code + "|" + (c.Entry ?? c.Surname ?? c.Start.ToString(System.Globalization.CultureInfo.InvariantCulture)) : c.CountryIn(codes);
            if (key is null || seen.Contains(key))
                continue;
            seen.Add(key);
            members.Add(j);
        }

        return members;
    }
}
