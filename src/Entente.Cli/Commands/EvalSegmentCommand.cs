using System.CommandLine;
using System.Globalization;
using Entente.Nlp.Conllu;
using Entente.Nlp.Documents;
using Entente.Nlp.Evaluation;
using Entente.Nlp.Segmentation;

namespace Entente.Cli.Commands;

/// <summary><c>entente eval segment GOLD.conllu[.gz]</c>: token, word and sentence F1 of the segmenter.</summary>
public static class EvalSegmentCommand
{
    public static Command Create(CliContext ctx)
    {
        var gold = new Argument<string[]>("gold") { Description = "Gold CoNLL-U files (.conllu or .conllu.gz)", Arity = ArgumentArity.OneOrMore };
        var errors = new Option<int>("--errors") { Description = "Print up to N sentence-boundary errors and N tokenization errors", DefaultValueFactory = _ => 0 };
        var cmd = new Command("segment", "Score tokenization and sentence splitting against CoNLL-U gold (CoNLL 2018 definitions)") { gold, errors };
        cmd.SetAction(pr => Run(ctx, pr.GetValue(gold)!, pr.GetValue(errors)));
        return cmd;
    }

    public static int Run(CliContext ctx, string[] files, int maxErrors)
    {
        var w = new StreamWriter(ctx.Out) { AutoFlush = true };
        var segmenter = new Segmenter();
        var status = ExitCodes.Ok;
        w.WriteLine("{0,-28} {1,8} {2,8} {3,8} {4,8} {5,8}", "file", "docs", "level", "P", "R", "F1");
        foreach (var file in files)
        {
            List<ConlluSentence> sentences;
            var diags = new List<Diagnostic>();
            try
            {
                sentences = ConlluReader.ReadFile(file, diags);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                ctx.Fail($"cannot read '{file}': {e.Message}");
                status = ExitCodes.Usage;
                continue;
            }

            foreach (var d in diags)
                ctx.Report(d);
            if (diags.Count > 0)
                status = Math.Max(status, ExitCodes.Rejected);
            var r = SegmentationEvaluator.Evaluate(sentences, segmenter, maxErrors);
            var name = Path.GetFileName(file);
            Row(w, name, r.Documents, "tokens", r.Tokens);
            Row(w, name, r.Documents, "words", r.Words);
            Row(w, name, r.Documents, "sentences", r.Sentences);
            foreach (var e in r.SentenceErrors)
                w.WriteLine("  " + e);
            foreach (var e in r.TokenErrors)
                w.WriteLine("  token " + e);
        }

        return status;
    }

    private static void Row(TextWriter w, string file, int docs, string level, Score s) =>
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file,-28} {docs,8} {level,8} {s.Precision,8:F2} {s.Recall,8:F2} {s.F1,8:F2}"));
}
