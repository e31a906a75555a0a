using System.CommandLine;
using System.Text.Json;
using Entente.Cli.Output;
using Entente.Coding.Cameo;
using Entente.Store;
using Entente.Store.Export;

namespace Entente.Cli.Commands;

/// <summary><c>entente events [--actor A] [--with B] [--since D] [--until D] [--type T] [--format table|csv|jsonl]</c>.</summary>
public static class EventsCommand
{
    public static Command Create(CliContext ctx)
    {
        var db = StoreCommandSupport.DbOption();
        var selection = new FilterOptions();
        var dyadic = new Option<bool>("--dyadic") { Description = "Only events with both a source and a target" };
        var type = new Option<string?>("--type") { Description = "A PLOVER type (ASSAULT, CONSULT, ...) or a CAMEO code prefix (19, 190)" };
        type.Validators.Add(r =>
        {
            var v = r.GetValueOrDefault<string?>();
            if (v is not null && !IsEventType(v))
                r.AddError($"--type '{v}' is neither a PLOVER type ({string.Join(", ", CameoTaxonomy.PloverTypes)}) nor a CAMEO code prefix (digits, e.g. 19 or 190)");
        });
        var format = StoreCommandSupport.FormatOption(TabularOutput.Formats, "table");
        var limit = new Option<int>("--limit") { Description = "Most events to show, newest first (default: 100; 0 for all)", DefaultValueFactory = _ => 100 };

        var cmd = new Command("events", "List coded events from the store (duplicates across documents merged)") { db, type, dyadic, format, limit };
        selection.AddTo(cmd);
        cmd.SetAction(pr =>
        {
            var filter = selection.Read(pr) with
            {
                Type = pr.GetValue(type),
                Dyadic = pr.GetValue(dyadic),
                Limit = pr.GetValue(limit) > 0 ? pr.GetValue(limit) : null,
            };
            return Run(ctx, pr.GetValue(db)!, filter, pr.GetValue(format)!);
        });
        return cmd;
    }

    private static bool IsEventType(string v) =>
        CameoTaxonomy.PloverTypes.Contains(v, StringComparer.OrdinalIgnoreCase) ||
        (v.Length is >= 1 and <= 4 && v.All(char.IsAsciiDigit));

    public static int Run(CliContext ctx, string dbPath, EventFilter filter, string format)
    {
        using var store = StoreCommandSupport.OpenExisting(ctx, dbPath);
        if (store is null)
            return ExitCodes.Usage;
        if (format == "jsonl")
        {
            // JSONL carries the whole merged record, as the export does.
            EventExport.Write(store.Events(filter), ExportFormat.Jsonl, ctx.Out);
            return ExitCodes.Ok;
        }

        var rows = store.Events(filter).Select(e => StoreCommandSupport.EventRow(e, format == "table" ? 90 : 0));
        TabularOutput.Write(ctx, format, "events", StoreCommandSupport.EventColumns, rows);
        return ExitCodes.Ok;
    }
}
