using System.Diagnostics;
using System.Globalization;
using Entente.Nlp;
using Entente.Nlp.Documents;
using Entente.Nlp.Models;
using Entente.Nlp.Pipeline;

namespace Entente.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Entente.Benchmarks -- cpu [ROUNDS]</c>: tokens per second of
/// processor time (not wall time) for the tagger, parser and entity recognizer on one thread over
/// en_ewt-ud-test with gold tokenization, and the model load times. Processor time is what a core
/// delivers whatever else the machine runs, so this stays meaningful on a shared, loaded machine where
/// BenchmarkDotNet's wall-clock means mostly measure the other jobs. Prints the median of the rounds.
/// </summary>
internal static class CpuThroughput
{
    public static void Run(int rounds)
    {
        var data = DataDirectory.Default;
        var clock = Stopwatch.StartNew();
        var tagger = NlpModels.LoadTagger(data);
        var tagLoad = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var parser = NlpModels.LoadParser(data);
        var parseLoad = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var recognizer = NlpModels.LoadEntityRecognizer(data);
        var nerLoad = clock.Elapsed.TotalMilliseconds;
        var docs = BenchData.EwtTestDocuments();
        var tokens = docs.Sum(d => d.TokenCount);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load (wall ms): tagger {tagLoad:F0}, parser {parseLoad:F0}, entities {nerLoad:F0}; {tokens} tokens per round, {rounds} rounds"));
        foreach (var stage in new IPipelineStage[] { tagger, parser, parser.WithSearch(Entente.Nlp.Parsing.ParserSearch.Greedy), recognizer })
        {
            var rates = new List<double>();
            for (var r = 0; r < rounds; r++)
            {
                var before = Process.GetCurrentProcess().TotalProcessorTime;
                foreach (var d in docs)
                    stage.Process(d);
                var cpu = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds;
                rates.Add(tokens / Math.Max(cpu, 1e-6));
            }

            rates.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{stage.Name,-9} median {rates[rates.Count / 2],9:F0} tokens per CPU second (min {rates[0]:F0}, max {rates[^1]:F0})"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB"));
    }
}
