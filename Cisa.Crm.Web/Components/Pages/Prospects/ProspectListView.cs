using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Web.Components.Shared.Lists;

namespace Cisa.Crm.Web.Components.Pages.Prospects;

/// <summary>The prospect list's view as the address keeps it: the common part and the list's three filters.</summary>
public sealed record ProspectListView(ListView List, ProspectSource? Source = null, bool Mine = false, bool IncludeRestricted = false)
{
    public const string SourceKey = "source";
    public const string MineKey = "mine";
    public const string RestrictedKey = "restricted";

    public Dictionary<string, object?> ToQuery()
    {
        var query = List.ToQuery();
        query[SourceKey] = ListAddress.EnumValue(Source);
        query[MineKey] = ListAddress.FlagValue(Mine);
        query[RestrictedKey] = ListAddress.FlagValue(IncludeRestricted);
        return query;
    }
}
