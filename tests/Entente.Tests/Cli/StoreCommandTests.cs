using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using Entente.Store.DuckDb;
using Entente.Store.Export;
using Entente.Tests.Store;
using static Entente.Tests.Store.StoreData;

namespace Entente.Tests.Cli;

public sealed class StoreCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Db => _dir.File("events.duckdb");

    private void Seed()
    {
        using var store = DuckDbStore.Open(Db);
        store.WriteBatch([
            Doc("1", D("2024-01-05"), "Reuters", Event("1", "CHNGOV", "040", "RUSGOV", D("2024-01-05")) with
            {
                Location = new Entente.Coding.Place("Beijing", "CHN", 39.9, 116.4),
            }),
            Doc("2", D("2024-01-05"), "AP", Event("2", "CHNGOV", "040", "RUSGOV", D("2024-01-05"))),
            Doc("3", D("2024-02-10"), "AP", Event("3", "RUSMIL", "190", "UKR", D("2024-02-10"))),
            Doc("4", D("2025-03-01"), "AP", Event("4", "USA", "163", "RUS", D("2025-03-01")), Event("4", "IGOUNO", "111", "RUS", D("2025-03-01"), 1)),
        ]);
    }

    [Fact]
    public void ExportGdelt_WritesSixtyOneTabSeparatedColumnsWithGdeltTypes()
    {
        Seed();
        var path = _dir.File("events.tsv");

        var run = CliRunner.Invoke(["export", "--format", "gdelt", "--db", Db, "--output", path]);

        Assert.Equal(0, run.ExitCode);
        var rows = File.ReadAllLines(path).Select(l => l.Split('\t')).ToList();
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal(61, r.Length));
        Assert.Equal(61, EventExport.GdeltColumns.Length);
        int[] integers = [0, 1, 2, 3, 25, 29, 31, 32, 33, 59];
        foreach (var r in rows)
        {
            foreach (var i in integers)
                Assert.True(long.TryParse(r[i], NumberStyles.None, CultureInfo.InvariantCulture, out _), $"column {EventExport.GdeltColumns[i]} '{r[i]}'");
            Assert.True(double.TryParse(r[4], NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            Assert.True(double.TryParse(r[30], NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            Assert.Equal(14, r[59].Length);
            Assert.Equal("", r[34]); // AvgTone: not scored
        }

        var meeting = rows.Single(r => r[26] == "040");
        Assert.Equal(("20240105", "202401", "2024", "CHNGOV", "CHN", "GOV"), (meeting[1], meeting[2], meeting[3], meeting[5], meeting[7], meeting[12]));
        Assert.Equal(("RUSGOV", "RUS", "040", "040", "04", "1"), (meeting[15], meeting[17], meeting[26], meeting[27], meeting[28], meeting[29]));
        Assert.Equal(("2", "2", "2"), (meeting[31], meeting[32], meeting[33]));
        Assert.Equal(("4", "Beijing", "CH", "39.9", "116.4"), (meeting[51], meeting[52], meeting[53], meeting[56], meeting[57]));
        Assert.Equal("https://example.org/1", meeting[60]);
        var un = rows.Single(r => r[5] == "IGOUNO");
        Assert.Equal(("UNO", "", "0"), (un[8], un[7], un[25]));
    }

    [Fact]
    public void ExportParquet_ReadsBackThroughDuckDbWithEveryEvent()
    {
        Seed();
        var path = _dir.File("events.parquet");

        var run = CliRunner.Invoke(["export", "--format", "parquet", "--db", Db, "-o", path]);

        Assert.Equal(0, run.ExitCode);
        using var c = new DuckDBConnection("Data Source=:memory:");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT count(*), sum(num_articles)::BIGINT, count(*) FILTER (WHERE source_code = 'CHNGOV' AND date = DATE '2024-01-05') FROM read_parquet('{path}')";
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal((4L, 5L, 1L), (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)));
    }

    [Fact]
    public void ExportRecords_KeepEveryReportWithItsDocumentAndMergedEvent()
    {
        Seed();
        var path = _dir.File("records.jsonl");

        var run = CliRunner.Invoke(["export", "--format", "jsonl", "--records", "--actor", "CHN", "--db", Db, "-o", path]);

        Assert.Equal(0, run.ExitCode);
        var records = File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        Assert.Equal(["1", "2"], records.Select(r => r.GetProperty("doc_id").GetString()).Order());
        Assert.Single(records.Select(r => r.GetProperty("merged_id").GetInt64()).Distinct());
        Assert.Equal("https://example.org/1", records.Single(r => r.GetProperty("doc_id").GetString() == "1").GetProperty("url").GetString());
        Assert.Equal("Beijing", records.Single(r => r.GetProperty("doc_id").GetString() == "1").GetProperty("location_name").GetString());
    }

    [Fact]
    public void ExportParquet_WithoutOutputFile_IsAUsageError()
    {
        Seed();
        var run = CliRunner.Invoke(["export", "--format", "parquet", "--db", Db]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--output", run.Error);
    }

    [Fact]
    public void ExportCsvAndJsonl_ReadBackWithTheSameEvents()
    {
        Seed();

        var csv = CliRunner.Invoke(["export", "--format", "csv", "--db", Db]);
        var jsonl = CliRunner.Invoke(["export", "--format", "jsonl", "--db", Db]);

        var lines = csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', EventExport.CsvColumns), lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.All(lines, l => Assert.Equal(EventExport.CsvColumns.Length, l.Split(',').Length));
        var json = jsonl.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        Assert.Equal(4, json.Count);
        Assert.Equal(
            lines.Skip(1).Select(l => l.Split(',')[0]).Order(),
            json.Select(j => j.GetProperty("eventId").GetInt64().ToString(CultureInfo.InvariantCulture)).Order());
        Assert.Equal("CONSULT", json.Single(j => j.GetProperty("cameo").GetString() == "040").GetProperty("plover").GetString());

        // Actors and places have the event record's shapes (DESIGN.md), as `entente code` writes them.
        Assert.All(json.Select(j => j.GetProperty("source")).Where(a => a.ValueKind != JsonValueKind.Null),
            a => Assert.Equal(["text", "code", "country", "sector"], a.EnumerateObject().Select(p => p.Name)));
        Assert.All(json.Select(j => j.GetProperty("location")).Where(l => l.ValueKind != JsonValueKind.Null),
            l => Assert.Equal(["name", "country", "lat", "lon"], l.EnumerateObject().Select(p => p.Name)));
    }

    [Theory]
    [InlineData("events", "2024", 2)]
    [InlineData("events", "2024-01", 1)]
    [InlineData("events", "2024-02-09", 1)]
    [InlineData("export", "2024", 2)]
    public void Until_AMonthOrYear_CoversItsLastDay(string command, string until, int expected)
    {
        Seed();

        var run = CliRunner.Invoke(command == "events"
            ? ["events", "--until", until, "--format", "csv", "--db", Db]
            : ["export", "--until", until, "--format", "csv", "--db", Db]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected, run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }

    [Theory]
    [InlineData("ASAULT")]
    [InlineData("19x")]
    public void Events_TypeThatIsNeitherPloverNorCameo_IsAUsageError(string type)
    {
        Seed();

        var run = CliRunner.Invoke(["events", "--type", type, "--db", Db]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("PLOVER type", run.Error);
    }

    [Theory]
    [InlineData("assault", 1)]
    [InlineData("04", 1)]
    public void Events_TypeAsPloverInAnyCaseOrCameoPrefix_Selects(string type, int expected)
    {
        Seed();

        var run = CliRunner.Invoke(["events", "--type", type, "--format", "csv", "--db", Db]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected, run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }

    [Fact]
    public void Dyad_SinceAndUntilTheSameYear_IsThatYear()
    {
        Seed();

        var run = CliRunner.Invoke(["dyad", "CHN", "RUS", "--since", "2024", "--until", "2024", "--format", "csv", "--db", Db]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2024-01", run.Out);
    }

    [Fact]
    public void Events_WithActorWithAndType_PrintsOnlyThoseEventsAsCsv()
    {
        Seed();

        var run = CliRunner.Invoke(["events", "--actor", "rus", "--with", "USA", "--since", "2024-01-01", "--type", "SANCTION", "--format", "csv", "--db", Db]);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("2025-03-01,USA,163,RUS,SANCTION,-8,1,1,1,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Dyad_ByYear_PrintsBothDirectionsWithNetCooperation()
    {
        Seed();

        var run = CliRunner.Invoke(["dyad", "CHN", "RUS", "--by", "year", "--format", "jsonl", "--db", Db]);

        var row = JsonDocument.Parse(run.Out.Trim()).RootElement;
        Assert.Equal(("2024", "CHN", "RUS", 1, 1, 1), (row.GetProperty("period").GetString(), row.GetProperty("source").GetString(),
            row.GetProperty("target").GetString(), row.GetProperty("events").GetInt32(), row.GetProperty("verbal_coop").GetInt32(),
            row.GetProperty("net_cooperation").GetInt32()));
    }

    [Fact]
    public void Actors_Top_RanksRussiaFirst()
    {
        Seed();

        var run = CliRunner.Invoke(["actors", "--top", "2", "--format", "csv", "--db", Db]);

        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("actor,events,as_source,as_target,goldstein_mean", lines[0]);
        Assert.StartsWith("RUS,4,1,3,", lines[1], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void QueriesWithoutAStore_SayHowToMakeOneAndExit2()
    {
        var run = CliRunner.Invoke(["events", "--db", _dir.File("missing.duckdb")]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("entente ingest", run.Error);
        Assert.False(File.Exists(_dir.File("missing.duckdb")));
    }

    [Fact]
    public void Demo_PrintsTheStoreItUsesTheTopDyadsAndTheThreeRelations_AndARerunStoresNothing()
    {
        Seed();
        var sample = _dir.Write("sample.jsonl", "{\"id\":\"s1\",\"date\":\"2025-03-02\",\"text\":\"China met Russia in Moscow.\"}\n");

        var first = CliRunner.Invoke(["demo", "--db", Db, "--sample", sample]);
        var second = CliRunner.Invoke(["demo", "--db", Db, "--sample", sample]);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains(Db, first.Out);
        Assert.Contains("Most active dyads", first.Out);
        Assert.Contains("China - Russia by year", first.Out);
        Assert.Contains("United States - Russia by year", first.Out);
        Assert.Contains("documents published 2024-01-05 to 2025-03-02", first.Out);
        Assert.Contains("Events between two actors in the last month of the sample (2025-02-02 to 2025-03-02", first.Out);
        Assert.Contains("1 stored", first.Error);
        Assert.Contains("0 stored", second.Error);
        Assert.Contains("1 unchanged", second.Error);
    }

    [Fact]
    public void Demo_OnTheBundledSample_StoresEveryDistinctItemWithoutRejectingAny()
    {
        var first = CliRunner.Invoke(["demo", "--db", Db]);
        var second = CliRunner.Invoke(["demo", "--db", Db]);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("ingested 6,500 documents", first.Error);
        Assert.Contains("0 rejected", first.Error);
        Assert.Contains("0 stored", second.Error);
        using var store = DuckDbStore.Open(Db);
        var counts = store.Counts();
        Assert.Equal(store.Scalar<long>("SELECT count(DISTINCT content_hash) FROM documents"), counts.Documents);
        Assert.InRange(counts.Documents, 6000, 6500);
        Assert.Equal(13L, store.Scalar<long>("SELECT count(DISTINCT year(date)) FROM documents"));
    }

    [Fact]
    public void Ingest_NothingReadable_IsAUsageError()
    {
        var run = CliRunner.Invoke(["ingest", _dir.File("nothing-here"), "--db", Db]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such file", run.Error);
    }

    [Fact]
    public void Ingest_ABadFileAmongGoodOnes_ExitsOneAndStoresTheGoodOnes()
    {
        _dir.Write("in/a.txt", "China met Russia.");
        _dir.Write("in/b.jsonl.gz", [0x1f, 0x8b, 0x08, 0, 0, 0]);
        _dir.Write("in/c.jsonl", "{\"id\":\"c\",\"text\":\"Russia attacked Ukraine.\"}\n");

        var run = CliRunner.Invoke(["ingest", _dir.File("in"), "--db", Db]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("b.jsonl.gz", run.Error);
        Assert.Contains("2 stored", run.Error);
    }
}
