using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Entente.Nlp;
using Entente.Nlp.Conllu;
using Entente.Nlp.Learning;

namespace Entente.Cli.Commands;

/// <summary>
/// <c>entente train clusters --corpus FILE... [--out DIR]</c>: word clusters from unlabelled text
/// (JSONL with a "text" field, or the words of CoNLL-U files), used as features by the tagger,
/// parser and entity recognizer.
/// </summary>
internal static class TrainClustersCommand
{
    public static Command Create(CliContext ctx)
    {
        var corpus = new Option<string[]>("--corpus") { Description = "Text: .jsonl[.gz] with a \"text\" field, or .conllu[.gz]", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Output folder (default data/models/clusters)", DefaultValueFactory = _ => "data/models/clusters" };
        var cmd = new Command("clusters", "Learn word clusters from unlabelled text") { corpus, output };
        cmd.SetAction(pr => Run(ctx, pr.GetValue(corpus)!, pr.GetValue(output)!));
        return cmd;
    }

    public const string FileName = "clusters.bin";

    private static int Run(CliContext ctx, string[] files, string outDir)
    {
        var w = TrainCommand.Writer(ctx);
        var clock = Stopwatch.StartNew();
        var counts = new ClusterBuilder.Counts();
        foreach (var file in files)
        {
            try
            {
                if (file.Contains(".conllu", StringComparison.OrdinalIgnoreCase))
                {
                    foreach (var s in ConlluReader.ReadFile(file))
                        counts.Add(s.Words.Select(x => x.Form).ToArray());
                }
                else
                {
                    using var reader = InputFiles.OpenText(file);
                    string? line;
                    while ((line = reader.ReadLine()) is not null)
                    {
                        if (TextOf(line) is not { } text)
                            continue;
                        foreach (var para in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                            counts.Add(ClusterBuilder.Tokenize(para));
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                ctx.Fail($"cannot read '{file}': {e.Message}");
                return ExitCodes.Usage;
            }

            w.WriteLine(TrainCommand.Invariant($"read {Path.GetFileName(file)}: {counts.Tokens} tokens so far"));
        }

        var options = new ClusterBuilder.Options();
        var clusters = ClusterBuilder.Build(counts, options, w.WriteLine);
        Directory.CreateDirectory(outDir);
        using (var f = File.Create(Path.Combine(outDir, FileName)))
            clusters.Save(f);
        var manifest = new ModelManifest
        {
            Name = "clusters",
            Version = DateTime.UtcNow.ToString("yyyy.MM.dd", System.Globalization.CultureInfo.InvariantCulture),
            Description = TrainCommand.Invariant($"Hierarchical word clusters (bit paths, depth {options.Depth}) of the {options.Words} most frequent words, from neighbour-word contexts and recursive spherical 2-means"),
            Licence = "CC BY-SA 4.0 (derived from Wikipedia Current Events, Wikinews (CC BY 2.5) and UD English EWT/GUM text)",
            Source = "entente train clusters --corpus " + string.Join(' ', files.Select(Path.GetFileName)),
            TrainingData = files.Select(Path.GetFileName).OfType<string>().ToList(),
            Command = "entente train clusters --corpus " + string.Join(' ', files.Select(Path.GetFileName)),
            TrainingSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
            TrainingPeakMemoryMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024),
            Machine = $"{Environment.ProcessorCount} cores",
        };
        TrainCommand.Seal(manifest, outDir, FileName);
        w.WriteLine(TrainCommand.Invariant($"wrote {outDir}: {clusters.Count} words in {clock.Elapsed.TotalSeconds:F0}s, peak memory {manifest.TrainingPeakMemoryMb} MB"));
        return ExitCodes.Ok;
    }

    private static string? TextOf(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
