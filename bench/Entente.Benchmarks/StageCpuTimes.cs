using System.Diagnostics;
using System.Globalization;
using Entente.Coding;
using Entente.Nlp;
using Entente.Nlp.Documents;

namespace Entente.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Entente.Benchmarks -- stages [ROUNDS]</c>: processor time of each stage
/// of the full pipeline over the first 2,000 current-events items of 2024, one thread, as sentences per CPU second
/// (median of the rounds). Processor time, not wall time, so the split stays meaningful on a shared machine; it
/// shows which stage a speed-up must come from.
/// </summary>
internal static class StageCpuTimes
{
    private const int Items = 2_000;

    public static void Run(int rounds)
    {
        var pipeline = EntentePipeline.Create(DataDirectory.Default);
        var texts = BenchData.CurrentEvents(2024).Take(Items).ToList();
        var date = new DateOnly(2024, 6, 1);
        var stages = pipeline.Stages;
        var perStage = new List<double>[stages.Count];
        for (var i = 0; i < stages.Count; i++)
            perStage[i] = [];
        var totals = new List<double>();
        var sentences = 0;
        var docs = new Document[texts.Count];
        for (var r = 0; r < rounds; r++)
        {
            for (var d = 0; d < texts.Count; d++)
                docs[d] = new Document(texts[d], "bench", date);
            var total = 0.0;
            for (var i = 0; i < stages.Count; i++)
            {
                var before = Process.GetCurrentProcess().TotalProcessorTime;
                foreach (var doc in docs)
                    stages[i].Process(doc);
                var cpu = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds;
                perStage[i].Add(cpu);
                total += cpu;
            }

            totals.Add(total);
            sentences = 0;
            foreach (var doc in docs)
                sentences += doc.SentenceCount;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{texts.Count} items, {sentences} sentences, {rounds} rounds (median CPU seconds per round)"));
        for (var i = 0; i < stages.Count; i++)
        {
            var median = Median(perStage[i]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{stages[i].Name,-12} {median,7:F3} s  {sentences / Math.Max(median, 1e-6),10:F0} sentences/s"));
        }

        var all = Median(totals);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"total",-12} {all,7:F3} s  {sentences / all,10:F0} sentences/s"));
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
