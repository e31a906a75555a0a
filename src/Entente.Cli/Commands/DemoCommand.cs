using System.CommandLine;
using System.Globalization;
using Entente.Cli.Output;
using Entente.Nlp.Documents;
using Entente.Store;
using Entente.Store.Ingest;
using Spectre.Console;

namespace Entente.Cli.Commands;

/// <summary>
/// <c>entente demo</c>: the README's first command. Codes the bundled sample (6,500 Wikipedia Current Events items on
/// international relations and armed conflict, 2014-2026) into the store, then prints what an analyst looks at first:
/// the most active dyads, China-Russia, US-China and US-Russia by year, and the last month's events. Rerunning it
/// stores nothing twice.
/// </summary>
public static class DemoCommand
{
    /// <summary>The bundled sample, relative to the data directory.</summary>
    public const string SamplePath = "samples/current-events-demo.jsonl.gz";

    private static readonly (string A, string B, string Title)[] Relations =
    [
        ("CHN", "RUS", "China - Russia"),
        ("USA", "CHN", "United States - China"),
        ("USA", "RUS", "United States - Russia"),
    ];

    public static Command Create(CliContext ctx)
    {
        var db = StoreCommandSupport.DbOption();
        var sample = new Option<string?>("--sample") { Description = $"Input to code instead of the bundled sample (data/{SamplePath})" };
        var threads = new Option<int>("--threads", "-j") { Description = "Worker threads (default: one per core)", DefaultValueFactory = _ => 0 };
        var cmd = new Command("demo", "Code the bundled news sample into the store and show the main relations") { db, sample, threads };
        cmd.SetAction(pr => Run(ctx, pr.GetValue(db)!, pr.GetValue(sample), pr.GetValue(threads)));
        return cmd;
    }

    public static int Run(CliContext ctx, string dbPath, string? samplePath, int threads)
    {
        var path = samplePath ?? ctx.Data[SamplePath];
        var diagnostics = new List<Diagnostic>();
        var files = IngestSources.Expand([path], diagnostics);
        foreach (var d in diagnostics)
            ctx.Report(d);
        if (files.Count == 0)
        {
            ctx.Fail($"the demo sample '{path}' is missing; is ENTENTE_DATA pointing at the repository's data/ folder?");
            return ExitCodes.Usage;
        }

        using var store = StoreCommandSupport.Open(ctx, dbPath);
        if (store is null)
            return ExitCodes.Usage;

        var console = TabularOutput.Console(ctx);
        console.WriteLine($"Entente demo: coding {Path.GetFileName(path)} (Wikipedia Current Events Portal, CC BY-SA 4.0) into the store {store.Location}");
        console.WriteLine("(a rerun skips what is already stored; give --db FILE for another store)");
        var summary = IngestCommand.Execute(ctx, store, files, new IngestOptions { Threads = threads });
        if (summary is null)
            return ExitCodes.Usage;
        if (summary.Interrupted)
            return 130;

        var counts = store.Counts();
        console.WriteLine();
        var range = counts.FirstDate is { } first ? string.Create(CultureInfo.InvariantCulture, $" published {first:yyyy-MM-dd} to {counts.LastDate:yyyy-MM-dd}") : "";
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Store: {counts.Documents:N0} documents{range}, {counts.EventRecords:N0} event records, {counts.MergedEvents:N0} events after merging " +
            $"duplicates across documents."));
        if (counts.MergedEvents == 0)
        {
            console.WriteLine("The pipeline coded no events from this sample: this build has no event coder, or its models are missing from data/.");
            return ExitCodes.Ok;
        }

        console.WriteLine();
        TabularOutput.Write(ctx, "table", "Most active dyads (both directions, all years)",
            ["actor_a", "actor_b", "events", "cooperative", "conflictual", "net_cooperation", "goldstein_mean"],
            store.TopDyads(10, EventFilter.All).Select(d => new object?[] { d.ActorA, d.ActorB, d.Events, d.Cooperative, d.Conflictual, d.NetCooperation, d.GoldsteinMean }));

        foreach (var (a, b, title) in Relations)
        {
            console.WriteLine();
            TabularOutput.Write(ctx, "table", $"{title} by year (both directions; entente dyad {a} {b} --by year splits them)",
                ["year", "events", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict", "goldstein_mean", "net_cooperation"],
                ByYear(store.Dyad(a, b, Period.Year, EventFilter.All)));
        }

        // The last month of the news, by publication date: events can be dated years before or after it.
        if (counts.LastDate is { } last)
        {
            var since = last.AddMonths(-1);
            console.WriteLine();
            TabularOutput.Write(ctx, "table",
                $"Events between two actors in the last month of the sample ({since:yyyy-MM-dd} to {last:yyyy-MM-dd}, newest first, at most 40)",
                StoreCommandSupport.EventColumns,
                store.Events(new EventFilter { Since = since, Until = last, Dyadic = true, Limit = 40 }).Select(e => StoreCommandSupport.EventRow(e, 70)));
        }

        console.WriteLine();
        console.WriteLine("More: entente events --actor CHN --with RUS | entente dyad USA CHN --by quarter | entente actors --top 20 | entente export --format gdelt");
        return summary.Totals.Rejected > 0 ? ExitCodes.Rejected : ExitCodes.Ok;
    }

    /// <summary>Adds the two directions of each year together.</summary>
    private static IEnumerable<object?[]> ByYear(IReadOnlyList<DyadPeriod> rows)
    {
        var years = new SortedDictionary<string, (long Events, long Q1, long Q2, long Q3, long Q4, double Sum)>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            years.TryGetValue(r.Period, out var y);
            years[r.Period] = (y.Events + r.Events, y.Q1 + r.Q1, y.Q2 + r.Q2, y.Q3 + r.Q3, y.Q4 + r.Q4, y.Sum + r.GoldsteinSum);
        }

        foreach (var (year, y) in years)
            yield return [year, y.Events, y.Q1, y.Q2, y.Q3, y.Q4, y.Events == 0 ? 0.0 : y.Sum / y.Events, y.Q1 + y.Q2 - y.Q3 - y.Q4];
    }
}
