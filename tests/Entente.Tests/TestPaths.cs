namespace Entente.Tests;

/// <summary>Paths to the repository and to ../shared (reference data that tests read but never copy).</summary>
internal static class TestPaths
{
    public static string Repo { get; } = FindRepo();

    public static string Shared { get; } = Path.GetFullPath(Path.Combine(Repo, "..", "shared"));

    public static string SharedFile(string relative) => Path.Combine(Shared, relative);

    public static string Seed => SharedFile("seed/china-russia-2025-07.txt");

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Entente.slnx")))
                return dir.FullName;
        }

        throw new InvalidOperationException("cannot find the repository root (Entente.slnx) above " + AppContext.BaseDirectory);
    }
}
