using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Common.Import;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Prospects.Import;

/// <summary>The batch-wide choices: one assessment (LI-NOTE) and the line that says why these people fit it.</summary>
public sealed record ImportBatch(int? AssessmentId, string? LegitimateInterestNote, ProspectSource? DefaultSource = null);

/// <summary>
/// CSV import of prospects on the shared <see cref="PersonImport"/> pipeline. The rows pass the very
/// same rules as the form (<see cref="ProspectRules"/>); unknown companies are created as prospects.
/// The import stores the valid rows in one transaction, or nothing.
/// </summary>
public sealed class ProspectImportService(
    IDbContextFactory<CrmDbContext> dbFactory,
    ICurrentActor currentActor,
    AuditTrail trail,
    ProspectRules rules,
    PersonImport import,
    TimeProvider time)
{
    public static readonly string[] Columns = ["FirstName", "LastName", "JobTitle", "Company", "EnterpriseNumber", "Email", "Phone", "Mobile", "Language", "Source", "SourceDetail", "Note"];
    private static readonly string[] RequiredColumns = ["firstname", "lastname", "company"];

    public async Task<ImportPreview> PreviewAsync(Stream csv, ImportBatch batch, CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.ProspectsImport, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await AnalyseAsync(db, csv, batch, cancellationToken);
        return new ImportPreview(rows.Select(r => r.Result).ToList(), NewCompanyKeys(rows).Count());
    }

    /// <summary>Imports the valid rows of the file (invalid, duplicate and suppressed rows are skipped) in one transaction.</summary>
    public async Task<ImportSummary> ImportAsync(Stream csv, ImportBatch batch, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.ProspectsImport, cancellationToken);
        actor.Demand(Permission.ProspectsWrite);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tuning = await BulkWriteTuning.ApplyAsync(db, cancellationToken);
        return await db.InTransactionAsync(nameof(Prospect), async () =>
        {
            var rows = await AnalyseAsync(db, csv, batch, cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var valid = rows.Where(r => r.Result.Status == ImportRowStatus.Valid).ToList();

            // One new company per accent-free name: "Société Générale" and "Societe Generale" are the same company.
            var newCompanies = valid.Where(r => r.Input.CompanyId is null)
                .GroupBy(r => r.CompanyKey, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => new Company
                {
                    Name = g.First().CompanyName!, Type = CompanyType.Prospect, CreatedAtUtc = now, UpdatedAtUtc = now,
                    EnterpriseNumber = g.Select(r => r.EnterpriseNumber).FirstOrDefault(n => n is not null),
                    AccountOwnerId = actor.Id, AccountOwnerName = actor.DisplayName,
                }, StringComparer.Ordinal);

            // Tens of thousands of rows: one prepared statement per table, reused for every row, instead of
            // SaveChanges tracking every entity and preparing new SQL for every batch (P-IMPORT).
            await using (var insertCompany = await PreparedInsert.CreateAsync<Company>(db, cancellationToken))
            {
                foreach (var company in newCompanies.Values)
                {
                    await insertCompany.InsertAsync(company, cancellationToken);
                }
            }

            var prospects = new List<Prospect>(valid.Count);
            await using (var insertProspect = await PreparedInsert.CreateAsync<Prospect>(db, cancellationToken))
            {
                foreach (var row in valid)
                {
                    var input = row.Input.CompanyId is null ? row.Input with { CompanyId = newCompanies[row.CompanyKey].Id } : row.Input;
                    var prospect = ProspectService.NewProspect(input, row.CompanyNameKey, actor, now);
                    await insertProspect.InsertAsync(prospect, cancellationToken);
                    prospects.Add(prospect);
                }
            }

            var skipped = rows.Count - valid.Count;
            var ids = prospects.Count == 0 ? "" : $";ids={prospects.Min(p => p.Id)}-{prospects.Max(p => p.Id)}";
            await trail.RecordAsync(db, actor, "Prospect.Imported", nameof(Prospect), null,
                $"created={prospects.Count};skipped={skipped};companies={newCompanies.Count};assessment={batch.AssessmentId}{ids}", cancellationToken);
            return new ImportSummary(prospects.Count, skipped, newCompanies.Count);
        }, cancellationToken);
    }

    /// <summary>
    /// A row after the checks; <paramref name="CompanyKey"/> is the accent-free company name as written, computed once,
    /// <paramref name="CompanyNameKey"/> the key of the company the prospect will belong to (the list's company sort).
    /// </summary>
    private sealed record AnalysedRow(ImportRowResult Result, ProspectInput Input, string? CompanyName, string CompanyKey, string CompanyNameKey, string? EnterpriseNumber);

    private static IEnumerable<string> NewCompanyKeys(List<AnalysedRow> rows) =>
        rows.Where(r => r.Result.Status == ImportRowStatus.Valid && r.Input.CompanyId is null).Select(r => r.CompanyKey).Distinct();

    private async Task<List<AnalysedRow>> AnalyseAsync(CrmDbContext db, Stream csv, ImportBatch batch, CancellationToken cancellationToken)
    {
        var records = PersonImport.Read(csv, RequiredColumns);

        // The batch's assessment is checked once (LI-NOTE, LI-REVIEW) and its errors shown on every row.
        var batchErrors = new Validator();
        await rules.CheckAssessmentAsync(db, batch.AssessmentId, isNewChoice: true, batchErrors, cancellationToken);

        var companyKeys = records.Select(r => ContactNormaliser.SearchKey(r["company"])).ToList();
        var companies = await PersonImport.ResolveCompanyKeysAsync(db, companyKeys, cancellationToken);
        var numbers = records.Select(r => EnterpriseNumber.Normalise(r["enterprisenumber"])).OfType<string>().Distinct().ToList();
        // One JSON parameter (json_each) rather than one SQL parameter per number: SQLite caps those.
        var byEnterpriseNumber = await db.Companies.AsNoTracking().Where(c => c.EnterpriseNumber != null && EF.Parameter(numbers).Contains(c.EnterpriseNumber))
            .ToDictionaryAsync(c => c.EnterpriseNumber!, c => (c.Id, c.NameKey), cancellationToken);
        var checkedRows = records.Select((record, index) =>
        {
            var parseErrors = new List<FieldError>();
            var companyName = record["company"]?.Trim();
            var companyKey = companyKeys[index];
            var enterpriseNumber = EnterpriseNumber.Normalise(record["enterprisenumber"]);
            // Found by enterprise number the company may carry another name: its own key is what the prospect copies.
            var (companyId, companyNameKey) = enterpriseNumber is not null && byEnterpriseNumber.TryGetValue(enterpriseNumber, out var byNumber) ? byNumber
                : companies.TryGetValue(companyKey, out var company) ? (company.Id, companyKey) : ((int?)null, companyKey);
            if (!string.IsNullOrWhiteSpace(record["enterprisenumber"]) && enterpriseNumber is null)
            {
                parseErrors.Add(new FieldError("EnterpriseNumber", "EnterpriseNumberInvalid"));
            }

            if (companyId is null && companyName is { Length: > CompanyLimits.Name })
            {
                parseErrors.Add(new FieldError(nameof(ProspectInput.CompanyId), "TooLong", CompanyLimits.Name));
            }
            var input = new ProspectInput
            {
                FirstName = record["firstname"], LastName = record["lastname"], JobTitle = record["jobtitle"],
                Email = record["email"], Phone = record["phone"], Mobile = record["mobile"],
                PreferredLanguage = CsvValues.Language(record["language"], parseErrors),
                Source = CsvValues.Enum<ProspectSource>(record["source"], nameof(ProspectInput.Source), parseErrors) ?? batch.DefaultSource,
                SourceDetail = record["sourcedetail"],
                LegitimateInterestNote = string.IsNullOrWhiteSpace(record["note"]) ? batch.LegitimateInterestNote : record["note"],
                AssessmentId = batch.AssessmentId,
                // A company not in the CRM yet is created on import; until then the field rules see a placeholder id.
                CompanyId = companyId ?? -1,
            };
            var (valid, v) = rules.CheckFields(input);
            if (string.IsNullOrWhiteSpace(companyName))
            {
                v.Add(nameof(ProspectInput.CompanyId), "Required");
            }

            foreach (var error in parseErrors.Concat(batchErrors.Errors))
            {
                v.Add(error.Field, error.Code, error.Arguments);
            }

            return (record, companyName, companyKey, companyNameKey, enterpriseNumber, valid: valid with { CompanyId = companyId }, v);
        }).ToList();

        var statuses = await import.ClassifyAsync(db,
            checkedRows.Select(r => new PersonImport.Candidate(r.v.IsValid,
                r.valid.Email is null ? [] : [r.valid.Email],
                new[] { r.valid.Phone, r.valid.Mobile }.OfType<string>().ToList())).ToList(),
            (emails, phones) => ExistingContactsAsync(db, emails, phones, cancellationToken),
            cancellationToken);

        return checkedRows.Select((r, i) => new AnalysedRow(
            new ImportRowResult(r.record.Line, $"{r.valid.FirstName} {r.valid.LastName}".Trim(), r.companyName, statuses[i], r.v.Errors.ToList()),
            r.valid, r.companyName, r.companyKey, r.companyNameKey, r.enterpriseNumber)).ToList();
    }

    /// <summary>The e-mail addresses and phone numbers among these that already belong to a prospect: one query per column.</summary>
    private static async Task<HashSet<string>> ExistingContactsAsync(CrmDbContext db, IReadOnlyCollection<string> emails, IReadOnlyCollection<string> phones, CancellationToken cancellationToken)
    {
        var existing = await db.Prospects.AsNoTracking().Select(p => p.Email).ValuesAmongAsync(emails, cancellationToken);
        existing.UnionWith(await db.Prospects.AsNoTracking().Select(p => p.Phone).ValuesAmongAsync(phones, cancellationToken));
        existing.UnionWith(await db.Prospects.AsNoTracking().Select(p => p.Mobile).ValuesAmongAsync(phones, cancellationToken));
        return existing;
    }
}
