using System.CommandLine;
using System.Globalization;
using Entente.Nlp.Documents;
using Entente.Nlp.Entities;
using Entente.Nlp.Evaluation;
using Entente.Nlp.Models;
using Entente.Nlp.Tagging;

namespace Entente.Cli.Commands;

/// <summary>
/// <c>entente eval ner GOLD[.gz]... [--record]</c>: entity precision, recall and F1 (exact span and
/// type), overall and per type, of the shipped recognizer on gold-tokenized IOB files, tagged by the
/// shipped tagger as in the pipeline.
/// </summary>
public static class EvalNerCommand
{
    public static Command Create(CliContext ctx)
    {
        var gold = new Argument<string[]>("gold") { Description = "Gold IOB2 files (UNER .iob2 or CoNLL-style, .gz allowed)", Arity = ArgumentArity.OneOrMore };
        var record = new Option<bool>("--record") { Description = "Write the scores into the entity model's manifest.json" };
        var cmd = new Command("ner", "Score the entity recognizer against IOB2 gold: precision, recall and F1 per type") { gold, record };
        cmd.SetAction(pr => Run(ctx, pr.GetValue(gold)!, pr.GetValue(record)));
        return cmd;
    }

    public static int Run(CliContext ctx, string[] files, bool record)
    {
        if (record)
        {
            if (ModelLoading.ForRecording(ctx) is not { } repositoryData)
                return ExitCodes.Usage;
            ctx = ctx.WithData(repositoryData);
        }

        var w = new StreamWriter(ctx.Out) { AutoFlush = true };
        if (ModelLoading.TryLoad(ctx, ctx.Data.Root, () => NlpModels.LoadEntityRecognizer(ctx.Data)) is not { } recognizer ||
            ModelLoading.TryLoad(ctx, ctx.Data.Root, () => NlpModels.LoadTagger(ctx.Data)) is not { } tagger)
            return ExitCodes.Usage;

        var status = ExitCodes.Ok;
        w.WriteLine("{0,-22} {1,-5} {2,7} {3,7} {4,7} {5,7}", "file", "type", "gold", "P", "R", "F1");
        foreach (var file in files)
        {
            if (GoldFiles.Read(ctx, file, NerTags.ReadFile, ref status) is not { } gold)
                continue;
            var scores = NerTrainer.Evaluate(recognizer.Model, Jackknife.Retag(tagger.Model, gold));
            var name = EvalConlluCommand.DataName(file);
            foreach (var (type, s) in scores.ByType.OrderBy(kv => kv.Key))
                Row(w, name, type.ToString(), s);
            Row(w, name, "all", scores.All);
            if (record)
                EvalConlluCommand.UpdateManifest(ctx, ctx.Data[NlpModels.NerFolder], name, ScoreTable(scores));
        }

        return status;
    }

    private static void Row(TextWriter w, string file, string type, Score s) =>
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file,-22} {type,-5} {s.Gold,7} {s.Precision,7:F2} {s.Recall,7:F2} {s.F1,7:F2}"));

    internal static SortedDictionary<string, double> ScoreTable(NerScores scores)
    {
        var t = new SortedDictionary<string, double>
        {
            ["P"] = EvalConlluCommand.Round(scores.All.Precision),
            ["R"] = EvalConlluCommand.Round(scores.All.Recall),
            ["F1"] = EvalConlluCommand.Round(scores.All.F1),
        };
        foreach (var (type, s) in scores.ByType)
            t[type + " F1"] = EvalConlluCommand.Round(s.F1);
        return t;
    }
}
