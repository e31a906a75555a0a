using System.Diagnostics;
using Entente.Nlp.Documents;
using Entente.Nlp.Entities;
using Entente.Nlp.Models;
using Entente.Nlp.Tagging;

namespace Entente.Cli.Commands;

/// <summary>
/// <c>entente train ner --train FILE... --dev FILE... [--gazetteer DIR]</c>: trains the entity
/// recognizer on IOB files (UNER, wikigold), tagged by the shipped tagger, with the shipped word clusters
/// and a gazetteer compiled from countries.json, cities15000 and the PETRARCH actor dictionaries into the
/// model file.
/// </summary>
internal static class TrainNerCommand
{
    private const int JackknifeFolds = 5;
    private const int JackknifeEpochs = 5;

    public static int Run(CliContext ctx, TrainCommand.Options o)
    {
        var w = TrainCommand.Writer(ctx);
        var clock = Stopwatch.StartNew();
        var train = Read(ctx, o.Train);
        var dev = Read(ctx, o.Dev);
        if (train is null || dev is null)
            return ExitCodes.Usage;
        var clusters = TrainCommand.LoadClusters(ctx, o, w);
        if (clusters is null)
            return ExitCodes.Usage;
        var taggerDir = o.Tagger ?? ctx.Data[NlpModels.TaggerFolder];
        if (ModelLoading.TryLoad(ctx, taggerDir, () => Tagger.Load(taggerDir).Model) is not { } tagger)
            return ExitCodes.Usage;

        // the recognizer reads the tagger's UPOS, so it learns from the tags the tagger gives
        if (o.TaggerTrain is { Length: > 0 })
        {
            var treebanks = TrainCommand.ReadTreebanks(ctx, o.TaggerTrain);
            if (treebanks is null)
                return ExitCodes.Usage;
            train = Jackknife.Retag(tagger, train, treebanks, JackknifeFolds, JackknifeEpochs, out var matched,
                f => w.WriteLine(TrainCommand.Invariant($"  fold tagger {f}/{JackknifeFolds} ({clock.Elapsed.TotalSeconds:F0}s)")));
            w.WriteLine(TrainCommand.Invariant($"{matched} of {train.Count} training sentences tagged by fold taggers that did not see them"));
        }
        else
        {
            train = Jackknife.Retag(tagger, train);
        }

        dev = Jackknife.Retag(tagger, dev);
        var gazDir = o.Gazetteer ?? DefaultGazetteer(ctx);
        Gazetteer gazetteer;
        try
        {
            var petrarch = Path.Combine(gazDir, "..", "petrarch", "dictionaries");
            var actorFiles = Directory.Exists(petrarch) ? Directory.GetFiles(petrarch, "Phoenix.*.actors.txt").Order(StringComparer.Ordinal).ToArray() : [];
            gazetteer = Gazetteer.Build(Path.Combine(gazDir, "countries.json"), Path.Combine(gazDir, "cities15000.txt.gz"), actorFiles);
            w.WriteLine(TrainCommand.Invariant($"gazetteer: countries.json, cities15000, {actorFiles.Length} PETRARCH actor dictionaries"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
        {
            ctx.Fail($"cannot build the gazetteer from '{gazDir}': {e.Message}");
            return ExitCodes.Usage;
        }

        w.WriteLine(TrainCommand.Invariant($"ner: {train.Count} training sentences, {dev.Count} dev sentences, gazetteer of {gazetteer.Count} names"));
        var best = (Epoch: 0, F1: -1.0);
        var model = NerTrainer.Train(train, dev, o.Epochs, clusters, gazetteer, e =>
        {
            w.WriteLine(TrainCommand.Invariant($"epoch {e.Epoch,3}  dev P {e.Precision:F2}  R {e.Recall:F2}  F1 {e.F1:F2}  features {e.Features}  {e.Seconds:F0}s"));
            if (e.F1 > best.F1)
                best = (e.Epoch, e.F1);
        }, o.Seed);
        var devScores = NerTrainer.Evaluate(model, dev);
        Directory.CreateDirectory(o.Out);
        using (var f = File.Create(Path.Combine(o.Out, NerModel.FileName)))
            model.Save(f);
        var manifest = TrainCommand.NewManifest("ner", "Averaged-perceptron IOB2 entity recognizer (PER, ORG, LOC) with word clusters and a GeoNames/countries/PETRARCH gazetteer and sentence-casing features",
            o, TrainCommand.CommandLine("ner", o), best.Epoch, clock);
        manifest.Licence = "CC BY-SA 4.0 (UNER EWT); gazetteer from GeoNames cities15000 (CC BY 4.0), mledoze/countries (ODbL 1.0) and the Phoenix PETRARCH actor dictionaries (MIT); wikigold (CC BY 4.0) where used";
        manifest.Scores["dev"] = EvalNerCommand.ScoreTable(devScores);
        TrainCommand.Seal(manifest, o.Out, NerModel.FileName);
        w.WriteLine(TrainCommand.Invariant($"wrote {o.Out} (best epoch {best.Epoch}) in {clock.Elapsed.TotalSeconds:F0}s, peak memory {manifest.TrainingPeakMemoryMb} MB"));
        return ExitCodes.Ok;
    }

    /// <summary>../shared/data/gazetteer beside the repository: found from the data folder (data/ of a checkout) or the working directory (the repository root).</summary>
    private static string DefaultGazetteer(CliContext ctx)
    {
        var fromData = Path.GetFullPath(Path.Combine(ctx.Data.Root, "..", "..", "shared", "data", "gazetteer"));
        var fromCwd = Path.GetFullPath(Path.Combine("..", "shared", "data", "gazetteer"));
        return Directory.Exists(fromData) || !Directory.Exists(fromCwd) ? fromData : fromCwd;
    }

    private static List<NerSentence>? Read(CliContext ctx, string[] files)
    {
        var list = new List<NerSentence>();
        foreach (var file in files)
        {
            var diags = new List<Diagnostic>();
            try
            {
                list.AddRange(NerTags.ReadFile(file, diags));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                ctx.Fail($"cannot read '{file}': {e.Message}");
                return null;
            }

            foreach (var d in diags)
                ctx.Report(d);
        }

        return list;
    }
}
