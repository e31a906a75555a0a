using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Entente.Nlp.Documents;
using Entente.Nlp.Learning;
using Entente.Nlp.Tagging;

namespace Entente.Cli.Commands;

/// <summary>
/// <c>entente train tagger|parser|ner --train FILE... --dev FILE... [--out DIR] [--epochs N]</c>:
/// trains a model, printing progress and dev scores per epoch, and writes it with its manifest.
/// </summary>
public static class TrainCommand
{
    public const string Licence = "CC BY-SA 4.0 (trained on UD English EWT, GUM and derived data; see data/MANIFEST.md)";

    public static Command Create(CliContext ctx)
    {
        var cmd = new Command("train", "Train a model (tagger, parser or ner) on annotated data");
        cmd.Subcommands.Add(Sub(ctx, "tagger", "Train the part-of-speech tagger and the lemmatizer on CoNLL-U files", "data/models/tagger", 12, RunTagger));
        cmd.Subcommands.Add(Sub(ctx, "parser", "Train the dependency parser on CoNLL-U files", "data/models/parser", 15, TrainParserCommand.Run));
        cmd.Subcommands.Add(TrainClustersCommand.Create(ctx));
        cmd.Subcommands.Add(Sub(ctx, "ner", "Train the entity recognizer on IOB2 files", "data/models/ner", 12, TrainNerCommand.Run));
        return cmd;
    }

    /// <summary>What every training command is given.</summary>
    public sealed record Options(string[] Train, string[] Dev, string Out, int Epochs, string? Tagger, int Seed, string? Clusters, string? Gazetteer = null, string[]? TaggerTrain = null);

    private static Command Sub(CliContext ctx, string name, string description, string defaultOut, int defaultEpochs, Func<CliContext, Options, int> run)
    {
        var train = new Option<string[]>("--train") { Description = "Training files (.gz allowed)", Required = true, AllowMultipleArgumentsPerToken = true };
        var dev = new Option<string[]>("--dev") { Description = "Development files for per-epoch scores and choosing the best epoch", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = $"Output folder (default {defaultOut})", DefaultValueFactory = _ => defaultOut };
        var epochs = new Option<int>("--epochs") { Description = $"Training epochs (default {defaultEpochs})", DefaultValueFactory = _ => defaultEpochs };
        epochs.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 1000)
                r.AddError("--epochs must be between 1 and 1000");
        });
        var tagger = new Option<string?>("--tagger") { Description = "Tagger model folder whose predicted tags the parser/ner trains and evaluates on (default data/models/tagger)" };
        var seed = new Option<int>("--seed") { Description = "Random seed for shuffling", DefaultValueFactory = _ => 1 };
        var clusters = new Option<string?>("--clusters") { Description = "Word clusters file (default data/models/clusters/clusters.bin; 'none' for no clusters)" };
        var cmd = new Command(name, description) { train, dev, output, epochs, seed, clusters };
        if (name != "tagger")
            cmd.Options.Add(tagger);
        var gazetteer = new Option<string?>("--gazetteer") { Description = "Folder with countries.json and cities15000.txt.gz (default ../shared/data/gazetteer beside the repository)" };
        var taggerTrain = new Option<string[]?>("--tagger-train")
        {
            Description = "The tagger's training treebanks: training sentences found there get tags from fold taggers that did not see them",
            AllowMultipleArgumentsPerToken = true,
        };
        if (name == "ner")
        {
            cmd.Options.Add(gazetteer);
            cmd.Options.Add(taggerTrain);
        }

        cmd.SetAction(pr => run(ctx, new Options(pr.GetValue(train)!, pr.GetValue(dev)!, pr.GetValue(output)!, pr.GetValue(epochs), pr.GetValue(tagger), pr.GetValue(seed), pr.GetValue(clusters), pr.GetValue(gazetteer),
            pr.GetValue(taggerTrain))));
        return cmd;
    }

    /// <summary>Reads CoNLL-U files, reporting unreadable lines; null (after an error message) when a file cannot be opened.</summary>
    internal static List<AnnotatedSentence>? ReadTreebanks(CliContext ctx, string[] files)
    {
        var diags = new List<Diagnostic>();
        try
        {
            var list = AnnotatedSentence.ReadFiles(files, diags);
            foreach (var d in diags)
                ctx.Report(d);
            return list;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            ctx.Fail("cannot read training data: " + e.Message);
            return null;
        }
    }

    /// <summary>The clusters a training run uses: --clusters, else the shipped ones; null after an error message.</summary>
    internal static WordClusters? LoadClusters(CliContext ctx, Options o, TextWriter w)
    {
        if (o.Clusters == "none")
            return WordClusters.Empty;
        var path = o.Clusters ?? ctx.Data["models/clusters/" + TrainClustersCommand.FileName];
        try
        {
            using var f = File.OpenRead(path);
            var clusters = WordClusters.Load(f);
            w.WriteLine(Invariant($"word clusters: {clusters.Count} words from {path}"));
            return clusters;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            ctx.Fail($"cannot load word clusters from '{path}': {e.Message} (use --clusters none to train without)");
            return null;
        }
    }

    internal static TextWriter Writer(CliContext ctx) => new StreamWriter(ctx.Out) { AutoFlush = true };

    internal static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    internal static ModelManifest NewManifest(string name, string description, Options o, string command, int epochs, Stopwatch clock)
    {
        var m = new ModelManifest
        {
            Name = name,
            Version = DateTime.UtcNow.ToString("yyyy.MM.dd", CultureInfo.InvariantCulture),
            Description = description,
            Licence = Licence,
            Source = "trained by Entente (src/Entente.Nlp), " + command,
            TrainingData = o.Train.Select(Path.GetFileName).OfType<string>().ToList(),
            DevData = o.Dev.Select(Path.GetFileName).OfType<string>().ToList(),
            Command = command,
            Epochs = epochs,
            TrainingSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
            TrainingPeakMemoryMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024),
            Machine = $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024L * 1024 * 1024)} GiB",
        };
        return m;
    }

    /// <summary>Records each file's sha256 and writes manifest.json.</summary>
    internal static void Seal(ModelManifest manifest, string dir, params string[] files)
    {
        manifest.Files.Clear();
        foreach (var f in files)
            manifest.Files[f] = ModelManifest.Sha256Of(Path.Combine(dir, f));
        manifest.Save(Path.Combine(dir, "manifest.json"));
    }

    internal static string CommandLine(string what, Options o) =>
        $"entente train {what} --train {string.Join(' ', o.Train.Select(Path.GetFileName))} --dev {string.Join(' ', o.Dev.Select(Path.GetFileName))} --epochs {o.Epochs}"
        + (o.TaggerTrain is { Length: > 0 } ? " --tagger-train " + string.Join(' ', o.TaggerTrain.Select(Path.GetFileName)) : "");

    private static int RunTagger(CliContext ctx, Options o)
    {
        var w = Writer(ctx);
        var clock = Stopwatch.StartNew();
        var train = ReadTreebanks(ctx, o.Train);
        var dev = ReadTreebanks(ctx, o.Dev);
        if (train is null || dev is null)
            return ExitCodes.Usage;
        var clusters = LoadClusters(ctx, o, w);
        if (clusters is null)
            return ExitCodes.Usage;
        w.WriteLine(Invariant($"tagger: {train.Count} training sentences, {dev.Count} dev sentences"));
        var best = (Epoch: 0, Upos: 0.0, Xpos: 0.0);
        var model = TaggerTrainer.Train(train, dev, o.Epochs, clusters, e =>
        {
            w.WriteLine(Invariant($"epoch {e.Epoch,3}  dev UPOS {e.UposAccuracy:F2}  XPOS {e.XposAccuracy:F2}  features {e.Features}  {e.Seconds:F0}s"));
            if (e.UposAccuracy + e.XposAccuracy > best.Upos + best.Xpos)
                best = (e.Epoch, e.UposAccuracy, e.XposAccuracy);
        }, o.Seed);
        var lemmatizer = LemmatizerTrainer.Train(train);
        var lemmaDev = LemmatizerTrainer.Evaluate(model, lemmatizer, dev);
        w.WriteLine(Invariant($"lemmatizer: {lemmatizer.ExceptionCount} exceptions, {lemmatizer.RuleCount} suffix rules; dev lemma accuracy {lemmaDev:F2} (with predicted tags)"));
        Directory.CreateDirectory(o.Out);
        using (var f = File.Create(Path.Combine(o.Out, TaggerModel.FileName)))
            model.Save(f);
        using (var f = File.Create(Path.Combine(o.Out, Lemmatizer.FileName)))
            lemmatizer.Save(f);
        var manifest = NewManifest("tagger", "Averaged-perceptron UPOS+XPOS tagger and rule+exception lemmatizer", o, CommandLine("tagger", o), best.Epoch, clock);
        manifest.Scores["dev"] = new() { ["UPOS"] = Math.Round(best.Upos, 2), ["XPOS"] = Math.Round(best.Xpos, 2), ["Lemmas"] = Math.Round(lemmaDev, 2) };
        Seal(manifest, o.Out, TaggerModel.FileName, Lemmatizer.FileName);
        w.WriteLine(Invariant($"wrote {o.Out} (best epoch {best.Epoch}) in {clock.Elapsed.TotalSeconds:F0}s, peak memory {manifest.TrainingPeakMemoryMb} MB"));
        return ExitCodes.Ok;
    }
}
