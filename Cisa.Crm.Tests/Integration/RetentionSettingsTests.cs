using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Core.Time;
using Cisa.Crm.Tests.Support;
using Cisa.Crm.Web.Retention;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cisa.Crm.Tests.Integration;

/// <summary>RET-RUN: the <c>Crm:Retention</c> settings of the sweep are checked on start, and the daily sweep is a hosted service.</summary>
public sealed class RetentionSettingsTests
{
    [Theory]
    [InlineData("Crm:Retention:ProspectYearsAfterLastActivity", "0")]
    [InlineData("Crm:Retention:ProspectYearsAfterLastActivity", "11")]
    [InlineData("Crm:Retention:SweepBatchSize", "49")]
    [InlineData("Crm:Retention:SweepBatchSize", "10001")]
    public async Task Start_up_refuses_a_retention_setting_out_of_range_and_names_it(string setting, string value)
    {
        await using var factory = new CrmAppFactory { Settings = new Dictionary<string, string> { [setting] = value } };

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(setting, failure.GetBaseException().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RET_RUN_appsettings_json_states_every_retention_setting_with_the_cores_default()
    {
        var section = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryRoot.Path, "Cisa.Crm.Web", "appsettings.json"))
            .Build()
            .GetSection(RetentionOptions.Section);
        var stated = section.Get<RetentionOptions>()!;
        var defaults = new RetentionOptions();

        foreach (var setting in typeof(RetentionOptions).GetProperties())
        {
            Assert.True(section[setting.Name] is not null, $"{RetentionOptions.Section}:{setting.Name} is missing from appsettings.json.");
            Assert.Equal(setting.GetValue(defaults), setting.GetValue(stated));
        }
    }

    [Fact]
    public async Task The_test_app_registers_the_daily_sweep_but_switches_it_off()
    {
        await using var factory = new CrmAppFactory();
        factory.CreateClient().Dispose();

        var scheduler = factory.Services.GetRequiredService<RetentionSweepScheduler>();

        Assert.Contains(scheduler, factory.Services.GetServices<IHostedService>());
        Assert.True(scheduler.ExecuteTask!.IsCompleted);
        Assert.Null(scheduler.NextRunUtc);
    }

    [Fact]
    public async Task RET_RUN_when_switched_on_the_daily_sweep_waits_for_SweepAt_in_Brussels()
    {
        await using var factory = new CrmAppFactory
        {
            Settings = new Dictionary<string, string> { ["Crm:Retention:SweepEnabled"] = "true", ["Crm:Retention:SweepAt"] = "03:15" },
        };
        factory.CreateClient().Dispose();
        var scheduler = factory.Services.GetRequiredService<RetentionSweepScheduler>();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (scheduler.NextRunUtc is null)
        {
            await Task.Delay(10, timeout.Token);
        }

        var next = scheduler.NextRunUtc.Value;
        Assert.Equal(new TimeOnly(3, 15), TimeOnly.FromDateTime(BrusselsTime.FromUtc(next.UtcDateTime)));
        Assert.InRange(next - DateTimeOffset.UtcNow, TimeSpan.Zero, TimeSpan.FromHours(25));
    }
}
