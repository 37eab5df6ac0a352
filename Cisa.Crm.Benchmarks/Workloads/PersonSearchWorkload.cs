using Bogus;
using Cisa.Crm.Benchmarks.Running;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Demo;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Privacy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cisa.Crm.Benchmarks.Workloads;

/// <summary>
/// P-SEARCH: finding a person among every prospect, partner contact and applicant by name, name prefix,
/// e-mail or phone through the indexed, normalised columns, against <c>LIKE '%term%'</c> scans of the same
/// tables. Goal: p95 under 20 ms and at least 100 times faster than the scan.
/// </summary>
public sealed class PersonSearchWorkload : IWorkload
{
    private const double GoalMilliseconds = 20;
    private const double GoalSpeedUp = 100;

    public string Id => "P-SEARCH";

    /// <summary>A person drawn from the data and the term someone would type to find them.</summary>
    public sealed record Probe(PersonCategory Category, int Id, string Term, string[] LikePatterns);

    /// <summary>
    /// The app bar's person search (<see cref="PersonSearchService"/>: a name, a name prefix, an e-mail or a phone in one
    /// box), as the privacy officer, who may see every category. The subject-request search (the same service's FindAsync,
    /// separate fields, surnames matched exactly) is measured in P-DSR.
    /// </summary>
    public static async Task<PersonSearchResult> SearchTheAppWayAsync(IServiceProvider services, string term, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PersonSearchService>().SearchAsync(term, cancellationToken);
    }

    /// <summary>
    /// The search shows the first <see cref="PersonSearchService.Limit"/> people in name order and says when there are
    /// more (the user then types more). So a probe counts as found when its person is listed, or when the list is full,
    /// says so, and every name in it starts with the term (the person is further down the same order).
    /// </summary>
    public static bool Finds(PersonSearchResult result, Probe probe)
    {
        if (result.Hits.Any(h => h.Person == new PersonRef(probe.Category, probe.Id)))
        {
            return true;
        }

        var key = ContactNormaliser.SearchKey(probe.Term);
        return result.HasMore && result.Hits.Count == PersonSearchService.Limit && result.Hits.All(h =>
            ContactNormaliser.SearchKey(h.LastName).StartsWith(key, StringComparison.Ordinal) || ContactNormaliser.SearchKey(h.FirstName).StartsWith(key, StringComparison.Ordinal));
    }

    public async Task<WorkloadResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        await using var services = BenchServices.Create(context.DatabasePath, DemoStaff.ToActor(DemoStaff.Privacy));
        var people = await PeopleAsync(context.ConnectionString);
        var totalPeople = people.Values.Sum();
        var probes = await ProbesAsync(context.ConnectionString, 20);
        var baselineIterations = Math.Max(3, context.Options.Iterations / 4);
        var cases = new List<CaseResult>();
        foreach (var (kind, kindProbes) in probes)
        {
            var missed = 0;
            foreach (var probe in kindProbes)
            {
                var found = await SearchTheAppWayAsync(services, probe.Term, cancellationToken);
                var scanned = await ScanAsync(context.ConnectionString, kind, probe);
                missed += Finds(found, probe) ? 0 : 1;
                missed += scanned.Contains((probe.Category, probe.Id)) ? 0 : 1;
            }

            var (app, scan) = await Timing.InTurnsAsync(kindProbes, context.Options.Iterations, baselineIterations,
                probe => SearchTheAppWayAsync(services, probe.Term, cancellationToken),
                probe => ScanAsync(context.ConnectionString, kind, probe));
            var appSummary = Summary.Of(app, "ms");
            var scanSummary = Summary.Of(scan, "ms");
            var speedUp = scanSummary.Median / appSummary.Median;
            cases.Add(new CaseResult(kind, appSummary, scanSummary, $"{ResultTable.Factor(speedUp)}× faster", $"p95 < {GoalMilliseconds:F0} ms, ≥ {GoalSpeedUp:F0}× the scan",
                appSummary.P95 < GoalMilliseconds && speedUp >= GoalSpeedUp && missed == 0,
                missed == 0 ? null : $"{missed} searches did not find the person they were drawn from",
                new Dictionary<string, long>(StringComparer.Ordinal) { ["people not found"] = missed, ["terms"] = kindProbes.Count }));
            context.Log.WriteLine($"  {kind}: {ResultTable.Number(appSummary.Median)} ms vs scan {ResultTable.Number(scanSummary.Median)} ms");
        }

        return new WorkloadResult(Id, $"person search among {totalPeople:N0} people ({string.Join(", ", people.Select(p => $"{p.Value:N0} {p.Key}"))})",
            "PersonSearchService (the app bar's search; one EF Core query: a UNION ALL of limited index walks on name keys, e-mail, E.164 phone)",
            "LIKE '%term%' over names, e-mail addresses and phone numbers of the same tables (raw SQL, one UNION ALL)",
            cases, ["comparison = median of the scan / median of the indexed search; each search must also find the person it was drawn from"]);
    }

    /// <summary>The baseline: what a search box without normalised, indexed keys does.</summary>
    public static async Task<HashSet<(PersonCategory, int)>> ScanAsync(string connectionString, string kind, Probe probe)
    {
        var (prospects, contacts, applicants) = kind switch
        {
            FullName => ("(FirstName LIKE $a AND LastName LIKE $b) OR (LastName LIKE $a AND FirstName LIKE $b)",
                "(FirstName LIKE $a AND LastName LIKE $b) OR (LastName LIKE $a AND FirstName LIKE $b)",
                "(FirstName LIKE $a AND LastName LIKE $b) OR (LastName LIKE $a AND FirstName LIKE $b)"),
            NamePrefix => ("FirstName LIKE $a OR LastName LIKE $a", "FirstName LIKE $a OR LastName LIKE $a", "FirstName LIKE $a OR LastName LIKE $a"),
            Email => ("Email LIKE $a", "Id IN (SELECT PartnerContactId FROM PartnerContactEmails WHERE Address LIKE $a)", "Email LIKE $a"),
            _ => ("Phone LIKE $a OR Mobile LIKE $a", "Id IN (SELECT PartnerContactId FROM PartnerContactPhones WHERE Number LIKE $a)", "Phone LIKE $a"),
        };
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT 0, Id, FirstName, LastName FROM Prospects WHERE {prospects}
            UNION ALL SELECT 1, Id, FirstName, LastName FROM PartnerContacts WHERE {contacts}
            UNION ALL SELECT 2, Id, FirstName, LastName FROM Applicants WHERE {applicants}
            """;
        command.Parameters.AddWithValue("$a", probe.LikePatterns[0]);
        command.Parameters.AddWithValue("$b", probe.LikePatterns.Length > 1 ? probe.LikePatterns[1] : "");
        await using var reader = await command.ExecuteReaderAsync();
        var found = new HashSet<(PersonCategory, int)>();
        while (await reader.ReadAsync())
        {
            _ = reader.GetString(2) + reader.GetString(3);
            found.Add(((PersonCategory)reader.GetInt32(0), reader.GetInt32(1)));
        }

        return found;
    }

    private const string FullName = "full name";
    private const string NamePrefix = "last-name prefix (all but 2 letters)";
    private const string Email = "e-mail";
    private const string Phone = "phone (as typed)";

    /// <summary>People drawn with a fixed seed from every category, in proportion to its size, turned into the four kinds of term.</summary>
    public static async Task<List<(string Kind, List<Probe> Probes)>> ProbesAsync(string connectionString, int perKind, int seed = 9)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var tables = new (PersonCategory Category, string Sql)[]
        {
            (PersonCategory.Prospect, "SELECT Id, FirstName, LastName, Email, COALESCE(Phone, Mobile) FROM Prospects WHERE Id = $id"),
            (PersonCategory.PartnerContact, """
                SELECT c.Id, c.FirstName, c.LastName,
                    (SELECT Address FROM PartnerContactEmails WHERE PartnerContactId = c.Id ORDER BY Id LIMIT 1),
                    (SELECT Number FROM PartnerContactPhones WHERE PartnerContactId = c.Id AND Kind = 'Mobile' ORDER BY Id LIMIT 1)
                FROM PartnerContacts c WHERE c.Id = $id
                """),
            (PersonCategory.Applicant, "SELECT Id, FirstName, LastName, Email, Phone FROM Applicants WHERE Id = $id"),
        };
        var sizes = new List<int>();
        foreach (var table in new[] { "Prospects", "PartnerContacts", "Applicants" })
        {
            await using var max = connection.CreateCommand();
            max.CommandText = $"SELECT COALESCE(MAX(Id), 0) FROM {table}";
            sizes.Add(Convert.ToInt32(await max.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        }

        var random = new Randomizer(seed);
        var kinds = new[] { FullName, NamePrefix, Email, Phone }.ToDictionary(k => k, _ => new List<Probe>());
        for (var attempt = 0; kinds.Values.Any(p => p.Count < perKind) && attempt < perKind * 100; attempt++)
        {
            var pick = random.Int(1, sizes.Sum());
            var t = pick <= sizes[0] ? 0 : pick <= sizes[0] + sizes[1] ? 1 : 2;
            await using var command = connection.CreateCommand();
            command.CommandText = tables[t].Sql;
            command.Parameters.AddWithValue("$id", random.Int(1, sizes[t]));
            await using var reader = await command.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                continue;
            }

            var (category, id, first, last) = (tables[t].Category, reader.GetInt32(0), reader.GetString(1), reader.GetString(2));
            var email = reader.IsDBNull(3) ? null : reader.GetString(3);
            var phone = reader.IsDBNull(4) ? null : reader.GetString(4);
            void Add(string kind, string term, params string[] patterns)
            {
                if (kinds[kind].Count < perKind)
                {
                    kinds[kind].Add(new Probe(category, id, term, patterns));
                }
            }

            var space = first.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0)
            {
                Add(FullName, $"{first} {last}", $"%{first}%", $"%{last}%");
            }

            var prefix = last.Length > 5 ? last[..^2] : last;
            Add(NamePrefix, prefix, $"%{prefix}%");
            if (email is not null)
            {
                Add(Email, email, $"%{email}%");
            }

            if (phone is not null)
            {
                Add(Phone, ContactNormaliser.DisplayPhone(phone), $"%{phone}%");
            }
        }

        return kinds.Select(k => (k.Key, k.Value)).Where(k => k.Value.Count > 0).ToList();
    }

    private static async Task<Dictionary<string, int>> PeopleAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (table, label) in new[] { ("Prospects", "prospects"), ("PartnerContacts", "partner contacts"), ("Applicants", "applicants") })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {table}";
            counts[label] = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }
}
