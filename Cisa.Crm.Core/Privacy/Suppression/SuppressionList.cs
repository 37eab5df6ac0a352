using Cisa.Crm.Core.Data.Sqlite;
using System.Security.Cryptography;
using System.Text;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cisa.Crm.Core.Privacy.Suppression;

/// <summary>The HMAC key of the suppression list; from configuration (<c>Crm:Suppression:Key</c>), never from the repository.</summary>
public sealed class SuppressionOptions
{
    public const int MinimumKeyLength = 32;

    public string Key { get; set; } = "";
}

/// <summary>What a contact check found: which of the given values are on the suppression list.</summary>
public sealed record SuppressionHit(bool Email, bool Phone)
{
    public bool Any => Email || Phone;
}

/// <summary>
/// The suppression check every create and import of a person goes through (DSR-OBJECT). Values are
/// normalised by <see cref="ContactNormaliser"/> first, so another spelling of the same address matches.
/// </summary>
public sealed class SuppressionList(IOptions<SuppressionOptions> options, TimeProvider time)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.Key);

    public string Hash(string normalisedValue) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(normalisedValue)));

    /// <summary>The same hashes as <see cref="Hash"/> for many values (an import): one keyed HMAC reused, about 2.5 times faster than keying it per value.</summary>
    public List<string> HashMany(IReadOnlyCollection<string> normalisedValues)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        Span<byte> digest = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var hashes = new List<string>(normalisedValues.Count);
        foreach (var value in normalisedValues)
        {
            hmac.AppendData(Encoding.UTF8.GetBytes(value));
            hmac.GetHashAndReset(digest);
            hashes.Add(Convert.ToHexStringLower(digest));
        }

        return hashes;
    }

    /// <summary>Checks an already normalised e-mail and any number of E.164 phone numbers.</summary>
    public async Task<SuppressionHit> CheckAsync(CrmDbContext db, string? email, IEnumerable<string?> phones, CancellationToken cancellationToken)
    {
        var emailHit = email is not null && await IsListedAsync(db, ContactKind.Email, Hash(email), cancellationToken);
        var phoneHashes = phones.Where(p => p is not null).Select(p => Hash(p!)).ToList();
        var phoneHit = phoneHashes.Count > 0 && await db.SuppressionEntries.AnyAsync(s => s.Kind == ContactKind.Phone && phoneHashes.Contains(s.KeyedHash), cancellationToken);
        return new SuppressionHit(emailHit, phoneHit);
    }

    /// <summary>Refuses, with a message the user can read, a person who asked never to be contacted again.</summary>
    public async Task EnsureNotSuppressedAsync(CrmDbContext db, string? email, IEnumerable<string?> phones, CancellationToken cancellationToken)
    {
        if ((await CheckAsync(db, email, phones, cancellationToken)).Any)
        {
            throw new RuleViolationException("Suppressed", "This person objected to being contacted and may not be added again.");
        }
    }

    /// <summary>All listed hashes of one kind among the given ones (bulk check for imports), in one query.</summary>
    public Task<HashSet<string>> ListedAmongAsync(CrmDbContext db, ContactKind kind, IReadOnlyCollection<string> hashes, CancellationToken cancellationToken) =>
        db.SuppressionEntries.AsNoTracking().Where(s => s.Kind == kind).Select(s => s.KeyedHash).ValuesAmongAsync(hashes, cancellationToken);

    /// <summary>Adds normalised values to the list (used by objections; idempotent).</summary>
    public async Task AddAsync(CrmDbContext db, string? email, string? phone, string? requestReference, CancellationToken cancellationToken)
    {
        foreach (var (kind, value) in new[] { (ContactKind.Email, email), (ContactKind.Phone, phone) })
        {
            if (value is null)
            {
                continue;
            }

            var hash = Hash(value);
            if (!await IsListedAsync(db, kind, hash, cancellationToken))
            {
                db.SuppressionEntries.Add(new SuppressionEntry { Kind = kind, KeyedHash = hash, CreatedAtUtc = time.GetUtcNow().UtcDateTime, RequestReference = requestReference });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static Task<bool> IsListedAsync(CrmDbContext db, ContactKind kind, string hash, CancellationToken cancellationToken) =>
        db.SuppressionEntries.AnyAsync(s => s.Kind == kind && s.KeyedHash == hash, cancellationToken);
}
