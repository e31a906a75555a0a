using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Entente.Benchmarks;

/// <summary>Adds MB/s, tokens/s and bytes allocated per token to the segmenter benchmarks' table.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig()
    {
        AddColumn(new ThroughputColumn(ThroughputColumn.Measure.MegabytesPerSecond));
        AddColumn(new ThroughputColumn(ThroughputColumn.Measure.TokensPerSecond));
        AddColumn(new ThroughputColumn(ThroughputColumn.Measure.BytesAllocatedPerToken));
    }
}

/// <summary>
/// A column derived from a benchmark's mean time and allocation per operation and the size of what one
/// operation processes (<see cref="SegmenterBenchmarks.Corpus"/>): the same text for every method.
/// </summary>
public sealed class ThroughputColumn(ThroughputColumn.Measure measure) : IColumn
{
    public enum Measure
    {
        MegabytesPerSecond,
        TokensPerSecond,
        BytesAllocatedPerToken,
    }

    public string Id => "Throughput." + measure;

    public string ColumnName => measure switch
    {
        Measure.MegabytesPerSecond => "MB/s",
        Measure.TokensPerSecond => "Tokens/s",
        _ => "B/token",
    };

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => (int)measure;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => measure switch
    {
        Measure.MegabytesPerSecond => "Megabytes (10^6) of UTF-8 text per second",
        Measure.TokensPerSecond => "Tokens per second",
        _ => "Bytes allocated per token",
    };

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        var stats = report?.ResultStatistics;
        if (report is null || stats is null || stats.Mean <= 0)
            return "-";
        var corpus = SegmenterBenchmarks.Corpus.Value;
        var seconds = stats.Mean / 1e9;
        return measure switch
        {
            Measure.MegabytesPerSecond => (corpus.Utf8Bytes / 1e6 / seconds).ToString("F1", CultureInfo.InvariantCulture),
            Measure.TokensPerSecond => (corpus.Tokens / seconds).ToString("N0", CultureInfo.InvariantCulture),
            _ => report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase) is { } bytes
                ? ((double)bytes / corpus.Tokens).ToString("F3", CultureInfo.InvariantCulture)
                : "-",
        };
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public override string ToString() => ColumnName;
}
