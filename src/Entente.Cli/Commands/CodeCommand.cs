using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Entente.Cli.Output;
using Entente.Coding;
using Entente.Nlp;
using Entente.Nlp.Documents;
using Entente.Nlp.Pipeline;
using Spectre.Console;

namespace Entente.Cli.Commands;

/// <summary>
/// <c>entente code [FILE|-] [--input-format text|jsonl] [--format jsonl|json|table] [--date YYYY-MM-DD]</c>:
/// codes documents and prints events (jsonl), whole documents (json) or a table.
/// </summary>
public static class CodeCommand
{
    public static Command Create(CliContext ctx)
    {
        var file = new Argument<string>("file")
        {
            Description = "Input file, or - for standard input. Plain text is one document; .jsonl has one per line.",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => "-",
        };
        var inputFormat = new Option<string?>("--input-format") { Description = "text or jsonl (default: jsonl for .jsonl/.jsonl.gz files, else text)" };
        inputFormat.AcceptOnlyFromAmong("text", "jsonl");
        var format = new Option<string?>("--format") { Description = "jsonl (one event per line; the default when output is not a terminal), json (one object per document) or table" };
        format.AcceptOnlyFromAmong("jsonl", "json", "table");
        var date = new Option<string?>("--date") { Description = "Publication date of a text document, YYYY-MM-DD" };
        date.Validators.Add(r =>
        {
            var v = r.GetValueOrDefault<string?>();
            if (v is not null && !DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                r.AddError($"--date '{v}' is not a date in the form YYYY-MM-DD");
        });
        var threads = new Option<int>("--threads", "-j") { Description = "Worker threads (default: one per core)", DefaultValueFactory = _ => 0 };
        var maxChars = new Option<int>("--max-chars")
        {
            Description = "Reject documents longer than this many characters (0: no limit)",
            DefaultValueFactory = _ => PipelineRunner.DefaultMaxChars,
        };

        var cmd = new Command("code", "Code documents into events") { file, inputFormat, format, date, threads, maxChars };
        cmd.SetAction(pr => Run(ctx, new Options(
            pr.GetValue(file) ?? "-",
            pr.GetValue(inputFormat),
            pr.GetValue(format),
            pr.GetValue(date) is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            pr.GetValue(threads),
            pr.GetValue(maxChars))));
        return cmd;
    }

    public sealed record Options(string File, string? InputFormat, string? Format, DateOnly? Date, int Threads, int MaxChars = PipelineRunner.DefaultMaxChars);

    public static int Run(CliContext ctx, Options o)
    {
        var inputFormat = o.InputFormat ?? (IsJsonl(o.File) ? "jsonl" : "text");
        var format = o.Format ?? (ctx.OutIsTerminal ? "table" : "jsonl");

        if (o.File != "-" && Directory.Exists(o.File))
        {
            ctx.Fail($"'{o.File}' is a directory: code reads one file or standard input (entente ingest reads directories)");
            return ExitCodes.Usage;
        }

        Stream input;
        try
        {
            input = o.File == "-" ? ctx.In() : InputFiles.OpenStream(o.File);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ctx.Fail($"cannot open '{o.File}': {e.Message}");
            return ExitCodes.Usage;
        }

        if (ModelLoading.TryLoad(ctx, ctx.Data.Root, () => EntentePipeline.Create(ctx.Data)) is not { } pipeline)
        {
            input.Dispose();
            return ExitCodes.Usage;
        }

        var rejected = 0;
        var coded = 0;
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        var output = DocumentOutput.Create(format, ctx);
        try
        {
            using (input)
            {
                var items = inputFormat == "jsonl"
                    ? DocumentReader.ReadJsonl(input, o.File, o.Date)
                    : ReadTextItems(input, o);
                OrderedParallel.Run(
                    items,
                    item => PipelineRunner.Process(pipeline, item, o.MaxChars),
                    r =>
                    {
                        foreach (var d in r.Diagnostics)
                            ctx.Report(d);
                        if (r.Rejected)
                            rejected++;
                        if (r.Document is not null)
                        {
                            coded++;
                            output.Write(r.Document);
                        }
                    },
                    o.Threads,
                    cancellation: cancel.Token);
            }
        }
        catch (OperationCanceledException)
        {
            output.Complete();
            ctx.Fail($"interrupted after {coded} documents");
            return 130;
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            // What was read before the failure has been coded and written.
            output.Complete();
            ctx.Fail(e is InvalidDataException
                ? $"'{o.File}' is damaged or truncated ({e.Message}); the rest of it is skipped"
                : $"reading '{o.File}' failed: {e.Message}");
            return ExitCodes.Rejected;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }

        output.Complete();
        return rejected > 0 ? ExitCodes.Rejected : ExitCodes.Ok;
    }

    private static IEnumerable<InputItem> ReadTextItems(Stream input, Options o)
    {
        var id = o.File == "-" ? "stdin" : Path.GetFileNameWithoutExtension(o.File.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? o.File[..^3] : o.File);
        yield return DocumentReader.ReadText(input, o.File, id, o.Date);
    }

    private static bool IsJsonl(string file) =>
        file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ||
        file.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase) ||
        file.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Where coded documents go: one writer per --format.</summary>
internal abstract class DocumentOutput
{
    public abstract void Write(Document doc);

    public virtual void Complete()
    {
    }

    public static DocumentOutput Create(string format, CliContext ctx) => format switch
    {
        "json" => new JsonDocuments(ctx.Out),
        "table" => new TableOutput(ctx),
        _ => new JsonlEvents(ctx.Out),
    };

    private sealed class JsonlEvents(Stream stream) : DocumentOutput
    {
        private readonly Utf8JsonWriter _w = new(stream, JsonOutput.Compact);

        public override void Write(Document doc)
        {
            foreach (var e in doc.Get<EventList>()?.Items ?? [])
            {
                JsonOutput.WriteEvent(_w, e);
                _w.Flush();
                _w.Reset();
                stream.WriteByte((byte)'\n');
            }
        }

        public override void Complete()
        {
            _w.Flush();
            stream.Flush();
        }
    }

    private sealed class JsonDocuments(Stream stream) : DocumentOutput
    {
        private readonly Utf8JsonWriter _w = new(stream, JsonOutput.Compact);

        public override void Write(Document doc)
        {
            JsonOutput.WriteDocument(_w, doc);
            _w.Flush();
            _w.Reset();
            stream.WriteByte((byte)'\n');
        }

        public override void Complete() => stream.Flush();
    }

    private sealed class TableOutput(CliContext ctx) : DocumentOutput
    {
        private readonly IAnsiConsole _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(new StreamWriter(ctx.Out) { AutoFlush = true }),
            Ansi = ctx.OutIsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ctx.OutIsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });

        public override void Write(Document doc)
        {
            var events = doc.Get<EventList>()?.Items ?? [];
            var title = $"{doc.Id}{(doc.Date is { } d ? " (" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ")" : "")}: " +
                        $"{doc.SentenceCount} sentences, {doc.TokenCount} tokens, {events.Count} events";
            if (events.Count == 0)
            {
                _console.WriteLine(title);
                return;
            }

            var table = new Table { Title = new TableTitle(Markup.Escape(title)) };
            table.AddColumns("sent", "source", "event", "target", "plover", "goldstein", "flags", "trigger");
            foreach (var e in events)
            {
                var flags = (e.Negated ? "negated " : "") + (e.Modality != Modality.Asserted ? e.Modality.ToString().ToLowerInvariant() : "");
                table.AddRow(
                    e.Sentence.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(Actor(e.Source)),
                    e.Cameo,
                    Markup.Escape(Actor(e.Target)),
                    e.Plover ?? "",
                    e.Goldstein.ToString("0.0", CultureInfo.InvariantCulture),
                    flags.Trim(),
                    Markup.Escape(e.Trigger.Text));
            }

            _console.Write(table);
        }

        private static string Actor(ActorRef? a) => a is null ? "-" : $"{a.Code ?? "?"} ({a.Text})";
    }
}
