using System.Diagnostics;
using Entente.Nlp.Models;
using Entente.Nlp.Parsing;
using Entente.Nlp.Tagging;

namespace Entente.Cli.Commands;

/// <summary>
/// <c>entente train parser</c>: trains on predicted tags (training data jackknifed with five tagger
/// folds, dev data tagged by the shipped tagger), as the parser sees them at run time.
/// </summary>
internal static class TrainParserCommand
{
    private const int Folds = 5;
    private const int FoldEpochs = 5;

    /// <summary>The repository keeps every file under 20 MB.</summary>
    private const long MaxFileBytes = 19_000_000;

    public static int Run(CliContext ctx, TrainCommand.Options o)
    {
        var w = TrainCommand.Writer(ctx);
        var clock = Stopwatch.StartNew();
        var train = TrainCommand.ReadTreebanks(ctx, o.Train);
        var dev = TrainCommand.ReadTreebanks(ctx, o.Dev);
        if (train is null || dev is null)
            return ExitCodes.Usage;
        var taggerDir = o.Tagger ?? ctx.Data[NlpModels.TaggerFolder];
        if (ModelLoading.TryLoad(ctx, taggerDir, () => Tagger.Load(taggerDir).Model) is not { } tagger)
            return ExitCodes.Usage;

        var clusters = TrainCommand.LoadClusters(ctx, o, w);
        if (clusters is null)
            return ExitCodes.Usage;
        w.WriteLine(TrainCommand.Invariant($"parser: {train.Count} training sentences, {dev.Count} dev sentences; tagging training data in {Folds} folds"));
        var trainTagged = Jackknife.RetagByFolds(train, Folds, FoldEpochs, tagger.Clusters, f => w.WriteLine(TrainCommand.Invariant($"  fold {f}/{Folds} tagged ({clock.Elapsed.TotalSeconds:F0}s)")));
        var devTagged = Jackknife.Retag(tagger, dev);
        var best = (Epoch: 0, Uas: 0.0, Las: 0.0);
        var model = ParserTrainer.Train(trainTagged, devTagged, o.Epochs, clusters, e =>
        {
            w.WriteLine(TrainCommand.Invariant($"epoch {e.Epoch,3}  dev UAS {e.Uas:F2}  LAS {e.Las:F2}  features {e.Features}  {e.Seconds:F0}s"));
            if (e.Las > best.Las)
                best = (e.Epoch, e.Uas, e.Las);
        }, o.Seed);
        Directory.CreateDirectory(o.Out);
        var path = Path.Combine(o.Out, ParserModel.FileName);
        var threshold = 0f;
        while (true)
        {
            using (var f = File.Create(path))
                model.Save(f);
            var size = new FileInfo(path).Length;
            if (size <= MaxFileBytes)
                break;
            // over the repository's per-file limit: drop the smallest weights and measure what that costs;
            // small steps, since every weight kept is worth a little accuracy
            threshold = threshold == 0 ? 0.5f : threshold * 1.1f;
            model = model.Pruned(threshold);
            var (uas, las) = ParserTrainer.Evaluate(model, devTagged);
            w.WriteLine(TrainCommand.Invariant($"model file {size / 1e6:F1} MB > {MaxFileBytes / 1e6:F0} MB: pruned weights below {threshold:G3}: {model.WeightCount} weights, dev UAS {uas:F2} LAS {las:F2}"));
            best = (best.Epoch, uas, las);
        }
        var pruning = threshold > 0 ? TrainCommand.Invariant($"; weights below {threshold:G3} pruned to keep the file under {MaxFileBytes / 1e6:F0} MB") : "";
        var manifest = TrainCommand.NewManifest("parser", "Arc-hybrid transition parser, averaged perceptron, dynamic oracle, pseudo-projective training trees; UD v2 relations with subtypes" + pruning,
            o, TrainCommand.CommandLine("parser", o), best.Epoch, clock);
        manifest.Scores["dev (predicted tags)"] = new() { ["UAS"] = Math.Round(best.Uas, 2), ["LAS"] = Math.Round(best.Las, 2) };
        TrainCommand.Seal(manifest, o.Out, ParserModel.FileName);
        w.WriteLine(TrainCommand.Invariant($"wrote {o.Out} (best epoch {best.Epoch}) in {clock.Elapsed.TotalSeconds:F0}s, peak memory {manifest.TrainingPeakMemoryMb} MB"));
        return ExitCodes.Ok;
    }
}
