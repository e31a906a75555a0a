using Entente.Nlp;
using Entente.Nlp.Learning;
using Entente.Nlp.Models;
using Entente.Nlp.Parsing;

namespace Entente.Tests.Nlp.Models;

/// <summary>
/// Pins the shipped parser's output on a treebank sample (every fourth sentence of en_ewt-ud-test, gold
/// tags): heads, labels and the exact bits of each parse's total score. Speed work on feature
/// extraction, the weight table or the search must leave all three unchanged; the fingerprints were
/// taken before that work (README, models), so a change here means the parser now parses differently.
/// </summary>
public sealed class ParserOutputPinTests
{
    private static readonly DataDirectory Data = new(Path.Combine(TestPaths.Repo, "data"));

    private static readonly Lazy<ParserModel> Model = new(() => NlpModels.LoadParser(Data).Model);

    private static readonly Lazy<List<AnnotatedSentence>> Sample = new(() =>
    {
        var all = AnnotatedSentence.ReadFiles([TestPaths.SharedFile("data/treebanks/en_ewt-ud-test.conllu.gz")]);
        var sample = new List<AnnotatedSentence>();
        for (var i = 0; i < all.Count; i += 4)
            sample.Add(all[i]);
        return sample;
    });

    /// <summary>FNV-1a over every sentence's heads, labels and total score bits.</summary>
    private static (ulong Fingerprint, int Sentences) Fingerprint(ParserSearch search)
    {
        var parser = new SentenceParser(Model.Value, search);
        var h = 14695981039346656037UL;
        void Mix(ulong v)
        {
            h ^= v;
            h *= 1099511628211UL;
        }

        foreach (var s in Sample.Value)
        {
            ParserTrainer.Load(parser.Input, s, Model.Value.Clusters);
            parser.Parse();
            for (var i = 0; i < s.Length; i++)
            {
                Mix((ulong)parser.State.Head[i]);
                Mix(parser.State.Label[i]);
            }

            Mix((ulong)BitConverter.DoubleToInt64Bits(parser.Score));
        }

        return (h, Sample.Value.Count);
    }

    [Fact]
    public void DefaultSearch_ParsesTheTestSampleExactlyAsBeforeTheSpeedWork()
    {
        var (fingerprint, sentences) = Fingerprint(ParserSearch.Default);
        Assert.Equal(520, sentences);
        Assert.Equal(8534927325515493793UL, fingerprint);
    }

    [Fact]
    public void GreedySearch_ParsesTheTestSampleExactlyAsBeforeTheSpeedWork()
    {
        var (fingerprint, sentences) = Fingerprint(ParserSearch.Greedy);
        Assert.Equal(520, sentences);
        Assert.Equal(15176295611452650322UL, fingerprint);
    }
}
