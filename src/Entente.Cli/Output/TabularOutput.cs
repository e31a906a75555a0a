using System.Globalization;
using System.Text;
using System.Text.Json;
using Entente.Store.Export;
using Spectre.Console;

namespace Entente.Cli.Output;

/// <summary>Rows of a query result written as a table (for people), CSV or JSONL (for programs).</summary>
internal static class TabularOutput
{
    public static readonly string[] Formats = ["table", "csv", "jsonl"];

    /// <summary>A console for tables on the command's output; wide, and plain when the output is not a terminal.</summary>
    public static IAnsiConsole Console(CliContext ctx)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(new StreamWriter(ctx.Out, new UTF8Encoding(false), leaveOpen: true) { AutoFlush = true }),
            Ansi = ctx.OutIsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ctx.OutIsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!ctx.OutIsTerminal)
            console.Profile.Width = 200;
        return console;
    }

    public static void Write(CliContext ctx, string format, string? title, string[] columns, IEnumerable<object?[]> rows)
    {
        switch (format)
        {
            case "csv":
            {
                using var w = new StreamWriter(ctx.Out, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
                EventExport.WriteCsvLine(w, columns);
                var fields = new string[columns.Length];
                foreach (var row in rows)
                {
                    for (var i = 0; i < fields.Length; i++)
                        fields[i] = Text(row[i]);
                    EventExport.WriteCsvLine(w, fields);
                }

                w.Flush();
                break;
            }

            case "jsonl":
            {
                using var w = new Utf8JsonWriter(ctx.Out, JsonOutput.Compact);
                foreach (var row in rows)
                {
                    w.WriteStartObject();
                    for (var i = 0; i < columns.Length; i++)
                        WriteValue(w, columns[i], row[i]);
                    w.WriteEndObject();
                    w.Flush();
                    w.Reset();
                    ctx.Out.WriteByte((byte)'\n');
                }

                ctx.Out.Flush();
                break;
            }

            default:
            {
                var table = new Table();
                if (title is not null)
                    table.Title = new TableTitle(Markup.Escape(title));
                foreach (var c in columns)
                    table.AddColumn(new TableColumn(Markup.Escape(c)));
                var n = 0;
                foreach (var row in rows)
                {
                    var cells = new string[columns.Length];
                    for (var i = 0; i < cells.Length; i++)
                        cells[i] = Markup.Escape(Text(row[i]));
                    table.AddRow(cells);
                    n++;
                }

                var console = Console(ctx);
                if (n == 0)
                    console.WriteLine((title is null ? "" : title + ": ") + "nothing found");
                else
                    console.Write(table);
                break;
            }
        }
    }

    private static string Text(object? v) => v switch
    {
        null => "",
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    private static void WriteValue(Utf8JsonWriter w, string name, object? v)
    {
        switch (v)
        {
            case null:
                w.WriteNull(name);
                break;
            case long l:
                w.WriteNumber(name, l);
                break;
            case int i:
                w.WriteNumber(name, i);
                break;
            case double d:
                w.WriteNumber(name, Math.Round(d, 4));
                break;
            case bool b:
                w.WriteBoolean(name, b);
                break;
            default:
                w.WriteString(name, Text(v));
                break;
        }
    }
}
