using BenchmarkDotNet.Attributes;
using Entente.Store;

namespace Entente.Benchmarks;

/// <summary>
/// Queries over a store holding 10 million generated merged events (40 countries, four sectors, 2000-2025,
/// every CAMEO root): a dyad by month in both directions, and the top dyads.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class DyadQueryBenchmarks
{
    private const long Events = 10_000_000;
    private BenchStore _bench = null!;

    [GlobalSetup]
    public void Setup()
    {
        _bench = new BenchStore();
        // Generated in SQL: hash() of the row number gives a repeatable spread of actors, dates and codes.
        _bench.Store.Execute($"""
            INSERT INTO merged_events
            WITH countries AS (SELECT ['USA','CHN','RUS','UKR','GBR','FRA','DEU','JPN','IND','IRN','ISR','PSE','SYR','TUR','SAU','EGY',
                                       'PAK','AFG','IRQ','KOR','PRK','TWN','BRA','MEX','CAN','AUS','NGA','ZAF','ETH','SDN','YEM','LBN',
                                       'POL','ITA','ESP','VEN','COL','IDN','PHL','VNM'] AS c,
                                      ['GOV','MIL','', 'OPP'] AS s),
            g AS (SELECT i, hash(i) AS h, hash(i * 7 + 1) AS h2 FROM range({Events}) t(i))
            SELECT i, '', DATE '2000-01-01' + (h % 9490)::INTEGER,
                   c[1 + (h2 % 40)::INTEGER] || s[1 + ((h >> 20) % 4)::INTEGER], c[1 + (h2 % 40)::INTEGER], NULL, NULL,
                   c[1 + ((h2 >> 8) % 40)::INTEGER] || s[1 + ((h >> 24) % 4)::INTEGER], c[1 + ((h2 >> 8) % 40)::INTEGER], NULL, NULL,
                   lpad((1 + (h >> 30) % 20)::VARCHAR, 2, '0') || '0', NULL,
                   (1 + (h >> 30) % 20 - 1) // 5 + 1, ((h >> 40) % 200)::DOUBLE / 10 - 10,
                   1, 1, 1, false, NULL, NULL, NULL, NULL, NULL, 'gen', NULL, now()::TIMESTAMP, NULL
            FROM g, countries
            """);
        Console.WriteLine($"// merged_events: {_bench.Store.Counts().MergedEvents:N0}");
    }

    [GlobalCleanup]
    public void Cleanup() => _bench.Dispose();

    [Benchmark]
    public int DyadByMonth_ChinaRussia() => _bench.Store.Dyad("CHN", "RUS", Period.Month, EventFilter.All).Count;

    [Benchmark]
    public int DyadByMonth_UsGovChinaMil() => _bench.Store.Dyad("USAGOV", "CHNMIL", Period.Month, EventFilter.All).Count;

    [Benchmark]
    public int TopDyads20() => _bench.Store.TopDyads(20, EventFilter.All).Count;
}
