using Cisa.Crm.Benchmarks.Generation;
using Cisa.Crm.Benchmarks.Running;
using Cisa.Crm.Core.Applicants;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.LegitimateInterest;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cisa.Crm.Tests.Benchmarks;

/// <summary>
/// The benchmark command on about a thousand rows, through the very code the command runs, so neither the
/// generator nor a workload can rot unnoticed. Figures are only checked to exist: no timing is asserted.
/// </summary>
public sealed class BenchmarkSmokeTests(BenchmarkSmokeTests.SmallDataset dataset) : IClassFixture<BenchmarkSmokeTests.SmallDataset>
{
    [Fact]
    public async Task Every_workload_without_a_browser_produces_its_figures_and_finds_what_it_searches()
    {
        var results = await BenchmarkSuite.RunAsync(new RunOptions
        {
            DatabasePath = dataset.Path,
            Only = ["P-LIST", "P-SEARCH", "P-IMPORT"],
            Iterations = 2,
            ImportIterations = 1,
        }, TextWriter.Null);

        Assert.Equal(["P-LIST", "P-SEARCH", "P-IMPORT"], results.Select(r => r.Id));
        foreach (var result in results)
        {
            Assert.NotEmpty(result.Cases);
            foreach (var measured in result.Cases)
            {
                Assert.True(measured.App.Count > 0 && measured.App.Median > 0, $"{result.Id} {measured.Name}: no figure for the app's way");
                Assert.True(measured.Baseline is { Count: > 0, Median: > 0 }, $"{result.Id} {measured.Name}: no baseline figure");
            }
        }

        var list = results.Single(r => r.Id == "P-LIST");
        Assert.Equal(12, list.Cases.Count);
        Assert.All(list.Cases.Where(c => c.Name.StartsWith("search", StringComparison.Ordinal)), c => Assert.True(c.Counts!["matching rows per variant"] > 0, c.Name));
        var search = results.Single(r => r.Id == "P-SEARCH");
        Assert.Equal(4, search.Cases.Count);
        Assert.All(search.Cases, c => Assert.Equal(0, c.Counts!["people not found"]));
        var import = results.Single(r => r.Id == "P-IMPORT").Cases.Single().Counts!;
        Assert.Equal(100, import["rows"]);
        Assert.InRange(import["imported"], 80, 99);
        Assert.Equal(import["rows"], import["imported"] + import["skipped"]);
    }

    [Fact]
    public async Task Generated_people_have_the_keys_contact_points_and_last_call_the_app_would_have_stored()
    {
        await using var db = dataset.Context();
        var prospects = await db.Prospects.AsNoTracking().ToListAsync();
        var contacts = await db.PartnerContacts.AsNoTracking().Include(c => c.Emails).Include(c => c.Phones).ToListAsync();
        var applicants = await db.Applicants.AsNoTracking().ToListAsync();
        Assert.Equal(100, prospects.Count);
        Assert.Equal(50, contacts.Count);
        Assert.Equal(20, applicants.Count);

        foreach (var person in prospects.Cast<Person>().Concat(contacts).Concat(applicants))
        {
            Assert.Equal(ContactNormaliser.SearchKey(person.FirstName), person.FirstNameKey);
            Assert.Equal(ContactNormaliser.SearchKey(person.LastName), person.LastNameKey);
        }

        var emails = prospects.Select(p => p.Email).Concat(contacts.SelectMany(c => c.Emails.Select(e => e.Address))).Concat(applicants.Select(a => a.Email))
            .OfType<string>().ToList();
        Assert.All(emails, e => Assert.Equal(e, ContactNormaliser.NormaliseEmail(e)));
        Assert.Equal(emails.Count, emails.Distinct(StringComparer.Ordinal).Count());
        var phones = prospects.SelectMany(p => new[] { p.Phone, p.Mobile }).Concat(contacts.SelectMany(c => c.Phones.Select(p => p.Number)))
            .Concat(applicants.Select(a => a.Phone)).OfType<string>().ToList();
        Assert.All(phones, p => Assert.Equal(p, ContactNormaliser.NormalisePhone(p)));
        Assert.All(prospects, p => Assert.True(p.Email is not null || p.Phone is not null || p.Mobile is not null, "a prospect needs an e-mail or a phone"));

        var calls = await db.Calls.AsNoTracking().ToListAsync();
        Assert.Equal(1000, calls.Count);
        var companyOf = prospects.ToDictionary(p => p.Id, p => p.CompanyId);
        Assert.All(calls, c => Assert.Equal(companyOf[c.ProspectId!.Value], c.CompanyId));
        foreach (var prospect in prospects)
        {
            var latest = calls.Where(c => c.ProspectId == prospect.Id).MaxBy(c => c.OccurredAtUtc);
            Assert.Equal(latest?.OccurredAtUtc, prospect.LastCallAtUtc);
            Assert.Equal(latest?.FollowUpOn, prospect.FollowUpOn);
        }

        Assert.Equal(1000, calls.Count(c => c.ProspectId == dataset.Manifest.BusyProspectIds[0]) * 10);
    }

    [Fact]
    public async Task Generated_companies_assessments_and_procedures_keep_the_rules_of_the_model()
    {
        await using var db = dataset.Context();
        var companies = await db.Companies.AsNoTracking().ToDictionaryAsync(c => c.Id);
        Assert.Equal(20, companies.Count);
        Assert.All(companies.Values, c => Assert.Equal(ContactNormaliser.SearchKey(c.Name), c.NameKey));
        Assert.All(companies.Values.Where(c => c.EnterpriseNumber is not null), c => Assert.Equal(c.EnterpriseNumber, EnterpriseNumber.Normalise(c.EnterpriseNumber)));
        Assert.All(await db.PartnerContacts.AsNoTracking().ToListAsync(), p => Assert.NotEqual(CompanyType.Prospect, companies[p.CompanyId].Type));

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var assessments = await db.Assessments.AsNoTracking().ToDictionaryAsync(a => a.Id);
        Assert.All(assessments.Values, a => Assert.False(a.IsOverdueOn(today), "no assessment may be past its review date (LI-REVIEW)"));
        Assert.All(await db.Prospects.AsNoTracking().ToListAsync(), p => Assert.Equal(AssessmentPurpose.Prospecting, assessments[p.AssessmentId].Purpose));

        var applicants = await db.Applicants.AsNoTracking().Include(a => a.Applications).ThenInclude(a => a.Procedure).ToListAsync();
        var contacts = await db.PartnerContacts.AsNoTracking().ToDictionaryAsync(c => c.Id);
        foreach (var applicant in applicants)
        {
            Assert.Equal(AssessmentPurpose.Recruitment, assessments[applicant.AssessmentId].Purpose);
            Assert.NotEmpty(applicant.Applications);
            Assert.All(applicant.Applications, a => Assert.Equal(a.Procedure!.EndedOn is not null, a.Outcome is not null));
            if (applicant.Source == ApplicantSource.RecruitmentAgency)
            {
                Assert.Equal(CompanyType.RecruitmentAgency, companies[applicant.AgencyId!.Value].Type);
                Assert.Equal(applicant.AgencyId, contacts[applicant.AgencyContactId!.Value].CompanyId);
            }
        }
    }

    [Fact]
    public async Task The_share_past_retention_is_what_the_manifest_says_and_what_the_retention_rules_compute()
    {
        await using var db = dataset.Context();
        var asOf = dataset.Manifest.AsOf;
        var twoYearsAgo = asOf.AddYears(-2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var prospects = await db.Prospects.AsNoTracking().ToListAsync();
        var expiredProspects = prospects.Count(p => (p.LastCallAtUtc ?? DateTime.MinValue) < twoYearsAgo && p.UpdatedAtUtc < twoYearsAgo);
        Assert.Equal(10, expiredProspects);
        Assert.Equal(expiredProspects, dataset.Manifest.Expired["Prospects (last contact > 2 years ago)"]);

        var retention = new RetentionOptions();
        var companies = await db.Companies.AsNoTracking().ToListAsync();
        var expiredCompanies = companies.Where(c => RetentionPolicy.PartnerContactExpiry(c.RelationshipEndedOn, asOf, retention) < asOf).Select(c => c.Id).ToHashSet();
        Assert.Equal(dataset.Manifest.Expired["Companies (relationship ended > 10 years ago)"], expiredCompanies.Count);
        Assert.NotEmpty(expiredCompanies);
        Assert.Equal(dataset.Manifest.Expired["Partner contacts at those companies"],
            await db.PartnerContacts.AsNoTracking().CountAsync(p => expiredCompanies.Contains(p.CompanyId)));

        var applicants = await db.Applicants.AsNoTracking().Include(a => a.Applications).ThenInclude(a => a.Procedure).ToListAsync();
        var expiredApplicants = applicants.Count(a => RetentionPolicy.ApplicantExpiry(a.Applications.Select(x => x.Procedure!.EndedOn), retention).ContactUntil < asOf);
        Assert.Equal(2, expiredApplicants);
        Assert.Equal(expiredApplicants, dataset.Manifest.Expired["Applicants (every procedure ended > 5 years ago)"]);
    }

    [Fact]
    public async Task Generated_values_are_stored_in_the_text_form_EF_Core_writes_and_the_schema_is_the_migrations_own()
    {
        await using var db = dataset.Context();
        var prospect = await db.Prospects.AsNoTracking().FirstAsync(p => p.LastCallAtUtc != null && p.FollowUpOn != null);
        var entity = db.Model.FindEntityType(typeof(Cisa.Crm.Core.Prospects.Prospect))!;
        string Literal(string property, object value) =>
            entity.FindProperty(property)!.GetRelationalTypeMapping().GenerateSqlLiteral(value).Trim('\'');

        await using var connection = new SqliteConnection($"Data Source={dataset.Path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT CreatedAtUtc, LastCallAtUtc, FollowUpOn, ConcurrencyStamp, Source FROM Prospects WHERE Id = $id";
        command.Parameters.AddWithValue("$id", prospect.Id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(Literal("CreatedAtUtc", prospect.CreatedAtUtc), reader.GetString(0));
        Assert.Equal(Literal("LastCallAtUtc", prospect.LastCallAtUtc!.Value), reader.GetString(1));
        Assert.Equal(Literal("FollowUpOn", prospect.FollowUpOn!.Value), reader.GetString(2));
        Assert.Equal(Literal("ConcurrencyStamp", prospect.ConcurrencyStamp), reader.GetString(3));
        Assert.Equal(prospect.Source.ToString(), reader.GetString(4));

        await using var migrated = await TestDatabase.CreateAsync();
        Assert.Equal(await SqliteSchema.ObjectsAsync(migrated.FilePath), await SqliteSchema.ObjectsAsync(dataset.Path));
    }

    [Fact]
    public async Task The_same_seed_generates_the_same_data()
    {
        await using var again = await SmallDataset.GenerateAsync(dataset.Manifest.AsOf);
        Assert.Equal(await ChecksumAsync(dataset.Path), await ChecksumAsync(again.Path));
    }

    private static async Task<string> ChecksumAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        var text = new System.Text.StringBuilder();
        foreach (var table in new[] { "Companies", "Prospects", "Calls", "PartnerContacts", "PartnerContactEmails", "Applicants", "Applications" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} ORDER BY Id";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.GetValue(i)).Append('|');
                }
            }
        }

        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>One generated database of about a thousand rows (scale 0.001), shared by the tests of this class.</summary>
    public sealed class SmallDataset : IAsyncLifetime, IAsyncDisposable
    {
        private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cisa-crm-bench-{Guid.NewGuid():N}");

        public string Path => System.IO.Path.Combine(_folder, "bench.db");

        public DatasetManifest Manifest { get; private set; } = null!;

        public static async Task<SmallDataset> GenerateAsync(DateOnly? asOf = null)
        {
            var dataset = new SmallDataset();
            dataset.Manifest = await BenchDataGenerator.GenerateAsync(new GeneratorOptions(dataset.Path, Scale: 0.001, AsOf: asOf), TextWriter.Null);
            return dataset;
        }

        public CrmDbContext Context() => new(new DbContextOptionsBuilder<CrmDbContext>().UseSqlite($"Data Source={Path};Pooling=False").Options);

        public async Task InitializeAsync() =>
            Manifest = await BenchDataGenerator.GenerateAsync(new GeneratorOptions(Path, Scale: 0.001), TextWriter.Null);

        public Task DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }

            return Task.CompletedTask;
        }

        async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
    }
}
