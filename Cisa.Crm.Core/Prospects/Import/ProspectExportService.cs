using System.Globalization;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Common.Csv;
using Cisa.Crm.Core.Common.Import;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Prospects.Import;

/// <summary>
/// Exports the prospect list as filtered on screen to CSV, in the import's column layout. Restricted
/// prospects are never exported (DSR-RESTRICT); cells are neutralised against spreadsheet formulas;
/// every export is audited (LOG-ACTIONS).
/// </summary>
public sealed class ProspectExportService(IDbContextFactory<CrmDbContext> dbFactory, ICurrentActor currentActor, AuditTrail trail)
{
    public const int MaxRows = 100_000;

    public async Task<byte[]> ExportAsync(ProspectQuery query, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.ProspectsExport, cancellationToken);
        return await dbFactory.InTransactionAsync(nameof(Prospect), async db =>
        {
            var prospects = ProspectQueries.Sort(ProspectQueries.Filter(db.Prospects.AsNoTracking(), db.Companies.AsNoTracking(), query with { IncludeRestricted = false }), query);
            var rows = await prospects.Take(MaxRows).Select(p => new
            {
                p.FirstName, p.LastName, p.JobTitle, Company = p.Company!.Name, p.Company.EnterpriseNumber, p.Email, p.Phone, p.Mobile,
                p.PreferredLanguage, p.Source, p.SourceDetail, LegitimateInterestNote = p.LegitimateInterestNote.Text,
            }).ToListAsync(cancellationToken);
            var csv = CrmCsv.Write(ProspectImportService.Columns, rows.Select(r => (IReadOnlyList<string?>)
            [
                r.FirstName, r.LastName, r.JobTitle, r.Company, r.EnterpriseNumber, r.Email, r.Phone, r.Mobile,
                CsvValues.LanguageCode(r.PreferredLanguage), r.Source.ToString(), r.SourceDetail, r.LegitimateInterestNote,
            ]));
            await trail.RecordAsync(db, actor, "Prospect.Exported", nameof(Prospect), null,
                string.Create(CultureInfo.InvariantCulture, $"rows={rows.Count}"), cancellationToken);
            return csv;
        }, cancellationToken);
    }
}
