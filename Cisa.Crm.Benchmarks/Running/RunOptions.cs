namespace Cisa.Crm.Benchmarks.Running;

/// <summary>The <c>run</c> command's options.</summary>
public sealed record RunOptions
{
    public required string DatabasePath { get; init; }

    /// <summary>Workload ids to run (P-LIST, P-SEARCH, P-IMPORT, P-CIRCUITS); empty runs them all.</summary>
    public IReadOnlyList<string> Only { get; init; } = [];

    /// <summary>Measured repetitions per case of the query workloads (after a short warm-up).</summary>
    public int Iterations { get; init; } = 200;

    /// <summary>Rows in the generated import file (P-IMPORT); 100,000 at full scale.</summary>
    public int? ImportRows { get; init; }

    public int ImportIterations { get; init; } = 3;

    /// <summary>Concurrent Blazor circuits for P-CIRCUITS.</summary>
    public int Circuits { get; init; } = 200;

    /// <summary>
    /// What drives P-CIRCUITS' circuits: "protocol", headless Blazor clients speaking the circuit protocol over SignalR
    /// (cheap, so the app has the cores), or "browser", headless Chromium pages (what a person runs, but 200 of them
    /// load 2 cores more than the app does).
    /// </summary>
    public string CircuitClient { get; init; } = "protocol";

    /// <summary>Page clicks each circuit makes on the prospect list.</summary>
    public int CircuitClicks { get; init; } = 10;

    /// <summary>Average pause between two clicks of one circuit (a person reading the page), jittered ±50%.</summary>
    public int ThinkMilliseconds { get; init; } = 1000;

    /// <summary>
    /// The web app's garbage collector for P-CIRCUITS: "server" as it ships, or "workstation", whose heap follows
    /// the live data more closely, so the working set per circuit is less about garbage not yet collected.
    /// </summary>
    public string AppGc { get; init; } = "server";

    /// <summary>Print the SQL and SQLite's query plan of every P-LIST case (to find why a case is slow).</summary>
    public bool Explain { get; init; }

    /// <summary>P-SWEEP: people per sweep transaction (the app's <c>Crm:Retention:SweepBatchSize</c>).</summary>
    public int SweepBatchSize { get; init; } = new Cisa.Crm.Core.Privacy.Retention.RetentionOptions().SweepBatchSize;

    /// <summary>P-SWEEP-LIVE: sales users logging calls while the sweep runs.</summary>
    public int SweepUsers { get; init; } = 10;

    /// <summary>P-SWEEP-LIVE: average pause between two saves of one user, jittered ±50%.</summary>
    public int SweepThinkMilliseconds { get; init; } = 100;

    public bool Wants(string workloadId) => Only.Count == 0 || Only.Contains(workloadId, StringComparer.OrdinalIgnoreCase);

    internal static RunOptions From(CommandLine command) => new()
    {
        DatabasePath = command.Text("db", "db/bench.db"),
        Only = command.List("only"),
        Iterations = Positive(command.Int("iterations", 200), "iterations"),
        ImportRows = command.Int("import-rows", 0) is > 0 and var rows ? rows : null,
        ImportIterations = Positive(command.Int("import-iterations", 3), "import-iterations"),
        SweepBatchSize = Positive(command.Int("sweep-batch", new Cisa.Crm.Core.Privacy.Retention.RetentionOptions().SweepBatchSize), "sweep-batch"),
        SweepUsers = Positive(command.Int("sweep-users", 10), "sweep-users"),
        SweepThinkMilliseconds = Positive(command.Int("sweep-think-ms", 100), "sweep-think-ms"),
        Circuits = Positive(command.Int("circuits", 200), "circuits"),
        CircuitClient = OneOf(command.Text("circuit-client", "protocol"), "circuit-client", "protocol", "browser"),
        CircuitClicks = Positive(command.Int("circuit-clicks", 10), "circuit-clicks"),
        ThinkMilliseconds = Math.Max(0, command.Int("think-ms", 1000)),
        Explain = command.Text("explain", "false") == "true",
        AppGc = OneOf(command.Text("app-gc", "server"), "app-gc", "server", "workstation"),
    };

    private static string OneOf(string value, string name, params string[] allowed) =>
        allowed.Contains(value, StringComparer.Ordinal) ? value : throw new ArgumentException($"--{name} is one of: {string.Join(", ", allowed)}.");

    private static int Positive(int value, string name) => value > 0 ? value : throw new ArgumentException($"--{name} must be at least 1.");
}
