using System.CommandLine;
using Entente.Cli.Output;
using Entente.Store;

namespace Entente.Cli.Commands;

/// <summary><c>entente actors [--top N]</c>: the most active actors in the store.</summary>
public static class ActorsCommand
{
    public static Command Create(CliContext ctx)
    {
        var top = new Option<int>("--top") { Description = "How many actors (default: 20)", DefaultValueFactory = _ => 20 };
        top.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
                r.AddError("--top must be at least 1");
        });
        var since = StoreCommandSupport.SinceOption();
        var until = StoreCommandSupport.UntilOption();
        var db = StoreCommandSupport.DbOption();
        var format = StoreCommandSupport.FormatOption(TabularOutput.Formats, "table");
        var cmd = new Command("actors", "The most active actors (countries, or CAMEO codes for actors without one)") { top, since, until, db, format };
        cmd.SetAction(pr =>
        {
            using var store = StoreCommandSupport.OpenExisting(ctx, pr.GetValue(db)!);
            if (store is null)
                return ExitCodes.Usage;
            var filter = new EventFilter { Since = StoreCommandSupport.ParseDate(pr.GetValue(since)), Until = StoreCommandSupport.ParseUntil(pr.GetValue(until)) };
            var rows = store.TopActors(pr.GetValue(top), filter);
            TabularOutput.Write(ctx, pr.GetValue(format)!, "most active actors", ["actor", "events", "as_source", "as_target", "goldstein_mean"],
                rows.Select(r => new object?[] { r.Actor, r.Events, r.AsSource, r.AsTarget, r.GoldsteinMean }));
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
