using System.Collections.Concurrent;
using Entente.Coding;
using Entente.Nlp.Documents;
using FsCheck;
using FsCheck.Fluent;
using static Entente.Tests.Coding.Actors.ActorTestData;

namespace Entente.Tests.Coding.Actors;

public sealed class ResolverRobustnessTests
{
    private static readonly string[] Vocabulary =
    [
        "the", "The", "his", "its", "they", "he", "it", "is", "two", "both", "countries", "Russian", "Chinese", "Foreign",
        "Minister", "president", "Putin", "Xi", "Beijing", "U.S.", "U.S", ".", ",", "'", "s", "'s", "-", "Beijing-Moscow",
        "of", "for", "a", "spokesperson", "Ministry", "Affairs", "Kremlin", "Asian", "giant", "Republican", "Ali",
        "Bagheri", "Iranian", "official", "\"", "(", ")", "é", "Erdoğan", "🙂", "in", "Tokyo", "as", "leader", "\uD83D", "a\uDE42b", "\u0000", "\u200B",
    ];

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property AnySequenceOfWords_GivesMentionsWithExactOffsetsAndValidReferences()
    {
        var words = Gen.Elements(Vocabulary).NonEmptyListOf().Select(l => l.ToArray());
        var sentences = words.NonEmptyListOf().Select(l => l.Select(ws => string.Join(" ", ws)).ToArray());
        return Prop.ForAll(sentences.ToArbitrary(), ss =>
        {
            var doc = FromWords(D("2025-07-16"), ss);
            var mentions = Resolve(doc);
            for (var i = 0; i < mentions.Count; i++)
            {
                var m = mentions[i];
                if (m.Text != doc.Text[m.Start..m.End] || m.StartToken >= m.EndToken || m.Start < doc.StartOf(m.StartToken) || m.End > doc.EndOf(m.EndToken - 1))
                    return false.Label($"offsets of '{m.Text}' in '{doc.Text}'");
                if (m.Antecedent < -1 || m.Antecedent >= mentions.Count || m.Members?.Any(k => k < 0 || k >= mentions.Count) == true)
                    return false.Label($"reference of '{m.Text}' in '{doc.Text}'");
                if (i > 0 && mentions[i - 1].StartToken > m.StartToken)
                    return false.Label($"order at '{m.Text}' in '{doc.Text}'");
            }

            return true.ToProperty();
        });
    }

    [Fact]
    public void EmojiAndLoneSurrogates_DoNotCrashTheResolver()
    {
        // Regression: "🙂" was split into two lone surrogates, and normalizing one threw.
        var mentions = Resolve(FromWords(D("2025-07-16"), "Putin 🙂 met Xi \uD83D .", "a\uDE42b Erdoğan spoke ."));
        Assert.Equal(["Putin", "Xi", "Erdoğan"], mentions.Select(m => m.Text));
    }

    [Fact]
    public void SharedAcrossThreads_GivesTheSameMentionsAsOneThread()
    {
        var texts = Enumerable.Range(0, 200).Select(i =>
            $"Xi Jinping met Russian Foreign Minister Sergei Lavrov in Beijing on day {i} . He said both countries would cooperate .").ToList();
        string Run(string t)
        {
            var doc = Segmented(t, D("2025-07-16"));
            return string.Join("|", Resolve(doc).Select(m => $"{m.Text}:{m.Code}:{m.Antecedent}"));
        }

        var sequential = texts.Select(Run).ToList();
        var parallel = new ConcurrentDictionary<int, string>();
        Parallel.For(0, texts.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = Run(texts[i]));
        for (var i = 0; i < texts.Count; i++)
            Assert.Equal(sequential[i], parallel[i]);
        Assert.Contains("He:CHNGOV", sequential[0], StringComparison.Ordinal);
    }

    [Fact]
    public void VeryLongSentence_IsResolvedWithoutTrouble()
    {
        var words = string.Join(" ", Enumerable.Repeat("Putin met Xi and he said both countries agree ,", 60));
        var mentions = Resolve(FromWords(D("2025-07-16"), words));
        Assert.Equal(60, mentions.Count(m => m.Text == "Putin"));
    }

    [Fact]
    public void TaggerErrors_DoNotLoseNamesOrTitles()
    {
        var doc = FromWords(D("2025-07-16"), "Keir Starmer spoke .", "The British prime minister set conditions .");
        // What a tagger got wrong on the seed-like sentence: "Keir" as PRON, "Starmer" as AUX, "set" as NOUN.
        doc.SetUpos(0, Upos.PRON);
        doc.SetUpos(1, Upos.AUX);
        for (var t = 4; t < 8; t++)
            doc.SetUpos(t, t is 5 or 6 ? Upos.ADJ : Upos.DET);
        doc.SetUpos(7, Upos.NOUN);
        doc.SetUpos(8, Upos.NOUN);
        var mentions = Resolve(doc);
        Assert.Equal("GBRGOV", Find(mentions, "Keir Starmer").Code);
        var pm = Find(mentions, "The British prime minister");
        Assert.Equal("Keir Starmer", mentions[pm.Antecedent].Text);
    }
}
