namespace Cisa.Crm.Core.Common;

/// <summary>
/// One page of a server-side list and the total number of matching rows; <paramref name="MoreThanTotal"/> when the
/// count stopped at <paramref name="TotalCount"/> and more rows match (a broad search is not counted to the end).
/// </summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount, bool MoreThanTotal = false);

/// <summary>Which page to fetch. <see cref="Take"/> is capped so no caller can load a whole table.</summary>
public readonly record struct PageRequest(int Skip, int Take)
{
    public const int MaxTake = 200;

    public int SafeSkip => Math.Max(0, Skip);

    public int SafeTake => Math.Clamp(Take, 1, MaxTake);
}
