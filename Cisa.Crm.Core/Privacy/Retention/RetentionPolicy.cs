namespace Cisa.Crm.Core.Privacy.Retention;

/// <summary>The retention periods (the <c>Crm:Retention</c> section); defaults from the published rules.</summary>
public sealed class RetentionOptions
{
    /// <summary>RET-PARTNER: years a partner contact is kept after the relationship with their company ends.</summary>
    public int PartnerContactYearsAfterRelationship { get; set; } = 10;
}

/// <summary>Expiry dates computed from facts and the configured periods, in one place.</summary>
public static class RetentionPolicy
{
    /// <summary>
    /// RET-PARTNER: none while the relationship is active (no end date, or one still to come);
    /// otherwise its end plus the configured years.
    /// </summary>
    public static DateOnly? PartnerContactExpiry(DateOnly? relationshipEndedOn, DateOnly today, RetentionOptions options) =>
        relationshipEndedOn is { } ended && ended <= today ? ended.AddYears(options.PartnerContactYearsAfterRelationship) : null;
}
