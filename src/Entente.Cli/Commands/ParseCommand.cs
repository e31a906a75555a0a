using System.CommandLine;
using System.Text;
using Entente.Nlp;
using Entente.Nlp.Conllu;
using Entente.Nlp.Documents;
using Entente.Nlp.Models;
using Entente.Nlp.Pipeline;
using Entente.Nlp.Segmentation;

namespace Entente.Cli.Commands;

/// <summary>
/// <c>entente parse [FILE|-] [--input-format text|conllu] [--format conllu]</c>: tags, lemmatizes and
/// parses. CoNLL-U input keeps its tokens and sentences and gets new UPOS, XPOS, LEMMA, HEAD and
/// DEPREL; text input is segmented first. Documents run in parallel, output stays in input order.
/// </summary>
public static class ParseCommand
{
    public static Command Create(CliContext ctx)
    {
        var file = new Argument<string>("file") { Description = "Input file, or - for standard input", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "-" };
        var inputFormat = new Option<string?>("--input-format") { Description = "text or conllu (default: conllu for .conllu/.conllu.gz files, else text)" };
        inputFormat.AcceptOnlyFromAmong("text", "conllu");
        var format = new Option<string>("--format") { Description = "Output format (conllu)", DefaultValueFactory = _ => "conllu" };
        format.AcceptOnlyFromAmong("conllu");
        var threads = new Option<int>("--threads", "-j") { Description = "Worker threads (default: one per core)", DefaultValueFactory = _ => 0 };
        var cmd = new Command("parse", "Tag, lemmatize and parse text or CoNLL-U, writing CoNLL-U") { file, inputFormat, format, threads };
        cmd.SetAction(pr => Run(ctx, pr.GetValue(file) ?? "-", pr.GetValue(inputFormat), pr.GetValue(threads)));
        return cmd;
    }

    private sealed record Item(List<ConlluSentence>? Sentences, Document? Text, Diagnostic? Problem);

    public static int Run(CliContext ctx, string file, string? inputFormat, int threads)
    {
        var conllu = inputFormat == "conllu" || (inputFormat is null && (file.EndsWith(".conllu", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".conllu.gz", StringComparison.OrdinalIgnoreCase)));
        if (ModelLoading.TryLoad(ctx, ctx.Data.Root, () => NlpModels.LoadSyntax(ctx.Data)) is not { } syntax)
            return ExitCodes.Usage;

        Stream input;
        try
        {
            input = file == "-" ? ctx.In() : InputFiles.OpenStream(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ctx.Fail($"cannot open '{file}': {e.Message}");
            return ExitCodes.Usage;
        }

        var writer = new StreamWriter(ctx.Out, new UTF8Encoding(false)) { AutoFlush = false };
        var rejected = false;
        var segmenter = new Segmenter();
        try
        {
            using (input)
            {
                IEnumerable<Item> items;
                ConlluReader? reader = null;
                if (conllu)
                {
                    reader = new ConlluReader(new StreamReader(input, new UTF8Encoding(false, true)), file);
                    items = ConlluDocuments.GroupByDocumentLazily(reader.ReadAll()).Select(d => new Item(d, null, null));
                }
                else
                {
                    var id = file == "-" ? "stdin" : Path.GetFileNameWithoutExtension(file);
                    var text = DocumentReader.ReadText(input, file, id, null);
                    items = [new Item(null, text.Document?.ToDocument(), text.Diagnostic)];
                }

                OrderedParallel.Run(items, item => Process(item, syntax, segmenter), result =>
                {
                    if (result.Problem is { } p)
                    {
                        ctx.Report(p);
                        rejected = true;
                    }

                    if (result.Sentences is not null)
                        ConlluWriter.WriteAll(writer, result.Sentences);
                }, threads);
                if (reader is not null)
                {
                    foreach (var d in reader.Diagnostics)
                        ctx.Report(d);
                    rejected |= reader.Diagnostics.Count > 0;
                }
            }
        }
        catch (Exception e) when (e is IOException or DecoderFallbackException or InvalidDataException)
        {
            writer.Flush();
            ctx.Fail(e is InvalidDataException
                ? $"'{file}' is damaged or truncated ({e.Message}); the rest of it is skipped"
                : $"reading '{file}' failed: {e.Message}");
            return ExitCodes.Rejected;
        }

        writer.Flush();
        return rejected ? ExitCodes.Rejected : ExitCodes.Ok;
    }

    private static Item Process(Item item, Pipeline syntax, Segmenter segmenter)
    {
        if (item.Sentences is { } sentences)
        {
            var doc = ConlluDocuments.ToDocument(sentences);
            syntax.Process(doc);
            ConlluDocuments.ApplyPredictions(doc, sentences);
            return item;
        }

        if (item.Text is { } text)
        {
            segmenter.Process(text);
            syntax.Process(text);
            return new Item(ConlluDocuments.FromDocument(text), null, null);
        }

        return item;
    }
}
