using System.Globalization;

namespace Entente.Coding.Events.Evaluation;

/// <summary>Writes an evaluation run as a Markdown report: the scores, per-category counts, and every failing record.</summary>
public static class PetrarchReport
{
    public static void WriteSummary(TextWriter w, PetrarchRun run)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(run);
        w.WriteLine(Inv($"{run.Suite} ({Describe(run.Mode)}): {run.RecordsCorrect} of {run.Records} records fully correct ({run.RecordAccuracy:P1})"));
        w.WriteLine(Inv($"  events: {run.Expected} expected, {run.Correct} right, {run.Missed} missed, {run.Spurious} spurious (P {run.Precision:P1}, R {run.Recall:P1}, F1 {run.F1:P1})"));
    }

    public static void WriteMarkdown(TextWriter w, PetrarchRun run, string command)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(run);
        w.WriteLine(Inv($"# PETRARCH validation records: {Describe(run.Mode)}"));
        w.WriteLine();
        w.WriteLine("Reproduce with:");
        w.WriteLine();
        w.WriteLine("```sh");
        w.WriteLine(command);
        w.WriteLine("```");
        w.WriteLine();
        w.WriteLine("A record is fully correct when the set of (CAMEO code, source, target) triples Entente codes equals the");
        w.WriteLine("set the record expects; records that expect no event (including discard and error records) are correct when");
        w.WriteLine("nothing is coded. Negated events are not counted. \"---GOV\" compares as \"GOV\"; a missing actor is \"---\".");
        w.WriteLine();
        w.WriteLine("| | value |");
        w.WriteLine("|---|---:|");
        w.WriteLine(Inv($"| records | {run.Records} |"));
        w.WriteLine(Inv($"| fully correct | {run.RecordsCorrect} ({run.RecordAccuracy:P1}) |"));
        w.WriteLine(Inv($"| expected events | {run.Expected} |"));
        w.WriteLine(Inv($"| right | {run.Correct} |"));
        w.WriteLine(Inv($"| missed | {run.Missed} |"));
        w.WriteLine(Inv($"| spurious | {run.Spurious} |"));
        w.WriteLine(Inv($"| precision / recall / F1 | {run.Precision:P1} / {run.Recall:P1} / {run.F1:P1} |"));
        w.WriteLine();
        w.WriteLine("For comparison, PETRARCH2 codes 89 of the 284 records exactly right (31%) from gold Penn parses.");
        w.WriteLine("Records that contradict other records, their own dictionaries or parse, or lemma matching are listed,");
        w.WriteLine("with the reasons, in [petrarch-contradictions.md](petrarch-contradictions.md); they count as failures here.");
        w.WriteLine();

        w.WriteLine("## By category");
        w.WriteLine();
        w.WriteLine("| category | records | fully correct |");
        w.WriteLine("|---|---:|---:|");
        foreach (var g in run.Results.GroupBy(r => r.Record.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
            w.WriteLine(Inv($"| {g.Key} | {g.Count()} | {g.Count(r => r.FullyCorrect)} |"));
        w.WriteLine();

        var failures = run.Results.Where(r => !r.FullyCorrect).ToList();
        w.WriteLine(Inv($"## Failing records ({failures.Count})"));
        w.WriteLine();
        foreach (var r in failures)
        {
            var rec = r.Record;
            w.WriteLine(Inv($"### {rec.Id} (line {rec.Line}, {rec.Date:yyyy-MM-dd})"));
            w.WriteLine();
            w.WriteLine("> " + rec.Text);
            w.WriteLine();
            w.WriteLine("- expected: " + Describe(rec));
            w.WriteLine("- coded: " + (r.Produced.Count == 0 ? "nothing" : string.Join(", ", r.Produced)));
            w.WriteLine(Inv($"- right {r.Correct}, missed {r.Missed}, spurious {r.Spurious}{(r.Negated > 0 ? $", negated (not counted) {r.Negated}" : "")}"));
            w.WriteLine();
        }
    }

    private static string Describe(PetrarchRecord r)
    {
        if (r.ExpectedError is { } e)
            return $"no events (error record: {e})";
        if (r.Expected.Count == 0)
            return "no events";
        return string.Join(", ", r.Expected);
    }

    private static string Describe(PetrarchMode mode) => mode == PetrarchMode.Given
        ? "given UD parses"
        : "raw text through Entente's own pipeline";

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
