using Entente.Nlp.Documents;

namespace Entente.Coding.Events.Coding;

/// <summary>
/// What a clause does in its sentence, beyond its own predicate: a reporting clause set off by a comma
/// ("..., a senior official said on Saturday") frames the whole sentence as someone's report; a clause introduced
/// by a long duration ("almost five years after crowds burned down its embassy") recalls history as a time
/// reference and is not the story's news. Both are read from the words as well as the tree, because parsers
/// attach such clauses almost anywhere.
/// </summary>
internal static class ClauseRoles
{
    private const int MaxRecallDistance = 10;

    /// <summary>
    /// Whether the speech predicate <paramref name="p"/> heads a reporting clause: not the root, after the main
    /// clause and a comma, with its own subject, and no complement clause of its own.
    /// </summary>
    public static bool IsReportingClause(SentenceAnalysis s, int p)
    {
        if (s.Head(p) < 0 || EnglishPredicateClasses.GovernorOf(s.Lemma(p)) != GovernorClass.Speech)
            return false;
        var subject = -1;
        foreach (var c in s.Children(p))
        {
            var r = s.Rel(c);
            if (r == Relations.Ccomp || r == Relations.Xcomp || r == Relations.Csubj)
                return false;
            if (Relations.IsSubject(r) && subject < 0)
                subject = c;
        }

        if (subject < 0)
            return false;
        var first = Math.Min(subject, p);
        foreach (var c in s.Children(subject))
            first = Math.Min(first, c);
        var root = RootOf(s);
        return root >= 0 && first > root && first > 0 && IsComma(s, first - 1);
    }

    /// <summary>
    /// Whether predicate <paramref name="p"/> is the first verb of a clause introduced by a duration of months or
    /// more and "after", "since" or "before" ("five years after crowds trashed its embassy", "decades since"):
    /// an event recalled to date another one.
    /// </summary>
    public static bool IsRecalled(SentenceAnalysis s, int p)
    {
        for (var k = p - 1; k >= 0 && k >= p - MaxRecallDistance; k--)
        {
            if (IsComma(s, k) || s.Text(k).SequenceEqual(";"))
                return false;
            if (s.LemmaIs(k, "after") || s.LemmaIs(k, "since") || s.LemmaIs(k, "before"))
                return k > 0 && IsLongDuration(s, k - 1);

            // another verb between the conjunction and the predicate: the predicate is not the clause's first
            var r = s.Rel(k);
            if (s.Upos(k) == Upos.VERB && r != Relations.Aux && r != Relations.AuxPass)
                return false;
        }

        return false;
    }

    private static bool IsLongDuration(SentenceAnalysis s, int t) =>
        s.LemmaIs(t, "year") || s.LemmaIs(t, "month") || s.LemmaIs(t, "decade") || s.LemmaIs(t, "century")
        || s.FormIs(t, "years") || s.FormIs(t, "months") || s.FormIs(t, "decades");

    private static int RootOf(SentenceAnalysis s)
    {
        for (var t = 0; t < s.Count; t++)
        {
            if (s.Head(t) < 0)
                return t;
        }

        return -1;
    }

    private static bool IsComma(SentenceAnalysis s, int t) => s.Text(t).SequenceEqual(",");
}
