using Cisa.Crm.Core;
using Cisa.Crm.Core.Privacy.Retention;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cisa.Crm.Tests.Core.Privacy.Retention;

/// <summary>The core itself checks the <c>Crm:Retention</c> settings, so any host (and any core test) gets the checks.</summary>
public sealed class RetentionOptionsTests
{
    [Fact]
    public void RET_APP_CONTACT_RET_PROSPECT_the_core_refuses_invalid_retention_settings_naming_each_one()
    {
        using var services = Core(o =>
        {
            o.ProspectYearsAfterLastActivity = 0;
            o.ApplicantCvYearsAfterProcedure = 3;
            o.ApplicantContactYearsAfterProcedure = 2;
        });

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RetentionOptions>>().Value);

        Assert.Equal(
        [
            "Crm:Retention:ApplicantContactYearsAfterProcedure must be at least Crm:Retention:ApplicantCvYearsAfterProcedure; it is 2.",
            "Crm:Retention:ProspectYearsAfterLastActivity must be between 1 and 10; it is 0.",
        ], refused.Failures);
    }

    [Fact]
    public void RET_RUN_the_core_checks_the_retention_settings_when_the_host_starts()
    {
        using var services = Core(o => o.SweepBatchSize = 10_001);

        // What ValidateOnStart registers: the host runs it before anything else starts.
        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Crm:Retention:SweepBatchSize must be between 50 and 10000; it is 10001.", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 1, 1, 1, 50)]
    [InlineData(30, 10, 10, 10, 10_000)]
    [InlineData(10, 2, 5, 2, 10_000)] // the published defaults
    public void RET_RUN_the_core_accepts_retention_settings_within_the_bounds(int partner, int cv, int contact, int prospect, int batch)
    {
        using var services = Core(o =>
        {
            o.PartnerContactYearsAfterRelationship = partner;
            o.ApplicantCvYearsAfterProcedure = cv;
            o.ApplicantContactYearsAfterProcedure = contact;
            o.ProspectYearsAfterLastActivity = prospect;
            o.SweepBatchSize = batch;
        });

        Assert.Equal(contact, services.GetRequiredService<IOptions<RetentionOptions>>().Value.ApplicantContactYearsAfterProcedure);
    }

    [Fact]
    public void RET_PARTNER_a_partner_period_outside_1_to_30_years_is_refused()
    {
        using var services = Core(o => o.PartnerContactYearsAfterRelationship = 31);

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RetentionOptions>>().Value);

        Assert.Equal(["Crm:Retention:PartnerContactYearsAfterRelationship must be between 1 and 30; it is 31."], refused.Failures);
    }

    /// <summary>The core's own registration, configured as a host would; the database is never opened.</summary>
    private static ServiceProvider Core(Action<RetentionOptions> configure) =>
        new ServiceCollection().AddCrmCoreServices("Data Source=:memory:").Configure(configure).BuildServiceProvider();
}
