using Entente.Store.DuckDb;

namespace Entente.Benchmarks;

/// <summary>A DuckDB store in a fresh temporary folder, removed with it.</summary>
internal sealed class BenchStore : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("entente-bench-").FullName;

    public BenchStore()
    {
        Store = DuckDbStore.Open(Path.Combine(_dir, "bench.duckdb"));
    }

    public DuckDbStore Store { get; }

    public void Dispose()
    {
        Store.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
