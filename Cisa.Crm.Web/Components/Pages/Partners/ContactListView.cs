using Cisa.Crm.Web.Components.Shared.Lists;

namespace Cisa.Crm.Web.Components.Pages.Partners;

/// <summary>The contact list's view as the address keeps it: the common part and whether restricted contacts show.</summary>
public sealed record ContactListView(ListView List, bool IncludeRestricted = false)
{
    public const string RestrictedKey = "restricted";

    public Dictionary<string, object?> ToQuery()
    {
        var query = List.ToQuery();
        query[RestrictedKey] = ListAddress.FlagValue(IncludeRestricted);
        return query;
    }
}
