using Cisa.Crm.Core.Applicants;
using Microsoft.AspNetCore.DataProtection;

namespace Cisa.Crm.Web.Setup;

/// <summary>
/// CVs are encrypted with ASP.NET Core Data Protection (authenticated encryption, keys rotated and kept
/// in <c>db/keys/data-protection</c>, outside the database): a copy of the database alone reads nothing.
/// </summary>
public sealed class DataProtectionCvProtector(IDataProtectionProvider provider) : ICvProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("Cisa.Crm.Applicants.Cv.v1");

    public byte[] Protect(byte[] content) => _protector.Protect(content);

    public byte[] Unprotect(byte[] protectedContent) => _protector.Unprotect(protectedContent);
}
