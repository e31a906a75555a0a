using Entente.Coding;
using Entente.Coding.Actors;
using Entente.Nlp;
using Entente.Nlp.Documents;

namespace Entente.Tests.Coding.Actors;

/// <summary>
/// The hand-checked coreference sets (written for Entente: coref-set.jsonl while developing, coref-heldout.jsonl
/// written afterwards and first scored untouched). These pin the accuracy `entente eval coref` reports.
/// </summary>
public sealed class CorefSetTests
{
    private static readonly Lazy<Entente.Nlp.Pipeline.Pipeline> Pipeline = new(() =>
        EntentePipeline.Create(new DataDirectory(Path.Combine(TestPaths.Repo, "data"))));

    private static CorefEvaluation.Result Evaluate(string name)
    {
        var diags = new List<Diagnostic>();
        var items = CorefEvaluation.Read(Path.Combine(TestPaths.Repo, "tests", "Entente.Tests", "Coding", "Actors", name), diags);
        Assert.Empty(diags);
        return CorefEvaluation.Evaluate(items, Pipeline.Value);
    }

    [Fact]
    public void DevelopmentSet_IsResolvedAtLeast95Percent()
    {
        var r = Evaluate("coref-set.jsonl");
        Assert.True(r.Total >= 45, $"{r.Total} checks");
        Assert.True(r.Accuracy >= 0.95, $"accuracy {r.Accuracy:P1}; failures: {string.Join("; ", r.Failures.Select(f => f.Id + " " + f.Check.Mention + ": " + f.Found))}");
    }

    [Fact]
    public void HeldOutSet_IsResolvedAtLeast85Percent()
    {
        var r = Evaluate("coref-heldout.jsonl");
        Assert.True(r.Accuracy >= 0.85, $"accuracy {r.Accuracy:P1}; failures: {string.Join("; ", r.Failures.Select(f => f.Id + " " + f.Check.Mention + ": " + f.Found))}");
    }

    [Fact]
    public void EvalCorefCommand_PrintsAccuracyPerKind()
    {
        var set = Path.Combine(TestPaths.Repo, "tests", "Entente.Tests", "Coding", "Actors", "coref-set.jsonl");
        var run = Entente.Tests.Cli.CliRunner.Invoke(["eval", "coref", set]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("descriptor", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"all\s+\d+\s+\d+\s+\d+\.\d%", run.Out);
    }

    [Fact]
    public void MalformedSetLine_IsReportedWithItsLine_AndTheRestIsScored()
    {
        var path = Path.Combine(Path.GetTempPath(), $"coref-bad-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path,
        [
            """{"id":"a","date":"2025-07-16","text":"Donald Trump spoke. He left.","checks":[{"mention":"He","refers":"Donald Trump","kind":"pronoun"}]}""",
            """{"id": broken""",
        ]);
        try
        {
            var run = Entente.Tests.Cli.CliRunner.Invoke(["eval", "coref", path]);
            Assert.Equal(1, run.ExitCode);
            Assert.Contains(":2:", run.Error, StringComparison.Ordinal);
            Assert.Matches(@"all\s+1\s+1\s+100\.0%", run.Out);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>The actor half of PETRARCH's unit-test records: expected source and target codes found among mentions.</summary>
public sealed class PetrarchActorTests
{
    [Fact]
    public void ExpectedActorCodesOfTheUnitTestRecords_AreFoundAtLeast95Percent()
    {
        var run = Entente.Tests.Cli.CliRunner.Invoke(["eval", "actors", TestPaths.SharedFile("data/petrarch/PETR.UnitTest.records.ud.xml")]);
        Assert.Equal(0, run.ExitCode);
        var m = System.Text.RegularExpressions.Regex.Match(run.Out, @"records (\d+), expected actor codes (\d+), found among mentions (\d+)");
        Assert.True(m.Success, run.Out + run.Error);
        Assert.Equal(284, int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        var total = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        var found = int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(found >= 0.95 * total, run.Out);
    }

    [Fact]
    public void MissingRecordsFile_IsAUsageError()
    {
        var run = Entente.Tests.Cli.CliRunner.Invoke(["eval", "actors", "/nonexistent/records.xml"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such file", run.Error, StringComparison.Ordinal);
    }
}
