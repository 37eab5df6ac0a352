using Cisa.Crm.Core.Common;
using Microsoft.Extensions.Options;

namespace Cisa.Crm.Core.Privacy.Retention;

/// <summary>
/// The retention periods (the <c>Crm:Retention</c> section); defaults from the published rules, repeated in the web
/// project's appsettings.json so an operator sees what can be set. Checked by <see cref="RetentionOptionsValidator"/>.
/// </summary>
public sealed class RetentionOptions
{
    /// <summary>The configuration section the host binds.</summary>
    public const string Section = "Crm:Retention";

    /// <summary>RET-PARTNER: years a partner contact is kept after the relationship with their company ends.</summary>
    public int PartnerContactYearsAfterRelationship { get; set; } = 10;

    /// <summary>RET-APP-CV: years a CV is kept after the end of the last procedure it belongs to.</summary>
    public int ApplicantCvYearsAfterProcedure { get; set; } = 2;

    /// <summary>RET-APP-CONTACT: years an applicant's contact details are kept after that end.</summary>
    public int ApplicantContactYearsAfterProcedure { get; set; } = 5;

    /// <summary>RET-PROSPECT: years a prospect is kept after their last call or the last update of their record.</summary>
    public int ProspectYearsAfterLastActivity { get; set; } = 2;

    /// <summary>RET-RUN: whether the daily sweep runs (an on-demand sweep is always possible).</summary>
    public bool SweepEnabled { get; set; } = true;

    /// <summary>RET-RUN: the Brussels time of day the daily sweep starts.</summary>
    public TimeOnly SweepAt { get; set; } = new(2, 30);

    /// <summary>
    /// How many people one sweep transaction erases: bounds the memory and the time writers wait. Each commit rewrites
    /// the index pages its deletions touched (the prospects' name, e-mail and phone indexes are spread over the whole
    /// key range), so fewer, larger batches write less. At 121,000 people and 1,000,000 calls (P-SWEEP, 2 cores):
    /// 1,000 took 27.7 s, 2,500 14.8 s, 10,000 11.6–12.0 s with a peak managed growth of 44 MB (goal: under 50).
    /// A batch of 10,000 holds the write lock for under a second, at night.
    /// </summary>
    public int SweepBatchSize { get; set; } = 10_000;
}

/// <summary>
/// Refuses retention settings the rules cannot work with, naming the setting: the core registers it, so every host and
/// every test that configures the periods is checked, not only the web app.
/// </summary>
public sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var failures = new SettingFailures(RetentionOptions.Section);
        failures.Between(nameof(RetentionOptions.PartnerContactYearsAfterRelationship), options.PartnerContactYearsAfterRelationship, 1, 30);
        failures.Between(nameof(RetentionOptions.ApplicantCvYearsAfterProcedure), options.ApplicantCvYearsAfterProcedure, 1, 10);
        if (options.ApplicantContactYearsAfterProcedure < options.ApplicantCvYearsAfterProcedure)
        {
            // RET-APP-CONTACT outlives RET-APP-CV: the CV goes first, the applicant later (a shorter contact period would erase the CV with them).
            failures.Add($"{RetentionOptions.Section}:{nameof(RetentionOptions.ApplicantContactYearsAfterProcedure)} must be at least " +
                $"{RetentionOptions.Section}:{nameof(RetentionOptions.ApplicantCvYearsAfterProcedure)}; it is {options.ApplicantContactYearsAfterProcedure}.");
        }

        failures.Between(nameof(RetentionOptions.ProspectYearsAfterLastActivity), options.ProspectYearsAfterLastActivity, 1, 10);
        failures.Between(nameof(RetentionOptions.SweepBatchSize), options.SweepBatchSize, 50, 10_000);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
