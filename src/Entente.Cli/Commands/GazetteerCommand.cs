using System.CommandLine;
using Entente.Coding.Events.Places;

namespace Entente.Cli.Commands;

/// <summary>
/// <c>entente gazetteer --cities cities15000.txt.gz --countries countries.json --out data/places/places.tsv.gz</c>:
/// extracts the place names the event coder locates events with. The output is deterministic, so the committed
/// file can always be rebuilt from the reference data.
/// </summary>
public static class GazetteerCommand
{
    public static Command Create(CliContext ctx)
    {
        var cities = new Option<string>("--cities") { Description = "GeoNames cities file (cities15000.txt or .gz)", Required = true };
        var countries = new Option<string>("--countries") { Description = "mledoze/countries countries.json", Required = true };
        var output = new Option<string>("--out") { Description = "Output file (.tsv.gz)", DefaultValueFactory = _ => "data/places/places.tsv.gz" };
        var cmd = new Command("gazetteer", "Extract the place gazetteer the event coder uses from GeoNames and countries.json") { cities, countries, output };
        cmd.SetAction(pr => Run(ctx, pr.GetValue(cities)!, pr.GetValue(countries)!, pr.GetValue(output)!));
        return cmd;
    }

    public static int Run(CliContext ctx, string cities, string countries, string output)
    {
        foreach (var f in new[] { cities, countries })
        {
            if (!File.Exists(f))
            {
                ctx.Fail($"cannot read '{f}': file not found");
                return ExitCodes.Usage;
            }
        }

        try
        {
            var summary = GazetteerBuilder.Build(cities, countries, output);
            var w = new StreamWriter(ctx.Out) { AutoFlush = true };
            w.WriteLine($"{output}: {summary.Keys} names of {summary.Cities} cities and {summary.Countries} countries");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidOperationException or KeyNotFoundException)
        {
            ctx.Fail($"cannot build the gazetteer: {e.Message}");
            return ExitCodes.Rejected;
        }
    }
}
