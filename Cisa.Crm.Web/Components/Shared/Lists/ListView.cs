namespace Cisa.Crm.Web.Components.Shared.Lists;

/// <summary>
/// What every list has in its address: the search, the sorted column (by its name in the address; null is the list's
/// default order), the direction, the zero-based page and the page size. A page adds its own filters beside it.
/// </summary>
public sealed record ListView(string? Search = null, string? Sort = null, bool Descending = false, int PageIndex = 0, int PageSize = 25)
{
    /// <summary>The query parameters of this view; defaults are null, so they stay out of the address.</summary>
    public Dictionary<string, object?> ToQuery() => new()
    {
        [ListAddress.Search] = ListAddress.Text(Search),
        [ListAddress.Sort] = Sort,
        [ListAddress.Descending] = ListAddress.FlagValue(Descending),
        [ListAddress.Page] = ListAddress.PageNumber(PageIndex),
        [ListAddress.PageSize] = ListAddress.PageSizeValue(PageSize),
    };

    /// <summary>The sort as a column of <typeparamref name="TSort"/>, or <paramref name="byDefault"/>.</summary>
    public TSort SortAs<TSort>(TSort byDefault) where TSort : struct, Enum => ListAddress.EnumOf<TSort>(Sort) ?? byDefault;

    /// <summary>This view sorted by <paramref name="sort"/>; the default column is written as no sort at all.</summary>
    public ListView SortedBy<TSort>(TSort sort, bool descending, TSort byDefault) where TSort : struct, Enum =>
        this with { Sort = EqualityComparer<TSort>.Default.Equals(sort, byDefault) ? null : ListAddress.EnumValue<TSort>(sort), Descending = descending };
}
