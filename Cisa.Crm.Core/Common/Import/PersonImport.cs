using System.Text;
using CsvHelper;
using Cisa.Crm.Core.Common.Csv;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Privacy.Suppression;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Common.Import;

public enum ImportRowStatus
{
    Valid,
    Invalid,
    Duplicate,
    Suppressed,
}

public sealed record ImportRowResult(int Line, string Name, string? CompanyName, ImportRowStatus Status, IReadOnlyList<FieldError> Errors);

public sealed record ImportPreview(IReadOnlyList<ImportRowResult> Rows, int NewCompanies)
{
    public int Count(ImportRowStatus status) => Rows.Count(r => r.Status == status);
}

public sealed record ImportSummary(int Imported, int Skipped, int CompaniesCreated);

/// <summary>One data line of a CSV file, its fields by lower-case column name.</summary>
public sealed record CsvRecord(int Line, IReadOnlyDictionary<string, string?> Fields)
{
    public string? this[string column] => Fields.GetValueOrDefault(column);
}

/// <summary>
/// What every import of people shares, whatever the category: reading the file, matching company
/// names, and sorting rows into valid, invalid, duplicate (in the file or in the CRM) and suppressed
/// (DSR-OBJECT). The prospect and partner-contact imports differ only in their fields and rules.
/// </summary>
public sealed class PersonImport(SuppressionList suppression)
{
    public const int MaxRows = 200_000;

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>
    /// A row after its category's field rules: whether it passed, and its normalised contact points.
    /// All of them are checked against the suppression list; <paramref name="SharedPhones"/> (e.g. a
    /// switchboard number colleagues share) are not taken as a sign of a duplicate person.
    /// </summary>
    public sealed record Candidate(bool IsValid, IReadOnlyList<string> Emails, IReadOnlyList<string> Phones, IReadOnlyList<string>? SharedPhones = null);

    /// <summary>Reads a CSV file (semicolon, comma or tab) whose header holds at least <paramref name="requiredColumns"/>.</summary>
    public static List<CsvRecord> Read(Stream csvStream, IReadOnlyCollection<string> requiredColumns)
    {
        using var reader = new StringReader(Decode(csvStream));
        using var csv = new CsvReader(reader, CrmCsv.ReaderConfiguration);
        if (!csv.Read() || !csv.ReadHeader())
        {
            throw new CrmValidationException([new FieldError("File", "CsvEmpty")]);
        }

        var headers = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = requiredColumns.Select(c => c.ToLowerInvariant()).Where(c => !headers.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new CrmValidationException([new FieldError("File", "CsvMissingColumns", string.Join(", ", missing))]);
        }

        var records = new List<CsvRecord>();
        while (csv.Read())
        {
            if (records.Count >= MaxRows)
            {
                throw new CrmValidationException([new FieldError("File", "CsvTooManyRows", MaxRows)]);
            }

            var fields = new Dictionary<string, string?>(headers.Count, StringComparer.Ordinal);
            for (var i = 0; i < headers.Count; i++)
            {
                fields[headers[i]] = csv.TryGetField<string>(i, out var value) ? value : null;
            }

            records.Add(new CsvRecord(csv.Parser.RawRow, fields));
        }

        return records;
    }

    /// <summary>
    /// UTF-8 (with or without BOM) as the CRM exports it; a file that is not valid UTF-8 is read as
    /// Windows-1252, which is what Excel on Belgian Windows saves as "CSV", so "Dubré" stays "Dubré".
    /// </summary>
    private static string Decode(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Windows1252.GetString(bytes);
        }
    }

    /// <summary>Company names from a file matched to existing companies by their accent-free key (id and type).</summary>
    public static Task<Dictionary<string, (int Id, CompanyType Type)>> ResolveCompaniesAsync(CrmDbContext db, IEnumerable<string?> names, CancellationToken cancellationToken) =>
        ResolveCompanyKeysAsync(db, names.Select(ContactNormaliser.SearchKey), cancellationToken);

    /// <summary>The same for keys already made by <see cref="ContactNormaliser.SearchKey"/>; one query, the keys in one JSON parameter.</summary>
    public static async Task<Dictionary<string, (int Id, CompanyType Type)>> ResolveCompanyKeysAsync(CrmDbContext db, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var distinct = keys.Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var found = new Dictionary<string, (int, CompanyType)>(StringComparer.Ordinal);
        var matches = await db.Companies.AsNoTracking().Where(c => EF.Parameter(distinct).Contains(c.NameKey))
            .OrderBy(c => c.Id).Select(c => new { c.NameKey, c.Id, c.Type }).ToListAsync(cancellationToken);
        foreach (var match in matches)
        {
            found.TryAdd(match.NameKey, (match.Id, match.Type));
        }

        return found;
    }

    /// <summary>
    /// Sorts the rows: invalid first, then suppressed (any contact point on the list), then duplicate
    /// (a contact point already in <paramref name="existing"/> or earlier in the file), else valid.
    /// </summary>
    /// <remarks>
    /// A file classified in parts passes the same <paramref name="seenInFile"/> to every part, so a contact point of an
    /// earlier part still makes a later row a duplicate.
    /// </remarks>
    public async Task<IReadOnlyList<ImportRowStatus>> ClassifyAsync(CrmDbContext db, IReadOnlyList<Candidate> rows,
        Func<IReadOnlyCollection<string>, IReadOnlyCollection<string>, Task<HashSet<string>>> existing, CancellationToken cancellationToken,
        HashSet<string>? seenInFile = null)
    {
        var emails = rows.SelectMany(r => r.Emails).Distinct(StringComparer.Ordinal).ToList();
        var phones = rows.SelectMany(r => r.Phones).Distinct(StringComparer.Ordinal).ToList();
        var allPhones = rows.SelectMany(r => r.Phones.Concat(r.SharedPhones ?? [])).Distinct(StringComparer.Ordinal).ToList();
        var suppressedEmails = await SuppressedAsync(db, ContactKind.Email, emails, cancellationToken);
        var suppressedPhones = await SuppressedAsync(db, ContactKind.Phone, allPhones, cancellationToken);
        var inCrm = await existing(emails, phones);

        seenInFile ??= new HashSet<string>(StringComparer.Ordinal);
        var statuses = new List<ImportRowStatus>(rows.Count);
        foreach (var row in rows)
        {
            if (!row.IsValid)
            {
                statuses.Add(ImportRowStatus.Invalid);
            }
            else if (row.Emails.Any(suppressedEmails.Contains) || row.Phones.Concat(row.SharedPhones ?? []).Any(suppressedPhones.Contains))
            {
                statuses.Add(ImportRowStatus.Suppressed);
            }
            else
            {
                var contacts = row.Emails.Concat(row.Phones).ToList();
                var repeatsEarlierRow = contacts.Where(c => !seenInFile.Add(c)).ToList().Count > 0; // add them all, so later rows see them
                statuses.Add(repeatsEarlierRow || contacts.Any(inCrm.Contains) ? ImportRowStatus.Duplicate : ImportRowStatus.Valid);
            }
        }

        return statuses;
    }

    /// <summary>The values (not their hashes) on the suppression list: each value is hashed once, not again per row.</summary>
    private async Task<HashSet<string>> SuppressedAsync(CrmDbContext db, ContactKind kind, List<string> values, CancellationToken cancellationToken)
    {
        var hashes = suppression.HashMany(values);
        var listed = await suppression.ListedAmongAsync(db, kind, hashes, cancellationToken);
        return values.Where((_, i) => listed.Contains(hashes[i])).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Runs an "in these values" query in chunks small enough for SQLite's parameter limit.</summary>
    public static async Task<HashSet<string>> InChunksAsync(IReadOnlyCollection<string> values, Func<string[], Task<List<string>>> query)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in values.Chunk(500))
        {
            found.UnionWith(await query(chunk));
        }

        return found;
    }
}
