using System.Text;
using Entente.Cli;

namespace Entente.Tests.Cli;

/// <summary>Runs the CLI in-process with captured streams.</summary>
internal static class CliRunner
{
    public sealed record Run(int ExitCode, string Out, string Error);

    public static Run Invoke(string[] args, byte[]? stdin = null)
    {
        var output = new MemoryStream();
        var error = new StringWriter();
        var ctx = new CliContext
        {
            Out = output,
            Error = error,
            In = () => new MemoryStream(stdin ?? []),
            OutIsTerminal = false,
            ErrorIsTerminal = false,
        };
        var code = EntenteCli.Run(args, ctx);
        return new Run(code, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }
}
