namespace Entente.Nlp;

/// <summary>
/// Where models and dictionaries live: $ENTENTE_DATA when set, else the data/ folder copied beside the
/// executable at build time, else the repository's data/ folder found by walking up from it.
/// </summary>
public sealed class DataDirectory
{
    public DataDirectory(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public string this[string relative] => Path.Combine(Root, relative);

    public static DataDirectory Default { get; } = new(Locate());

    private static string Locate()
    {
        var env = Environment.GetEnvironmentVariable("ENTENTE_DATA");
        if (!string.IsNullOrEmpty(env))
            return env;
        var beside = Path.Combine(AppContext.BaseDirectory, "data");
        if (File.Exists(Path.Combine(beside, "MANIFEST.md")))
            return beside;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data");
            if (File.Exists(Path.Combine(candidate, "MANIFEST.md")))
                return candidate;
        }

        return beside;
    }
}
