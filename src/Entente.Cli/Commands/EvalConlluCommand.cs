using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Entente.Nlp.Conllu;
using Entente.Nlp.Documents;
using Entente.Nlp.Evaluation;
using Entente.Nlp.Learning;
using Entente.Nlp.Models;
using Entente.Nlp.Parsing;
using Entente.Nlp.Pipeline;
using Entente.Nlp.Segmentation;

namespace Entente.Cli.Commands;

/// <summary>
/// <c>entente eval conllu GOLD[.gz]... [--raw] [--record] [--greedy]</c>: UPOS, XPOS, lemma, UAS and LAS of
/// the shipped tagger and parser (CoNLL 2018 definitions), from gold tokens or, with --raw, from raw text;
/// --greedy scores the parser without selectional branching (its fastest setting).
/// </summary>
public static class EvalConlluCommand
{
    public static Command Create(CliContext ctx)
    {
        var gold = new Argument<string[]>("gold") { Description = "Gold CoNLL-U files (.conllu or .conllu.gz)", Arity = ArgumentArity.OneOrMore };
        var raw = new Option<bool>("--raw") { Description = "Start from the raw text (the segmenter's tokens and sentences) instead of the gold tokenization" };
        var record = new Option<bool>("--record") { Description = "Write the scores into the tagger's and parser's manifest.json" };
        var greedy = new Option<bool>("--greedy") { Description = "Parse greedily, without selectional branching (faster, less accurate; not with --record)" };
        var cmd = new Command("conllu", "Score the tagger, lemmatizer and parser against CoNLL-U gold (CoNLL 2018 definitions)") { gold, raw, record, greedy };
        cmd.Validators.Add(r =>
        {
            if (r.GetValue(record) && r.GetValue(greedy))
                r.AddError("--record writes the shipped setting's scores; it cannot be combined with --greedy");
        });
        cmd.SetAction(pr => Run(ctx, pr.GetValue(gold)!, pr.GetValue(raw), pr.GetValue(record), pr.GetValue(greedy)));
        return cmd;
    }

    public static int Run(CliContext ctx, string[] files, bool raw, bool record, bool greedy = false)
    {
        if (record)
        {
            if (ModelLoading.ForRecording(ctx) is not { } repositoryData)
                return ExitCodes.Usage;
            ctx = ctx.WithData(repositoryData);
        }

        var w = new StreamWriter(ctx.Out) { AutoFlush = true };
        var load = greedy
            ? () => new Pipeline(NlpModels.LoadTagger(ctx.Data), NlpModels.LoadParser(ctx.Data).WithSearch(ParserSearch.Greedy))
            : (Func<Pipeline>)(() => NlpModels.LoadSyntax(ctx.Data));
        if (ModelLoading.TryLoad(ctx, ctx.Data.Root, load) is not { } syntax)
            return ExitCodes.Usage;

        var segmenter = raw ? new Segmenter() : null;
        var status = ExitCodes.Ok;
        var setting = (raw ? "raw text" : "gold tokenization") + (greedy ? ", greedy parsing" : "");
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"file",-26} {"metric",-7} {"P",7} {"R",7} {"F1",7}   ({setting})"));
        foreach (var file in files)
        {
            if (GoldFiles.Read(ctx, file, (f, d) => ConlluReader.ReadFile(f, d), ref status) is not { } sentences)
                continue;
            var clock = Stopwatch.StartNew();
            var r = ConlluEvaluator.Evaluate(sentences, syntax, segmenter);
            var name = DataName(file);
            foreach (var (metric, score) in Metrics(r, raw))
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-26} {metric,-7} {score.Precision,7:F2} {score.Recall,7:F2} {score.F1,7:F2}"));
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-26} {r.Documents} documents, {r.Sentences} sentences, {r.Words.Gold} words in {clock.Elapsed.TotalSeconds:F1}s"));
            if (record)
                Record(ctx, name + (raw ? " (raw text)" : ""), r, raw);
        }

        return status;
    }

    private static IEnumerable<(string, Score)> Metrics(ConlluScores r, bool raw)
    {
        if (raw)
            yield return ("Words", r.Words);
        yield return ("UPOS", r.Upos);
        yield return ("XPOS", r.Xpos);
        yield return ("Lemmas", r.Lemmas);
        yield return ("UAS", r.Uas);
        yield return ("LAS", r.Las);
    }

    /// <summary>"en_ewt-ud-test" for ".../en_ewt-ud-test.conllu.gz".</summary>
    internal static string DataName(string file)
    {
        var name = Path.GetFileName(file);
        foreach (var ext in new[] { ".gz", ".conllu", ".iob2", ".conll" })
        {
            if (name.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
                name = name[..^ext.Length];
        }

        return name;
    }

    private static void Record(CliContext ctx, string key, ConlluScores r, bool raw)
    {
        UpdateManifest(ctx, ctx.Data[NlpModels.TaggerFolder], key, raw
            ? new() { ["Words"] = Round(r.Words.F1), ["UPOS"] = Round(r.Upos.F1), ["XPOS"] = Round(r.Xpos.F1), ["Lemmas"] = Round(r.Lemmas.F1) }
            : new() { ["UPOS"] = Round(r.Upos.F1), ["XPOS"] = Round(r.Xpos.F1), ["Lemmas"] = Round(r.Lemmas.F1) });
        UpdateManifest(ctx, ctx.Data[NlpModels.ParserFolder], key, new() { ["UAS"] = Round(r.Uas.F1), ["LAS"] = Round(r.Las.F1) });
    }

    internal static double Round(double v) => Math.Round(v, 2);

    /// <summary>Sets the scores of one data set in a model's manifest.json.</summary>
    internal static void UpdateManifest(CliContext ctx, string dir, string key, SortedDictionary<string, double> scores)
    {
        var path = Path.Combine(dir, "manifest.json");
        try
        {
            var m = ModelManifest.Load(path);
            m.Scores[key] = scores;
            m.Save(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
        {
            ctx.Fail($"cannot record scores in '{path}': {e.Message}");
        }
    }
}
