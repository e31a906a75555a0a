using System.Globalization;

namespace Entente.Tests.Cli;

public sealed class EvalConlluCommandTests
{
    // The same easy sentence twice: right in the first copy, and in the second with two deliberate gold
    // errors ("dog" as VERB, "The" attached to "barked"), so the scores are known: 7 of 8 words right.
    private const string Gold = """
        # newdoc id = t1
        # sent_id = 1
        # text = The dog barked.
        1	The	the	DET	DT	_	2	det	_	_
        2	dog	dog	NOUN	NN	_	3	nsubj	_	_
        3	barked	bark	VERB	VBD	_	0	root	_	SpaceAfter=No
        4	.	.	PUNCT	.	_	3	punct	_	_

        # sent_id = 2
        # text = The dog barked.
        1	The	the	DET	DT	_	3	det	_	_
        2	dog	dog	VERB	NN	_	3	nsubj	_	_
        3	barked	bark	VERB	VBD	_	0	root	_	SpaceAfter=No
        4	.	.	PUNCT	.	_	3	punct	_	_


        """;

    private static Dictionary<string, double> F1ByMetric(string output)
    {
        var result = new Dictionary<string, double>();
        foreach (var line in output.Split('\n'))
        {
            var cols = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (cols.Length == 5 && double.TryParse(cols[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var f1))
                result[cols[1]] = f1;
        }

        return result;
    }

    [Fact]
    public void EvalConllu_SmallGoldFile_ReproducesKnownScores()
    {
        var path = Path.Combine(Path.GetTempPath(), $"entente-eval-{Guid.NewGuid():N}.conllu");
        File.WriteAllText(path, Gold.Replace("\r", ""));
        try
        {
            var run = CliRunner.Invoke(["eval", "conllu", path]);
            Assert.Equal(0, run.ExitCode);
            var f1 = F1ByMetric(run.Out);
            Assert.Equal(87.5, f1["UPOS"]);
            Assert.Equal(100, f1["XPOS"]);
            Assert.Equal(100, f1["Lemmas"]);
            Assert.Equal(87.5, f1["UAS"]);
            Assert.Equal(87.5, f1["LAS"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void EvalConllu_Greedy_ScoresTheGreedyParser_AndSaysSo()
    {
        var path = Path.Combine(Path.GetTempPath(), $"entente-eval-{Guid.NewGuid():N}.conllu");
        File.WriteAllText(path, Gold.Replace("\r", ""));
        try
        {
            var run = CliRunner.Invoke(["eval", "conllu", path, "--greedy"]);
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("greedy parsing", run.Out);
            Assert.Equal(87.5, F1ByMetric(run.Out)["LAS"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void EvalConllu_GreedyWithRecord_IsAUsageError_AndRecordsNothing()
    {
        var manifest = Path.Combine(TestPaths.Repo, "data", "models", "parser", "manifest.json");
        var before = File.ReadAllText(manifest);
        var run = CliRunner.Invoke(["eval", "conllu", "/nonexistent/gold.conllu", "--greedy", "--record"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--greedy", run.Error);
        Assert.Equal(before, File.ReadAllText(manifest));
    }

    [Fact]
    public void EvalConllu_MissingFile_Exit2()
    {
        var run = CliRunner.Invoke(["eval", "conllu", "/nonexistent/gold.conllu"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot read", run.Error);
    }

    [Fact]
    public void Parse_ConlluInput_KeepsTokensAndReplacesTheAnnotations()
    {
        var run = CliRunner.Invoke(["parse", "-", "--input-format", "conllu"], System.Text.Encoding.UTF8.GetBytes(Gold.Replace("\r", "")));
        Assert.Equal(0, run.ExitCode);
        var words = run.Out.Split('\n').Where(l => l.Length > 0 && char.IsDigit(l[0])).Select(l => l.Split('\t')).ToList();
        Assert.Equal(8, words.Count);
        Assert.Equal(["The", "dog", "barked", ".", "The", "dog", "barked", "."], words.Select(w => w[1]));
        // the deliberate gold errors of the second copy are replaced by the model's analysis
        Assert.Equal("NOUN", words[5][3]);
        Assert.Equal("2", words[4][6]);
        Assert.Contains("# text = The dog barked.", run.Out);
    }

    [Fact]
    public void Parse_TextInput_IsSegmentedAndParsed()
    {
        var run = CliRunner.Invoke(["parse", "-"], "Putin met Xi in Moscow. They signed a deal."u8.ToArray());
        Assert.Equal(0, run.ExitCode);
        var sentences = run.Out.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, sentences.Length);
        foreach (var s in sentences)
        {
            var heads = s.Split('\n').Where(l => l.Length > 0 && char.IsDigit(l[0])).Select(l => l.Split('\t')[6]).ToList();
            Assert.Single(heads, h => h == "0");
        }
    }
}
