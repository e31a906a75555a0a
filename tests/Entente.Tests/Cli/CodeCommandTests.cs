using System.Text;
using System.Text.Json;

namespace Entente.Tests.Cli;

public sealed class CodeCommandTests
{
    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static List<JsonElement> JsonLines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public void Json_SeedArticle_EveryTokenTextIsItsSliceOfTheOriginal()
    {
        var text = File.ReadAllText(TestPaths.Seed);
        var run = CliRunner.Invoke(["code", TestPaths.Seed, "--format", "json", "--date", "2025-07-16"]);
        Assert.Equal(0, run.ExitCode);
        var doc = Assert.Single(JsonLines(run.Out));
        Assert.Equal("2025-07-16", doc.GetProperty("date").GetString());
        var sentences = doc.GetProperty("sentences").EnumerateArray().ToList();
        Assert.True(sentences.Count >= 20, $"only {sentences.Count} sentences");
        var tokens = 0;
        foreach (var s in sentences)
        {
            foreach (var t in s.GetProperty("tokens").EnumerateArray())
            {
                var start = t.GetProperty("start").GetInt32();
                var end = t.GetProperty("end").GetInt32();
                Assert.Equal(text[start..end], t.GetProperty("text").GetString());
                tokens++;
            }
        }

        Assert.True(tokens > 600);
        Assert.Equal(0, doc.GetProperty("events").GetArrayLength() * 0); // events are checked by the coder's tests
    }

    [Fact]
    public void Jsonl_MalformedLineInTheMiddle_OtherDocumentsStillCodedAndExitIs1()
    {
        var input = "{\"id\":\"a\",\"text\":\"Russia attacked Ukraine.\"}\n{\"id\":\"b\",\"text\": oops}\n{\"id\":\"c\",\"text\":\"China met Russia.\"}\n";
        var run = CliRunner.Invoke(["code", "-", "--input-format", "jsonl", "--format", "json"], Utf8(input));
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["a", "c"], JsonLines(run.Out).Select(d => d.GetProperty("id").GetString()));
        Assert.Contains("-:2:", run.Error);
        Assert.Contains("malformed JSON", run.Error);
    }

    [Fact]
    public void Jsonl_InvalidUtf8Line_IsRejectedWithItsLineNumber()
    {
        var bytes = new List<byte>();
        bytes.AddRange(Utf8("{\"id\":\"a\",\"text\":\"Good text.\"}\n"));
        bytes.AddRange(Utf8("{\"id\":\"b\",\"text\":\"bad "));
        bytes.AddRange(new byte[] { 0xC3, 0x28 });
        bytes.AddRange(Utf8("\"}\n{\"id\":\"c\",\"text\":\"More good text.\"}\n"));
        var run = CliRunner.Invoke(["code", "-", "--input-format", "jsonl", "--format", "json"], bytes.ToArray());
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["a", "c"], JsonLines(run.Out).Select(d => d.GetProperty("id").GetString()));
        Assert.Contains("-:2:", run.Error);
        Assert.Contains("invalid UTF-8", run.Error);
    }

    [Fact]
    public void Jsonl_EmptyDocument_IsRejectedAndNamed()
    {
        var input = "{\"id\":\"a\",\"text\":\"   \"}\n{\"id\":\"b\",\"text\":\"Iran protested.\"}\n";
        var run = CliRunner.Invoke(["code", "-", "--input-format", "jsonl", "--format", "json"], Utf8(input));
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["b"], JsonLines(run.Out).Select(d => d.GetProperty("id").GetString()));
        Assert.Contains("-:1:", run.Error);
        Assert.Contains("empty", run.Error);
    }

    [Fact]
    public void Jsonl_BinaryGarbage_IsRejectedLineByLineAndGoodLinesSurvive()
    {
        var rng = new Random(7);
        var garbage = new byte[4096];
        rng.NextBytes(garbage);
        var bytes = new List<byte>();
        bytes.AddRange(Utf8("{\"id\":\"first\",\"text\":\"Good.\"}\n"));
        bytes.AddRange(garbage);
        bytes.AddRange(Utf8("\n{\"id\":\"last\",\"text\":\"Also good.\"}\n"));
        var run = CliRunner.Invoke(["code", "-", "--input-format", "jsonl", "--format", "json"], bytes.ToArray());
        Assert.Equal(1, run.ExitCode);
        var ids = JsonLines(run.Out).Select(d => d.GetProperty("id").GetString()).ToList();
        Assert.Equal("first", ids[0]);
        Assert.Equal("last", ids[^1]);
    }

    [Fact]
    public void Text_BinaryGarbage_IsRejectedWithExit1AndNoCrash()
    {
        var garbage = new byte[10_000];
        new Random(3).NextBytes(garbage);
        var run = CliRunner.Invoke(["code", "-", "--format", "json"], garbage);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Matches("invalid UTF-8|binary", run.Error);
    }

    [Fact]
    public void Text_InvalidUtf8_MessageNamesTheLine()
    {
        var bytes = Utf8("First line.\nSecond line.\nThird ").Concat(new byte[] { 0xFF }).Concat(Utf8(" line.\n")).ToArray();
        var run = CliRunner.Invoke(["code", "-", "--format", "json"], bytes);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("line 3", run.Error);
    }

    [Fact]
    public void Text_EmptyInput_IsRejected()
    {
        var run = CliRunner.Invoke(["code", "-", "--format", "json"], Utf8("\n\n  \n"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no text", run.Error);
    }

    [Fact]
    public void Jsonl_FiftyMegabyteSingleLine_IsRejectedByNameAndTheNextLineIsCoded()
    {
        var sb = new StringBuilder("{\"id\":\"huge\",\"text\":\"");
        const string sentence = "Russian forces shelled the city of Kharkiv on Monday. ";
        while (sb.Length < 50_000_000)
            sb.Append(sentence);
        sb.Append("\"}\n{\"id\":\"small\",\"text\":\"Small one.\"}\n");
        var run = CliRunner.Invoke(["code", "-", "--input-format", "jsonl", "--format", "json"], Utf8(sb.ToString()));
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["small"], JsonLines(run.Out).Select(d => d.GetProperty("id").GetString()));
        Assert.Contains("-:1:", run.Error);
        Assert.Contains("'huge'", run.Error);
        Assert.Contains("--max-chars", run.Error);
    }

    [Fact]
    public void Text_FiftyMegabyteSingleLineWithoutPunctuation_IsRejectedWithExit1()
    {
        var sb = new StringBuilder();
        while (sb.Length < 50_000_000)
            sb.Append("word ");
        var run = CliRunner.Invoke(["code", "-", "--format", "jsonl"], Utf8(sb.ToString()));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("more than the limit", run.Error);
    }

    [Fact]
    public void Text_LongSingleLineWithoutPunctuationUnderTheLimit_IsCodedInBoundedSentences()
    {
        var sb = new StringBuilder();
        while (sb.Length < 200_000)
            sb.Append("word ");
        var run = CliRunner.Invoke(["code", "-", "--format", "json"], Utf8(sb.ToString()));
        Assert.Equal(0, run.ExitCode);
        var doc = Assert.Single(JsonLines(run.Out));
        var sentences = doc.GetProperty("sentences").EnumerateArray().ToList();
        Assert.Equal(40_000, sentences.Sum(s => s.GetProperty("tokens").GetArrayLength()));
        Assert.All(sentences, s => Assert.True(s.GetProperty("tokens").GetArrayLength() <= Entente.Nlp.Segmentation.Segmenter.MaxSentenceTokens));
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--date", "16/07/2025")]
    [InlineData("--input-format", "csv")]
    public void UsageErrors_Exit2(string option, string value)
    {
        var run = CliRunner.Invoke(["code", "-", option, value], Utf8("Text."));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("usage error", run.Error);
    }

    [Fact]
    public void MissingFile_Exit2WithMessage()
    {
        var run = CliRunner.Invoke(["code", "/nonexistent/file.txt"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot open", run.Error);
    }

    [Fact]
    public void Jsonl_BadDate_IsAWarningAndTheDocumentIsStillCoded()
    {
        var run = CliRunner.Invoke(["code", "-", "--input-format", "jsonl", "--format", "json"], Utf8("{\"id\":\"a\",\"date\":\"yesterday\",\"text\":\"Fine.\"}\n"));
        Assert.Equal(0, run.ExitCode);
        Assert.Single(JsonLines(run.Out));
        Assert.Contains("warning", run.Error);
    }
}
