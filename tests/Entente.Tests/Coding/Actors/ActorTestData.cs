using Entente.Coding;
using Entente.Coding.Actors;
using Entente.Nlp;
using Entente.Nlp.Documents;
using Entente.Nlp.Segmentation;

namespace Entente.Tests.Coding.Actors;

/// <summary>Shared fixtures: the default resolver (loaded once) and documents built by hand.</summary>
internal static class ActorTestData
{
    private static readonly Lazy<ActorResolver> DefaultResolver = new(() =>
        ActorResolver.LoadDefault(new DataDirectory(Path.Combine(TestPaths.Repo, "data"))));

    /// <summary>The resolver over data/dictionaries, as the pipeline builds it.</summary>
    public static ActorResolver Default => DefaultResolver.Value;

    /// <summary>
    /// A document whose tokens are the space-separated words of <paramref name="sentences"/> (one string per
    /// sentence), so tests do not depend on the segmenter. The text is the words joined by single spaces.
    /// </summary>
    public static Document FromWords(DateOnly? date, params string[] sentences)
    {
        var text = string.Join(" ", sentences);
        var doc = new Document(text, "test", date);
        var pos = 0;
        foreach (var sentence in sentences)
        {
            var first = doc.TokenCount;
            foreach (var word in sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var start = text.IndexOf(word, pos, StringComparison.Ordinal);
                doc.AddToken(start, start + word.Length, TokenFlags.SpaceAfter);
                pos = start + word.Length;
            }

            doc.AddSentence(first, doc.TokenCount - first);
        }

        return doc;
    }

    /// <summary>A document segmented by the pipeline's own segmenter.</summary>
    public static Document Segmented(string text, DateOnly? date)
    {
        var doc = new Document(text, "test", date);
        new Segmenter().Process(doc);
        return doc;
    }

    public static List<Mention> Resolve(Document doc, ActorResolver? resolver = null)
    {
        (resolver ?? Default).Process(doc);
        return doc.Get<MentionList>()!.Items;
    }

    /// <summary>The mention whose text is exactly <paramref name="text"/> (the first one).</summary>
    public static Mention Find(List<Mention> mentions, string text)
    {
        var m = mentions.FirstOrDefault(x => x.Text == text);
        Assert.True(m is not null, $"no mention '{text}' among: {string.Join(" | ", mentions.Select(x => x.Text + "=" + x.Code))}");
        return m!;
    }

    public static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
