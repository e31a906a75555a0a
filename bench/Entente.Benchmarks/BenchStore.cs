using Entente.Store.DuckDb;

namespace Entente.Benchmarks;

/// <summary>A DuckDB store (empty, or a copy of one) in a fresh temporary folder, removed with it.</summary>
internal sealed class BenchStore : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("entente-bench-").FullName;

    /// <param name="copyOf">A store file to start from (copied), or null for an empty store.</param>
    public BenchStore(string? copyOf = null)
    {
        var path = Path.Combine(_dir, "bench.duckdb");
        if (copyOf is not null)
            File.Copy(copyOf, path);
        Store = DuckDbStore.Open(path);
    }

    public DuckDbStore Store { get; }

    public void Dispose()
    {
        Store.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
