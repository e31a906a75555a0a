namespace Entente.Cli.Commands;

/// <summary>Loading models for a command: a missing or damaged file is a clear error, not a stack trace.</summary>
internal static class ModelLoading
{
    /// <summary>The loaded model, or null after printing why it could not be loaded from <paramref name="where"/>.</summary>
    public static T? TryLoad<T>(CliContext ctx, string where, Func<T> load) where T : class
    {
        try
        {
            return load();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            ctx.Fail($"cannot load models from '{where}': {e.Message}");
            return null;
        }
    }
}
