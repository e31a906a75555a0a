namespace Entente.Coding.Actors;

/// <summary>
/// One code an actor holds, possibly only for a period: <c>[USAGOV 170120-210120]</c>. Days are
/// <see cref="DateOnly.DayNumber"/>s; both bounds are inclusive; an open side is <see cref="int.MinValue"/>
/// or <see cref="int.MaxValue"/>. An undated role (<c>[USA]</c>) has both sides open and <see cref="Dated"/> false.
/// </summary>
public readonly record struct ActorRole(string Code, int FromDay, int ToDay, bool Dated)
{
    public static ActorRole Undated(string code) => new(code, int.MinValue, int.MaxValue, false);

    public bool Covers(int day) => day >= FromDay && day <= ToDay;

    public bool OpenEnded => ToDay == int.MaxValue;

    public DateOnly? From => FromDay == int.MinValue ? null : DateOnly.FromDayNumber(FromDay);

    public DateOnly? To => ToDay == int.MaxValue ? null : DateOnly.FromDayNumber(ToDay);
}

/// <summary>Chooses the role that holds on a date.</summary>
public static class ActorRoles
{
    /// <summary>
    /// The role for <paramref name="date"/>. Among the dated roles that cover the date the one that began last
    /// wins (so on a hand-over day the new office wins, and a short special period inside a longer one wins);
    /// ties go to the one that ends first, then to the one listed first. When no dated role covers the date
    /// the first undated role is the default. With no date the current role is chosen: an open-ended dated role
    /// (the latest to begin), else the undated default, else the dated role that began last.
    /// Returns null when the actor has no code for that date.
    /// </summary>
    public static string? Choose(ReadOnlySpan<ActorRole> roles, DateOnly? date)
    {
        var best = -1;
        var fallback = -1;
        if (date is { } d)
        {
            var day = d.DayNumber;
            for (var i = 0; i < roles.Length; i++)
            {
                var r = roles[i];
                if (!r.Dated)
                {
                    if (fallback < 0)
                        fallback = i;
                    continue;
                }

                if (!r.Covers(day))
                    continue;
                if (best < 0 || r.FromDay > roles[best].FromDay || (r.FromDay == roles[best].FromDay && r.ToDay < roles[best].ToDay))
                    best = i;
            }

            return best >= 0 ? roles[best].Code : fallback >= 0 ? roles[fallback].Code : null;
        }

        var latest = -1;
        for (var i = 0; i < roles.Length; i++)
        {
            var r = roles[i];
            if (!r.Dated)
            {
                if (fallback < 0)
                    fallback = i;
                continue;
            }

            if (latest < 0 || r.FromDay > roles[latest].FromDay)
                latest = i;
            if (r.OpenEnded && (best < 0 || r.FromDay > roles[best].FromDay))
                best = i;
        }

        if (best >= 0)
            return roles[best].Code;
        if (fallback >= 0)
            return roles[fallback].Code;
        return latest >= 0 ? roles[latest].Code : null;
    }
}
