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
