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

/// <summary>A row the import leaves out: its result and its cells as the file had them.</summary>
public sealed record RejectedRow(ImportRowResult Result, IReadOnlyList<string?> Cells);

/// <summary>
/// The rows an import leaves out (invalid, duplicate, suppressed) under the file's own header, so the user can download
/// them with the reasons, correct them and import them again.
/// </summary>
public sealed record RejectedRows(IReadOnlyList<string> Header, IReadOnlyList<RejectedRow> Rows)
{
    public static RejectedRows None { get; } = new([], []);

    /// <summary>The rows among these that are not valid, under the header of their file.</summary>
    public static RejectedRows Of(IEnumerable<(ImportRowResult Result, CsvRecord Record)> rows)
    {
        var rejected = rows.Where(r => r.Result.Status != ImportRowStatus.Valid).ToList();
        return rejected.Count == 0 ? None : new(rejected[0].Record.Header.Names, rejected.Select(r => new RejectedRow(r.Result, r.Record.Cells)).ToList());
    }
}

/// <summary>
/// What a preview found: every row's status, the rows it would leave out, and <see cref="BatchErrors"/>, the problems
/// with the choices made for the whole file (the assessment, the batch note), shown once at those fields and not on
/// every row. An import is refused while there are any.
/// </summary>
public sealed record ImportPreview(IReadOnlyList<ImportRowResult> Rows, int NewCompanies, RejectedRows Rejected, IReadOnlyList<FieldError> BatchErrors)
{
    public int Count(ImportRowStatus status) => Rows.Count(r => r.Status == status);
}

/// <summary>What an import stored, and the rows it left out (<see cref="Rejected"/>, for the download).</summary>
public sealed record ImportSummary(int Imported, int Skipped, int CompaniesCreated, RejectedRows Rejected);

/// <summary>The header of a CSV file as written, and each column's position by its lower-case name (the first of that name).</summary>
public sealed class CsvHeader
{
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);

    public CsvHeader(IEnumerable<string> names)
    {
        Names = names.Select(n => n.Trim()).ToList();
        for (var i = 0; i < Names.Count; i++)
        {
            _positions.TryAdd(Names[i].ToLowerInvariant(), i);
        }
    }

    public IReadOnlyList<string> Names { get; }

    public bool Has(string column) => _positions.ContainsKey(column);

    public int? PositionOf(string column) => _positions.TryGetValue(column, out var position) ? position : null;
}

/// <summary>One data line of a CSV file: its cells in the header's order, read by lower-case column name.</summary>
public sealed record CsvRecord(int Line, CsvHeader Header, IReadOnlyList<string?> Cells)
{
    public string? this[string column] => Header.PositionOf(column) is { } position && position < Cells.Count ? Cells[position] : null;
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

    /// <summary>The field of an error about the whole row rather than one of its cells.</summary>
    public const string RowField = "";

    /// <summary>A row's status and, for a duplicate, why: <c>DuplicateInCrm</c> or <c>DuplicateInFile</c> (field <see cref="RowField"/>).</summary>
    public readonly record struct Classification(ImportRowStatus Status, FieldError? Reason = null);

    /// <summary>Reads a CSV file (semicolon, comma or tab) whose header holds at least <paramref name="requiredColumns"/>.</summary>
    public static List<CsvRecord> Read(Stream csvStream, IReadOnlyCollection<string> requiredColumns)
    {
        using var reader = new StringReader(Decode(csvStream));
        using var csv = new CsvReader(reader, CrmCsv.ReaderConfiguration);
        if (!csv.Read() || !csv.ReadHeader())
        {
            throw new CrmValidationException([new FieldError("File", "CsvEmpty")]);
        }

        var header = new CsvHeader(csv.HeaderRecord!);
        var missing = requiredColumns.Select(c => c.ToLowerInvariant()).Where(c => !header.Has(c)).ToList();
        if (missing.Count > 0)
        {
            throw new CrmValidationException([new FieldError("File", "CsvMissingColumns", string.Join(", ", missing))]);
        }

        // One header for all rows, each row only its cells: no dictionary per row (P-IMPORT).
        var records = new List<CsvRecord>();
        while (csv.Read())
        {
            if (records.Count >= MaxRows)
            {
                throw new CrmValidationException([new FieldError("File", "CsvTooManyRows", MaxRows)]);
            }

            var cells = new string?[header.Names.Count];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = csv.TryGetField<string>(i, out var value) ? value : null;
            }

            records.Add(new CsvRecord(csv.Parser.RawRow, header, cells));
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
    /// Sorts the rows: suppressed (any contact point on the list), then duplicate (a contact point already in
    /// <paramref name="existing"/> or on an earlier valid row of the file), then invalid, else valid. A person who objected
    /// or who is already in the CRM is reported as such even when the row has other problems too: correcting those would
    /// not get the row imported. Only valid rows count as "earlier in the file", so a later correct row is not taken for
    /// a duplicate of one that will not be imported.
    /// </summary>
    /// <remarks>
    /// A file classified in parts passes the same <paramref name="seenInFile"/> to every part, so a contact point of an
    /// earlier part still makes a later row a duplicate.
    /// </remarks>
    public async Task<IReadOnlyList<Classification>> ClassifyAsync(CrmDbContext db, IReadOnlyList<Candidate> rows,
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
        var classes = new List<Classification>(rows.Count);
        foreach (var row in rows)
        {
            if (row.Emails.Any(suppressedEmails.Contains) || row.Phones.Concat(row.SharedPhones ?? []).Any(suppressedPhones.Contains))
            {
                classes.Add(new Classification(ImportRowStatus.Suppressed));
                continue;
            }

            var contacts = row.Emails.Concat(row.Phones).ToList();
            var repeatsEarlierRow = row.IsValid
                ? contacts.Where(c => !seenInFile.Add(c)).ToList().Count > 0 // add them all, so later rows see them
                : contacts.Any(seenInFile.Contains);
            classes.Add(contacts.Any(inCrm.Contains) ? new Classification(ImportRowStatus.Duplicate, new FieldError(RowField, "DuplicateInCrm"))
                : repeatsEarlierRow ? new Classification(ImportRowStatus.Duplicate, new FieldError(RowField, "DuplicateInFile"))
                : new Classification(row.IsValid ? ImportRowStatus.Valid : ImportRowStatus.Invalid));
        }

        return classes;
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
