namespace Entente.Cli.Commands;

/// <summary><c>entente train ner</c>.</summary>
internal static class TrainNerCommand
{
    public static int Run(CliContext ctx, TrainCommand.Options o) => ExitCodes.Usage;
}
