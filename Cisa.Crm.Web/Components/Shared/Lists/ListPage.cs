using Microsoft.AspNetCore.Components;

namespace Cisa.Crm.Web.Components.Shared.Lists;

/// <summary>
/// The base of a list page whose view lives in the address (see <see cref="ListAddress"/>): the common query
/// parameters, read leniently (a hand-edited address falls back to the defaults, never to an error page).
/// A page adds its filters as more <c>[SupplyParameterFromQuery]</c> properties.
/// </summary>
public abstract class ListPage : ComponentBase
{
    [Inject]
    protected ListAddress Address { get; set; } = default!;

    [SupplyParameterFromQuery(Name = ListAddress.Search)]
    public string? SearchInAddress { get; set; }

    [SupplyParameterFromQuery(Name = ListAddress.Sort)]
    public string? SortInAddress { get; set; }

    [SupplyParameterFromQuery(Name = ListAddress.Descending)]
    public string? DescendingInAddress { get; set; }

    [SupplyParameterFromQuery(Name = ListAddress.Page)]
    public string? PageInAddress { get; set; }

    [SupplyParameterFromQuery(Name = ListAddress.PageSize)]
    public string? PageSizeInAddress { get; set; }

    /// <summary>The common part of the view as the address gives it.</summary>
    protected ListView ViewInAddress => new(
        ListAddress.Text(SearchInAddress), string.IsNullOrEmpty(SortInAddress) ? null : SortInAddress, ListAddress.Flag(DescendingInAddress),
        ListAddress.PageIndex(PageInAddress), ListAddress.PageSizeOf(PageSizeInAddress));
}
