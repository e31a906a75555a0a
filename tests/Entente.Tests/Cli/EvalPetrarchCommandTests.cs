using System.Text.RegularExpressions;

namespace Entente.Tests.Cli;

public sealed partial class EvalPetrarchCommandTests
{
    private static string Records => TestPaths.SharedFile("data/petrarch/PETR.UnitTest.records.ud.xml");

    [Fact]
    public void GivenParses_ScoreAllRecords_AndStayAboveTheRecordedLevel()
    {
        var dir = Path.Combine(Path.GetTempPath(), "entente-eval-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = CliRunner.Invoke(["eval", "petrarch", Records, "--mode", "given", "--report", dir]);

            Assert.Equal(0, run.ExitCode);
            var m = Summary().Match(run.Out);
            Assert.True(m.Success, run.Out);
            Assert.Equal(284, int.Parse(m.Groups["total"].Value, System.Globalization.CultureInfo.InvariantCulture));

            // a regression guard: 218 of 284 when this test was written (docs/eval/petrarch-given.md)
            Assert.True(int.Parse(m.Groups["correct"].Value, System.Globalization.CultureInfo.InvariantCulture) >= 249, run.Out);

            var report = File.ReadAllText(Path.Combine(dir, "petrarch-given.md"));
            Assert.Contains("## Failing records", report, StringComparison.Ordinal);
            Assert.Contains("- expected:", report, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(dir))
                Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Show_ExplainsOneRecord_WithItsPatternAndEvent()
    {
        var run = CliRunner.Invoke(["eval", "petrarch", Records, "--mode", "given", "--show", "SYNSET_07a"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("pattern '* RUPEES'", run.Out, StringComparison.Ordinal);
        Assert.Contains("event ARN GON 071", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingRecordsFile_IsAUsageError()
    {
        var run = CliRunner.Invoke(["eval", "petrarch", "/nonexistent/records.xml"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot read", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownMode_IsAUsageError() =>
        Assert.Equal(2, CliRunner.Invoke(["eval", "petrarch", Records, "--mode", "sideways"]).ExitCode);

    [GeneratedRegex(@"(?<correct>\d+) of (?<total>\d+) records fully correct")]
    private static partial Regex Summary();
}
