using Cisa.Crm.Core.Privacy.Suppression;
using Cisa.Crm.Core.Prospects.Import;
using Cisa.Crm.Tests.Support;

namespace Cisa.Crm.Tests.Core.Prospects.Import;

/// <summary>What the prospect import and export tests share: the import's columns and the people already in the CRM.</summary>
public abstract class ProspectCsvTestBase : SalesTestBase
{
    protected const string Header = "FirstName;LastName;JobTitle;Company;EnterpriseNumber;Email;Phone;Mobile;Language;Source;SourceDetail;Note";

    protected ProspectImportService Import => Db.Get<ProspectImportService>();


    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await CreateProspectAsync(NewProspect() with { FirstName = "Els", LastName = "Dubbel", Email = "els.dubbel@kempen-ict.be" });
        await using var context = Db.CreateContext();
        await Db.Get<SuppressionList>().AddAsync(context, "jan.peeters@firma.be", null, "REQ-1", CancellationToken.None);
    }
}
