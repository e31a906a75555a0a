using Entente.Coding.Events;
using Entente.Nlp;

namespace Entente.Tests.Coding.Events;

/// <summary>The repository's coder resources (verb dictionary, nouns, CAMEO tables, places), loaded once for all coder tests.</summary>
internal static class CoderTestResources
{
    private static readonly Lazy<EventResources> Loaded = new(() =>
        EventResources.Load(new DataDirectory(Path.Combine(TestPaths.Repo, "data"))));

    public static EventResources Value => Loaded.Value;
}
