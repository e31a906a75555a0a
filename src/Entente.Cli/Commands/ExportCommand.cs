using System.CommandLine;
using Entente.Store;
using Entente.Store.DuckDb;
using Entente.Store.Export;

namespace Entente.Cli.Commands;

/// <summary><c>entente export --format gdelt|csv|jsonl|parquet [--output FILE]</c>: the merged events for other tools.</summary>
public static class ExportCommand
{
    public static Command Create(CliContext ctx)
    {
        var format = new Option<string>("--format") { Description = "gdelt (GDELT 2.0 event table, tab-separated), csv, jsonl or parquet", Required = true };
        format.AcceptOnlyFromAmong("gdelt", "csv", "jsonl", "parquet");
        var output = new Option<string?>("--output", "-o") { Description = "Output file (default: standard output; required for parquet and --records)" };
        var records = new Option<bool>("--records")
        {
            Description = "Export the event records (one per report, with document, sentence, trigger, url and merged_id) instead of the merged events; csv, jsonl or parquet",
        };
        var selection = new FilterOptions();
        var db = StoreCommandSupport.DbOption();
        var cmd = new Command("export", "Export merged events as GDELT 2.0 TSV, CSV, JSONL or Parquet") { format, output, records, db };
        selection.AddTo(cmd);
        cmd.SetAction(pr =>
        {
            var filter = selection.Read(pr) with { Ascending = true };
            var fmt = pr.GetValue(format) switch { "gdelt" => ExportFormat.Gdelt, "csv" => ExportFormat.Csv, "parquet" => ExportFormat.Parquet, _ => ExportFormat.Jsonl };
            return pr.GetValue(records)
                ? RunRecords(ctx, pr.GetValue(db)!, fmt, pr.GetValue(output), filter)
                : Run(ctx, pr.GetValue(db)!, fmt, pr.GetValue(output), filter);
        });
        return cmd;
    }

    /// <summary>The event records, for provenance: written by DuckDB's COPY, so to a file.</summary>
    public static int RunRecords(CliContext ctx, string dbPath, ExportFormat format, string? output, EventFilter filter)
    {
        if (format == ExportFormat.Gdelt)
        {
            ctx.Fail("--records writes csv, jsonl or parquet; the GDELT table holds merged events only");
            return ExitCodes.Usage;
        }

        if (output is null || output == "-")
        {
            ctx.Fail("--records needs --output FILE");
            return ExitCodes.Usage;
        }

        using var store = StoreCommandSupport.OpenExisting(ctx, dbPath);
        if (store is null)
            return ExitCodes.Usage;
        try
        {
            store.ExportRecords(output, format, filter);
            ctx.Error.WriteLine($"entente: wrote {Path.GetFullPath(output)}");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DuckDB.NET.Data.DuckDBException)
        {
            ctx.Fail($"export failed: {e.Message}");
            return ExitCodes.Rejected;
        }
    }

    public static int Run(CliContext ctx, string dbPath, ExportFormat format, string? output, EventFilter filter)
    {
        if (format == ExportFormat.Parquet && (output is null || output == "-"))
        {
            ctx.Fail("--format parquet needs --output FILE (Parquet is not written to a terminal or pipe)");
            return ExitCodes.Usage;
        }

        using var store = StoreCommandSupport.OpenExisting(ctx, dbPath);
        if (store is null)
            return ExitCodes.Usage;
        try
        {
            if (format == ExportFormat.Parquet)
            {
                store.ExportParquet(output!, filter);
                ctx.Error.WriteLine($"entente: wrote {Path.GetFullPath(output!)}");
                return ExitCodes.Ok;
            }

            var fips = CountryCodes.Load(ctx.Data["store/iso3-fips.tsv"]);
            using var stream = output is null || output == "-" ? null : new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            var n = EventExport.Write(store.Events(filter), format, stream ?? ctx.Out, fips);
            if (stream is not null)
                ctx.Error.WriteLine($"entente: wrote {n:N0} events to {Path.GetFullPath(output!)}");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or StoreException or DuckDB.NET.Data.DuckDBException)
        {
            ctx.Fail($"export failed: {e.Message}");
            return ExitCodes.Rejected;
        }
    }
}
