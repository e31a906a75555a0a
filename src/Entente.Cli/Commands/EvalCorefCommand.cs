using System.CommandLine;
using System.Globalization;
using Entente.Coding;
using Entente.Coding.Actors;
using Entente.Nlp.Documents;
using Entente.Nlp.Pipeline;

namespace Entente.Cli.Commands;

/// <summary>
/// <c>entente eval coref SET.jsonl</c>: accuracy of actor resolution and coreference on a hand-checked set
/// (the project's own is tests/Entente.Tests/Coding/Actors/coref-set.jsonl).
/// </summary>
public static class EvalCorefCommand
{
    public static Command Create(CliContext ctx)
    {
        var set = new Argument<string>("set") { Description = "Coreference set, JSON lines {id, date, text, checks}" };
        var errors = new Option<bool>("--errors") { Description = "List the checks that fail" };
        var cmd = new Command("coref", "Score actor coreference (pronouns, descriptors, plural groups) on a hand-checked set") { set, errors };
        cmd.SetAction(pr => Run(ctx, pr.GetValue(set)!, pr.GetValue(errors)));
        return cmd;
    }

    public static int Run(CliContext ctx, string path, bool listErrors)
    {
        var diags = new List<Diagnostic>();
        List<CorefEvaluation.Item> items;
        try
        {
            items = CorefEvaluation.Read(path, diags);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ctx.Fail($"cannot read '{path}': {e.Message}");
            return ExitCodes.Usage;
        }

        foreach (var d in diags)
            ctx.Report(d);
        if (ModelLoading.TryLoad(ctx, ctx.Data.Root, () => EntentePipeline.Create(ctx.Data)) is not { } pipeline)
            return ExitCodes.Usage;

        var r = CorefEvaluation.Evaluate(items, pipeline);
        var w = new StreamWriter(ctx.Out) { AutoFlush = true };
        w.WriteLine("{0,-12} {1,7} {2,7} {3,9}", "kind", "passed", "total", "accuracy");
        foreach (var (kind, (passed, total)) in r.ByKind)
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind,-12} {passed,7} {total,7} {100.0 * passed / Math.Max(1, total),8:F1}%"));
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"all",-12} {r.Passed,7} {r.Total,7} {100 * r.Accuracy,8:F1}%"));
        if (listErrors)
        {
            foreach (var f in r.Failures)
                w.WriteLine($"  {f.Id}: '{f.Check.Mention}' expected {f.Check.Code ?? ""} {f.Check.Refers ?? ""}{(f.Check.Members is null ? "" : " [" + string.Join(", ", f.Check.Members) + "]")}; found {f.Found}");
        }

        return diags.Count > 0 ? ExitCodes.Rejected : ExitCodes.Ok;
    }
}
