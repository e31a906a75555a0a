using Entente.Cli;

return EntenteCli.Run(args, CliContext.FromConsole());
