using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Entente.Coding;
using Entente.Nlp.Documents;
using Entente.Nlp.Pipeline;
using Entente.Store;
using Entente.Store.DuckDb;
using Entente.Store.Ingest;
using Spectre.Console;

namespace Entente.Cli.Commands;

/// <summary>
/// <c>entente ingest PATH... [--db FILE]</c>: codes text, HTML, RSS/Atom and JSONL(.gz) files and directories into
/// the store. Documents already stored with the same content are skipped, so a rerun after a stop resumes.
/// </summary>
public static class IngestCommand
{
    public static Command Create(CliContext ctx)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Files or directories (.txt, .html, .rss/.atom/.xml feeds, .jsonl, .jsonl.gz; directories recursively)",
            Arity = ArgumentArity.OneOrMore,
        };
        var db = StoreCommandSupport.DbOption();
        var date = StoreCommandSupport.DateOption("--date", "Publication date for documents that carry none (plain text files), YYYY-MM-DD");
        var threads = new Option<int>("--threads", "-j") { Description = "Worker threads (default: one per core)", DefaultValueFactory = _ => 0 };
        var batch = new Option<int>("--batch")
        {
            Description = "Most documents per transaction (default: 5000; a transaction is also committed every 2 seconds)",
            DefaultValueFactory = _ => new IngestOptions().BatchDocuments,
        };
        batch.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
                r.AddError("--batch must be at least 1");
        });

        var every = new Option<double>("--progress-interval")
        {
            Description = "Seconds between progress lines when stderr is not a terminal (default: 5)",
            DefaultValueFactory = _ => 5,
        };

        var maxChars = new Option<int>("--max-chars")
        {
            Description = "Reject documents longer than this many characters (0: no limit)",
            DefaultValueFactory = _ => PipelineRunner.DefaultMaxChars,
        };

        var cmd = new Command("ingest", "Code documents into the store (idempotent; a rerun resumes)") { paths, db, date, threads, batch, every, maxChars };
        cmd.SetAction(pr =>
        {
            var options = new IngestOptions
            {
                Threads = pr.GetValue(threads),
                BatchDocuments = pr.GetValue(batch),
                DefaultDate = StoreCommandSupport.ParseDate(pr.GetValue(date)),
                ProgressInterval = TimeSpan.FromSeconds(Math.Max(0.05, pr.GetValue(every))),
                MaxChars = pr.GetValue(maxChars),
            };
            return Run(ctx, pr.GetValue(paths) ?? [], pr.GetValue(db)!, options);
        });
        return cmd;
    }

    public static int Run(CliContext ctx, IReadOnlyList<string> paths, string dbPath, IngestOptions options)
    {
        var expandDiagnostics = new List<Diagnostic>();
        var files = IngestSources.Expand(paths, expandDiagnostics);
        foreach (var d in expandDiagnostics)
            ctx.Report(d);
        if (files.Count == 0)
        {
            ctx.Fail("nothing to ingest: no readable input files were found");
            return ExitCodes.Usage;
        }

        using var store = StoreCommandSupport.Open(ctx, dbPath);
        if (store is null)
            return ExitCodes.Usage;
        var result = Execute(ctx, store, files, options);
        if (result is null)
            return ExitCodes.Usage;
        var notFound = expandDiagnostics.Exists(d => d.Severity == Severity.Error);
        return result.Interrupted ? 130 : result.Totals.Rejected > 0 || notFound ? ExitCodes.Rejected : ExitCodes.Ok;
    }

    /// <summary>Runs an ingest with progress on stderr and Ctrl-C/SIGTERM handling; prints the summary. Null when it could not run.</summary>
    internal static IngestSummary? Execute(CliContext ctx, DuckDbStore store, IReadOnlyList<InputFile> files, IngestOptions options)
    {
        if (ModelLoading.TryLoad(ctx, ctx.Data.Root, () => EntentePipeline.Create(ctx.Data)) is not { } pipeline)
            return null;

        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // The first Ctrl-C stops cleanly after the batch in flight; a second one kills as usual.
            if (!cancel.IsCancellationRequested)
                e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            cancel.Cancel();
        });

        IngestSummary summary;
        try
        {
            summary = ctx.ErrorIsTerminal
                ? WithProgressBar(ctx, store, pipeline, files, options with { ProgressInterval = TimeSpan.FromMilliseconds(200) }, cancel.Token)
                : WithProgressLines(ctx, store, pipeline, files, options, cancel.Token);
        }
        catch (StoreException e)
        {
            ctx.Fail(e.Message + " (everything committed before this is kept; rerun to resume)");
            return null;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }

        var t = summary.Totals;
        var verb = summary.Interrupted ? "interrupted after" : "ingested";
        ctx.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"entente: {verb} {t.Documents:N0} documents in {t.Elapsed.TotalSeconds:0.0} s ({t.Rate:N0}/s): {t.Stored:N0} stored " +
            $"({t.Replaced:N0} replacing changed ones), {t.Unchanged:N0} unchanged, {t.Duplicates:N0} duplicates of other documents, {t.Rejected:N0} rejected; " +
            $"{t.Events:N0} events; store {store.Location}"));
        if (summary.Interrupted)
            ctx.Error.WriteLine("entente: the store is consistent; run the same command again to resume");
        return summary;
    }

    private static IngestSummary WithProgressLines(
        CliContext ctx, DuckDbStore store, Pipeline pipeline, IReadOnlyList<InputFile> files, IngestOptions options, CancellationToken token)
    {
        // Plain lines for logs: one per interval (the Ingestor calls back at that pace).
        return Ingestor.Run(store, pipeline, files, options, ctx.Report, p =>
        {
            ctx.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"entente: ingest: {Percent(p):0}% of input, {p.Documents:N0} documents ({p.Rate:N0}/s), {p.Stored:N0} stored, " +
                $"{p.Unchanged:N0} unchanged, {p.Duplicates:N0} duplicates, {p.Rejected:N0} rejected, {p.Events:N0} events"));
        }, token);
    }

    private static IngestSummary WithProgressBar(
        CliContext ctx, DuckDbStore store, Pipeline pipeline, IReadOnlyList<InputFile> files, IngestOptions options, CancellationToken token)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(ctx.Error) });
        IngestSummary? summary = null;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask("ingest", maxValue: Math.Max(1, files.Sum(f => f.Bytes)));
                summary = Ingestor.Run(store, pipeline, files, options, d => console.MarkupLine(Markup.Escape("entente: " + d)), p =>
                {
                    task.Value = p.BytesRead;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"{p.Documents:N0} docs, {p.Rate:N0}/s, {p.Events:N0} events");
                }, token);
                if (!summary.Interrupted)
                    task.Value = task.MaxValue;
                task.StopTask();
            });
        return summary!;
    }

    private static double Percent(IngestProgress p) => p.BytesTotal == 0 ? 100 : 100.0 * Math.Min(p.BytesRead, p.BytesTotal) / p.BytesTotal;
}
