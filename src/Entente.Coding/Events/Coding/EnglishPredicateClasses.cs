using System.Collections.Frozen;

namespace Entente.Coding.Events.Coding;

/// <summary>How a predicate that governs another one (through a complement clause) affects it.</summary>
internal enum GovernorClass : byte
{
    None = 0,

    /// <summary>"said", "stated", "believes": the embedded clause is reported content and is coded itself.</summary>
    Speech,

    /// <summary>"accused ... of", "alleged": both are coded; the embedded event is only alleged.</summary>
    Accusation,

    /// <summary>"pledged to", "plans to", "agreed to": the embedded event is coded as intended; the governor is not.</summary>
    Intention,

    /// <summary>"refused to", "failed to": the embedded event is coded as negated.</summary>
    Negating,

    /// <summary>"began to", "continued to", "tried to": the embedded event is coded; the governor is not.</summary>
    Aspectual,
}

/// <summary>
/// English word lists the coder needs beyond the verb dictionary: governors of complement clauses, modal
/// auxiliaries, negators, hedges. Language data, kept apart from the coding logic.
/// </summary>
internal static class EnglishPredicateClasses
{
    private static readonly FrozenDictionary<string, GovernorClass> Governors = Build();

    private static FrozenDictionary<string, GovernorClass> Build()
    {
        var d = new Dictionary<string, GovernorClass>(StringComparer.OrdinalIgnoreCase);
        foreach (var w in new[]
                 {
                     "say", "state", "declare", "tell", "add", "note", "emphasize", "emphasise", "insist", "stress",
                     "argue", "reiterate", "assert", "affirm", "announce", "report", "confirm", "believe", "think",
                     "explain", "write", "remark", "comment", "indicate", "suggest", "acknowledge", "admit", "reply",
                     "respond", "signal", "recall", "predict", "estimate", "hold", "maintain", "contend", "observe",
                     "statement", "remark", "comments",
                 })
        {
            d[w] = GovernorClass.Speech;
        }

        foreach (var w in new[]
                 {
                     "accuse", "allege", "blame", "charge", "suspect", "claim", "accusation", "allegation", "claim",
                     "charge", "suspicion", "report",
                 })
        {
            d[w] = GovernorClass.Accusation;
        }

        // "report" as a verb introduces speech; as a noun ("reports that ...") an allegation.
        d["report"] = GovernorClass.Speech;

        foreach (var w in new[]
                 {
                     "plan", "intend", "pledge", "promise", "vow", "aim", "seek", "want", "hope", "expect", "prepare",
                     "agree", "decide", "offer", "threaten", "resolve", "commit", "undertake", "propose", "mean",
                     "willingness", "readiness", "intention", "plan", "pledge", "promise", "offer", "commitment",
                     "threat", "bid", "desire", "determination", "willing", "ready", "prepared", "eager", "determined",
                     "poised", "set", "going",
                 })
        {
            d[w] = GovernorClass.Intention;
        }

        foreach (var w in new[] { "refuse", "decline", "fail", "reject", "neglect", "refusal", "failure" })
            d[w] = GovernorClass.Negating;

        foreach (var w in new[] { "begin", "start", "continue", "resume", "try", "attempt", "keep", "help", "manage", "move", "work", "effort", "efforts" })
            d[w] = GovernorClass.Aspectual;

        return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static readonly FrozenDictionary<string, GovernorClass>.AlternateLookup<ReadOnlySpan<char>> GovernorLookup =
        Governors.GetAlternateLookup<ReadOnlySpan<char>>();

    public static GovernorClass GovernorOf(ReadOnlySpan<char> lemma) =>
        GovernorLookup.TryGetValue(lemma, out var c) ? c : GovernorClass.None;

    /// <summary>Auxiliaries that make an event intended.</summary>
    public static bool IsFutureAuxiliary(ReadOnlySpan<char> lemma) =>
        lemma.Equals("will", StringComparison.OrdinalIgnoreCase) || lemma.Equals("shall", StringComparison.OrdinalIgnoreCase)
        || lemma.Equals("wo", StringComparison.OrdinalIgnoreCase) || lemma.Equals("'ll", StringComparison.OrdinalIgnoreCase);

    /// <summary>Auxiliaries that make an event hypothetical (or, "would" in reported speech, intended).</summary>
    public static bool IsHypotheticalAuxiliary(ReadOnlySpan<char> lemma) =>
        lemma.Equals("could", StringComparison.OrdinalIgnoreCase) || lemma.Equals("can", StringComparison.OrdinalIgnoreCase)
        || lemma.Equals("may", StringComparison.OrdinalIgnoreCase) || lemma.Equals("might", StringComparison.OrdinalIgnoreCase)
        || lemma.Equals("would", StringComparison.OrdinalIgnoreCase) || lemma.Equals("should", StringComparison.OrdinalIgnoreCase)
        || lemma.Equals("must", StringComparison.OrdinalIgnoreCase) || lemma.Equals("ought", StringComparison.OrdinalIgnoreCase);

    public static bool IsNegator(ReadOnlySpan<char> lemma) =>
        lemma.Equals("not", StringComparison.OrdinalIgnoreCase) || lemma.Equals("n't", StringComparison.OrdinalIgnoreCase)
        || lemma.Equals("never", StringComparison.OrdinalIgnoreCase) || lemma.Equals("no", StringComparison.OrdinalIgnoreCase)
        || lemma.Equals("neither", StringComparison.OrdinalIgnoreCase) || lemma.Equals("nor", StringComparison.OrdinalIgnoreCase);

    /// <summary>Adverbs that mark a claim as unconfirmed.</summary>
    public static bool IsHedge(ReadOnlySpan<char> lemma) =>
        lemma.Equals("allegedly", StringComparison.OrdinalIgnoreCase) || lemma.Equals("reportedly", StringComparison.OrdinalIgnoreCase)
        || lemma.Equals("purportedly", StringComparison.OrdinalIgnoreCase) || lemma.Equals("supposedly", StringComparison.OrdinalIgnoreCase)
        || lemma.Equals("apparently", StringComparison.OrdinalIgnoreCase) || lemma.Equals("alleged", StringComparison.OrdinalIgnoreCase)
        || lemma.Equals("suspected", StringComparison.OrdinalIgnoreCase);

    /// <summary>Subordinators that make a clause a condition.</summary>
    public static bool IsConditional(ReadOnlySpan<char> lemma) =>
        lemma.Equals("if", StringComparison.OrdinalIgnoreCase) || lemma.Equals("unless", StringComparison.OrdinalIgnoreCase)
        || lemma.Equals("whether", StringComparison.OrdinalIgnoreCase);

    /// <summary>Verbs whose events two parties do together: "A and B met" codes both ways.</summary>
    public static bool IsReciprocalVerb(ReadOnlySpan<char> lemma) =>
        lemma.Equals("meet", StringComparison.OrdinalIgnoreCase) || lemma.Equals("talk", StringComparison.OrdinalIgnoreCase)
        || lemma.Equals("negotiate", StringComparison.OrdinalIgnoreCase) || lemma.Equals("agree", StringComparison.OrdinalIgnoreCase)
        || lemma.Equals("consult", StringComparison.OrdinalIgnoreCase) || lemma.Equals("confer", StringComparison.OrdinalIgnoreCase)
        || lemma.Equals("clash", StringComparison.OrdinalIgnoreCase) || lemma.Equals("fight", StringComparison.OrdinalIgnoreCase)
        || lemma.Equals("cooperate", StringComparison.OrdinalIgnoreCase) || lemma.Equals("reconcile", StringComparison.OrdinalIgnoreCase)
        || lemma.Equals("discuss", StringComparison.OrdinalIgnoreCase) || lemma.Equals("sign", StringComparison.OrdinalIgnoreCase)
        || lemma.Equals("renew", StringComparison.OrdinalIgnoreCase) || lemma.Equals("restore", StringComparison.OrdinalIgnoreCase)
        || lemma.Equals("trade", StringComparison.OrdinalIgnoreCase) || lemma.Equals("exchange", StringComparison.OrdinalIgnoreCase)
        || lemma.Equals("talks", StringComparison.OrdinalIgnoreCase) || lemma.Equals("meeting", StringComparison.OrdinalIgnoreCase)
        || lemma.Equals("summit", StringComparison.OrdinalIgnoreCase) || lemma.Equals("negotiation", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Verbs whose event is mutual even with a target: "A met (with) B" is also B meeting A. (Agreeing with
    /// someone is not: "A agrees with B that ..." is A's position.)
    /// </summary>
    public static bool IsMutualVerb(ReadOnlySpan<char> lemma) =>
        lemma.Equals("meet", StringComparison.OrdinalIgnoreCase) || lemma.Equals("talk", StringComparison.OrdinalIgnoreCase)
        || lemma.Equals("negotiate", StringComparison.OrdinalIgnoreCase) || lemma.Equals("consult", StringComparison.OrdinalIgnoreCase)
        || lemma.Equals("confer", StringComparison.OrdinalIgnoreCase) || lemma.Equals("meeting", StringComparison.OrdinalIgnoreCase)
        || lemma.Equals("talks", StringComparison.OrdinalIgnoreCase) || lemma.Equals("summit", StringComparison.OrdinalIgnoreCase)
        || lemma.Equals("negotiation", StringComparison.OrdinalIgnoreCase) || lemma.Equals("consultation", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// 0 for prepositions that introduce a target ("to", "with", "against", "on", "by" after an active verb ...),
    /// 1 for locative ones that may ("arrived in Gondor"), -1 for the rest.
    /// </summary>
    public static int TargetPrepositionClass(ReadOnlySpan<char> prep)
    {
        ReadOnlySpan<string> direct =
        [
            "against", "to", "with", "on", "upon", "over", "toward", "towards", "at", "into", "onto", "from", "for",
            "about", "of", "between", "among", "regarding", "by", "versus", "vs", "vs.",
        ];
        foreach (var w in direct)
        {
            if (prep.Equals(w, StringComparison.OrdinalIgnoreCase))
                return 0;
        }

        ReadOnlySpan<string> locative = ["in", "near", "across", "inside", "within", "throughout", "around"];
        foreach (var w in locative)
        {
            if (prep.Equals(w, StringComparison.OrdinalIgnoreCase))
                return 1;
        }

        return -1;
    }

    /// <summary>Light verbs whose object noun carries the event: "held talks", "imposed sanctions", "issued an ultimatum".</summary>
    public static bool IsLightVerb(ReadOnlySpan<char> lemma)
    {
        ReadOnlySpan<string> words =
        [
            "hold", "make", "launch", "issue", "impose", "conduct", "carry", "pay", "give", "deliver", "stage",
            "begin", "start", "continue", "resume", "have", "take", "express", "announce", "present", "put", "lodge",
            "file", "level", "mount", "unleash", "intensify", "step", "reach", "strike", "sign", "extend", "offer",
            "provide", "send", "receive", "come", "be",
        ];
        return IsOneOf(lemma, words);
    }

    /// <summary>
    /// Forces of nature and runaway machines, which act without anyone behind them: "an earthquake strikes Istanbul",
    /// "a passenger train derails after hitting an excavator, injuring 30", "the lodge is destroyed by the fire".
    /// </summary>
    public static bool IsNaturalCause(ReadOnlySpan<char> lemma)
    {
        ReadOnlySpan<string> words =
        [
            "earthquake", "quake", "tremor", "aftershock", "tsunami", "eruption", "volcano", "fire", "wildfire", "bushfire",
            "blaze", "flood", "flooding", "storm", "cyclone", "hurricane", "typhoon", "tornado", "landslide", "mudslide",
            "avalanche", "drought", "heatwave", "lightning", "rain", "rainfall", "snowstorm", "blizzard", "train", "truck",
            "lorry", "bus", "car", "ferry", "accident", "crash", "collision", "derailment", "outbreak", "epidemic", "disease",
        ];
        return IsOneOf(lemma, words);
    }

    /// <summary>Verbs whose subject undergoes the event and does not act: "nine migrants die of the cold".</summary>
    public static bool IsUndergoingVerb(ReadOnlySpan<char> lemma) =>
        lemma.Equals("die", StringComparison.OrdinalIgnoreCase) || lemma.Equals("perish", StringComparison.OrdinalIgnoreCase)
        || lemma.Equals("drown", StringComparison.OrdinalIgnoreCase) || lemma.Equals("derail", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Nouns of deeds done to someone, whose possessor is the one it was done to unless an "of" phrase names them:
    /// "Maduro's abduction", "Navalny's arrest" (but "Israel's killing of the commander").
    /// </summary>
    public static bool IsPatientNoun(ReadOnlySpan<char> lemma)
    {
        ReadOnlySpan<string> words =
        [
            "abduction", "kidnapping", "arrest", "detention", "capture", "killing", "assassination", "murder", "execution",
            "release", "extradition", "deportation", "expulsion", "imprisonment", "jailing", "conviction", "sentencing",
            "impeachment", "ouster", "overthrow", "removal", "death", "torture", "disappearance", "dismissal", "indictment",
            "prosecution", "trial", "exile", "rescue", "poisoning",
        ];
        return IsOneOf(lemma, words);
    }

    /// <summary>
    /// Verbs that take two objects, whose passive participle keeps one: "soldiers given medals", "a firm fined $5
    /// million".
    /// </summary>
    public static bool TakesTwoObjects(ReadOnlySpan<char> lemma)
    {
        ReadOnlySpan<string> words =
        [
            "give", "offer", "grant", "award", "hand", "deny", "promise", "show", "tell", "ask", "send", "pay", "lend",
            "owe", "charge", "fine", "teach", "allow", "assign", "issue", "sell", "loan", "refuse", "name", "call",
            "elect", "appoint", "declare", "consider", "label", "brand", "dub",
        ];
        return IsOneOf(lemma, words);
    }

    private static bool IsOneOf(ReadOnlySpan<char> lemma, ReadOnlySpan<string> words)
    {
        foreach (var w in words)
        {
            if (lemma.Equals(w, StringComparison.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }
}
