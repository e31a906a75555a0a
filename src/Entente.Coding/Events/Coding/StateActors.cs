using Entente.Coding.Actors;

namespace Entente.Coding.Events.Coding;

/// <summary>
/// Whether an actor mention stands for a state: the rules news coding uses to drop events of a state toward itself
/// and statements of non-state speakers (<see cref="EventCoderOptions.DropSameStateEvents"/>,
/// <see cref="EventCoderOptions.DropNonStateStatements"/>).
/// </summary>
internal static class StateActors
{
    /// <summary>The mention's state, or null when it names none (an IGO, an NGO, a militant group without a country).</summary>
    public static string? StateOf(Mention m) =>
        m.Country is { Length: 3 } c && !CameoCodes.IsTransnational(c) ? c : null;

    /// <summary>The state as such: the bare country ("USA", "Washington" as USAGOV) or its government.</summary>
    public static bool IsStateItself(Mention m) => StateOf(m) is not null && m.Sector is null or "GOV";

    /// <summary>
    /// A state or one of its organs (government, armed forces, legislature, courts, police, intelligence) speaks
    /// for the state; rebels, opposition, media, charities, businesses and international bodies do not.
    /// </summary>
    public static bool SpeaksForState(Mention m) =>
        StateOf(m) is not null && m.Sector is null or "GOV" or "MIL" or "LEG" or "JUD" or "COP" or "SPY";
}
