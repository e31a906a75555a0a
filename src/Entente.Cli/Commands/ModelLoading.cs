using Entente.Nlp;

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

    /// <summary>
    /// The data folder that <c>--record</c> scores and writes into: the one the context was given or
    /// $ENTENTE_DATA, else the repository's <c>data/</c> found from the working directory (where
    /// <c>entente train</c> writes its models). Never the copy beside the executable: the next build
    /// overwrites it, and after a training run it still holds the previous models.
    /// </summary>
    public static DataDirectory? ForRecording(CliContext ctx, string? workingDirectory = null)
    {
        if (!ReferenceEquals(ctx.Data, DataDirectory.Default) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ENTENTE_DATA")))
            return ctx.Data;
        for (var dir = new DirectoryInfo(workingDirectory ?? Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data");
            if (File.Exists(Path.Combine(candidate, "MANIFEST.md")))
                return new DataDirectory(candidate);
        }

        ctx.Fail("--record writes into the repository's model manifests, but no data/MANIFEST.md was found from the working directory up; run it inside the repository or set ENTENTE_DATA");
        return null;
    }
}
