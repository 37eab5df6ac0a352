using System.Text.Json;

namespace Cisa.Crm.Benchmarks.Generation;

/// <summary>
/// What the generator made, written beside the database (<c>bench.db.manifest.json</c>) so the run
/// command knows the reference date, the assessments to import under, and the busy prospects.
/// Holds ids and counts, never names or contact details.
/// </summary>
public sealed record DatasetManifest
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public required int Seed { get; init; }

    public required double Scale { get; init; }

    public required double ExpiredShare { get; init; }

    /// <summary>The day the data is "today" for: retention dates and recent calls count back from it.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>Whether <c>ANALYZE</c> ran after the load (the app never runs it, so by default it did not).</summary>
    public required bool PlannerStatistics { get; init; }

    public required int ProspectingAssessmentId { get; init; }

    public required int RecruitmentAssessmentId { get; init; }

    /// <summary>The staff member whose prospects "mine only" lists (the demo sales user, so the browser sees the same).</summary>
    public required string SalesUserId { get; init; }

    public required IReadOnlyList<int> BusyProspectIds { get; init; }

    public required IReadOnlyDictionary<string, long> Rows { get; init; }

    /// <summary>Rows already past retention: prospects (RET-PROSPECT), companies and partner contacts (RET-PARTNER), applicants (RET-APP-CONTACT).</summary>
    public required IReadOnlyDictionary<string, long> Expired { get; init; }

    public required double LoadSeconds { get; init; }

    public required double IndexSeconds { get; init; }

    public static string PathFor(string databasePath) => databasePath + ".manifest.json";

    public void Save(string databasePath) => File.WriteAllText(PathFor(databasePath), JsonSerializer.Serialize(this, Json));

    public static DatasetManifest Load(string databasePath)
    {
        var path = PathFor(databasePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} not found: run the generate command first.", path);
        }

        return JsonSerializer.Deserialize<DatasetManifest>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"{path} is empty.");
    }
}
