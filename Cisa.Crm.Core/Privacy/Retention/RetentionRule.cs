namespace Cisa.Crm.Core.Privacy.Retention;

/// <summary>The retention rules of the published policy; <see cref="RetentionRules.Id"/> gives the rule id used in audits and tests.</summary>
public enum RetentionRule
{
    /// <summary>RET-APP-CV: the CV goes, the applicant stays until the contact expiry.</summary>
    ApplicantCv,

    /// <summary>RET-APP-CONTACT: the applicant, their applications and notes (and CV) go.</summary>
    ApplicantContact,

    /// <summary>RET-PROSPECT: the prospect goes; their calls stay, anonymised, for the statistics.</summary>
    Prospect,

    /// <summary>RET-PARTNER: the contact, their addresses, numbers and disclosures go.</summary>
    PartnerContact,
}

public static class RetentionRules
{
    /// <summary>The order a sweep works in: the whole applicant before the CV alone, so no CV is erased twice.</summary>
    public static IReadOnlyList<RetentionRule> All { get; } =
        [RetentionRule.ApplicantContact, RetentionRule.ApplicantCv, RetentionRule.Prospect, RetentionRule.PartnerContact];

    public static string Id(this RetentionRule rule) => rule switch
    {
        RetentionRule.ApplicantCv => "RET-APP-CV",
        RetentionRule.ApplicantContact => "RET-APP-CONTACT",
        RetentionRule.Prospect => "RET-PROSPECT",
        RetentionRule.PartnerContact => "RET-PARTNER",
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    /// <summary>The category the rule erases records of (each category lists its rules).</summary>
    /// <remarks>An extension on an enum value has no container to be given the registry by, so it reads the static one.</remarks>
    public static PersonCategory Category(this RetentionRule rule) => People.PersonRegistry.Default.Of(rule).Category;
}
