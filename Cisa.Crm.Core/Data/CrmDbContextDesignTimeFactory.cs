using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cisa.Crm.Core.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the web app.</summary>
internal sealed class CrmDbContextDesignTimeFactory : IDesignTimeDbContextFactory<CrmDbContext>
{
    public CrmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CrmDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
