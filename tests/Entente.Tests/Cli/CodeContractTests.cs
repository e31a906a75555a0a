using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Entente.Tests.Store;

namespace Entente.Tests.Cli;

/// <summary>
/// The contracts other tools rely on (DESIGN.md, "Contracts other tools rely on"): the event and quote records
/// field by field, the document object of --format json, and what bad input does to the exit code and stderr.
/// </summary>
public sealed class CodeContractTests : IDisposable
{
    private static readonly string[] EventFields =
    [
        "doc", "sentence", "date", "datePrecision", "source", "target", "cameo", "root", "plover", "mode", "context",
        "goldstein", "quadClass", "trigger", "negated", "modality", "location", "text", "numMentions",
    ];

    private static readonly HashSet<string> PloverTypes =
    [
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
        "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    ];

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static List<JsonElement> JsonLines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    private static string[] Keys(JsonElement o) => o.EnumerateObject().Select(p => p.Name).ToArray();

    private static byte[] Gzip(string text)
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
            gz.Write(Utf8(text));
        return ms.ToArray();
    }

    private static int QuadClassOfRoot(int root) => root switch { <= 4 => 1, <= 8 => 2, <= 13 => 3, _ => 4 };

    private static void AssertActor(JsonElement a, string where)
    {
        if (a.ValueKind == JsonValueKind.Null)
            return;
        Assert.Equal(["text", "code", "country", "sector"], Keys(a));
        Assert.False(string.IsNullOrEmpty(a.GetProperty("text").GetString()), where);
        var code = a.GetProperty("code").GetString();
        Assert.False(string.IsNullOrEmpty(code), where);
        if (a.GetProperty("country").GetString() is { } country)
        {
            Assert.Matches("^[A-Z]{3}$", country);
            Assert.StartsWith(country, code, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryEventOfTheBundledSample_FollowsTheEventRecordContract()
    {
        var sample = Path.Combine(TestPaths.Repo, "data", "samples", "current-events-sample.jsonl");
        var run = CliRunner.Invoke(["code", sample]);

        Assert.Equal(0, run.ExitCode);
        var events = JsonLines(run.Out);
        Assert.True(events.Count > 100, $"only {events.Count} events");
        foreach (var e in events)
        {
            var where = e.GetRawText();
            Assert.Equal(EventFields, Keys(e));
            Assert.Equal(JsonValueKind.Number, e.GetProperty("sentence").ValueKind);
            Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", e.GetProperty("date").GetString()!);
            AssertActor(e.GetProperty("source"), where);
            AssertActor(e.GetProperty("target"), where);

            var cameo = e.GetProperty("cameo").GetString()!;
            var root = e.GetProperty("root").GetString()!;
            Assert.Matches("^[0-9]{3,4}$", cameo);
            Assert.Matches("^[0-9]{2}$", root);
            Assert.Equal(cameo[..2], root);
            var plover = e.GetProperty("plover").GetString();
            if (root == "01")
                Assert.Null(plover);
            else if (root == "02")
                Assert.Equal("REQUEST", plover);
            else
                Assert.Contains(plover!, PloverTypes);
            Assert.Equal(QuadClassOfRoot(int.Parse(root, System.Globalization.CultureInfo.InvariantCulture)), e.GetProperty("quadClass").GetInt32());
            Assert.InRange(e.GetProperty("goldstein").GetDouble(), -10, 10);
            Assert.Equal(JsonValueKind.Array, e.GetProperty("context").ValueKind);
            Assert.Contains(e.GetProperty("modality").GetString(), new[] { "asserted", "intended", "hypothetical", "reported" });
            Assert.Contains(e.GetProperty("negated").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });

            var trigger = e.GetProperty("trigger");
            Assert.Equal(["text", "start", "end"], Keys(trigger));
            Assert.True(trigger.GetProperty("start").GetInt32() < trigger.GetProperty("end").GetInt32(), where);
            if (e.GetProperty("location") is { ValueKind: JsonValueKind.Object } location)
                Assert.Equal(["name", "country", "lat", "lon"], Keys(location));
        }

        // The null rules are exercised, not vacuous: one-sided events, non-state actors, places.
        Assert.Contains(events, e => e.GetProperty("source").ValueKind == JsonValueKind.Null || e.GetProperty("target").ValueKind == JsonValueKind.Null);
        Assert.Contains(events, e => e.GetProperty("source") is { ValueKind: JsonValueKind.Object } s && s.GetProperty("country").ValueKind == JsonValueKind.Null);
        Assert.Contains(events, e => e.GetProperty("location").ValueKind == JsonValueKind.Object);
    }

    [Fact]
    public void InternationalBody_HasNoCountry()
    {
        var run = CliRunner.Invoke(["code", "-", "--date", "2024-01-02"], Utf8("The United Nations condemned Russia."));

        Assert.Equal(0, run.ExitCode);
        var e = Assert.Single(JsonLines(run.Out));
        Assert.Equal("IGOUNO", e.GetProperty("source").GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, e.GetProperty("source").GetProperty("country").ValueKind);
        Assert.Equal("RUS", e.GetProperty("target").GetProperty("country").GetString());
    }

    [Fact]
    public void JsonDocument_HasTheDesignFieldsAndQuoteRecords()
    {
        const string text = "China urged the United States to lift sanctions. \"We will respond,\" Putin said.";
        var run = CliRunner.Invoke(["code", "--format", "json", "--date", "2024-01-02"], Utf8(text)); // no FILE: standard input

        Assert.Equal(0, run.ExitCode);
        var doc = Assert.Single(JsonLines(run.Out));
        Assert.Equal(["id", "date", "sentences", "mentions", "events", "quotes"], Keys(doc));
        Assert.Equal("2024-01-02", doc.GetProperty("date").GetString());
        var appeal = Assert.Single(doc.GetProperty("events").EnumerateArray(), e => e.GetProperty("root").GetString() == "02");
        Assert.Equal("REQUEST", appeal.GetProperty("plover").GetString());

        var quote = Assert.Single(doc.GetProperty("quotes").EnumerateArray());
        Assert.Equal(["doc", "sentence", "speaker", "text", "start", "end"], Keys(quote));
        Assert.Equal(1, quote.GetProperty("sentence").GetInt32());
        Assert.Equal(text[quote.GetProperty("start").GetInt32()..quote.GetProperty("end").GetInt32()], quote.GetProperty("text").GetString());
        AssertActor(quote.GetProperty("speaker"), quote.GetRawText());
        Assert.Equal("RUS", quote.GetProperty("speaker").GetProperty("country").GetString());
    }

    [Fact]
    public void PublicStatement_HasNoPloverType()
    {
        var run = CliRunner.Invoke(["code", "-", "--date", "2024-01-02"], Utf8("Germany commented on Russia's military exercises."));

        Assert.Equal(0, run.ExitCode);
        Assert.All(JsonLines(run.Out).Where(e => e.GetProperty("root").GetString() == "01"),
            e => Assert.Equal(JsonValueKind.Null, e.GetProperty("plover").ValueKind));
    }

    [Fact]
    public void JsonlFile_IsDetectedByItsNameAndEveryDocumentCoded()
    {
        var file = _dir.Write("in.jsonl.gz", Gzip("{\"id\":\"a\",\"date\":\"2024-01-02\",\"text\":\"Russia condemned Ukraine.\"}\n{\"id\":\"b\",\"text\":\"China met Japan.\"}\n"));

        var run = CliRunner.Invoke(["code", file, "--format", "json"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["a", "b"], JsonLines(run.Out).Select(d => d.GetProperty("id").GetString()));
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void Table_PrintsOneTitlePerDocument()
    {
        var run = CliRunner.Invoke(["code", "-", "--input-format", "jsonl", "--format", "table"],
            Utf8("{\"id\":\"first\",\"text\":\"Russia condemned Ukraine.\"}\n{\"id\":\"second\",\"text\":\"Nothing happened.\"}\n"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("first: 1 sentences", run.Out);
        Assert.Contains("second: 1 sentences", run.Out);
        Assert.Contains("ACCUSE", run.Out);
    }

    [Fact]
    public void TruncatedGzipText_IsRejectedNotCodedInPart()
    {
        var text = string.Concat(Enumerable.Range(0, 400).Select(i => $"Russia condemned Ukraine on day {i}. "));
        var whole = Gzip(text);
        var file = _dir.Write("cut.txt.gz", whole[..(whole.Length / 2)]);

        var run = CliRunner.Invoke(["code", file]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains("truncated", run.Error);
    }

    [Fact]
    public void TruncatedGzipJsonl_KeepsTheDocumentsBeforeTheCutAndSaysWhy()
    {
        var lines = string.Concat(Enumerable.Range(0, 2000).Select(i => $"{{\"id\":\"d{i}\",\"text\":\"Russia condemned Ukraine, item {i}.\"}}\n"));
        var whole = Gzip(lines);
        var file = _dir.Write("cut.jsonl.gz", whole[..(whole.Length / 2)]);

        var run = CliRunner.Invoke(["code", file, "--format", "json"]);

        Assert.Equal(1, run.ExitCode);
        Assert.InRange(JsonLines(run.Out).Count, 1, 1999);
        Assert.Contains("truncated", run.Error);
    }

    [Fact]
    public void DamagedGzip_IsReportedWithoutAStackTrace()
    {
        var file = _dir.Write("damaged.jsonl.gz", Utf8("this is not gzip data at all, only text"));

        var run = CliRunner.Invoke(["code", file]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("damaged", run.Error);
        Assert.DoesNotContain("Unhandled exception", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public void ConcatenatedGzipMembers_AreCodedWhole()
    {
        var bytes = Gzip("{\"id\":\"a\",\"text\":\"Russia condemned Ukraine.\"}\n").Concat(Gzip("{\"id\":\"b\",\"text\":\"China condemned Japan.\"}\n")).ToArray();
        var file = _dir.Write("two.jsonl.gz", bytes);

        var run = CliRunner.Invoke(["code", file, "--format", "json"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["a", "b"], JsonLines(run.Out).Select(d => d.GetProperty("id").GetString()));
    }

    [Fact]
    public void Directory_IsAUsageErrorNamingIt()
    {
        var run = CliRunner.Invoke(["code", _dir.Path]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is a directory", run.Error);
    }

    [Fact]
    public void UnknownOption_IsAUsageError()
    {
        var run = CliRunner.Invoke(["code", "-", "--no-such-option"], Utf8("Text."));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("usage error", run.Error);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void TextWithInvalidUtf8_NamesTheFileLineAndColumn()
    {
        var file = _dir.Write("bad.txt", Utf8("Russia condemned Ukraine.\nChina ").Concat(new byte[] { 0xFF }).Concat(Utf8(" met Japan.\n")).ToArray());

        var run = CliRunner.Invoke(["code", file]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains("bad.txt:2:7:", run.Error);
    }
}
