using System.CommandLine;
using Entente.Coding;
using Entente.Coding.Actors;
using Entente.Coding.Events;
using Entente.Coding.Events.Evaluation;
using Entente.Nlp.Documents;
using Entente.Nlp.Pipeline;

namespace Entente.Cli.Commands;

/// <summary>
/// <c>entente eval petrarch RECORDS.xml [--mode given|raw|both] [--report DIR]</c>: codes the PETRARCH validation
/// records with the dictionaries their &lt;Environment&gt; names and reports records fully correct, events right,
/// missed and spurious, and every failing record.
/// </summary>
public static class EvalPetrarchCommand
{
    public static Command Create(CliContext ctx)
    {
        var file = new Argument<string>("records") { Description = "Validation records (PETR.UnitTest.records.ud.xml)" };
        var mode = new Option<string>("--mode") { Description = "given: the records' UD parses; raw: Entente's own pipeline; both", DefaultValueFactory = _ => "both" };
        mode.AcceptOnlyFromAmong("given", "raw", "both");
        var report = new Option<string?>("--report") { Description = "Write Markdown reports (petrarch-given.md, petrarch-raw.md) into this folder" };
        var failures = new Option<bool>("--failures") { Description = "Also list the ids of failing records on standard output" };
        var show = new Option<string[]>("--show") { Description = "Explain how these records are coded: tokens, mentions, predicates, events", AllowMultipleArgumentsPerToken = true };
        var cmd = new Command("petrarch", "Score event coding against PETRARCH validation records") { file, mode, report, failures, show };
        cmd.SetAction(pr => Run(ctx, pr.GetValue(file)!, pr.GetValue(mode)!, pr.GetValue(report), pr.GetValue(failures), pr.GetValue(show) ?? []));
        return cmd;
    }

    public static int Run(CliContext ctx, string path, string mode, string? reportDir, bool listFailures, string[] show)
    {
        var w = new StreamWriter(ctx.Out) { AutoFlush = true };
        var diagnostics = new List<Diagnostic>();
        PetrarchSuite suite;
        try
        {
            suite = PetrarchRecordReader.Load(path, diagnostics);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Xml.XmlException or InvalidDataException)
        {
            ctx.Fail($"cannot read '{path}': {e.Message}");
            return ExitCodes.Usage;
        }

        foreach (var d in diagnostics)
            ctx.Report(d);

        var env = suite.Environment;
        var files = new List<DictionaryFile>();
        if (env.ActorFile is { } a)
            files.Add(new DictionaryFile(a, DictionaryKind.Actors));
        if (env.AgentFile is { } ag)
            files.Add(new DictionaryFile(ag, DictionaryKind.Agents));
        if (env.DiscardFile is { } dc)
            files.Add(new DictionaryFile(dc, DictionaryKind.Discards));
        var actorDictionary = ActorDictionary.Load(files);
        foreach (var d in actorDictionary.Diagnostics)
        {
            if (d.Severity != Severity.Info)
                ctx.Report(d);
        }

        var actors = new ActorResolver(actorDictionary, ActorResolver.LoadDefaultLexicon(ctx.Data));
        var discards = new PhraseDiscardFilter(actorDictionary.Discards);
        var verbDiagnostics = new List<Diagnostic>();
        var resources = EventResources.FromVerbFiles([env.VerbFile], ctx.Data, diagnostics: verbDiagnostics).WithDiscards(discards);
        foreach (var d in verbDiagnostics)
        {
            if (d.Severity != Severity.Info)
                ctx.Report(d);
        }

        var coders = new Dictionary<PetrarchConfig, EventCoder>();
        EventCoder CoderFor(PetrarchConfig config)
        {
            if (!coders.TryGetValue(config, out var coder))
            {
                coder = new EventCoder(resources, EventCoderOptions.ForPetrarch(config.RequireDyad, config.NewActorLength, config.Commas));
                coders[config] = coder;
            }

            return coder;
        }

        IPipelineStage? nlp = null;
        if (mode is "raw" or "both")
        {
            if (ModelLoading.TryLoad(ctx, ctx.Data.Root, () => EntentePipeline.Create(ctx.Data)) is not { } full)
                return ExitCodes.Usage;
            nlp = new Pipeline(full.Stages.TakeWhile(s => s.Name is not ("actors" or "events" or "quotes")));
        }

        var evaluator = new PetrarchEvaluator(actors, CoderFor, nlp);
        var status = ExitCodes.Ok;
        if (show.Length > 0)
        {
            foreach (var id in show)
            {
                var record = suite.Records.FirstOrDefault(r => r.Id == id);
                if (record is null)
                {
                    ctx.Fail($"no record '{id}' in {path}");
                    status = ExitCodes.Usage;
                    continue;
                }

                foreach (var m in mode == "both" ? new[] { PetrarchMode.Given, PetrarchMode.Raw } : [mode == "raw" ? PetrarchMode.Raw : PetrarchMode.Given])
                    Explain(w, evaluator, record, m, CoderFor(record.Config));
            }

            return status;
        }

        foreach (var m in mode == "both" ? new[] { PetrarchMode.Given, PetrarchMode.Raw } : [mode == "raw" ? PetrarchMode.Raw : PetrarchMode.Given])
        {
            var run = evaluator.Run(suite, m);
            PetrarchReport.WriteSummary(w, run);
            if (listFailures)
            {
                foreach (var r in run.Results.Where(r => !r.FullyCorrect))
                    w.WriteLine($"  failed {r.Record.Id}: expected {string.Join(", ", r.Record.Expected)}; coded {string.Join(", ", r.Produced)}");
            }

            if (reportDir is not null)
            {
                Directory.CreateDirectory(reportDir);
                var name = m == PetrarchMode.Given ? "petrarch-given.md" : "petrarch-raw.md";
                var command = $"entente eval petrarch ../shared/data/petrarch/{Path.GetFileName(path)} --mode {(m == PetrarchMode.Given ? "given" : "raw")} --report docs/eval";
                using var report = new StreamWriter(Path.Combine(reportDir, name));
                PetrarchReport.WriteMarkdown(report, run, command);
                w.WriteLine($"  report: {Path.Combine(reportDir, name)}");
            }
        }

        return status;
    }

    private static void Explain(TextWriter w, PetrarchEvaluator evaluator, PetrarchRecord record, PetrarchMode mode, EventCoder coder)
    {
        w.WriteLine($"== {record.Id} ({mode}): {record.Text}");
        w.WriteLine($"   expected: {string.Join(", ", record.Expected)}{(record.ExpectsNoEvents ? " (no events)" : "")}");
        var doc = evaluator.Code(record, mode);
        foreach (var sent in doc.Sentences)
        {
            for (var i = sent.FirstToken; i < sent.EndToken; i++)
            {
                var h = doc.HeadOf(i);
                w.WriteLine($"   {i - sent.FirstToken + 1,3} {doc.TextOf(i).ToString(),-16} {doc.LemmaOf(i),-14} {doc.UposOf(i),-6} {(h < 0 ? 0 : h - sent.FirstToken + 1),3} {Entente.Nlp.Documents.Labels.Deprel.Name(doc.DeprelOf(i))}");
            }
        }

        foreach (var m in doc.Get<MentionList>()?.Items ?? [])
            w.WriteLine($"   mention '{m.Text}' tokens {m.StartToken + 1}-{m.EndToken} code {m.Code ?? "-"} ({m.Resolution})");
        foreach (var line in coder.Explain(doc))
            w.WriteLine("  " + line);
        foreach (var e in doc.Get<EventList>()?.Items ?? [])
            w.WriteLine($"   event {e.Source?.Code ?? "---"} {e.Target?.Code ?? "---"} {e.Cameo} '{e.Trigger.Text}'{(e.Negated ? " negated" : "")} {e.Modality}");
    }
}
