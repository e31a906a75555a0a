using Entente.Nlp.Documents;
using Entente.Nlp.Entities;
using Entente.Nlp.Learning;
using FsCheck;
using FsCheck.Fluent;

namespace Entente.Tests.Nlp.Models;

public sealed class NerTests
{
    [Fact]
    public void Read_Iob1WithMisc_BecomesIob2OverPerOrgLoc()
    {
        const string wikigold = "The I-ORG\nMad I-ORG\nCapsule I-ORG\nof O\nJapanese I-MISC\nfame O\nin O\nTokyo I-LOC\nKyoto B-LOC\n\n";
        var s = Assert.Single(NerTags.Read(new StringReader(wikigold), "test"));
        Assert.Equal(["B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "B-LOC", "B-LOC"], s.Tags);
        Assert.Equal([(0, 3, EntityType.ORG), (7, 8, EntityType.LOC), (8, 9, EntityType.LOC)], s.Mentions());
    }

    [Fact]
    public void Read_UnerColumnsAndABadTag_SkipsOnlyThatSentenceWithADiagnostic()
    {
        const string uner = "# text = Obama spoke\n1\tObama\tB-PER\t-\n2\tspoke\tO\n\n1\tBad\tX-FOO\n\n1\tParis\tB-LOC\n\n";
        var diags = new List<Diagnostic>();
        var sentences = NerTags.Read(new StringReader(uner), "uner", diags);
        Assert.Equal(2, sentences.Count);
        Assert.Equal(5, Assert.Single(diags).Line);
    }

    [Fact]
    public void Gazetteer_MarksTheLongestMatch_WithItsStart()
    {
        var gazetteer = Gazetteer.Build(TestPaths.SharedFile("data/gazetteer/countries.json"), null);
        string[] words = ["the", "United", "States", "and", "France", "and", "Europe"];
        var hashes = words.Select(w => FeatureHash.OfLowerChars(w)).ToArray();
        var marks = new GazetteerKind[words.Length];
        gazetteer.Mark(hashes, marks);
        Assert.Equal(GazetteerKind.None, marks[0]);
        Assert.Equal(GazetteerKind.Country | GazetteerKind.Start, marks[1]);
        Assert.Equal(GazetteerKind.Country, marks[2]);
        Assert.Equal(GazetteerKind.Country | GazetteerKind.Start, marks[4]);
        Assert.True(marks[6].HasFlag(GazetteerKind.Region));
    }

    private static readonly Lazy<NerModel> TinyModel = new(() =>
    {
        var train = NerTags.ReadFile(TestPaths.SharedFile("data/ner/uner-ewt-dev.iob2.gz")).Take(400).ToList();
        return NerTrainer.Train(train, [], 2, WordClusters.Empty, Gazetteer.Empty);
    });

    [Fact]
    public void Recognizer_OnAnyWords_WritesWellFormedIob2()
    {
        var recognizer = new EntityRecognizer(TinyModel.Value);
        string[] vocabulary = ["Obama", "met", "the", "President", "of", "France", "in", "Paris", "United", "Nations", "said", ",", "New", "York", "Times", "and", "Mr.", "Putin", "Kremlin", "."];
        var property = Prop.ForAll(
            Gen.ArrayOf(Gen.Elements(vocabulary)).Where(a => a.Length > 0).ToArbitrary(),
            words =>
            {
                var doc = new Document(string.Join(' ', words));
                var pos = 0;
                foreach (var w in words)
                {
                    doc.AddToken(pos, pos + w.Length, TokenFlags.SpaceAfter);
                    pos += w.Length + 1;
                }

                doc.AddSentence(0, words.Length);
                recognizer.Process(doc);
                for (var t = 0; t < doc.TokenCount; t++)
                {
                    var (iob, type) = doc.EntityOf(t);
                    Assert.Equal(iob == Iob.O, type == EntityType.None);
                    if (iob == Iob.I)
                    {
                        Assert.True(t > 0);
                        var (prevIob, prevType) = doc.EntityOf(t - 1);
                        Assert.NotEqual(Iob.O, prevIob);
                        Assert.Equal(type, prevType);
                    }
                }
            });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property);
    }

    [Fact]
    public void NerModel_SavedAndLoaded_TagsTheSame()
    {
        var model = TinyModel.Value;
        using var ms = new MemoryStream();
        model.Save(ms);
        var loaded = NerModel.Load(new MemoryStream(ms.ToArray()));
        var test = NerTags.ReadFile(TestPaths.SharedFile("data/ner/uner-ewt-dev.iob2.gz")).Skip(400).Take(100).ToList();
        Assert.Equal(NerTrainer.Evaluate(model, test).All, NerTrainer.Evaluate(loaded, test).All);
    }


    [Fact]
    public void Gazetteer_PetrarchPeople_MarkGivenNamesAndSurnamesAlone()
    {
        var path = Path.Combine(Path.GetTempPath(), $"entente-actors-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "ASHRAF_GHANI_ [AFGGOV 140929-220815]\n");
        try
        {
            var entries = new Dictionary<ulong, GazetteerKind>();
            Gazetteer.AddPetrarchActors(entries, path);
            var gazetteer = new Gazetteer(entries);
            var marks = new GazetteerKind[3];
            gazetteer.Mark([FeatureHash.OfLowerChars("Ashraf"), FeatureHash.OfLowerChars("met"), FeatureHash.OfLowerChars("Ghani")], marks);
            Assert.Equal(GazetteerKind.GivenName | GazetteerKind.Start, marks[0]);
            Assert.Equal(GazetteerKind.None, marks[1]);
            Assert.Equal(GazetteerKind.Surname | GazetteerKind.Start, marks[2]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Gazetteer_WrittenAndRead_KeepsSixteenBitKinds()
    {
        var key = Gazetteer.SequenceKey([FeatureHash.OfLowerChars("ashraf")]);
        var gazetteer = new Gazetteer(new Dictionary<ulong, GazetteerKind> { [key] = GazetteerKind.GivenName | GazetteerKind.Country });
        using var ms = new MemoryStream();
        using (var w = ModelFile.Create(ms, "test"))
            gazetteer.Write(w);
        using var r = ModelFile.Open(new MemoryStream(ms.ToArray()), "test");
        var marks = new GazetteerKind[1];
        Gazetteer.Read(r).Mark([FeatureHash.OfLowerChars("Ashraf")], marks);
        Assert.Equal(GazetteerKind.GivenName | GazetteerKind.Country | GazetteerKind.Start, marks[0]);
    }




    [Theory]
    [InlineData("i live in baguio with my sister now", "we went to lourdes for a day or two")]
    [InlineData("I LIVE IN BAGUIO WITH MY SISTER", "WE WENT TO LOURDES FOR A DAY")]
    [InlineData("Obama Meets Putin In Geneva Talks", "Senate Passes Budget After Long Debate")]
    [InlineData("I met Obama in Geneva last year", "She flew to Paris with Ms. Smith")]
    public void SentenceCasing_SameRegime_SameAtom_AndEachRegimeHasItsOwn(string sentence, string sameRegime)
    {
        string[] regimes = ["i live in baguio with my sister now", "I LIVE IN BAGUIO WITH MY SISTER", "Obama Meets Putin In Geneva Talks", "I met Obama in Geneva last year"];
        var atom = CasingOf(sentence);
        Assert.Equal(atom, CasingOf(sameRegime));
        Assert.Single(regimes, r => CasingOf(r) == atom);
    }

    private static ulong CasingOf(string sentence)
    {
        var words = sentence.Split(' ');
        var input = new NerInput();
        input.Reset(words.Length);
        for (var i = 0; i < words.Length; i++)
            input.SetWord(i, words[i], Upos.None, WordClusters.Empty);
        input.MeasureCasing();
        return input.Casing;
    }
}
