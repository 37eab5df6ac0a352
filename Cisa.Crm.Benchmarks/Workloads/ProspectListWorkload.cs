using Bogus;
using Cisa.Crm.Benchmarks.Running;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Demo;
using Cisa.Crm.Core.Prospects;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cisa.Crm.Benchmarks.Workloads;

/// <summary>
/// P-LIST: the prospect list's server-side query (count + page of 50) through the core,
/// <see cref="ProspectService.SearchAsync"/>, against the very same SQL with the same values sent through raw
/// Microsoft.Data.Sqlite. Goal: p95 under 20 ms and the median at most 1.5 times the raw one.
/// </summary>
public sealed class ProspectListWorkload : IWorkload
{
    public const int PageSize = 50;
    private const double GoalMilliseconds = 20;
    private const double GoalRatio = 1.5;

    public string Id => "P-LIST";

    private sealed record Variant(ProspectQuery Query, PageRequest Page);

    private sealed record Prepared(Variant Variant, List<CapturedCommand> Sql);

    public async Task<WorkloadResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var actor = DemoStaff.ToActor(DemoStaff.Sales);
        var capture = new SqlCapture();
        await using var measured = BenchServices.Create(context.DatabasePath, actor);
        await using var capturing = BenchServices.Create(context.DatabasePath, actor,
            services => services.ConfigureDbContext<CrmDbContext>(options => options.AddInterceptors(capture)));
        await using var scope = measured.CreateAsyncScope();
        await using var captureScope = capturing.CreateAsyncScope();
        var prospects = scope.ServiceProvider.GetRequiredService<ProspectService>();
        var capturingProspects = captureScope.ServiceProvider.GetRequiredService<ProspectService>();

        var cases = new List<CaseResult>();
        foreach (var (name, variants) in await CasesAsync(context))
        {
            // The SQL of each variant as EF sends it; the same total through both ways proves they are the same query.
            var prepared = new List<Prepared>();
            var matching = 0L;
            foreach (var variant in variants)
            {
                var page = await capturingProspects.SearchAsync(variant.Query, variant.Page, cancellationToken);
                matching += page.TotalCount;
                var sql = capture.Take();
                var rawRows = await RawSqlite.ExecuteAsync(context.ConnectionString, sql);
                // Every command EF sent is either a count (one row) or a page; the follow-up sort counts twice
                // (all, then the dated ones) before walking the dated and the undated prospects.
                var counts = sql.Count(command => command.Text.TrimStart().StartsWith("SELECT COUNT(*)", StringComparison.OrdinalIgnoreCase));
                if (rawRows != page.Items.Count + counts)
                {
                    throw new InvalidOperationException($"P-LIST {name}: the raw SQL returned {rawRows} rows, the core {page.Items.Count} + {counts} count(s).");
                }

                prepared.Add(new Prepared(variant, sql));
            }

            if (context.Options.Explain)
            {
                foreach (var command in prepared[0].Sql)
                {
                    context.Log.WriteLine($"--- {name}:{Environment.NewLine}{command.Text}");
                    context.Log.WriteLine(string.Join(Environment.NewLine, (await RawSqlite.PlanAsync(context.ConnectionString, command)).Select(step => "    plan: " + step)));
                }
            }

            var (app, raw) = await Timing.InTurnsAsync(prepared, context.Options.Iterations, context.Options.Iterations,
                p => prospects.SearchAsync(p.Variant.Query, p.Variant.Page, cancellationToken),
                p => RawSqlite.ExecuteAsync(context.ConnectionString, p.Sql));
            var appSummary = Summary.Of(app, "ms");
            var rawSummary = Summary.Of(raw, "ms");
            var ratio = appSummary.Median / rawSummary.Median;
            cases.Add(new CaseResult(name, appSummary, rawSummary, $"{ResultTable.Factor(ratio)}× raw", $"p95 < {GoalMilliseconds:F0} ms, ≤ {GoalRatio}× raw",
                appSummary.P95 < GoalMilliseconds && ratio <= GoalRatio, Counts: new Dictionary<string, long>(StringComparer.Ordinal)
                {
                    ["variants"] = variants.Count, ["matching rows per variant"] = matching / variants.Count,
                }));
            context.Log.WriteLine($"  {name}: {ResultTable.Number(appSummary.Median)} / {ResultTable.Number(appSummary.P95)} ms");
        }

        return new WorkloadResult(Id, $"prospect list query, count + page of {PageSize}",
            "ProspectService.SearchAsync (EF Core, one context per call, as the grid calls it)",
            "the same two SQL commands and values through raw Microsoft.Data.Sqlite, every value read",
            cases, ["comparison = median of the core / median of raw SQL"]);
    }

    /// <summary>
    /// The grid's filter, sort and page combinations. Searches take their terms from people and companies
    /// drawn with a fixed seed, several per case, so no single cached value decides the figure.
    /// </summary>
    private static async Task<List<(string Name, List<Variant> Variants)>> CasesAsync(BenchContext context)
    {
        var samples = await ProspectSamples.DrawAsync(context.ConnectionString, 20);
        var total = await CountAsync(context.ConnectionString);
        var firstPage = new PageRequest(0, PageSize);
        var deepSkip = Math.Max(0, Math.Min(999 * PageSize, (total - 1) / PageSize * PageSize));
        List<Variant> One(ProspectQuery query, PageRequest? page = null) => [new Variant(query, page ?? firstPage)];
        List<Variant> Searches(Func<ProspectSample, string?> term) =>
            samples.Select(term).OfType<string>().Distinct().Select(t => new Variant(new ProspectQuery(Search: t), firstPage)).ToList();

        return
        [
            ("name sort, page 1", One(new ProspectQuery())),
            ($"name sort, page {deepSkip / PageSize + 1:N0}", One(new ProspectQuery(), new PageRequest(deepSkip, PageSize))),
            ("last call, newest first", One(new ProspectQuery(Sort: ProspectSort.LastCall, Descending: true))),
            ("mine only", One(new ProspectQuery(OwnerId: context.Manifest.SalesUserId))),
            ("source LinkedIn", One(new ProspectQuery(Source: ProspectSource.LinkedIn))),
            ("restricted shown too", One(new ProspectQuery(IncludeRestricted: true))),
            ("search name prefix", Searches(s => s.LastName.Length > 4 ? s.LastName[..4] : s.LastName)),
            ("search company prefix", Searches(s => s.CompanyName.Split(' ')[0])),
            ("search phone (as typed)", Searches(s => s.Phone is null ? null : ContactNormaliser.DisplayPhone(s.Phone))),
            ("search e-mail", Searches(s => s.Email)),
            ("sort company", One(new ProspectQuery(Sort: ProspectSort.Company))),
            ("sort follow-up", One(new ProspectQuery(Sort: ProspectSort.FollowUp))),
        ];
    }

    private static async Task<int> CountAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Prospects WHERE IsRestricted = 0";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>A prospect drawn with a fixed seed, for search terms that exist in the data.</summary>
public sealed record ProspectSample(int Id, string FirstName, string LastName, string? Email, string? Phone, string CompanyName);

public static class ProspectSamples
{
    public static async Task<List<ProspectSample>> DrawAsync(string connectionString, int count, int seed = 8)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT p.Id, p.FirstName, p.LastName, p.Email, COALESCE(p.Phone, p.Mobile), c.Name
            FROM Prospects p JOIN Companies c ON c.Id = p.CompanyId
            WHERE p.Id = $id AND p.IsRestricted = 0
            """;
        var id = command.Parameters.Add("$id", SqliteType.Integer);
        await using var max = connection.CreateCommand();
        max.CommandText = "SELECT MAX(Id) FROM Prospects";
        var maxId = Convert.ToInt32(await max.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var random = new Randomizer(seed);
        var samples = new List<ProspectSample>();
        for (var attempt = 0; samples.Count < count && attempt < count * 20; attempt++)
        {
            id.Value = random.Int(1, maxId);
            await using var reader = await command.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                samples.Add(new ProspectSample(reader.GetInt32(0), reader.GetString(1), reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5)));
            }
        }

        return samples;
    }
}
