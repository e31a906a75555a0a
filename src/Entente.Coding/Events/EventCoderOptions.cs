namespace Entente.Coding.Events;

/// <summary>Choices about which events the coder emits. Immutable.</summary>
public sealed record EventCoderOptions
{
    /// <summary>The defaults for news: one-sided events are kept, statements without a target are not.</summary>
    public static EventCoderOptions Default { get; } = new();

    /// <summary>
    /// Emit only events with both a source and a target actor (PETRARCH's <c>require_dyad</c>). Off by default:
    /// "Russian forces shelled Kharkiv" is worth keeping even when the target is not an actor.
    /// </summary>
    public bool RequireDyad { get; init; }

    /// <summary>Drop CAMEO 01 public statements that have no target: "X said" alone is not an event about anyone.</summary>
    public bool DropStatementsWithoutTarget { get; init; } = true;

    /// <summary>Code eventive nouns ("Trump's ultimatum to Putin", "US sanctions on Russia") as well as verbs.</summary>
    public bool NominalEvents { get; init; } = true;

    /// <summary>Keep events whose source and target have the same actor code (off: "China urged China" is noise).</summary>
    public bool CodeSelfEvents { get; init; }

    /// <summary>
    /// Drop events between a state and itself: "Trump argued that the United States was responsible" is no event
    /// of USAGOV toward USA. Both sides must stand for the state as such (the bare country or its government);
    /// a government acting on its own rebels, opposition or citizens is still coded. On for news.
    /// </summary>
    public bool DropSameStateEvents { get; init; } = true;

    /// <summary>
    /// A bare statement (CAMEO 010) by a speaker who is not a state (a militia, a charity, a newspaper, an
    /// international body) toward a state is not coded: "Hezbollah says its pause on strikes on the United States
    /// will last" is no statement to the United States; whatever the speaker reports is coded on its own. On for news.
    /// </summary>
    public bool DropNonStateStatements { get; init; } = true;

    /// <summary>
    /// PETRARCH's reading of a passive verb with no "by" agent: its subject is the source and the target comes from the
    /// rest of the clause ("The Philippines was criticized over its dispute with Eriador" is PHL against ERI), as
    /// the validation records expect. Off for news, where the subject of "was criticized" is the one criticized.
    /// </summary>
    public bool PassiveSubjectActsWithoutAgent { get; init; }

    /// <summary>
    /// PETRARCH codes a verb without a target actor only when its phrase holds some noun phrase, even one that is no
    /// actor ("a senior official said on Saturday" is coded, "... said today" is not). Off for news.
    /// </summary>
    public bool OneSidedEventsNeedAPhrase { get; init; }

    /// <summary>
    /// PETRARCH's <c>new_actor_length</c>: a source or target phrase that no dictionary resolves, of at most this
    /// many words, becomes an actor named by its own words in quotes ("\"THE MINISTRY OF MAGIC\""). 0 turns it off.
    /// </summary>
    public int NewActorLength { get; init; }

    /// <summary>The options a PETRARCH validation record is coded under.</summary>
    /// <remarks>With <c>require_dyad</c> off PETRARCH keeps every one-sided event, statements included.</remarks>
    /// <remarks>
    /// PETRARCH codes a trailing "X said" as an event of its own unless comma-clause deletion removed it, so its
    /// reporting clauses do not frame the sentence.
    /// </remarks>
    public static EventCoderOptions ForPetrarch(bool requireDyad, int newActorLength, CommaClauseLimits? commaClauses = null) =>
        new()
        {
            RequireDyad = requireDyad, NewActorLength = newActorLength, DropStatementsWithoutTarget = false, DropWeakTargets = false,
            DropSameStateEvents = false, DropNonStateStatements = false, PassiveSubjectActsWithoutAgent = true,
            OneSidedEventsNeedAPhrase = true, ReasonPhrasesHoldNoPatternWords = false,
            ParticipationIsTheEvent = false, OwnClaimsReportTheDeed = false,
            BareSectorsTakeTheStorysState = false, NaturalCausesAreNoEvents = false, PlacesAreNoSources = false,
            PatientPossessorsAreNoSources = false, PlacesOfSourcelessEventsAreNoTargets = false,
            CommaClauses = commaClauses ?? CommaClauseLimits.Petrarch, ReportingClausesFrameSentence = false,
        };

    /// <summary>Comma-delimited stretches set aside before coding (PETRARCH's comma_* options); off by default.</summary>
    public CommaClauseLimits CommaClauses { get; init; } = CommaClauseLimits.Off;

    /// <summary>
    /// "Arnor will restore ties with Gondor, a senior official said": a reporting clause after the main clause frames
    /// it as reported speech, and is coded itself only when the main clause codes nothing. On for news.
    /// </summary>
    public bool ReportingClausesFrameSentence { get; init; } = true;

    /// <summary>
    /// A target that is only a sector with no country ("military forces", "people", "police") counts as no
    /// target. On for news; PETRARCH's records code such actors ("---GOV"), so its options turn it off.
    /// </summary>
    public bool DropWeakTargets { get; init; } = true;

    /// <summary>
    /// A phrase of reason or circumstance — "for" after a verb that has its object (unless the verb asks or demands:
    /// "asked the World Bank for help"), "following", "amid", "despite" — and a purpose clause beyond its own verb
    /// ("to discuss ...") hold no words of the verb's patterns:
    /// "NATO praised Israel for its strikes against Iran" is praise (051), not the CAMEO pattern "* ATTACK (AGAINST)"
    /// [110]; "Witkoff meets Putin to discuss options for the war" is no "* &amp;FIGHT" [:110]; "deport Ethiopians
    /// following the discovery of foreign fighters" is no "* FIGHTERS" [0873]. On for news; PETRARCH matches patterns
    /// anywhere in the verb's phrase.
    /// </summary>
    public bool ReasonPhrasesHoldNoPatternWords { get; init; } = true;

    /// <summary>
    /// "The United States takes part in the attack on Iran": taking part in (participating in, joining) an event that
    /// a noun codes is that event, with the participant as its source, and not also the verb's own code ("* PART"
    /// [030]). On for news; PETRARCH codes the verb's pattern.
    /// </summary>
    public bool ParticipationIsTheEvent { get; init; } = true;

    /// <summary>
    /// "Ukraine claims it shot down a Russian jet": a claim of the claimant's own deed reports the deed (coded as
    /// reported) and is not also an accusation (CAMEO's ALLEGE block, [110]). On for news; PETRARCH codes both.
    /// </summary>
    public bool OwnClaimsReportTheDeed { get; init; } = true;

    /// <summary>
    /// An actor that is only a sector of the state's organs, elites or opponents, with no country ("authorities",
    /// "police", "security forces", "the court", "protesters") takes the state its own phrase names ("authorities in
    /// Ukraine"), else the one state its sentence names ("security forces in ..., Iran" is IRNMIL), else the one named
    /// last before it, else, when its sentence names none, the one state the story names. On for news; PETRARCH's
    /// records code such actors as bare sectors ("---GOV").
    /// </summary>
    public bool BareSectorsTakeTheStorysState { get; init; } = true;

    /// <summary>
    /// What a force of nature or a runaway machine does ("an earthquake strikes Istanbul", "a train derails, injuring
    /// 30", "destroyed by the fire") and what befalls its subject ("migrants die of the cold") is no event: nobody
    /// acted. On for news; PETRARCH codes the verb (its DIE block is [190]).
    /// </summary>
    public bool NaturalCausesAreNoEvents { get; init; } = true;

    /// <summary>
    /// A source is never found inside a place phrase ("in", "at", "near" ...) that names a mere place: "the stabbing in
    /// Mannheim, Germany, which killed one person" is nobody's act, not Germany's ("voices in the Chinese military"
    /// still speak for the military). On for news; PETRARCH looks through the whole phrase.
    /// </summary>
    public bool PlacesAreNoSources { get; init; } = true;

    /// <summary>
    /// The possessor of a deed done to someone is its patient, not its source: "following Maduro's abduction" is no
    /// abduction by Maduro ("Israel's killing of the commander" still is Israel's). On for news; PETRARCH takes every
    /// possessor for the source.
    /// </summary>
    public bool PatientPossessorsAreNoSources { get; init; } = true;

    /// <summary>
    /// An event with no source whose only targets are the places where it happened ("a school shooting in Tumbler
    /// Ridge, British Columbia, Canada") is about nobody and is not coded; "Israeli airstrikes in Gaza" still is. On for
    /// news; PETRARCH codes the place as the target.
    /// </summary>
    public bool PlacesOfSourcelessEventsAreNoTargets { get; init; } = true;

    /// <summary>Merge repeated events of one document (same actors, code, negation and modality) into one with a count.</summary>
    public bool MergeDuplicates { get; init; } = true;
}
