using System.CommandLine;
using System.Globalization;
using Entente.Coding.Actors;
using Entente.Nlp.Documents;

namespace Entente.Cli.Commands;

/// <summary>
/// <c>entente eval actors RECORDS.ud.xml [--dictionaries DIR]</c>: how many of the PETRARCH unit-test records'
/// expected source and target codes the actor resolver finds, with the PETR.Validate dictionaries.
/// </summary>
public static class EvalActorsCommand
{
    public static Command Create(CliContext ctx)
    {
        var records = new Argument<string>("records") { Description = "PETRARCH unit-test records with UD parses (PETR.UnitTest.records.ud.xml)" };
        var dictionaries = new Option<string?>("--dictionaries") { Description = "Folder with PETR.Validate.actors.txt, .agents.txt, .discards.txt (default: dictionaries/ beside the records)" };
        var errors = new Option<bool>("--errors") { Description = "List the expected codes no mention has" };
        var cmd = new Command("actors", "Actor recall on the PETRARCH unit-test records") { records, dictionaries, errors };
        cmd.SetAction(pr => Run(ctx, pr.GetValue(records)!, pr.GetValue(dictionaries), pr.GetValue(errors)));
        return cmd;
    }

    public static int Run(CliContext ctx, string recordsPath, string? dictionaryDir, bool listErrors)
    {
        if (!File.Exists(recordsPath))
        {
            ctx.Fail($"cannot read '{recordsPath}': no such file");
            return ExitCodes.Usage;
        }

        var dir = dictionaryDir ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(recordsPath))!, "dictionaries");
        var files = new[]
        {
            new DictionaryFile(Path.Combine(dir, "PETR.Validate.actors.txt"), DictionaryKind.Actors),
            new DictionaryFile(Path.Combine(dir, "PETR.Validate.agents.txt"), DictionaryKind.Agents),
            new DictionaryFile(Path.Combine(dir, "PETR.Validate.discards.txt"), DictionaryKind.Discards),
        };
        ActorResolver resolver;
        try
        {
            resolver = ActorResolver.FromFiles(files, ctx.Data);
        }
        catch (IOException e)
        {
            ctx.Fail($"cannot load word lists from '{ctx.Data.Root}': {e.Message}");
            return ExitCodes.Usage;
        }

        var status = ExitCodes.Ok;
        foreach (var d in resolver.Dictionary.Diagnostics)
        {
            if (d.Severity == Severity.Error)
            {
                ctx.Report(d);
                status = ExitCodes.Usage;
            }
        }

        if (status != ExitCodes.Ok)
            return status;
        var diags = new List<Diagnostic>();
        var r = PetrarchActorEvaluation.Evaluate(recordsPath, resolver, diags);
        foreach (var d in diags)
            ctx.Report(d);
        var w = new StreamWriter(ctx.Out) { AutoFlush = true };
        w.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"records {r.Records}, expected actor codes {r.Total}, found among mentions {r.Found}: recall {100 * r.Recall:F1}%"));
        if (listErrors)
        {
            foreach (var m in r.Misses)
                w.WriteLine($"  {m.Id} {m.Role}={m.Expected}; mentions have [{string.Join(", ", m.Found)}]");
        }

        return diags.Exists(d => d.Severity == Severity.Error) ? ExitCodes.Rejected : ExitCodes.Ok;
    }
}
