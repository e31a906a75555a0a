using Entente.Nlp.Documents;

namespace Entente.Coding.Events.Coding;

/// <summary>
/// News stories name their state once and then speak of "the authorities", "police", "security forces" or "the
/// court": a mention that is only a sector of the state's organs or its opponents, with no country ("GOV", "COP",
/// "MIL", "OPP", "REB"), takes the state its own phrase names ("authorities in Ukraine"), else the one state its
/// sentence names (with several, the one named last before it: "Russia designates X a foreign agent after authorities accuse
/// him"), or else, when its sentence names none, the one state the whole story names
/// (<see cref="EventCoderOptions.BareSectorsTakeTheStorysState"/>). Otherwise nothing is guessed.
/// </summary>
internal static class StoryStates
{
    /// <summary>The mentions with bare sectors placed, or <paramref name="mentions"/> itself when none changes.</summary>
    public static IReadOnlyList<Mention> Place(IReadOnlyList<Mention> mentions, Document document)
    {
        var sentenceCount = document.SentenceCount;
        List<Mention>? placed = null;
        var story = OnlyState(mentions, -1);
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (!IsBareSector(m))
                continue;
            var state = OwnPlace(mentions, m, document)
                ?? (HasState(mentions, m.Sentence) ? OnlyState(mentions, m.Sentence) ?? NearestBefore(mentions, m) : story);
            if (state is null || m.Sentence < 0 || m.Sentence >= sentenceCount)
                continue;
            placed ??= [.. mentions];
            placed[i] = m with { Code = state + m.Code, Country = state, Sector = m.Code };
        }

        return placed ?? mentions;
    }

    /// <summary>
    /// A bare sector of the state's organs, its political elites and those who fight or oppose it. Civilians, people,
    /// businesses, media and the like are left without a state: "the village", "women", "a tanker" are no more
    /// the story state's than anyone else's, and giving them a state would make them targets.
    /// </summary>
    private static bool IsBareSector(Mention m) =>
        m.Country is null && m.Members is not { Count: > 0 }
        && m.Code is "GOV" or "MIL" or "COP" or "JUD" or "LEG" or "SPY" or "ELI" or "OPP" or "PTY" or "REB" or "UAF" or "INS" or "SEP";

    private static bool HasState(IReadOnlyList<Mention> mentions, int sentence)
    {
        foreach (var m in mentions)
        {
            if (m.Sentence == sentence && StateActors.StateOf(m) is not null)
                return true;
        }

        return false;
    }

    /// <summary>"authorities in Ukraine", "police of Greece": the state named right after the sector by "in", "of" or "from".</summary>
    private static string? OwnPlace(IReadOnlyList<Mention> mentions, Mention m, Document document)
    {
        var t = m.EndToken;
        if (t >= document.TokenCount || document.SentenceOf(t) != m.Sentence)
            return null;
        var word = document.TextOf(t);
        if (!word.Equals("in", StringComparison.OrdinalIgnoreCase) && !word.Equals("of", StringComparison.OrdinalIgnoreCase)
            && !word.Equals("from", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        t++;
        if (t < document.TokenCount && document.TextOf(t).Equals("the", StringComparison.OrdinalIgnoreCase))
            t++;
        foreach (var other in mentions)
        {
            if (other.StartToken == t && StateActors.StateOf(other) is { } state)
                return state;
        }

        return null;
    }

    /// <summary>The state of the nearest state-bearing mention before <paramref name="m"/> in its sentence, or null.</summary>
    private static string? NearestBefore(IReadOnlyList<Mention> mentions, Mention m)
    {
        string? state = null;
        var at = -1;
        foreach (var other in mentions)
        {
            if (other.Sentence == m.Sentence && other.StartToken < m.StartToken && other.StartToken > at
                && StateActors.StateOf(other) is { } st)
            {
                state = st;
                at = other.StartToken;
            }
        }

        return state;
    }

    /// <summary>The single state the mentions of <paramref name="sentence"/> (every sentence when -1) name, or null.</summary>
    private static string? OnlyState(IReadOnlyList<Mention> mentions, int sentence)
    {
        string? only = null;
        foreach (var m in mentions)
        {
            if (sentence >= 0 && m.Sentence != sentence)
                continue;
            if (StateActors.StateOf(m) is not { } state)
                continue;
            if (only is not null && only != state)
                return null;
            only = state;
        }

        return only;
    }
}
