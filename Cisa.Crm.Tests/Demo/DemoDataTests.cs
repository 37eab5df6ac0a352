using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Demo;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Core.Time;
using Cisa.Crm.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cisa.Crm.Tests.Demo;

public sealed class DemoDataTests
{
    [Fact]
    public async Task Demo_companies_are_invented_valid_and_seeded_only_once()
    {
        await using var db = await TestDatabase.CreateAsync(seedDemoData: true);

        var seededAgain = await db.Get<DemoDataSeeder>().SeedIfEmptyAsync();

        await using var context = db.CreateContext();
        var companies = await context.Companies.ToListAsync();
        Assert.False(seededAgain);
        Assert.Equal(37, companies.Count); // 36 drawn from the fixed seed, plus the former supplier past retention
        Assert.All(companies, c => Assert.EndsWith(".example", c.Website, StringComparison.Ordinal));
        Assert.All(companies, c => Assert.Matches(@"^[01]\d{3}\.\d{3}\.\d{3}$", c.EnterpriseNumber!));
        Assert.All(companies, c => Assert.True(EnterpriseNumberChecksumHolds(c.EnterpriseNumber!)));
        Assert.Contains(companies, c => c.Type == CompanyType.RecruitmentAgency);
        Assert.Single(await context.AuditEntries.Where(e => e.Action == AuditActions.DemoDataSeeded).ToListAsync());
    }

    [Fact]
    public async Task Demo_data_is_the_same_on_every_machine()
    {
        await using var first = await TestDatabase.CreateAsync(seedDemoData: true);
        await using var second = await TestDatabase.CreateAsync(seedDemoData: true);
        await using var a = first.CreateContext();
        await using var b = second.CreateContext();

        Assert.Equal(
            await a.Companies.OrderBy(c => c.Id).Select(c => c.Name + c.EnterpriseNumber).ToListAsync(),
            await b.Companies.OrderBy(c => c.Id).Select(c => c.Name + c.EnterpriseNumber).ToListAsync());
    }

    [Fact]
    public async Task RET_RUN_a_fresh_demo_database_has_one_record_due_under_each_retention_rule()
    {
        await using var db = await TestDatabase.CreateAsync(seedDemoData: true);
        db.Actor.Current = DemoStaff.ToActor(DemoStaff.Privacy);

        var preview = await db.Get<RetentionService>().PreviewAsync(BrusselsTime.Today(db.Time), null, new PageRequest(0, 50));

        Assert.All(preview.Counts, c => Assert.Equal((1, 0), (c.Due, c.Held)));
        Assert.Equal(
            [
                (RetentionRule.ApplicantContact, "Dirk Goossens"),
                (RetentionRule.ApplicantCv, "Katrien Verlinden"),
                (RetentionRule.Prospect, "Hilde Vanderstraeten"),
                (RetentionRule.PartnerContact, "Ludo Van Gorp"),
            ],
            preview.Erasable.Items.Select(r => (r.Rule, r.Person.Name)));
        Assert.All(preview.Erasable.Items, r => Assert.True(r.DueOn < BrusselsTime.Today(db.Time), $"{r.Person.Name} due on {r.DueOn}"));
    }

    [Fact]
    public async Task Asking_for_demo_data_without_the_demo_project_registered_fails_the_start_instead_of_starting_empty()
    {
        // The demo data lives outside the core; a host that turns seeding on but forgets AddCrmDemoData() must hear so.
        var path = Path.Combine(Path.GetTempPath(), $"cisa-crm-test-{Guid.NewGuid():N}.db");
        try
        {
            await using (var services = new ServiceCollection().AddCrmCoreServices($"Data Source={path};Pooling=False")
                .Configure<AuditOptions>(o => (o.Key, o.AnchorPath) = (TestDatabase.AuditKey, TestDatabase.AnchorPathOf(path)))
                .BuildServiceProvider())
            {
                var initializer = services.GetRequiredService<DatabaseInitializer>();

                await initializer.InitializeAsync(seedDemoData: false);
                var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => initializer.InitializeAsync(seedDemoData: true));

                Assert.Contains("AddCrmDemoData", refused.Message, StringComparison.Ordinal);
            }
        }
        finally
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm", TestDatabase.AnchorPathOf(path) })
            {
                File.Delete(file);
            }
        }
    }

    [Theory]
    [InlineData(8_602_448, "0860.244.894")]
    [InlineData(0, "0000.000.097")]
    public void Enterprise_numbers_get_their_mod_97_check_digits(int baseNumber, string expected) =>
        Assert.Equal(expected, EnterpriseNumber.FromBase(baseNumber));

    private static bool EnterpriseNumberChecksumHolds(string formatted)
    {
        var digits = formatted.Replace(".", "", StringComparison.Ordinal);
        return 97 - long.Parse(digits[..8], System.Globalization.CultureInfo.InvariantCulture) % 97
            == long.Parse(digits[8..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
