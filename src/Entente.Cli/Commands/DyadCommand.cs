using System.CommandLine;
using Entente.Cli.Output;
using Entente.Store;

namespace Entente.Cli.Commands;

/// <summary><c>entente dyad A B [--by month|quarter|year]</c>: how two actors treat each other over time, both directions.</summary>
public static class DyadCommand
{
    public static readonly string[] Columns =
        ["period", "source", "target", "events", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict", "goldstein_sum", "goldstein_mean", "net_cooperation"];

    public static Command Create(CliContext ctx)
    {
        var a = new Argument<string>("actor-a") { Description = "A country (CHN) or CAMEO code prefix (USAGOV)" };
        var b = new Argument<string>("actor-b") { Description = "The other actor" };
        var by = new Option<string>("--by") { Description = "month, quarter or year (default: month)", DefaultValueFactory = _ => "month" };
        by.AcceptOnlyFromAmong("month", "quarter", "year");
        var since = StoreCommandSupport.SinceOption();
        var until = StoreCommandSupport.UntilOption();
        var db = StoreCommandSupport.DbOption();
        var format = StoreCommandSupport.FormatOption(TabularOutput.Formats, "table");

        var cmd = new Command("dyad", "A dyad over time: QuadClass counts, Goldstein sum and mean, net cooperation, both directions") { a, b, by, since, until, db, format };
        cmd.SetAction(pr =>
        {
            var period = pr.GetValue(by) switch { "year" => Period.Year, "quarter" => Period.Quarter, _ => Period.Month };
            var filter = new EventFilter { Since = StoreCommandSupport.ParseDate(pr.GetValue(since)), Until = StoreCommandSupport.ParseUntil(pr.GetValue(until)) };
            return Run(ctx, pr.GetValue(db)!, pr.GetValue(a)!.ToUpperInvariant(), pr.GetValue(b)!.ToUpperInvariant(), period, filter, pr.GetValue(format)!);
        });
        return cmd;
    }

    public static int Run(CliContext ctx, string dbPath, string a, string b, Period period, EventFilter filter, string format)
    {
        using var store = StoreCommandSupport.OpenExisting(ctx, dbPath);
        if (store is null)
            return ExitCodes.Usage;
        var rows = store.Dyad(a, b, period, filter);
        TabularOutput.Write(ctx, format, $"{a} - {b} by {period.ToString().ToLowerInvariant()}", Columns, rows.Select(Row));
        return ExitCodes.Ok;
    }

    internal static object?[] Row(DyadPeriod r) =>
        [r.Period, r.Source, r.Target, r.Events, r.Q1, r.Q2, r.Q3, r.Q4, r.GoldsteinSum, r.GoldsteinMean, r.NetCooperation];
}
