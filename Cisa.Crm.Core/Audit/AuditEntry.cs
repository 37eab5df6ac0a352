using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cisa.Crm.Core.Audit;

/// <summary>
/// One line of the append-only audit trail (LOG-ACTIONS): when, which staff member, which action,
/// on which record. It holds identifiers and action names only, never the personal data of a data
/// subject, so an erasure never has to touch the trail. Each entry carries a keyed hash (HMAC-SHA256,
/// key from configuration) over its content and the previous entry's hash: changing or deleting any
/// row breaks the chain, and without the key nobody can rebuild a chain that verifies.
/// </summary>
public sealed class AuditEntry
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private AuditEntry()
    {
    }

    /// <summary>Sequence number: 1, 2, 3… without gaps, assigned by the trail itself.</summary>
    public long Id { get; private set; }

    public DateTime OccurredAtUtc { get; private set; }

    /// <summary>The staff member's stable id (Entra object id, demo user id, or <c>system</c>).</summary>
    public string ActorId { get; private set; } = "";

    public string ActorName { get; private set; } = "";

    public string Action { get; private set; } = "";

    public string EntityType { get; private set; } = "";

    public string? EntityId { get; private set; }

    /// <summary>Non-personal details: field names, counts, rule ids.</summary>
    public string? Details { get; private set; }

    public string PreviousHash { get; private set; } = GenesisHash;

    public string Hash { get; private set; } = "";

    internal static AuditEntry Create(long id, DateTime occurredAtUtc, string actorId, string actorName, string action,
        string entityType, string? entityId, string? details, string previousHash, byte[] key)
    {
        var entry = new AuditEntry
        {
            Id = id,
            OccurredAtUtc = DateTime.SpecifyKind(occurredAtUtc, DateTimeKind.Utc),
            ActorId = actorId,
            ActorName = actorName,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Details = details,
            PreviousHash = previousHash,
        };
        entry.Hash = entry.ComputeHash(key);
        return entry;
    }

    /// <summary>HMAC-SHA256 over every field and the previous hash, length-prefixed so fields cannot run into each other.</summary>
    public string ComputeHash(byte[] key)
    {
        var builder = new StringBuilder();
        void Add(string? value)
        {
            value ??= "\0";
            builder.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('|');
        }

        Add(Id.ToString(CultureInfo.InvariantCulture));
        Add(OccurredAtUtc.ToString("O", CultureInfo.InvariantCulture));
        Add(ActorId);
        Add(ActorName);
        Add(Action);
        Add(EntityType);
        Add(EntityId);
        Add(Details);
        Add(PreviousHash);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(builder.ToString())));
    }
}
