using System.Data;
using DuckDB.NET.Data;

namespace Entente.Store.DuckDb;

/// <summary>The store cannot be opened or written: not a DuckDB file, locked by another process, newer schema, full disk.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The embedded DuckDB store: one file (<c>./entente.duckdb</c> by default). Writes go through the appender in
/// one transaction per batch, so a crash or a kill loses at most the batch in flight and never leaves half of one.
/// One process writes at a time (DuckDB locks the file); one instance is used by one thread at a time.
/// </summary>
public sealed partial class DuckDbStore : IEventStore
{
    /// <summary>The file <c>entente</c> commands use when --db is not given.</summary>
    public const string DefaultPath = "entente.duckdb";

    private readonly DuckDBConnection _connection;
    private long _nextRecordId;

    private DuckDbStore(string path, DuckDBConnection connection)
    {
        Location = path;
        _connection = connection;
    }

    public string Location { get; }

    public int SchemaVersion { get; private set; }

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/> and brings its schema up to date.</summary>
    /// <param name="upToVersion">Stop migrating at this version (tests of migrations); default: the current schema.</param>
    /// <exception cref="StoreException">The file is not a usable store.</exception>
    public static DuckDbStore Open(string path, int? upToVersion = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        DuckDBConnection? connection = null;
        try
        {
            if (Path.GetDirectoryName(full) is { } dir)
                Directory.CreateDirectory(dir);
            connection = new DuckDBConnection("Data Source=" + full);
            connection.Open();
            var store = new DuckDbStore(full, connection);
            store.Migrate(upToVersion ?? Schema.Current);
            store._nextRecordId = store.Scalar<long>("SELECT coalesce(max(record_id), 0) + 1 FROM events");
            return store;
        }
        catch (Exception e) when (e is DuckDBException or IOException or UnauthorizedAccessException)
        {
            connection?.Dispose();
            throw new StoreException($"cannot open the store '{full}': {FirstLine(e.Message)}", e);
        }
    }

    public void Dispose() => _connection.Dispose();

    private void Migrate(int target)
    {
        Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, description VARCHAR, applied_at TIMESTAMP NOT NULL)");
        var current = Scalar<int>("SELECT coalesce(max(version), 0) FROM schema_version");
        if (current > Schema.Current)
        {
            throw new StoreException(
                $"the store '{Location}' has schema version {current}, newer than this entente understands ({Schema.Current}); use a newer entente");
        }

        // Each step is its own transaction (DuckDB refuses to alter a table it has already updated in the same
        // transaction). The merge is written against the newest schema, so it runs once, inside the transaction
        // of the last step, when any pending step asks for it: a store is never at the newest version unmerged.
        var pending = Schema.Migrations.Where(m => m.Version > current && m.Version <= target).ToList();
        var remerge = pending.Any(m => m.RemergeAll);
        foreach (var m in pending)
        {
            using var tx = _connection.BeginTransaction();
            foreach (var sql in m.Statements)
                Execute(sql);
            if (remerge && m == pending[^1] && m.Version == Schema.Current)
            {
                // Every record without a merged event is merged; after this step that is every counted one.
                Execute("UPDATE events SET merged_id = NULL");
                Execute("DELETE FROM merged_events");
                PrepareMergeTables();
                Remerge(long.MinValue);
            }

            Execute("INSERT INTO schema_version VALUES ($v, $d, now()::TIMESTAMP)", ("v", m.Version), ("d", m.Description));
            tx.Commit();
        }

        SchemaVersion = Scalar<int>("SELECT coalesce(max(version), 0) FROM schema_version");
    }

    public DocumentIndex LoadDocumentIndex()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        using var cmd = Command("SELECT doc_id, content_hash FROM documents");
        using var r = cmd.ExecuteReader();
        while (r.Read())
            map[r.GetString(0)] = r.GetString(1);
        return new DocumentIndex(map);
    }

    public StoreCounts Counts()
    {
        using var cmd = Command("""
            SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), (SELECT count(*) FROM merged_events),
                   (SELECT count(*) FROM mentions), (SELECT count(*) FROM quotes),
                   (SELECT min(date) FROM documents), (SELECT max(date) FROM documents)
            """);
        using var r = cmd.ExecuteReader();
        r.Read();
        return new StoreCounts(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4),
            r.IsDBNull(5) ? null : r.GetFieldValue<DateOnly>(5), r.IsDBNull(6) ? null : r.GetFieldValue<DateOnly>(6));
    }

    /// <summary>Runs SQL against the store (for tests, benchmarks and exports that need plain SQL).</summary>
    internal void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, parameters);
        cmd.ExecuteNonQuery();
    }

    internal T Scalar<T>(string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, parameters);
        var v = cmd.ExecuteScalar();
        return (T)Convert.ChangeType(v!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    internal DuckDBCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
            cmd.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
        return cmd;
    }

    internal DuckDBConnection Connection => _connection;

    private static string FirstLine(string message)
    {
        var nl = message.IndexOf('\n');
        return nl < 0 ? message : message[..nl];
    }

    internal static DateOnly? DateOrNull(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);

    internal static string? StringOrNull(IDataRecord r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    internal static double? DoubleOrNull(IDataRecord r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
}
