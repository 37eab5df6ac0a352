using Cisa.Crm.Benchmarks.Running;
using Cisa.Crm.Core.People;
using Cisa.Crm.Demo;
using Cisa.Crm.Core.Privacy;
using Cisa.Crm.Core.Privacy.Requests;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Cisa.Crm.Benchmarks.Workloads;

/// <summary>
/// P-DSR: a subject request through the core as the privacy officer works it — the search across every category
/// (RequestRecordsService.SearchAsync over prospects, partner contacts and applicants) for a busy prospect with
/// 1,000 calls, then confirming the match, deciding to erase, and carrying it out (the shared eraser anonymises the
/// 1,000 calls). Timed from the search to the committed erasure; the baseline does the same search and erasure as
/// raw SQL. Goal: p95 under 200 ms.
/// </summary>
public sealed class SubjectRequestWorkload : IWorkload
{
    private const double GoalMilliseconds = 200;

    public string Id => "P-DSR";

    public async Task<WorkloadResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        using var scratch = context.ScratchCopy("dsr");
        await using var services = BenchServices.Create(scratch.Path, DemoStaff.ToActor(DemoStaff.Privacy));
        var busy = await MoreBusyProspectsAsync(BenchServices.ConnectionString(scratch.Path), context.Manifest.BusyProspectIds, ExtraBusy);
        var people = await PeopleAsync(BenchServices.ConnectionString(scratch.Path), busy);
        var app = new List<double>();
        var raw = new List<double>();
        var callsAnonymised = 0L;

        // Searches alone, over every busy person, many times (they change nothing).
        var searches = new List<double>();
        await using (var scope = services.CreateAsyncScope())
        {
            var requests = scope.ServiceProvider.GetRequiredService<SubjectRequestService>();
            var records = scope.ServiceProvider.GetRequiredService<RequestRecordsService>();
            var warm = await NewVerifiedRequestAsync(requests, people[0], cancellationToken);
            for (var i = 0; i < Math.Max(20, context.Options.Iterations); i++)
            {
                var person = people[i % people.Count];
                searches.Add(await Timing.MillisecondsAsync(() => records.SearchAsync(warm, Query(person), cancellationToken)));
            }
        }

        // Search + erasure, once per busy person (an erasure uses its person up): alternately the app's way and raw SQL.
        for (var i = 0; i < people.Count; i++)
        {
            var person = people[i];
            if (i % 2 == 1)
            {
                raw.Add(await Timing.MillisecondsAsync(() => RawSearchAndEraseAsync(BenchServices.ConnectionString(scratch.Path), person)));
                continue;
            }

            await using var scope = services.CreateAsyncScope();
            var requests = scope.ServiceProvider.GetRequiredService<SubjectRequestService>();
            var records = scope.ServiceProvider.GetRequiredService<RequestRecordsService>();
            var id = await NewVerifiedRequestAsync(requests, person, cancellationToken);
            app.Add(await Timing.MillisecondsAsync(async () =>
            {
                var found = await records.SearchAsync(id, Query(person), cancellationToken);
                var match = found.Single(f => f.Found.Person == new PersonRef(Cisa.Crm.Core.Privacy.PersonCategory.Prospect, person.Id)).Found;
                await records.ConfirmMatchAsync(id, match.Person, cancellationToken);
                await records.DecideAsync(id, new DecisionInput { Person = match.Person, Action = DecisionAction.Erase }, cancellationToken);
                var version = (await requests.GetAsync(id, cancellationToken)).Request.ConcurrencyStamp;
                await records.ExecuteAsync(id, version, cancellationToken);
                callsAnonymised += match.Calls;
            }));
        }

        var searchSummary = Summary.Of(searches, "ms");
        var appSummary = Summary.Of(app, "ms");
        var rawSummary = raw.Count > 0 ? Summary.Of(raw, "ms") : null;
        return new WorkloadResult(Id, $"subject request for a prospect with {callsAnonymised / Math.Max(app.Count, 1):N0} calls, among every person of the database",
            "RequestRecordsService: SearchAsync (PersonSearchService.FindAsync over all categories), ConfirmMatchAsync, DecideAsync, ExecuteAsync (PersonEraser, audited)",
            "the same indexed search and erasure as raw SQL statements, unaudited",
            [
                new("search across every category", searchSummary, null, "", $"p95 < {GoalMilliseconds:F0} ms", searchSummary.P95 < GoalMilliseconds),
                new("search + confirm + decide + erase 1,000 calls", appSummary, rawSummary,
                    rawSummary is null ? "" : $"{ResultTable.Factor(appSummary.Median / rawSummary.Median)}× raw", $"p95 < {GoalMilliseconds:F0} ms",
                    appSummary.P95 < GoalMilliseconds, $"{app.Count} erasures of prospects with 1,000 calls",
                    new Dictionary<string, long>(StringComparer.Ordinal) { ["calls anonymised"] = callsAnonymised, ["erasures"] = app.Count }),
            ],
            ["an erasure uses its person up, so each busy prospect is erased once, by the app or by the baseline in turn"]);
    }

    /// <summary>The generator makes a handful of prospects with 1,000 calls; erasures use them up, so the copy gets this many more.</summary>
    private const int ExtraBusy = 30;

    /// <summary>Gives <paramref name="extra"/> ordinary prospects of the scratch copy the calls of the first busy one.</summary>
    private static async Task<List<int>> MoreBusyProspectsAsync(string connectionString, IReadOnlyList<int> busy, int extra)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var targets = new List<int>();
        await using (var pick = connection.CreateCommand())
        {
            pick.CommandText = "SELECT Id FROM Prospects WHERE Id NOT IN (SELECT value FROM json_each($busy)) ORDER BY Id LIMIT $n OFFSET 50000";
            pick.Parameters.AddWithValue("$busy", System.Text.Json.JsonSerializer.Serialize(busy));
            pick.Parameters.AddWithValue("$n", extra);
            await using var reader = await pick.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                targets.Add(reader.GetInt32(0));
            }
        }

        await using var transaction = connection.BeginTransaction();
        foreach (var target in targets)
        {
            await using var copy = connection.CreateCommand();
            copy.Transaction = transaction;
            copy.CommandText = """
                INSERT INTO Calls (ProspectId, CompanyId, OccurredAtUtc, Direction, Outcome, DurationMinutes, Report, FollowUpOn, LoggedById, LoggedByName, CreatedAtUtc, UpdatedAtUtc, ConcurrencyStamp)
                SELECT $target, (SELECT CompanyId FROM Prospects WHERE Id = $target), OccurredAtUtc, Direction, Outcome, DurationMinutes, Report, FollowUpOn, LoggedById, LoggedByName, CreatedAtUtc, UpdatedAtUtc, ConcurrencyStamp
                FROM Calls WHERE ProspectId = $source
                """;
            copy.Parameters.AddWithValue("$target", target);
            copy.Parameters.AddWithValue("$source", busy[0]);
            await copy.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return [.. busy, .. targets];
    }

    private sealed record Person(int Id, string FirstName, string LastName, string? Email, string? Phone);

    private static FindQuery Query(Person person) => new(person.Email, person.Phone, person.FirstName, person.LastName);

    private static async Task<int> NewVerifiedRequestAsync(SubjectRequestService requests, Person person, CancellationToken cancellationToken)
    {
        var id = await requests.CreateAsync(new RequestInput
        {
            Rights = RequestedRights.Erasure,
            Channel = RequestChannel.Email,
            RequesterName = $"{person.FirstName} {person.LastName}",
            RequesterEmail = person.Email,
            RequestText = "Please erase my data.",
        }, cancellationToken);
        var version = (await requests.GetAsync(id, cancellationToken)).Request.ConcurrencyStamp;
        await requests.VerifyIdentityAsync(id, IdentityMethod.KnownContactDetails, null, version, cancellationToken);
        return id;
    }

    private static async Task<List<Person>> PeopleAsync(string connectionString, IReadOnlyList<int> ids)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var people = new List<Person>();
        foreach (var id in ids)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT Id, FirstName, LastName, Email, COALESCE(Phone, Mobile) FROM Prospects WHERE Id = $id";
            command.Parameters.AddWithValue("$id", id);
            await using var reader = await command.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                people.Add(new Person(reader.GetInt32(0), reader.GetString(1), reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
            }
        }

        return people;
    }

    private static async Task RawSearchAndEraseAsync(string connectionString, Person person)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        string[] statements =
        [
            "SELECT Id FROM Prospects WHERE Email = $e OR Phone = $p OR Mobile = $p OR (LastNameKey = $l AND FirstNameKey = $f)",
            "SELECT PartnerContactId FROM PartnerContactEmails WHERE Address = $e UNION SELECT PartnerContactId FROM PartnerContactPhones WHERE Number = $p",
            "SELECT Id FROM Applicants WHERE Email = $e OR Phone = $p OR (LastNameKey = $l AND FirstNameKey = $f)",
            "UPDATE Calls SET ProspectId = NULL, Report = '', FollowUpOn = NULL WHERE ProspectId = $id",
            "DELETE FROM Prospects WHERE Id = $id",
        ];
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.Parameters.AddWithValue("$e", (object?)person.Email ?? DBNull.Value);
            command.Parameters.AddWithValue("$p", (object?)person.Phone ?? DBNull.Value);
            command.Parameters.AddWithValue("$l", Cisa.Crm.Core.Common.ContactNormaliser.SearchKey(person.LastName));
            command.Parameters.AddWithValue("$f", Cisa.Crm.Core.Common.ContactNormaliser.SearchKey(person.FirstName));
            command.Parameters.AddWithValue("$id", person.Id);
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
