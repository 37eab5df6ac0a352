namespace Cisa.Crm.Core.Privacy.Retention;

public enum SweepTrigger
{
    Scheduled,
    OnDemand,
}

public enum RunStatus
{
    Running,
    Completed,
    Failed,

    /// <summary>The process stopped during the run; the batches committed before stay erased, the next run finishes the job.</summary>
    Interrupted,
}

/// <summary>One retention sweep (RET-RUN): when, by whom, what it erased and held, and how it ended. No personal data.</summary>
public sealed class RetentionRun
{
    public int Id { get; set; }

    public SweepTrigger Trigger { get; set; }

    /// <summary>The Brussels day the expiry dates were compared with.</summary>
    public DateOnly AsOf { get; set; }

    public DateTime StartedAtUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }

    public required string StartedById { get; set; }

    public required string StartedByName { get; set; }

    public RunStatus Status { get; set; }

    public int ApplicantsErased { get; set; }

    public int CvsErased { get; set; }

    public int ProspectsErased { get; set; }

    public int CallsAnonymised { get; set; }

    public int PartnerContactsErased { get; set; }

    /// <summary>Due records kept back by a hold.</summary>
    public int Held { get; set; }

    /// <summary>What went wrong, as the exception's type: never a message that could quote data.</summary>
    public string? Error { get; set; }

    public int Erased => ApplicantsErased + CvsErased + ProspectsErased + PartnerContactsErased;
}
