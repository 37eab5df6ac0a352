using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cisa.Crm.Core.Audit;

/// <summary>
/// One line of the append-only audit trail (LOG-ACTIONS): when, which staff member, which action,
/// on which record. It holds identifiers and action names only, never the personal data of a data
/// subject, so an erasure never has to touch the trail. Each entry carries a keyed hash (HMAC-SHA256,
/// key from configuration) over its content and the previous entry's hash: changing or deleting any
/// row breaks the chain, and without the key nobody can rebuild a chain that verifies. The end of the chain is
/// proven by <see cref="AuditAnchor"/>, kept outside the database file.
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

    /// <summary>
    /// How <see cref="Hash"/> encodes the fields. 1: entries written before issue 18, text fields prefixed with their
    /// length in UTF-16 characters and a null written as the one character NUL, so a null and "\0" hash alike.
    /// 2: every field tagged (null, text, number) and length-prefixed in UTF-8 bytes, the format number itself hashed.
    /// A chain never goes back to an older format (<see cref="AuditLog.VerifyChainAsync"/> checks that).
    /// </summary>
    public int HashFormat { get; private set; } = CurrentHashFormat;

    public const int CurrentHashFormat = 2;

    internal static AuditEntry Create(long id, DateTime occurredAtUtc, string actorId, string actorName, string action,
        string entityType, string? entityId, string? details, string previousHash, byte[] key, int hashFormat = CurrentHashFormat)
    {
        var entry = new AuditEntry
        {
            Id = id,
            OccurredAtUtc = DateTime.SpecifyKind(occurredAtUtc, DateTimeKind.Utc),
            ActorId = AsStored(actorId),
            ActorName = AsStored(actorName),
            Action = AsStored(action),
            EntityType = AsStored(entityType),
            EntityId = entityId is null ? null : AsStored(entityId),
            Details = details is null ? null : AsStored(details),
            PreviousHash = previousHash,
            HashFormat = hashFormat,
        };
        entry.Hash = entry.ComputeHash(key);
        return entry;
    }

    /// <summary>
    /// The text as SQLite gives it back: SQLite stores UTF-8, where a lone surrogate becomes U+FFFD. Hashing the stored
    /// form keeps such an entry verifiable (and the encoding of format 2 unambiguous).
    /// </summary>
    private static string AsStored(string value) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value));

    /// <summary>HMAC-SHA256 over every field and the previous hash, in the entry's <see cref="HashFormat"/>.</summary>
    public string ComputeHash(byte[] key) => HashFormat switch
    {
        1 => ComputeHashFormat1(key),
        2 => ComputeHashFormat2(key),
        _ => "",
    };

    /// <summary>Format 2: a tag per field (0 null, 1 text, 2 number), texts as UTF-8 with their byte length, numbers as 8 bytes.</summary>
    private string ComputeHashFormat2(byte[] key)
    {
        using var buffer = new MemoryStream();
        var number = new byte[8];
        void AddNumber(long value)
        {
            buffer.WriteByte(2);
            BinaryPrimitives.WriteInt64BigEndian(number, value);
            buffer.Write(number);
        }

        void AddText(string? value)
        {
            if (value is null)
            {
                buffer.WriteByte(0);
                return;
            }

            var bytes = Encoding.UTF8.GetBytes(value);
            buffer.WriteByte(1);
            BinaryPrimitives.WriteInt64BigEndian(number, bytes.Length);
            buffer.Write(number);
            buffer.Write(bytes);
        }

        AddText("cisa-audit-entry");
        AddNumber(HashFormat);
        AddNumber(Id);
        AddNumber(OccurredAtUtc.Ticks);
        AddText(ActorId);
        AddText(ActorName);
        AddText(Action);
        AddText(EntityType);
        AddText(EntityId);
        AddText(Details);
        AddText(PreviousHash);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, buffer.ToArray()));
    }

    /// <summary>Format 1, kept to verify the entries written with it: a null reads as "\0" (the ambiguity format 2 removes).</summary>
    private string ComputeHashFormat1(byte[] key)
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
