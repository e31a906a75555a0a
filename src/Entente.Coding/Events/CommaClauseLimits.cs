namespace Entente.Coding.Events;

/// <summary>
/// Which comma-delimited stretches of a sentence are set aside as parenthetical before coding, by their length in
/// words (PETRARCH's <c>comma_*</c> options): an initial stretch (before the first clause comma), internal
/// stretches (between two clause commas) and a terminal stretch (after the last one). A stretch is set aside when
/// its length is within [min, max]; a max of 0 turns that kind off. Commas inside a noun phrase ("Mordor, the
/// Shire and Bree", "complete, full ties", "Osgiliath, the state's fiercest foe") do not delimit clauses.
/// Nothing inside a set-aside stretch is coded, and its actors are no one's arguments.
/// </summary>
public sealed record CommaClauseLimits(int Min, int Max, int BeginMin, int BeginMax, int EndMin, int EndMax)
{
    /// <summary>Nothing is set aside.</summary>
    public static CommaClauseLimits Off { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>PETRARCH's defaults (internal 2-8 words, no initial, terminal 2-8 words).</summary>
    public static CommaClauseLimits Petrarch { get; } = new(2, 8, 0, 0, 2, 8);

    public bool IsOff => Max == 0 && BeginMax == 0 && EndMax == 0;
}
