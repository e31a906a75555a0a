using System.CommandLine;

namespace Entente.Cli.Commands;

/// <summary><c>entente eval ...</c>: accuracy measurements against gold data.</summary>
public static class EvalCommand
{
    public static Command Create(CliContext ctx)
    {
        var cmd = new Command("eval", "Measure accuracy against gold-standard data");
        cmd.Subcommands.Add(EvalSegmentCommand.Create(ctx));
        cmd.Subcommands.Add(EvalCorefCommand.Create(ctx));
        cmd.Subcommands.Add(EvalActorsCommand.Create(ctx));
        cmd.Subcommands.Add(EvalConlluCommand.Create(ctx));
        cmd.Subcommands.Add(EvalNerCommand.Create(ctx));
        cmd.Subcommands.Add(EvalPetrarchCommand.Create(ctx));
        return cmd;
    }
}
