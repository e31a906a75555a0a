using Entente.Nlp.Documents;

namespace Entente.Cli.Commands;

/// <summary>Reading a gold file for an evaluation: a file that cannot be opened is an error (exit 2), unreadable lines are reported (exit 1) and the rest is scored.</summary>
internal static class GoldFiles
{
    public static List<T>? Read<T>(CliContext ctx, string file, Func<string, List<Diagnostic>, List<T>> read, ref int status)
    {
        var diags = new List<Diagnostic>();
        List<T> items;
        try
        {
            items = read(file, diags);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            ctx.Fail($"cannot read '{file}': {e.Message}");
            status = ExitCodes.Usage;
            return null;
        }

        foreach (var d in diags)
            ctx.Report(d);
        if (diags.Count > 0)
            status = Math.Max(status, ExitCodes.Rejected);
        return items;
    }
}
