using MudBlazor;

namespace Cisa.Crm.Web.Components.Shared.Lists;

public static class GridExtensions
{
    /// <summary>
    /// After a new search or filter: the first page of the new result. Going to the first page loads it; already
    /// there, the grid loads again. One load either way.
    /// </summary>
    public static Task RefilterAsync<T>(this MudDataGrid<T>? grid)
    {
        if (grid is null)
        {
            return Task.CompletedTask;
        }

        if (grid.CurrentPage > 0)
        {
            grid.NavigateTo(Page.First);
            return Task.CompletedTask;
        }

        return grid.ReloadServerData();
    }
}
