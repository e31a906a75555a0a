using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Entente.Store.DuckDb;
using Entente.Tests.Store;

namespace Entente.Tests.Cli;

/// <summary>Kills a real <c>entente ingest</c> process mid-run and checks that a rerun completes the store exactly.</summary>
public sealed partial class IngestKillTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [GeneratedRegex(@"ingest: .*?, ([\d,]+) stored")]
    private static partial Regex StoredSoFar();

    [GeneratedRegex(@"interrupted after [\d,]+ documents .*?: ([\d,]+) stored")]
    private static partial Regex StoredWhenInterrupted();

    /// <summary>Real sentences, made distinct so that every line is a document of its own.</summary>
    private string WriteInput(int total)
    {
        var sample = File.ReadAllLines(TestPaths.Repo + "/data/samples/current-events-sample.jsonl");
        var sb = new StringBuilder();
        for (var i = 0; i < total; i++)
        {
            var text = System.Text.Json.JsonDocument.Parse(sample[i % sample.Length]).RootElement.GetProperty("text").GetString()!;
            sb.Append(System.Text.Json.JsonSerializer.Serialize(new { id = $"k{i}", date = $"2024-{1 + i % 12:00}-{1 + i % 28:00}", text = $"{text} (report {i})" })).Append('\n');
        }

        return _dir.Write("input.jsonl", sb.ToString());
    }

    /// <summary>One document per transaction on one thread: slow enough to be caught in the middle whatever the pipeline's speed.</summary>
    private Process StartSlowIngest(string input, string db) => Process.Start(new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "entente"),
        ["ingest", input, "--db", db, "--batch", "1", "--threads", "1", "--progress-interval", "0.1"])
    {
        RedirectStandardError = true,
        RedirectStandardOutput = true,
        WorkingDirectory = _dir.Path,
    })!;

    private const int SigInt = 2;
    private const int SigTerm = 15;

    /// <summary>
    /// Whether this process ignores a signal (bit n-1 of SigIgn in /proc/self/status): a job started in the
    /// background by a shell ignores SIGINT, its children inherit that, and .NET then rightly leaves it ignored.
    /// </summary>
    private static bool Ignores(int signal)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("SigIgn:", StringComparison.Ordinal))
                return (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << (signal - 1))) != 0;
        }

        return false;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    private static int Count(string s) => int.Parse(s.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(SigInt)] // what Ctrl-C sends
    [InlineData(SigTerm)] // what kill and service managers send
    public void IngestInterrupted_ExitsWith130AndTheStoreHoldsExactlyWhatItReports(int signal)
    {
        if (Ignores(signal))
            Assert.Skip($"signal {signal} is ignored by this test process (a background job), so the child cannot receive it");
        var input = WriteInput(1000);
        var db = _dir.File("int.duckdb");
        var child = StartSlowIngest(input, db);
        var stderr = new StringBuilder();
        try
        {
            string? line;
            var signalled = false;
            while ((line = child.StandardError.ReadLine()) is not null)
            {
                stderr.AppendLine(line);
                if (!signalled && StoredSoFar().Match(line) is { Success: true } m && Count(m.Groups[1].Value) >= 10)
                {
                    Assert.Equal(0, SendSignal(child.Id, signal));
                    signalled = true;
                }
            }

            Assert.True(child.WaitForExit(30_000));
        }
        finally
        {
            if (!child.HasExited)
                child.Kill(entireProcessTree: true);
        }

        Assert.Equal(130, child.ExitCode);
        var reported = StoredWhenInterrupted().Match(stderr.ToString());
        Assert.True(reported.Success, stderr.ToString());
        Assert.Contains("run the same command again to resume", stderr.ToString());
        using var store = DuckDbStore.Open(db);
        Assert.Equal(Count(reported.Groups[1].Value), store.Counts().Documents);
        Assert.InRange(store.Counts().Documents, 10, 999);
    }

    [Fact]
    public void IngestKilledMidway_RerunStoresEveryDocumentOnceAndNoEventTwice()
    {
        const int total = 1000;
        var input = WriteInput(total);
        var db = _dir.File("kill.duckdb");

        var child = StartSlowIngest(input, db);
        var killedAt = -1;
        try
        {
            string? line;
            while ((line = child.StandardError.ReadLine()) is not null)
            {
                var m = StoredSoFar().Match(line);
                if (m.Success && Count(m.Groups[1].Value) >= 30)
                {
                    killedAt = Count(m.Groups[1].Value);
                    child.Kill(entireProcessTree: true); // SIGKILL: no chance to clean up
                    break;
                }
            }

            Assert.True(child.WaitForExit(30_000));
        }
        finally
        {
            if (!child.HasExited)
                child.Kill(entireProcessTree: true);
        }

        Assert.True(killedAt >= 30, "the child finished before it could be killed");
        long afterKill;
        using (var store = DuckDbStore.Open(db))
            afterKill = store.Counts().Documents;
        Assert.InRange(afterKill, killedAt, total - 1);

        var rerun = CliRunner.Invoke(["ingest", input, "--db", db]);

        Assert.Equal(0, rerun.ExitCode);
        Assert.Contains($"{total - afterKill:N0} stored", rerun.Error);
        using var final = DuckDbStore.Open(db);
        Assert.Equal(total, final.Counts().Documents);
        Assert.Equal(total, final.Scalar<long>("SELECT count(DISTINCT doc_id) FROM documents"));
        Assert.Equal(0L, final.Scalar<long>(
            "SELECT count(*) FROM (SELECT 1 FROM events GROUP BY doc_id, sentence, trigger_start, cameo, source_code, target_code HAVING count(*) > 1)"));
        Assert.Equal(0L, final.Scalar<long>("SELECT count(*) FROM events WHERE doc_id NOT IN (SELECT doc_id FROM documents)"));
    }
}
