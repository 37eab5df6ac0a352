using Cisa.Crm.Benchmarks.Generation;
using Cisa.Crm.Benchmarks.Running;

namespace Cisa.Crm.Benchmarks;

/// <summary>
/// <c>generate</c> fills a benchmark database; <c>run</c> measures the workloads on it. See docs/benchmarks.md.
/// </summary>
public static class BenchmarkCommand
{
    private const string Usage = """
        Cisa CRM benchmarks

          generate --db db/bench.db [--scale 1.0] [--expired-share 0.1] [--seed 20261125] [--as-of yyyy-MM-dd] [--analyze true]
          run      --db db/bench.db [--only P-LIST,P-SEARCH,P-IMPORT,P-CIRCUITS,P-DSR,P-SWEEP,P-SWEEP-LIVE] [--iterations 200]
                   [--import-rows 100000] [--import-iterations 3] [--circuits 200] [--circuit-clicks 10] [--think-ms 1000] [--app-gc server]
                   [--sweep-batch 10000] [--sweep-users 10] [--sweep-think-ms 100] [--explain false]
        """;

    public static async Task<int> Main(string[] args)
    {
        try
        {
            var command = new CommandLine(args);
            switch (command.Verb)
            {
                case "generate":
                    var generate = new GeneratorOptions(
                        command.Text("db", "db/bench.db"),
                        command.Double("scale", 1.0),
                        command.Double("expired-share", 0.1),
                        command.Int("seed", GeneratorOptions.DefaultSeed),
                        command.Date("as-of"),
                        command.Text("analyze", "true") == "true");
                    command.EnsureAllUsed();
                    await BenchDataGenerator.GenerateAsync(generate, Console.Out);
                    return 0;
                case "run":
                    var run = RunOptions.From(command);
                    command.EnsureAllUsed();
                    var results = await BenchmarkSuite.RunAsync(run, Console.Out);
                    return results.Count > 0 ? 0 : 1;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (Exception e) when (e is ArgumentException or FormatException or FileNotFoundException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }
        catch (InvalidOperationException e)
        {
            // The generator out of date with the model, a broken foreign key, a missing browser: the message says which.
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }
}
