using Entente.Nlp;
using Entente.Nlp.Documents;

namespace Entente.Cli;

/// <summary>Exit codes every command keeps (DESIGN.md).</summary>
public static class ExitCodes
{
    /// <summary>Everything was processed.</summary>
    public const int Ok = 0;

    /// <summary>Some input was rejected; the rest was processed.</summary>
    public const int Rejected = 1;

    /// <summary>The command line was wrong, or a file could not be opened.</summary>
    public const int Usage = 2;
}

/// <summary>The process's streams, passed in so that tests can run commands in-process.</summary>
public sealed class CliContext
{
    public required Stream Out { get; init; }
    public required TextWriter Error { get; init; }
    public required Func<Stream> In { get; init; }
    public bool OutIsTerminal { get; init; }
    public bool ErrorIsTerminal { get; init; }
    public DataDirectory Data { get; init; } = DataDirectory.Default;

    /// <summary>The same streams over another data folder.</summary>
    public CliContext WithData(DataDirectory data) => new()
    {
        Out = Out, Error = Error, In = In, OutIsTerminal = OutIsTerminal, ErrorIsTerminal = ErrorIsTerminal, Data = data,
    };

    public static CliContext FromConsole() => new()
    {
        Out = Console.OpenStandardOutput(),
        Error = Console.Error,
        In = Console.OpenStandardInput,
        OutIsTerminal = !Console.IsOutputRedirected,
        ErrorIsTerminal = !Console.IsErrorRedirected,
    };

    /// <summary>Prints a diagnostic on standard error.</summary>
    public void Report(Diagnostic d) => Error.WriteLine("entente: " + d);

    public void Fail(string message) => Error.WriteLine("entente: error: " + message);
}
