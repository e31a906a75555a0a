using BenchmarkDotNet.Running;

namespace Entente.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "cpu")
        {
            CpuThroughput.Run(args.Length > 1 && int.TryParse(args[1], out var rounds) && rounds > 0 ? rounds : 9);
            return;
        }

        if (args.Length > 0 && args[0] == "parser-profile")
        {
            ParserProfile.Run(args.Length > 1 && int.TryParse(args[1], out var rounds) && rounds > 0 ? rounds : 5);
            return;
        }

        if (args.Length > 0 && args[0] == "stages")
        {
            StageCpuTimes.Run(args.Length > 1 && int.TryParse(args[1], out var stageRounds) && stageRounds > 0 ? stageRounds : 5);
            return;
        }

        if (args.Length > 0 && args[0] == "ingest")
        {
            IngestProfile.Run(
                args.Length > 1 && int.TryParse(args[1], out var rounds) && rounds > 0 ? rounds : 3,
                args.Length > 2 && int.TryParse(args[2], out var threads) && threads >= 0 ? threads : 0,
                args.Length > 3 ? args[3] : null);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
