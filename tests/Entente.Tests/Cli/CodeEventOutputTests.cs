using System.Text;
using System.Text.Json;

namespace Entente.Tests.Cli;

/// <summary>The event record of `entente code` (DESIGN.md) as the whole pipeline writes it.</summary>
public sealed class CodeEventOutputTests
{
    [Fact]
    public void EventRecord_HasEveryDesignFieldAndTheDatePrecision()
    {
        var text = "Germany condemned Russia on Tuesday.";
        var run = CliRunner.Invoke(["code", "-", "--format", "jsonl", "--date", "2025-07-16"], Encoding.UTF8.GetBytes(text));

        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var e = JsonDocument.Parse(line).RootElement;
        Assert.Equal("DEU", e.GetProperty("source").GetProperty("country").GetString());
        Assert.Equal("RUS", e.GetProperty("target").GetProperty("country").GetString());
        Assert.Equal("11", e.GetProperty("root").GetString());
        Assert.Equal("ACCUSE", e.GetProperty("plover").GetString());
        Assert.Equal(3, e.GetProperty("quadClass").GetInt32());
        Assert.True(e.GetProperty("goldstein").GetDouble() < 0);
        Assert.Equal("2025-07-15", e.GetProperty("date").GetString());
        Assert.Equal("day", e.GetProperty("datePrecision").GetString());
        Assert.False(e.GetProperty("negated").GetBoolean());
        Assert.Equal("asserted", e.GetProperty("modality").GetString());
        var trigger = e.GetProperty("trigger");
        Assert.Equal("condemned", text[trigger.GetProperty("start").GetInt32()..trigger.GetProperty("end").GetInt32()]);
        Assert.Equal(1, e.GetProperty("numMentions").GetInt32());
    }

    [Fact]
    public void NegatedEvent_IsWrittenWithNegatedTrue()
    {
        var run = CliRunner.Invoke(["code", "-", "--format", "jsonl", "--date", "2025-07-16"],
            Encoding.UTF8.GetBytes("Germany did not condemn Russia."));

        Assert.Equal(0, run.ExitCode);
        var e = JsonDocument.Parse(run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single()).RootElement;
        Assert.True(e.GetProperty("negated").GetBoolean());
    }
}
