using System.Globalization;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Common.Csv;
using Cisa.Crm.Core.Common.Import;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Partners;

/// <summary>
/// CSV import and export of partner contacts, on the same <see cref="PersonImport"/> pipeline and
/// CSV settings as the prospects. A contact's company must already be in the CRM as a customer,
/// supplier, subcontractor or recruitment agency. Restricted contacts are never exported.
/// </summary>
public sealed class PartnerContactCsvService(
    IDbContextFactory<CrmDbContext> dbFactory,
    ICurrentActor currentActor,
    AuditTrail trail,
    PersonImport import)
{
    public const int MaxExportRows = 100_000;
    public static readonly string[] Columns =
        ["FirstName", "LastName", "JobFunction", "Company", "Email", "Email2", "Phone", "Mobile", "Street", "PostalCode", "City", "Country", "Language", "LawfulBasis", "Notes"];
    /// <summary>The columns a file must have (lower case, as the reader compares them); the others may be left out.</summary>
    public static readonly string[] RequiredColumns = ["firstname", "lastname", "company"];

    public async Task<ImportPreview> PreviewAsync(Stream csv, PartnerLawfulBasis? defaultBasis, CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.PartnerContactsWrite, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await AnalyseAsync(db, csv, defaultBasis, cancellationToken);
        return new ImportPreview(rows.Select(r => r.Result).ToList(), 0, RejectedRows.Of(rows.Select(r => (r.Result, r.Record))), []);
    }

    /// <summary>The import's columns with one example row of invented data, for the user to fill in.</summary>
    public static byte[] Template() => CrmCsv.Write(Columns,
    [
        ["Wim", "Peeters", "Aankoper", "Voorbeeld Bouw nv", "wim.peeters@voorbeeld-bouw.example", "", "014 58 21 38", "0471 93 58 22",
            "Industrieweg 12", "2200", "Herentals", "BE", "nl", nameof(PartnerLawfulBasis.Contract), "Vaste contactpersoon voor de bestellingen."],
    ]);

    public async Task<ImportSummary> ImportAsync(Stream csv, PartnerLawfulBasis? defaultBasis, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.PartnerContactsWrite, cancellationToken);
        return await dbFactory.InTransactionAsync(PartnerContactService.EntityType, async db =>
        {
            var rows = await AnalyseAsync(db, csv, defaultBasis, cancellationToken);
            var contacts = rows.Where(r => r.Result.Status == ImportRowStatus.Valid).Select(r => PartnerContactService.NewContact(r.Input)).ToList();
            db.PartnerContacts.AddRange(contacts);
            await db.SaveChangesAsync(cancellationToken);
            var skipped = rows.Count - contacts.Count;
            var ids = contacts.Count == 0 ? "" : $";ids={contacts.Min(p => p.Id)}-{contacts.Max(p => p.Id)}";
            await trail.RecordAsync(db, actor, "PartnerContact.Imported", PartnerContactService.EntityType, null,
                $"created={contacts.Count};skipped={skipped}{ids}", cancellationToken);
            return new ImportSummary(contacts.Count, skipped, 0, RejectedRows.Of(rows.Select(r => (r.Result, r.Record))));
        }, cancellationToken);
    }

    /// <summary>The contact list as filtered, in the import's columns; restricted contacts left out (DSR-RESTRICT); audited.</summary>
    public async Task<byte[]> ExportAsync(PartnerContactQuery query, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.PartnerContactsWrite, cancellationToken);
        return await dbFactory.InTransactionAsync(PartnerContactService.EntityType, async db =>
        {
            var filtered = PartnerContactQueries.Sort(PartnerContactQueries.Filter(db, query with { IncludeRestricted = false }), query).Take(MaxExportRows);
            var contacts = await filtered.Include(p => p.Company).Include(p => p.Emails).Include(p => p.Phones).Include(p => p.Addresses)
                .AsSplitQuery().ToListAsync(cancellationToken);
            var csv = CrmCsv.Write(Columns, contacts.Select(c =>
            {
                var emails = c.Emails.OrderBy(e => e.Id).Select(e => e.Address).ToList();
                var address = c.Addresses.OrderBy(a => a.Id).FirstOrDefault();
                return (IReadOnlyList<string?>)
                [
                    c.FirstName, c.LastName, c.JobFunction, c.Company!.Name, emails.ElementAtOrDefault(0), emails.ElementAtOrDefault(1),
                    c.Phones.OrderBy(p => p.Id).FirstOrDefault(p => p.Kind == PhoneKind.Office)?.Number,
                    c.Phones.OrderBy(p => p.Id).FirstOrDefault(p => p.Kind == PhoneKind.Mobile)?.Number,
                    address?.Street, address?.PostalCode, address?.City, address?.CountryCode,
                    CsvValues.LanguageCode(c.PreferredLanguage), c.LawfulBasis.ToString(), c.Notes,
                ];
            }));
            await trail.RecordAsync(db, actor, "PartnerContact.Exported", PartnerContactService.EntityType, null,
                string.Create(CultureInfo.InvariantCulture, $"rows={contacts.Count}"), cancellationToken);
            return csv;
        }, cancellationToken);
    }

    private sealed record AnalysedRow(ImportRowResult Result, CsvRecord Record, PartnerContactInput Input);

    private async Task<List<AnalysedRow>> AnalyseAsync(CrmDbContext db, Stream csv, PartnerLawfulBasis? defaultBasis, CancellationToken cancellationToken)
    {
        var records = PersonImport.Read(csv, RequiredColumns);
        var companies = await PersonImport.ResolveCompaniesAsync(db, records.Select(r => r["company"]), cancellationToken);
        var checkedRows = records.Select(record =>
        {
            var parseErrors = new List<FieldError>();
            var companyName = record["company"]?.Trim();
            var company = companies.TryGetValue(ContactNormaliser.SearchKey(companyName), out var found) ? found : ((int Id, CompanyType Type)?)null;
            var street = record["street"];
            var input = new PartnerContactInput
            {
                FirstName = record["firstname"], LastName = record["lastname"], JobFunction = record["jobfunction"],
                CompanyId = company?.Id,
                PreferredLanguage = CsvValues.Language(record["language"], parseErrors),
                LawfulBasis = CsvValues.Enum<PartnerLawfulBasis>(record["lawfulbasis"], nameof(PartnerContactInput.LawfulBasis), parseErrors) ?? defaultBasis,
                Notes = record["notes"],
                Emails = [record["email"], record["email2"]],
                Phones = [new PhoneInput(PhoneKind.Office, record["phone"]), new PhoneInput(PhoneKind.Mobile, record["mobile"])],
                Addresses = string.IsNullOrWhiteSpace(street) && string.IsNullOrWhiteSpace(record["city"]) ? []
                    : [new AddressInput(street, record["postalcode"], record["city"], string.IsNullOrWhiteSpace(record["country"]) ? "BE" : record["country"])],
            };
            // A company the CRM does not know is that, not also "required".
            if (!string.IsNullOrWhiteSpace(companyName) && company is null)
            {
                parseErrors.Add(new FieldError(nameof(PartnerContactInput.CompanyId), "CompanyUnknown"));
            }
            else if (company?.Type == CompanyType.Prospect)
            {
                parseErrors.Add(new FieldError(nameof(PartnerContactInput.CompanyId), "CompanyNotPartner"));
            }

            var (valid, checks) = PartnerContactRules.CheckFields(input);
            return (record, companyName, valid, errors: CsvValues.WithUnreadableCells(checks.Errors, parseErrors));
        }).ToList();

        var classes = await import.ClassifyAsync(db,
            checkedRows.Select(r => new PersonImport.Candidate(r.errors.Count == 0, r.valid.Emails.OfType<string>().ToList(), r.valid.Phones.Where(p => p.Kind == PhoneKind.Mobile).Select(p => p.Number!).ToList(),
                r.valid.Phones.Where(p => p.Kind == PhoneKind.Office).Select(p => p.Number!).ToList())).ToList(),
            async (emails, phones) =>
            {
                var existing = await PersonImport.InChunksAsync(emails, chunk =>
                    db.PartnerContactEmails.AsNoTracking().Where(e => chunk.Contains(e.Address)).Select(e => e.Address).ToListAsync(cancellationToken));
                existing.UnionWith(await PersonImport.InChunksAsync(phones, chunk =>
                    db.PartnerContactPhones.AsNoTracking().Where(p => p.Kind == PhoneKind.Mobile && chunk.Contains(p.Number)).Select(p => p.Number).ToListAsync(cancellationToken)));
                return existing;
            },
            cancellationToken);

        return checkedRows.Select((r, i) => new AnalysedRow(
            new ImportRowResult(r.record.Line, $"{r.valid.FirstName} {r.valid.LastName}".Trim(), r.companyName, classes[i].Status, classes[i].Reason is { } reason ? [.. r.errors, reason] : r.errors),
            r.record, r.valid)).ToList();
    }
}
