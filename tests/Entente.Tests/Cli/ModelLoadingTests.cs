using System.Text;
using Entente.Cli;
using Entente.Nlp;
using Entente.Tests.Store;

namespace Entente.Tests.Cli;

/// <summary>
/// The pipeline's models and dictionaries load side by side on several threads; a loader that fails must still
/// surface as its own error (not wrapped), which commands turn into a message and exit code 2.
/// </summary>
public sealed class ModelLoadingTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>A data folder like the repository's (linked, not copied) with one model folder left out.</summary>
    private DataDirectory DataWithout(string missingModel)
    {
        var repoData = Path.Combine(TestPaths.Repo, "data");
        var root = Path.Combine(_dir.Path, "data");
        Directory.CreateDirectory(Path.Combine(root, "models"));
        foreach (var dir in Directory.GetDirectories(repoData))
        {
            if (Path.GetFileName(dir) != "models")
                Directory.CreateSymbolicLink(Path.Combine(root, Path.GetFileName(dir)), dir);
        }

        foreach (var dir in Directory.GetDirectories(Path.Combine(repoData, "models")))
        {
            if (Path.GetFileName(dir) != missingModel)
                Directory.CreateSymbolicLink(Path.Combine(root, "models", Path.GetFileName(dir)), dir);
        }

        return new DataDirectory(root);
    }

    [Theory]
    [InlineData("parser")]
    [InlineData("tagger")]
    [InlineData("ner")]
    public void CodeWithAModelMissing_SaysItCannotLoadModelsAndExitsWith2(string missing)
    {
        var error = new StringWriter();
        var ctx = new CliContext
        {
            Out = new MemoryStream(),
            Error = error,
            In = () => new MemoryStream(Encoding.UTF8.GetBytes("Russia attacked Ukraine.")),
            OutIsTerminal = false,
            ErrorIsTerminal = false,
            Data = DataWithout(missing),
        };

        var code = EntenteCli.Run(["code", "-", "--date", "2024-03-01"], ctx);

        Assert.Equal(2, code);
        Assert.Contains("cannot load models from", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("eval coref")]
    [InlineData("eval petrarch")]
    public void EveryCommandLoadingThePipeline_TurnsAMissingModelIntoExit2(string command)
    {
        var input = _dir.Write("in.jsonl", "{\"id\":\"a\",\"date\":\"2024-03-01\",\"text\":\"Russia attacked Ukraine.\"}\n");
        string[] args = command switch
        {
            "ingest" => ["ingest", input, "--db", _dir.File("s.duckdb")],
            "eval coref" => ["eval", "coref", Path.Combine(TestPaths.Repo, "tests", "Entente.Tests", "Coding", "Actors", "coref-set.jsonl")],
            _ => ["eval", "petrarch", TestPaths.SharedFile("data/petrarch/PETR.UnitTest.records.ud.xml"), "--mode", "raw"],
        };
        var error = new StringWriter();
        var ctx = new CliContext
        {
            Out = new MemoryStream(),
            Error = error,
            In = () => new MemoryStream(),
            OutIsTerminal = false,
            ErrorIsTerminal = false,
            Data = DataWithout("parser"),
        };

        var code = EntenteCli.Run(args, ctx);

        Assert.Equal(2, code);
        Assert.Contains("cannot load models from", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }
}
