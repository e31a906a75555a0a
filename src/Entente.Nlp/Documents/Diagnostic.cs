namespace Entente.Nlp.Documents;

public enum Severity : byte
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// Something a stage or reader wants the user to know about the input: what happened and where.
/// Libraries report problems as diagnostics; only the CLI decides how to print them.
/// </summary>
/// <param name="Severity">Error means the document (or line) was rejected.</param>
/// <param name="Code">A short stable identifier, e.g. "invalid-utf8", "bad-json".</param>
/// <param name="Message">A sentence a user can act on.</param>
/// <param name="Source">File name, or "-" for standard input; null when unknown.</param>
/// <param name="Line">1-based line number, 0 when not applicable.</param>
/// <param name="Column">1-based column or byte offset within the line, 0 when not applicable.</param>
public sealed record Diagnostic(Severity Severity, string Code, string Message, string? Source = null, long Line = 0, long Column = 0)
{
    public override string ToString()
    {
        var where = Source is null ? "" : Line > 0 ? Column > 0 ? $"{Source}:{Line}:{Column}: " : $"{Source}:{Line}: " : $"{Source}: ";
        var sev = Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "info" };
        return $"{where}{sev}: {Message} [{Code}]";
    }
}
