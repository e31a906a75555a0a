using Entente.Nlp.Learning;

namespace Entente.Nlp.Tagging;

/// <summary>
/// Replaces gold tags with predicted ones, so that models trained downstream of the tagger (parser,
/// entity recognizer) see tags as noisy as at run time. Training sentences are tagged by jackknifing:
/// each fold by a tagger trained on the other folds.
/// </summary>
public static class Jackknife
{
    /// <summary>Copies of <paramref name="sentences"/> with the tags of <paramref name="model"/>.</summary>
    public static List<AnnotatedSentence> Retag(TaggerModel model, IReadOnlyList<AnnotatedSentence> sentences)
    {
        var tagger = new SentenceTagger(model);
        var result = new List<AnnotatedSentence>(sentences.Count);
        foreach (var s in sentences)
            result.Add(WithTags(s, model, tagger.Tag(s.Forms)));
        return result;
    }

    /// <summary>Copies of <paramref name="train"/>, each fold of <paramref name="folds"/> tagged by a tagger trained on the rest.</summary>
    public static List<AnnotatedSentence> RetagByFolds(IReadOnlyList<AnnotatedSentence> train, int folds, int epochs, WordClusters? clusters = null, Action<int>? foldDone = null)
    {
        var result = new AnnotatedSentence[train.Count];
        for (var f = 0; f < folds; f++)
        {
            var rest = new List<AnnotatedSentence>();
            var held = new List<int>();
            for (var i = 0; i < train.Count; i++)
            {
                if (i % folds == f)
                    held.Add(i);
                else
                    rest.Add(train[i]);
            }

            var model = TaggerTrainer.Train(rest, [], epochs, clusters);
            var tagger = new SentenceTagger(model);
            foreach (var i in held)
                result[i] = WithTags(train[i], model, tagger.Tag(train[i].Forms));
            foldDone?.Invoke(f + 1);
        }

        return [.. result];
    }

    /// <summary>Copies of entity-annotated sentences with the UPOS tags of <paramref name="model"/>.</summary>
    public static List<Entities.NerSentence> Retag(TaggerModel model, IReadOnlyList<Entities.NerSentence> sentences)
    {
        var tagger = new SentenceTagger(model);
        var result = new List<Entities.NerSentence>(sentences.Count);
        foreach (var s in sentences)
        {
            var classes = tagger.Tag(s.Forms);
            var upos = new Documents.Upos[s.Length];
            for (var i = 0; i < upos.Length; i++)
                upos[i] = model.ClassUpos[classes[i]];
            result.Add(s.WithTags(upos));
        }

        return result;
    }

    /// <summary>
    /// Copies of entity-annotated sentences with UPOS tags as noisy as at run time. A sentence that is also
    /// in <paramref name="taggerTrain"/> (the tagger's own training data; UNER EWT is UD EWT) gets the tags
    /// of a fold tagger that did not see it, since the shipped tagger would tag it almost perfectly; the
    /// others get the tags of <paramref name="model"/>. <paramref name="matched"/> counts the first kind.
    /// </summary>
    public static List<Entities.NerSentence> Retag(
        TaggerModel model,
        IReadOnlyList<Entities.NerSentence> sentences,
        IReadOnlyList<AnnotatedSentence> taggerTrain,
        int folds,
        int epochs,
        out int matched,
        Action<int>? foldDone = null)
    {
        var heldOut = RetagByFolds(taggerTrain, folds, epochs, model.Clusters, foldDone);
        var byText = new Dictionary<string, Documents.Upos[]>(StringComparer.Ordinal);
        foreach (var s in heldOut)
            byText.TryAdd(string.Join('\u0001', s.Forms), s.Upos);
        var result = Retag(model, sentences);
        matched = 0;
        for (var i = 0; i < result.Count; i++)
        {
            if (byText.TryGetValue(string.Join('\u0001', result[i].Forms), out var upos))
            {
                result[i] = result[i].WithTags(upos);
                matched++;
            }
        }

        return result;
    }

    private static AnnotatedSentence WithTags(AnnotatedSentence s, TaggerModel model, ReadOnlySpan<int> classes)
    {
        var upos = new Documents.Upos[s.Length];
        var xpos = new ushort[s.Length];
        for (var i = 0; i < s.Length; i++)
        {
            upos[i] = model.ClassUpos[classes[i]];
            xpos[i] = model.ClassXpos[classes[i]];
        }

        return new AnnotatedSentence { Forms = s.Forms, Upos = upos, Xpos = xpos, Lemmas = s.Lemmas, Heads = s.Heads, Deprels = s.Deprels };
    }
}
