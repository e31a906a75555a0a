using Entente.Nlp.Documents;
using Entente.Nlp.Segmentation;

namespace Entente.Tests.Nlp.Segmentation;

public sealed class SegmenterAllocationTests
{
    [Fact]
    public void ReusedDocument_SteadyState_AllocatesNothing()
    {
        // news text with accents, curly quotes, dashes and contractions: normalization is the identity
        string[] texts =
        [
            "Zelenskyy’s envoy met Andrés Manuel López Obrador in México – “we can’t wait,” he said.",
            "The U.S.-China talks resumed on Feb. 5; Gen. Smith didn't attend (officials said 1,000 troops left).",
            "China warns US over tariffs\nBeijing said it would respond... Dr. Li's team, e.g. in 2024, grew 5%.",
        ];
        var segmenter = new Segmenter();
        var doc = new Document("");
        for (var warm = 0; warm < 3; warm++)
        {
            foreach (var t in texts)
            {
                doc.Reset(t);
                segmenter.Process(doc);
            }
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var tokens = 0;
        for (var round = 0; round < 100; round++)
        {
            foreach (var t in texts)
            {
                doc.Reset(t);
                segmenter.Process(doc);
                tokens += doc.TokenCount;
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(tokens > 100 * 60);
    }
}

public sealed class SegmenterThreadSafetyTests
{
    [Fact]
    public void SharedSegmenter_OnManyThreads_GivesTheSameResultAsOnOne()
    {
        var lines = File.ReadAllLines(TestPaths.Seed);
        var texts = new List<string>();
        for (var i = 0; i < 200; i++)
            texts.Add(lines[i % lines.Length] + (i % 3 == 0 ? " Gen. Smith didn't go to the U.S. It’s late…" : ""));
        var segmenter = new Segmenter();
        var expected = texts.Select(t => Render(segmenter, t)).ToArray();
        var actual = new string[texts.Count];
        Parallel.For(0, texts.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = Render(segmenter, texts[i]));
        Assert.Equal(expected, actual);
    }

    private static string Render(Segmenter segmenter, string text)
    {
        var doc = new Document(text);
        segmenter.Process(doc);
        var parts = new List<string>();
        foreach (var s in doc.Sentences)
        {
            for (var t = s.FirstToken; t < s.EndToken; t++)
                parts.Add($"{doc.StartOf(t)}:{doc.EndOf(t)}:{(int)doc.FlagsOf(t)}");
            parts.Add("|");
        }

        return string.Join(' ', parts);
    }
}
