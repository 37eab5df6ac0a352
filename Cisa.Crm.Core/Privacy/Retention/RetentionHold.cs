using Cisa.Crm.Core.Security;

namespace Cisa.Crm.Core.Privacy.Retention;

public enum HoldKind
{
    /// <summary>Placed by the privacy officer: a legal claim, an inspection, an obligation to keep.</summary>
    LegalHold,

    /// <summary>Placed while a data-subject request about the person is open, so the sweep does not answer it first.</summary>
    SubjectRequest,
}

/// <summary>
/// Keeps one person out of the retention sweep until released. The preview and every run report a held
/// record with its reason. Released holds stay as history until the person is erased.
/// </summary>
public sealed class RetentionHold
{
    public const int ReasonMaxLength = 300;

    public int Id { get; set; }

    public PersonCategory Category { get; set; }

    public int PersonId { get; set; }

    public HoldKind Kind { get; set; }

    public required string Reason { get; set; }

    /// <summary>The subject request that placed it (for <see cref="HoldKind.SubjectRequest"/>).</summary>
    public int? RequestId { get; set; }

    public required string PlacedById { get; set; }

    public required string PlacedByName { get; set; }

    public DateTime PlacedAtUtc { get; set; }

    public DateTime? ReleasedAtUtc { get; set; }

    public string? ReleasedById { get; set; }

    public string? ReleasedByName { get; set; }

    /// <summary>
    /// A hold on <paramref name="person"/> placed by <paramref name="actor"/> at <paramref name="atUtc"/>: the one way a hold is
    /// made, whether the privacy officer places a legal hold or a subject request holds a confirmed record.
    /// </summary>
    public static RetentionHold Place(PersonRef person, HoldKind kind, string reason, CrmActor actor, DateTime atUtc, int? requestId = null) => new()
    {
        Category = person.Category, PersonId = person.Id, Kind = kind, Reason = reason, RequestId = requestId,
        PlacedById = actor.Id, PlacedByName = actor.DisplayName, PlacedAtUtc = atUtc,
    };
}
