using System.CommandLine;
using Entente.Cli.Commands;

namespace Entente.Cli;

/// <summary>The command tree. Only the CLI (and later the HTTP server) knows about consoles, JSON and exit codes.</summary>
public static class EntenteCli
{
    public static RootCommand Build(CliContext ctx)
    {
        var root = new RootCommand("Entente: political event data from English news text.");
        root.Subcommands.Add(CodeCommand.Create(ctx));
        root.Subcommands.Add(EvalCommand.Create(ctx));
        root.Subcommands.Add(DemoCommand.Create(ctx));
        root.Subcommands.Add(IngestCommand.Create(ctx));
        root.Subcommands.Add(EventsCommand.Create(ctx));
        root.Subcommands.Add(DyadCommand.Create(ctx));
        root.Subcommands.Add(ActorsCommand.Create(ctx));
        root.Subcommands.Add(ExportCommand.Create(ctx));
        root.Subcommands.Add(TrainCommand.Create(ctx));
        root.Subcommands.Add(ParseCommand.Create(ctx));
        root.Subcommands.Add(GazetteerCommand.Create(ctx));
        return root;
    }

    public static int Run(string[] args, CliContext ctx)
    {
        var root = Build(ctx);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
                ctx.Error.WriteLine("entente: usage error: " + e.Message);
            var name = parse.CommandResult.Command.Name;
            ctx.Error.WriteLine(name == root.Name ? "Run 'entente --help' for usage." : $"Run 'entente {name} --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = new StreamWriter(ctx.Out) { AutoFlush = true }, Error = ctx.Error });
        }
        finally
        {
            ctx.Out.Flush();
            ctx.Error.Flush();
        }
    }
}
