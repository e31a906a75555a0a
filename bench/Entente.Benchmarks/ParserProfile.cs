using System.Diagnostics;
using System.Globalization;
using Entente.Nlp;
using Entente.Nlp.Documents;
using Entente.Nlp.Models;
using Entente.Nlp.Parsing;

namespace Entente.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Entente.Benchmarks -- parser-profile [ROUNDS]</c>: where the
/// parser's time goes on en_ewt-ud-test (tagged by the tagger): how many configurations the default search
/// scores and reuses per token; how the features the greedy run looks up split by row layout (unseen,
/// sparse rows by length, dense rows); one configuration scored over and over (the lookup and additions
/// with everything in cache); and the processor time per configuration of feature extraction alone and of
/// extraction plus weight lookup and scoring over the greedy run (medians of the rounds).
/// </summary>
internal static class ParserProfile
{
    public static void Run(int rounds)
    {
        var data = DataDirectory.Default;
        var tagger = NlpModels.LoadTagger(data);
        var model = NlpModels.LoadParser(data).Model;
        var docs = BenchData.EwtTestDocuments();
        foreach (var d in docs)
            tagger.Process(d);
        var tokens = docs.Sum(d => d.TokenCount);

        var search = new SentenceParser(model);
        long scored = 0, reused = 0;
        foreach (var d in docs)
        {
            foreach (var s in d.Sentences)
            {
                search.Load(d, s.FirstToken, s.TokenCount);
                search.Parse();
                scored += search.ScoredSteps;
                reused += search.ReusedSteps;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{tokens} tokens: default search scores {(double)scored / tokens:F2} configurations per token and reuses {(double)reused / tokens:F2}"));

        var greedy = new SentenceParser(model, ParserSearch.Greedy);
        var features = new ulong[ParserFeatures.MaxFeatures];
        var scores = new float[model.Weights.Classes];
        var rowLengths = new long[6];
        var weightsAdded = 0L;
        foreach (var d in docs)
        {
            foreach (var s in d.Sentences)
            {
                greedy.Load(d, s.FirstToken, s.TokenCount);
                greedy.State.Reset(s.TokenCount, ParserModel.RootLabel);
                while (!greedy.State.IsTerminal)
                {
                    var f = features;
                    var sc = scores;
                    var n = ParserFeatures.Extract(greedy.Input, greedy.State, f);
                    for (var j = 0; j < n; j++)
                    {
                        var length = model.Weights.RowLength(f[j]);
                        rowLengths[length < 0 ? 5 : Math.Min(length, 4)]++;
                        weightsAdded += Math.Max(length, 0);
                    }

                    Array.Clear(sc);
                    model.Weights.AddScores(f.AsSpan(0, n), sc);
                    greedy.State.Apply(SentenceParser.BestLegal(greedy.State, sc, ParserModel.LabelCount), ParserModel.LabelCount);
                }
            }
        }

        var looked = rowLengths.Sum();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sparse weights added per configuration: {(double)weightsAdded * ParserFeatures.MaxFeatures / looked:F0}"));
        {
            // one configuration's features scored again and again: the lookup and adds with the rows in cache
            var sentences = docs[0].Sentences.GetEnumerator();
            sentences.MoveNext();
            var first = sentences.Current;
            greedy.Load(docs[0], first.FirstToken, first.TokenCount);
            greedy.State.Reset(first.TokenCount, ParserModel.RootLabel);
            greedy.State.Apply(0, ParserModel.LabelCount);
            greedy.State.Apply(0, ParserModel.LabelCount);
            var f = features;
            var sc = scores;
            var n = ParserFeatures.Extract(greedy.Input, greedy.State, f);
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < 200_000; i++)
            {
                Array.Clear(sc);
                model.Weights.AddScores(f.AsSpan(0, n), sc);
            }

            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"in cache: {cpu * 1e9 / 200_000:F0} ns per configuration"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"features looked up by the greedy run: {100.0 * rowLengths[0] / looked:F1}% unseen, sparse rows of 1, 2, 3, 4+ weights {100.0 * rowLengths[1] / looked:F1}%, {100.0 * rowLengths[2] / looked:F1}%, {100.0 * rowLengths[3] / looked:F1}%, {100.0 * rowLengths[4] / looked:F1}%, dense rows {100.0 * rowLengths[5] / looked:F1}%"));

        var extractOnly = new List<double>();
        var extractAndScore = new List<double>();
        var configurations = 0L;
        for (var r = 0; r < rounds; r++)
        {
            foreach (var withScores in new[] { false, true })
            {
                var before = Process.GetCurrentProcess().TotalProcessorTime;
                configurations = 0;
                foreach (var d in docs)
                {
                    foreach (var s in d.Sentences)
                    {
                        greedy.Load(d, s.FirstToken, s.TokenCount);
                        var state = greedy.State;
                        state.Reset(s.TokenCount, ParserModel.RootLabel);
                        while (!state.IsTerminal)
                        {
                            var n = ParserFeatures.Extract(greedy.Input, state, features);
                            configurations++;
                            Array.Clear(scores);
                            if (withScores)
                                model.Weights.AddScores(features.AsSpan(0, n), scores);
                            else
                                scores[(int)(features[n - 1] % (ulong)scores.Length)] = 1; // keeps the extraction live
                            var best = SentenceParser.BestLegal(state, scores, ParserModel.LabelCount);
                            state.Apply(best, ParserModel.LabelCount);
                        }
                    }
                }

                var cpu = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds;
                (withScores ? extractAndScore : extractOnly).Add(cpu * 1e9 / configurations);
            }
        }

        extractOnly.Sort();
        extractAndScore.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{configurations} configurations per pass; median ns per configuration: extraction {extractOnly[rounds / 2]:F0}, extraction + lookup and scoring {extractAndScore[rounds / 2]:F0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"model: {model.Weights.FeatureCount} features, {model.WeightCount} weights, {model.Weights.MemoryBytes / (1024 * 1024)} MB in memory"));
    }
}
