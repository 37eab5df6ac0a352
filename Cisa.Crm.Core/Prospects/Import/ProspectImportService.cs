using System.Globalization;
using CsvHelper;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Common.Csv;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Privacy.Suppression;
using Cisa.Crm.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Prospects.Import;

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

/// <summary>The batch-wide choices: one assessment (LI-NOTE) and the line that says why these people fit it.</summary>
public sealed record ImportBatch(int? AssessmentId, string? LegitimateInterestNote, ProspectSource? DefaultSource = null);

/// <summary>
/// CSV import of prospects. The preview and the import run the very same checks as the form
/// (<see cref="ProspectRules"/>), plus duplicates inside the file and against the database, and the
/// suppression list (DSR-OBJECT). The import stores the valid rows in one transaction, or nothing.
/// </summary>
public sealed class ProspectImportService(
    IDbContextFactory<CrmDbContext> dbFactory,
    ICurrentActor currentActor,
    AuditTrail trail,
    ProspectRules rules,
    SuppressionList suppression,
    TimeProvider time)
{
    public const int MaxRows = 200_000;
    public static readonly string[] Columns = ["FirstName", "LastName", "JobTitle", "Company", "EnterpriseNumber", "Email", "Phone", "Mobile", "Language", "Source", "SourceDetail", "Note"];
    private static readonly string[] RequiredColumns = ["firstname", "lastname", "company"];

    public async Task<ImportPreview> PreviewAsync(Stream csv, ImportBatch batch, CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.ProspectsImport, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var analysis = await AnalyseAsync(db, csv, batch, cancellationToken);
        return new ImportPreview(analysis.Rows.Select(r => r.Result).ToList(), analysis.NewCompanyNames.Count);
    }

    /// <summary>Imports the valid rows of the file (invalid, duplicate and suppressed rows are skipped) in one transaction.</summary>
    public async Task<ImportSummary> ImportAsync(Stream csv, ImportBatch batch, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.ProspectsImport, cancellationToken);
        actor.Demand(Permission.ProspectsWrite);
        return await dbFactory.InTransactionAsync(nameof(Prospect), async db =>
        {
            var analysis = await AnalyseAsync(db, csv, batch, cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var valid = analysis.Rows.Where(r => r.Result.Status == ImportRowStatus.Valid).ToList();

            // One new company per accent-free name: "Société Générale" and "Societe Generale" are the same company.
            var newCompanies = valid.Where(r => r.Input.CompanyId is null)
                .GroupBy(r => ContactNormaliser.SearchKey(r.CompanyName), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => new Company
                {
                    Name = g.First().CompanyName!, Type = CompanyType.Prospect, CreatedAtUtc = now, UpdatedAtUtc = now,
                    AccountOwnerId = actor.Id, AccountOwnerName = actor.DisplayName,
                }, StringComparer.Ordinal);
            db.Companies.AddRange(newCompanies.Values);
            await db.SaveChangesAsync(cancellationToken);

            var prospects = valid.Select(r =>
            {
                var input = r.Input.CompanyId is null ? r.Input with { CompanyId = newCompanies[ContactNormaliser.SearchKey(r.CompanyName)].Id } : r.Input;
                return ProspectService.NewProspect(input, actor, now);
            }).ToList();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Prospects.AddRange(prospects);
            await db.SaveChangesAsync(cancellationToken);

            var skipped = analysis.Rows.Count - valid.Count;
            var ids = prospects.Count == 0 ? "" : $";ids={prospects.Min(p => p.Id)}-{prospects.Max(p => p.Id)}";
            await trail.RecordAsync(db, actor, "Prospect.Imported", nameof(Prospect), null,
                $"created={prospects.Count};skipped={skipped};companies={newCompanies.Count};assessment={batch.AssessmentId}{ids}", cancellationToken);
            return new ImportSummary(prospects.Count, skipped, newCompanies.Count);
        }, cancellationToken);
    }

    private sealed record AnalysedRow(ImportRowResult Result, ProspectInput Input, string? CompanyName);

    private sealed record Analysis(List<AnalysedRow> Rows, HashSet<string> NewCompanyNames);

    private async Task<Analysis> AnalyseAsync(CrmDbContext db, Stream csvStream, ImportBatch batch, CancellationToken cancellationToken)
    {
        var parsed = Parse(csvStream);

        // The batch's assessment is checked once (LI-NOTE, LI-REVIEW) and its errors shown on every row.
        var batchErrors = new Validator();
        await rules.CheckAssessmentAsync(db, batch.AssessmentId, isNewChoice: true, batchErrors, cancellationToken);
        var batchFieldErrors = batchErrors.IsValid ? [] : batchErrors.Errors.ToList();

        var companies = await ResolveCompaniesAsync(db, parsed, cancellationToken);
        var checkedRows = parsed.Select(row =>
        {
            var companyId = companies.GetValueOrDefault(ContactNormaliser.SearchKey(row.CompanyName));
            var input = row.Input with
            {
                // A company not in the CRM yet is created on import; until then the field rules see a placeholder id.
                CompanyId = companyId == 0 ? -1 : companyId,
                AssessmentId = batch.AssessmentId,
                LegitimateInterestNote = string.IsNullOrWhiteSpace(row.Input.LegitimateInterestNote) ? batch.LegitimateInterestNote : row.Input.LegitimateInterestNote,
                Source = row.Input.Source ?? batch.DefaultSource,
            };
            var (valid, v) = rules.CheckFields(input);
            if (string.IsNullOrWhiteSpace(row.CompanyName))
            {
                v.Add(nameof(ProspectInput.CompanyId), "Required");
            }

            foreach (var error in row.ParseErrors.Concat(batchFieldErrors))
            {
                v.Add(error.Field, error.Code, error.Arguments);
            }

            return (row, valid: valid with { CompanyId = companyId == 0 ? null : companyId }, v);
        }).ToList();

        var existing = await ExistingContactsAsync(db, checkedRows.Select(r => r.valid).ToList(), cancellationToken);
        var suppressedEmails = await suppression.ListedAmongAsync(db, ContactKind.Email,
            checkedRows.Where(r => r.valid.Email is not null).Select(r => suppression.Hash(r.valid.Email!)).ToList(), cancellationToken);
        var suppressedPhones = await suppression.ListedAmongAsync(db, ContactKind.Phone,
            checkedRows.SelectMany(r => new[] { r.valid.Phone, r.valid.Mobile }).Where(p => p is not null).Select(p => suppression.Hash(p!)).ToList(), cancellationToken);

        var seenInFile = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<AnalysedRow>(checkedRows.Count);
        var newCompanies = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (row, valid, v) in checkedRows)
        {
            var contacts = new[] { valid.Email, valid.Phone, valid.Mobile }.Where(c => c is not null).Select(c => c!).ToList();
            var status = !v.IsValid ? ImportRowStatus.Invalid
                : (valid.Email is not null && suppressedEmails.Contains(suppression.Hash(valid.Email)))
                  || new[] { valid.Phone, valid.Mobile }.Any(p => p is not null && suppressedPhones.Contains(suppression.Hash(p))) ? ImportRowStatus.Suppressed
                : contacts.Any(existing.Contains) || contacts.Any(c => !seenInFile.Add(c)) ? ImportRowStatus.Duplicate
                : ImportRowStatus.Valid;
            if (status == ImportRowStatus.Valid && valid.CompanyId is null)
            {
                newCompanies.Add(ContactNormaliser.SearchKey(row.CompanyName));
            }

            var name = $"{row.Input.FirstName} {row.Input.LastName}".Trim();
            rows.Add(new AnalysedRow(new ImportRowResult(row.Line, name, row.CompanyName, status, v.IsValid ? [] : v.Errors.ToList()), valid, row.CompanyName));
        }

        return new Analysis(rows, newCompanies);
    }

    private sealed record ParsedRow(int Line, ProspectInput Input, string? CompanyName, List<FieldError> ParseErrors);

    private static List<ParsedRow> Parse(Stream csvStream)
    {
        using var reader = new StreamReader(csvStream, leaveOpen: true);
        using var csv = new CsvReader(reader, CrmCsv.ReaderConfiguration);
        if (!csv.Read() || !csv.ReadHeader())
        {
            throw new CrmValidationException([new FieldError("File", "CsvEmpty")]);
        }

        var headers = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToHashSet();
        var missing = RequiredColumns.Where(c => !headers.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new CrmValidationException([new FieldError("File", "CsvMissingColumns", string.Join(", ", missing))]);
        }

        var rows = new List<ParsedRow>();
        while (csv.Read())
        {
            if (rows.Count >= MaxRows)
            {
                throw new CrmValidationException([new FieldError("File", "CsvTooManyRows", MaxRows)]);
            }

            string? Field(string name) => headers.Contains(name) ? csv.GetField(name) : null;
            var errors = new List<FieldError>();
            var language = ParseLanguage(Field("language"), errors);
            var source = ParseSource(Field("source"), errors);
            rows.Add(new ParsedRow(
                csv.Parser.RawRow,
                new ProspectInput
                {
                    FirstName = Field("firstname"), LastName = Field("lastname"), JobTitle = Field("jobtitle"),
                    Email = Field("email"), Phone = Field("phone"), Mobile = Field("mobile"),
                    PreferredLanguage = language, Source = source, SourceDetail = Field("sourcedetail"),
                    LegitimateInterestNote = Field("note"),
                },
                Field("company")?.Trim(),
                errors));
        }

        return rows;
    }

    private static PreferredLanguage ParseLanguage(string? value, List<FieldError> errors) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "nl" or "dutch" or "nederlands" => PreferredLanguage.Dutch,
        "fr" or "french" or "frans" or "français" => PreferredLanguage.French,
        "en" or "english" or "engels" => PreferredLanguage.English,
        _ => Invalid(PreferredLanguage.Dutch, nameof(ProspectInput.PreferredLanguage), errors),
    };

    private static ProspectSource? ParseSource(string? value, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Enum.TryParse<ProspectSource>(value.Trim().Replace(" ", "", StringComparison.Ordinal), ignoreCase: true, out var source) && Enum.IsDefined(source)
            ? source
            : Invalid<ProspectSource?>(null, nameof(ProspectInput.Source), errors);
    }

    private static T Invalid<T>(T fallback, string field, List<FieldError> errors)
    {
        errors.Add(new FieldError(field, "ValueUnknown"));
        return fallback;
    }

    /// <summary>Company names in the file matched to existing companies by their accent-free key.</summary>
    private static async Task<Dictionary<string, int>> ResolveCompaniesAsync(CrmDbContext db, List<ParsedRow> rows, CancellationToken cancellationToken)
    {
        var keys = rows.Select(r => ContactNormaliser.SearchKey(r.CompanyName)).Where(k => k.Length > 0).Distinct().ToList();
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(500))
        {
            var matches = await db.Companies.AsNoTracking().Where(c => chunk.Contains(c.NameKey)).Select(c => new { c.NameKey, c.Id }).ToListAsync(cancellationToken);
            foreach (var match in matches)
            {
                found.TryAdd(match.NameKey, match.Id);
            }
        }

        return found;
    }

    /// <summary>The e-mail addresses and phone numbers among these rows that already belong to a prospect.</summary>
    private static async Task<HashSet<string>> ExistingContactsAsync(CrmDbContext db, List<ProspectInput> rows, CancellationToken cancellationToken)
    {
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in rows.Select(r => r.Email).Where(e => e is not null).Distinct().Chunk(500))
        {
            existing.UnionWith((await db.Prospects.AsNoTracking().Where(p => chunk.Contains(p.Email)).Select(p => p.Email).ToListAsync(cancellationToken))!);
        }

        foreach (var chunk in rows.SelectMany(r => new[] { r.Phone, r.Mobile }).Where(p => p is not null).Distinct().Chunk(500))
        {
            existing.UnionWith((await db.Prospects.AsNoTracking().Where(p => chunk.Contains(p.Phone)).Select(p => p.Phone).ToListAsync(cancellationToken))!);
            existing.UnionWith((await db.Prospects.AsNoTracking().Where(p => chunk.Contains(p.Mobile)).Select(p => p.Mobile).ToListAsync(cancellationToken))!);
        }

        return existing;
    }
}
