using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Common.Csv;
using Cisa.Crm.Core.Common.Import;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Data.Sqlite;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Security;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Prospects.Import;

/// <summary>
/// The batch-wide choices: one assessment (LI-NOTE) and the line that says why these people fit it (for the rows
/// without their own <c>Note</c>), and the source of rows without one.
/// </summary>
public sealed record ImportBatch(int? AssessmentId, string? LegitimateInterestNote, ProspectSource? DefaultSource = null);

/// <summary>
/// CSV import of prospects on the shared <see cref="PersonImport"/> pipeline. The rows pass the very
/// same rules as the form (<see cref="ProspectRules"/>); unknown companies are created as prospects.
/// The import stores the valid rows in one transaction, or nothing. Problems with the batch's own choices (no
/// assessment, an overdue one, no note while a row lacks its own) are reported once for the batch, not on every row,
/// and an import is refused while there are any.
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
    /// <summary>The columns a file must have (lower case, as the reader compares them); the others may be left out.</summary>
    public static readonly string[] RequiredColumns = ["firstname", "lastname", "company"];

    /// <summary>How many rows are checked at a time while the rows before them are stored (P-IMPORT).</summary>
    internal const int PartSize = 5_000;

    public async Task<ImportPreview> PreviewAsync(Stream csv, ImportBatch batch, CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.ProspectsImport, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var file = await ReadAsync(db, csv, batch, cancellationToken);
        var rows = await AnalyseAsync(db, file, 0, file.Records.Count, new HashSet<string>(StringComparer.Ordinal), cancellationToken);
        return new ImportPreview(rows.Select(r => r.Result).ToList(), NewCompanyKeys(rows).Count(),
            RejectedRows.Of(rows.Select(r => (r.Result, r.Record))), file.BatchErrors.Errors);
    }

    /// <summary>The import's columns with one example row of invented data, for the user to fill in.</summary>
    public static byte[] Template() => CrmCsv.Write(Columns,
    [
        ["Lotte", "Verbeeck", "IT-manager", "Voorbeeld Logistiek bv", "", "lotte.verbeeck@voorbeeld-logistiek.example", "014 58 21 37", "0471 93 58 21",
            "nl", nameof(ProspectSource.Event), "ICT-beurs Herentals", "Vroeg op de beurs naar een offerte voor netwerkbeheer."],
    ]);

    /// <summary>
    /// Imports the valid rows of the file (invalid, duplicate and suppressed rows are skipped) in one transaction. The
    /// rows are checked in parts of <see cref="PartSize"/> on a connection of their own while the writer stores the part
    /// before, so the two cores share the work; the checks read only what was committed before the import, and rows of
    /// the file itself are caught as duplicates in memory, as in the preview.
    /// </summary>
    public async Task<ImportSummary> ImportAsync(Stream csv, ImportBatch batch, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.ProspectsImport, cancellationToken);
        actor.Demand(Permission.ProspectsWrite);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var checksDb = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tuning = await BulkWriteTuning.ApplyAsync(db, cancellationToken);
        return await db.InTransactionAsync(nameof(Prospect), async () =>
        {
            var file = await ReadAsync(db, csv, batch, cancellationToken);
            file.BatchErrors.ThrowIfInvalid();
            var now = time.GetUtcNow().UtcDateTime;
            var rejected = new List<(ImportRowResult, CsvRecord)>();

            // One new company per accent-free name: "Société Générale" and "Societe Generale" are the same company.
            var newCompanies = new Dictionary<string, Company>(StringComparer.Ordinal);
            var (imported, firstId, lastId) = (0, 0, 0);

            // Tens of thousands of rows: one prepared statement per table, reused for every row, instead of
            // SaveChanges tracking every entity and preparing new SQL for every batch (P-IMPORT).
            await using var insertCompany = await PreparedInsert.CreateAsync<Company>(db, cancellationToken);
            await using var insertProspect = await PreparedInsert.CreateAsync<Prospect>(db, cancellationToken);
            // A row naming a company the CRM does not have: the company its first valid row creates. A later row may
            // bring the enterprise number the first one left out; the company takes it.
            async Task<int> NewCompanyIdAsync(AnalysedRow row)
            {
                if (!newCompanies.TryGetValue(row.CompanyKey, out var company))
                {
                    company = new Company
                    {
                        Name = row.CompanyName!, Type = CompanyType.Prospect, CreatedAtUtc = now, UpdatedAtUtc = now, EnterpriseNumber = row.EnterpriseNumber,
                        AccountOwnerId = actor.Id, AccountOwnerName = actor.DisplayName,
                    };
                    await insertCompany.InsertAsync(company, cancellationToken);
                    newCompanies.Add(row.CompanyKey, company);
                }
                else if (company.EnterpriseNumber is null && row.EnterpriseNumber is { } number)
                {
                    company.EnterpriseNumber = number;
                    await db.Companies.Where(c => c.Id == company.Id).ExecuteUpdateAsync(c => c.SetProperty(x => x.EnterpriseNumber, number), cancellationToken);
                }

                return company.Id;
            }

            // The checks' task also builds each valid row's prospect, so the writer only fills in a new company and inserts.
            Prospect Build(AnalysedRow row) => ProspectService.NewProspect(row.Input with { CompanyId = row.Input.CompanyId ?? 0 }, row.CompanyNameKey, actor, now);
            await foreach (var part in AnalyseInPartsAsync(checksDb, file, Build, rejected, cancellationToken))
            {
                foreach (var (row, prospect) in part)
                {
                    prospect.CompanyId = row.Input.CompanyId ?? await NewCompanyIdAsync(row);
                    await insertProspect.InsertAsync(prospect, cancellationToken);
                    (imported, firstId, lastId) = (imported + 1, imported == 0 ? prospect.Id : firstId, prospect.Id);
                }
            }

            var skipped = file.Records.Count - imported;
            var ids = imported == 0 ? "" : $";ids={firstId}-{lastId}";
            await trail.RecordAsync(db, actor, "Prospect.Imported", nameof(Prospect), null,
                $"created={imported};skipped={skipped};companies={newCompanies.Count};assessment={batch.AssessmentId}{ids}", cancellationToken);
            // The checks have finished once the parts are read to the end, so every rejected row is in the list.
            return new ImportSummary(imported, skipped, newCompanies.Count, RejectedRows.Of(rejected));
        }, cancellationToken);
    }

    /// <summary>
    /// A row after the checks; <paramref name="CompanyKey"/> is the accent-free company name as written, computed once,
    /// <paramref name="CompanyNameKey"/> the key of the company the prospect will belong to (the list's company sort).
    /// </summary>
    private sealed record AnalysedRow(ImportRowResult Result, CsvRecord Record, ProspectInput Input, string? CompanyName, string CompanyKey, string CompanyNameKey,
        string? EnterpriseNumber);

    /// <summary>The file as read, with what every row's checks share: the batch's own errors and the companies it names.</summary>
    private sealed record ImportFile(
        ImportBatch Batch,
        List<CsvRecord> Records,
        Validator BatchErrors,
        List<string> CompanyKeys,
        Dictionary<string, (int Id, CompanyType Type)> Companies,
        Dictionary<string, (int Id, string NameKey)> ByEnterpriseNumber);

    private static IEnumerable<string> NewCompanyKeys(List<AnalysedRow> rows) =>
        rows.Where(r => r.Result.Status == ImportRowStatus.Valid && r.Input.CompanyId is null).Select(r => r.CompanyKey).Distinct();

    private async Task<ImportFile> ReadAsync(CrmDbContext db, Stream csv, ImportBatch batch, CancellationToken cancellationToken)
    {
        var records = PersonImport.Read(csv, RequiredColumns);

        // The batch's assessment is checked once (LI-NOTE, LI-REVIEW); so is its note, which only rows without their own need.
        var batchErrors = new Validator();
        if (batch.AssessmentId is null)
        {
            batchErrors.Add(nameof(ProspectInput.AssessmentId), "LegitimateInterestRequired");
        }

        await rules.CheckAssessmentAsync(db, batch.AssessmentId, isNewChoice: true, batchErrors, cancellationToken);
        if (records.Exists(r => string.IsNullOrWhiteSpace(r["note"])))
        {
            if (string.IsNullOrWhiteSpace(batch.LegitimateInterestNote))
            {
                batchErrors.Add(nameof(ProspectInput.LegitimateInterestNote), "BatchNoteRequired");
            }
            else
            {
                ProspectRules.CheckLegitimateInterestNote(batch.LegitimateInterestNote, batchErrors);
            }
        }

        var companyKeys = records.Select(r => ContactNormaliser.SearchKey(r["company"])).ToList();
        var companies = await PersonImport.ResolveCompanyKeysAsync(db, companyKeys, cancellationToken);
        var numbers = records.Select(r => EnterpriseNumber.Normalise(r["enterprisenumber"])).OfType<string>().Distinct().ToList();
        // One JSON parameter (json_each) rather than one SQL parameter per number: SQLite caps those.
        var byEnterpriseNumber = await db.Companies.AsNoTracking().Where(c => c.EnterpriseNumber != null && EF.Parameter(numbers).Contains(c.EnterpriseNumber))
            .ToDictionaryAsync(c => c.EnterpriseNumber!, c => (c.Id, c.NameKey), cancellationToken);
        return new ImportFile(batch, records, batchErrors, companyKeys, companies, byEnterpriseNumber);
    }

    /// <summary>
    /// The valid rows of the file and their prospects, checked and built part by part on a background task, one part
    /// ahead of the caller, with one set of the file's contact points across all parts. Stops the checks when the caller
    /// stops reading.
    /// </summary>
    /// <param name="rejected">Collects the rows the checks leave out; complete once the parts have been read to the end.</param>
    private async IAsyncEnumerable<List<(AnalysedRow Row, Prospect Prospect)>> AnalyseInPartsAsync(CrmDbContext checksDb, ImportFile file,
        Func<AnalysedRow, Prospect> build, List<(ImportRowResult, CsvRecord)> rejected, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var parts = Channel.CreateBounded<List<(AnalysedRow, Prospect)>>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var checks = Task.Run(async () =>
        {
            try
            {
                var seenInFile = new HashSet<string>(StringComparer.Ordinal);
                for (var start = 0; start < file.Records.Count; start += PartSize)
                {
                    var part = await AnalyseAsync(checksDb, file, start, Math.Min(PartSize, file.Records.Count - start), seenInFile, stop.Token);
                    rejected.AddRange(part.Where(r => r.Result.Status != ImportRowStatus.Valid).Select(r => (r.Result, r.Record)));
                    await parts.Writer.WriteAsync(part.Where(r => r.Result.Status == ImportRowStatus.Valid).Select(r => (r, build(r))).ToList(), stop.Token);
                }

                parts.Writer.Complete();
            }
            catch (Exception ex)
            {
                parts.Writer.Complete(ex);
            }
        }, CancellationToken.None);

        try
        {
            await foreach (var part in parts.Reader.ReadAllAsync(cancellationToken))
            {
                yield return part;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await checks;
        }
    }

    private async Task<List<AnalysedRow>> AnalyseAsync(CrmDbContext db, ImportFile file, int start, int count, HashSet<string> seenInFile,
        CancellationToken cancellationToken)
    {
        var batch = file.Batch;
        var checkedRows = file.Records.GetRange(start, count).Select((record, offset) =>
        {
            var parseErrors = new List<FieldError>();
            var companyName = record["company"]?.Trim();
            var companyKey = file.CompanyKeys[start + offset];
            var enterpriseNumber = EnterpriseNumber.Normalise(record["enterprisenumber"]);
            // Found by enterprise number the company may carry another name: its own key is what the prospect copies.
            var (companyId, companyNameKey) = enterpriseNumber is not null && file.ByEnterpriseNumber.TryGetValue(enterpriseNumber, out var byNumber) ? byNumber
                : file.Companies.TryGetValue(companyKey, out var company) ? (company.Id, companyKey) : ((int?)null, companyKey);
            if (!string.IsNullOrWhiteSpace(record["enterprisenumber"]) && enterpriseNumber is null)
            {
                parseErrors.Add(new FieldError("EnterpriseNumber", "EnterpriseNumberInvalid"));
            }

            if (companyId is null)
            {
                // The name of a company the import will create: the company form's length and character rules.
                var newCompany = new Validator();
                newCompany.Text(nameof(ProspectInput.CompanyId), companyName, CompanyLimits.Name);
                parseErrors.AddRange(newCompany.Errors);
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
            var (valid, checks) = rules.CheckFields(input);
            // The assessment, and the note of a row without its own, are the batch's: their problems are reported once, for the batch.
            var ownNote = !string.IsNullOrWhiteSpace(record["note"]);
            var errors = CsvValues.WithUnreadableCells(
                checks.Errors.Where(e => e.Field != nameof(ProspectInput.AssessmentId) && (ownNote || e.Field != nameof(ProspectInput.LegitimateInterestNote))),
                parseErrors);
            if (string.IsNullOrWhiteSpace(companyName))
            {
                errors.Add(new FieldError(nameof(ProspectInput.CompanyId), "Required"));
            }

            return (record, companyName, companyKey, companyNameKey, enterpriseNumber, valid: valid with { CompanyId = companyId }, errors);
        }).ToList();

        var classes = await import.ClassifyAsync(db,
            checkedRows.Select(r => new PersonImport.Candidate(r.errors.Count == 0,
                r.valid.Email is null ? [] : [r.valid.Email],
                new[] { r.valid.Phone, r.valid.Mobile }.OfType<string>().ToList())).ToList(),
            (emails, phones) => ExistingContactsAsync(db, emails, phones, cancellationToken),
            cancellationToken, seenInFile);

        return checkedRows.Select((r, i) => new AnalysedRow(
            new ImportRowResult(r.record.Line, $"{r.valid.FirstName} {r.valid.LastName}".Trim(), r.companyName, classes[i].Status, classes[i].Reason is { } reason ? [.. r.errors, reason] : r.errors),
            r.record, r.valid, r.companyName, r.companyKey, r.companyNameKey, r.enterpriseNumber)).ToList();
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
