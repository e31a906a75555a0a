namespace Entente.Nlp.Evaluation;

/// <summary>Counts for precision, recall and F1 (CoNLL 2018 style: matched spans over gold and system spans).</summary>
public readonly record struct Score(long Gold, long System, long Correct)
{
    public double Precision => System == 0 ? 0 : 100.0 * Correct / System;

    public double Recall => Gold == 0 ? 0 : 100.0 * Correct / Gold;

    public double F1 => Gold + System == 0 ? 0 : 200.0 * Correct / (Gold + System);

    public static Score operator +(Score a, Score b) => new(a.Gold + b.Gold, a.System + b.System, a.Correct + b.Correct);

    /// <summary>Scores two sets of (start, end) spans: a span is correct when the other side has exactly it.</summary>
    public static Score OfSpans(IReadOnlyCollection<(int Start, int End)> gold, IReadOnlyCollection<(int Start, int End)> system)
    {
        var g = new HashSet<(int, int)>(gold);
        var correct = 0;
        foreach (var s in system)
        {
            if (g.Remove(s))
                correct++;
        }

        return new Score(gold.Count, system.Count, correct);
    }
}
