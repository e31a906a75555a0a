using Entente.Cli;
using Entente.Cli.Commands;
using Entente.Nlp;
using Entente.Tests.Store;

namespace Entente.Tests.Cli;

/// <summary><c>eval ... --record</c> scores and writes the repository's models, not the copy beside the executable.</summary>
public sealed class RecordingDataTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static CliContext Context(StringWriter error, DataDirectory? data = null)
    {
        var ctx = new CliContext { Out = new MemoryStream(), Error = error, In = () => new MemoryStream() };
        return data is null ? ctx : ctx.WithData(data);
    }

    [Fact]
    public void Recording_FromInsideARepository_UsesItsDataFolder()
    {
        _dir.Write("data/MANIFEST.md", "# data\n");
        var nested = Directory.CreateDirectory(_dir.File("src/Some.Project/bin")).FullName;

        var data = ModelLoading.ForRecording(Context(new StringWriter()), nested);

        Assert.NotNull(data);
        Assert.Equal(Path.GetFullPath(_dir.File("data")), data.Root);
    }

    [Fact]
    public void Recording_OutsideAnyRepository_IsRefusedWithAReason()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ENTENTE_DATA")))
            Assert.Skip("ENTENTE_DATA is set, which names the data folder explicitly");
        var error = new StringWriter();
        var outside = Directory.CreateDirectory(_dir.File("elsewhere")).FullName;

        var data = ModelLoading.ForRecording(Context(error), outside);

        Assert.Null(data);
        Assert.Contains("ENTENTE_DATA", error.ToString());
    }

    [Fact]
    public void Recording_WithAGivenDataFolder_KeepsIt()
    {
        var given = new DataDirectory(_dir.File("given"));

        var data = ModelLoading.ForRecording(Context(new StringWriter(), given), _dir.Path);

        Assert.Same(given, data);
    }
}
