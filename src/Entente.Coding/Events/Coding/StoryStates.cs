namespace Entente.Coding.Events.Coding;

/// <summary>
/// News stories name their state once and then speak of "the authorities", "police", "security forces" or "the
/// court": a mention that is only a sector of the state's organs or its opponents, with no country ("GOV", "COP",
/// "MIL", "OPP", "REB"), takes the one state its sentence
/// names, or else the one state the whole story names (<see cref="EventCoderOptions.BareSectorsTakeTheStorysState"/>).
/// With two states in view nothing is guessed.
/// </summary>
internal static class StoryStates
{
    /// <summary>The mentions with bare sectors placed, or <paramref name="mentions"/> itself when none changes.</summary>
    public static IReadOnlyList<Mention> Place(IReadOnlyList<Mention> mentions, int sentenceCount)
    {
        List<Mention>? placed = null;
        var story = OnlyState(mentions, -1);
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (!IsBareSector(m))
                continue;
            var state = HasState(mentions, m.Sentence) ? OnlyState(mentions, m.Sentence) : story;
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
