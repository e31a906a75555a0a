using Entente.Nlp.Entities;
using Entente.Nlp.Learning;
using Entente.Nlp.Tagging;

namespace Entente.Tests.Nlp.Models;

/// <summary>Training sees tags and ambiguity classes as noisy as run time gives them.</summary>
public sealed class JackknifeTests
{
    [Fact]
    public void HeldOutAmbiguity_OfAWordSeenInOneFoldOnly_IsTheUnknownWordsAtomInThatFold()
    {
        var lexicon = new HeldOutAmbiguity(folds: 10);
        var word = FeatureHash.OfLowerChars("morcillas");
        lexicon.Add(word, fold: 3, xpos: 5);
        Assert.Equal(TaggerModel.AtomOfMask(0), lexicon.AtomFor(word, fold: 3));
        Assert.Equal(TaggerModel.AtomOfMask(1UL << 5), lexicon.AtomFor(word, fold: 4));
        Assert.NotEqual(lexicon.AtomFor(word, fold: 3), lexicon.AtomFor(word, fold: 4));
    }

    [Fact]
    public void HeldOutAmbiguity_JoinsTheTagsOfTheOtherFolds()
    {
        var lexicon = new HeldOutAmbiguity(folds: 3);
        var word = FeatureHash.OfLowerChars("that");
        lexicon.Add(word, 0, xpos: 1);
        lexicon.Add(word, 1, xpos: 2);
        lexicon.Add(word, 2, xpos: 3);
        Assert.Equal(TaggerModel.AtomOfMask((1UL << 2) | (1UL << 3)), lexicon.AtomFor(word, 0));
        Assert.Equal(TaggerModel.AtomOfMask((1UL << 1) | (1UL << 3)), lexicon.AtomFor(word, 1));
    }

    [Fact]
    public void RetagEntitySentences_FoundInTheTaggersTreebank_GetFoldTags_AndTheOthersTheModelsTags()
    {
        var treebank = AnnotatedSentence.ReadFiles([TestPaths.SharedFile("data/treebanks/en_ewt-ud-dev.conllu.gz")]).Take(200).ToList();
        var model = TaggerTrainer.Train(treebank, [], epochs: 1);
        var inTreebank = new NerSentence { Forms = treebank[7].Forms, Tags = [.. treebank[7].Forms.Select(_ => "O")] };
        var elsewhere = new NerSentence { Forms = ["Entente", "codes", "events", "."], Tags = ["B-ORG", "O", "O", "O"] };
        var tagged = Jackknife.Retag(model, [inTreebank, elsewhere], treebank, folds: 2, epochs: 1, out var matched);
        Assert.Equal(1, matched);
        var modelTags = Jackknife.Retag(model, [elsewhere]);
        Assert.Equal(modelTags[0].Upos, tagged[1].Upos);
        var foldTags = Jackknife.RetagByFolds(treebank, folds: 2, epochs: 1, model.Clusters);
        Assert.Equal(foldTags[7].Upos, tagged[0].Upos);
        Assert.Equal(inTreebank.Tags, tagged[0].Tags);
    }
}
