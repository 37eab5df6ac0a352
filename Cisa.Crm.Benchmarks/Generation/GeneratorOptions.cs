namespace Cisa.Crm.Benchmarks.Generation;

/// <summary>
/// What to generate. <see cref="Scale"/> 1.0 is ten times the firm's real volume: 20,000 companies,
/// 100,000 prospects, 1,000,000 calls, 50,000 partner contacts and 20,000 applicants.
/// <see cref="Analyze"/> gives SQLite planner statistics the way the app does on every start (<c>PRAGMA optimize</c>);
/// on by default so the figures are the app's; off to measure a database without them.
/// </summary>
public sealed record GeneratorOptions(string DatabasePath, double Scale = 1.0, double ExpiredShare = 0.1, int Seed = GeneratorOptions.DefaultSeed, DateOnly? AsOf = null,
    bool Analyze = true)
{
    public const int DefaultSeed = 20261125;

    public int Companies => Count(20_000);

    public int Prospects => Count(100_000);

    public int Calls => Count(1_000_000);

    public int PartnerContacts => Count(50_000);

    public int Applicants => Count(20_000);

    public int Vacancies => Math.Max(3, Count(600));

    public int SuppressionEntries => Math.Max(10, Count(1_000));

    /// <summary>Prospects with 1,000 calls each (fewer at small scale), for the erasure of one busy person (P-DSR).</summary>
    public int BusyProspects => Math.Max(1, Count(5));

    public int CallsPerBusyProspect => Math.Min(1_000, Calls / 10);

    public int Count(int atFullScale) => Math.Max(1, (int)Math.Round(atFullScale * Scale, MidpointRounding.AwayFromZero));

    /// <summary>How many of <paramref name="total"/> are generated already past their retention date.</summary>
    public int Expired(int total) => (int)Math.Round(total * ExpiredShare, MidpointRounding.AwayFromZero);

    public void Validate()
    {
        if (Scale is <= 0 or > 10)
        {
            throw new ArgumentException("--scale must be above 0 and at most 10.");
        }

        if (ExpiredShare is < 0 or > 1)
        {
            throw new ArgumentException("--expired-share must be between 0 and 1.");
        }
    }
}
