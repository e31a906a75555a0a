using Entente.Nlp.Learning;
using Entente.Nlp.Parsing;
using Entente.Nlp.Tagging;

namespace Entente.Tests.Nlp.Models;

/// <summary>Tiny models trained on a few sentences: saving and loading must not change a single prediction.</summary>
public sealed class ModelRoundTripTests
{
    private static readonly Lazy<(List<AnnotatedSentence> Train, List<AnnotatedSentence> Test)> Data = new(() =>
    {
        var all = AnnotatedSentence.ReadFiles([TestPaths.SharedFile("data/treebanks/en_ewt-ud-dev.conllu.gz")]);
        return (all.Take(300).Where(s => s.HasTree).ToList(), all.Skip(300).Take(60).Where(s => s.HasTree).ToList());
    });

    private static T RoundTrip<T>(Action<Stream> save, Func<Stream, T> load)
    {
        using var ms = new MemoryStream();
        save(ms);
        using var read = new MemoryStream(ms.ToArray());
        return load(read);
    }

    [Fact]
    public void Tagger_SavedAndLoaded_PredictsTheSameTags()
    {
        var (train, test) = Data.Value;
        var model = TaggerTrainer.Train(train, [], epochs: 2);
        var loaded = RoundTrip(model.Save, TaggerModel.Load);
        var a = Jackknife.Retag(model, test);
        var b = Jackknife.Retag(loaded, test);
        Assert.Equal(a.SelectMany(s => s.Xpos), b.SelectMany(s => s.Xpos));
        Assert.Equal(a.SelectMany(s => s.Upos), b.SelectMany(s => s.Upos));
        // and it learned something: far better than chance on held-out sentences
        Assert.True(TaggerTrainer.Evaluate(loaded, test).Upos > 70);
    }

    [Fact]
    public void Parser_SavedAndLoaded_PredictsTheSameTrees()
    {
        var (train, test) = Data.Value;
        var model = ParserTrainer.Train(train, [], epochs: 2);
        var loaded = RoundTrip(model.Save, ParserModel.Load);
        var p1 = new SentenceParser(model);
        var p2 = new SentenceParser(loaded);
        foreach (var s in test)
        {
            ParserTrainer.Load(p1.Input, s, model.Clusters);
            ParserTrainer.Load(p2.Input, s, loaded.Clusters);
            p1.Parse();
            p2.Parse();
            Assert.Equal(p1.State.Head[..s.Length], p2.State.Head[..s.Length]);
            Assert.Equal(p1.State.Label[..s.Length], p2.State.Label[..s.Length]);
        }

        Assert.True(ParserTrainer.Evaluate(loaded, test).Uas > 50);
    }

    [Fact]
    public void Lemmatizer_SavedAndLoaded_GivesTheSameLemmas()
    {
        var (train, test) = Data.Value;
        var lemmatizer = LemmatizerTrainer.Train(train);
        var loaded = RoundTrip(lemmatizer.Save, Lemmatizer.Load);
        Assert.Equal(lemmatizer.ExceptionCount, loaded.ExceptionCount);
        foreach (var s in test)
        {
            for (var i = 0; i < s.Length; i++)
                Assert.Equal(lemmatizer.Lemmatize(s.Forms[i], s.Xpos[i], s.Upos[i]), loaded.Lemmatize(s.Forms[i], s.Xpos[i], s.Upos[i]));
        }
    }

    [Fact]
    public void ModelFile_OfAnotherKind_IsRejectedWithInvalidData()
    {
        var (train, _) = Data.Value;
        var model = TaggerTrainer.Train(train.Take(20).ToList(), [], epochs: 1);
        using var ms = new MemoryStream();
        model.Save(ms);
        Assert.Throws<InvalidDataException>(() => ParserModel.Load(new MemoryStream(ms.ToArray())));
        Assert.Throws<InvalidDataException>(() => TaggerModel.Load(new MemoryStream(ms.ToArray()[..(int)(ms.Length / 2)])));
        Assert.Throws<InvalidDataException>(() => TaggerModel.Load(new MemoryStream("not a model at all"u8.ToArray())));
    }
}
