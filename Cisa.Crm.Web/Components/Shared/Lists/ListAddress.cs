using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace Cisa.Crm.Web.Components.Shared.Lists;

/// <summary>
/// A list's view (search, filters, sort, page, page size) kept in the address's query, so a reload or a link sent to a
/// colleague shows exactly the same view. One per circuit, used by every list page:
/// <list type="bullet">
/// <item>the page reads the view from its <c>[SupplyParameterFromQuery]</c> properties with the parsers below (a
/// hand-edited or stale value falls back to the default instead of failing);</item>
/// <item>on every change the page loads at once and calls <see cref="Show"/>, which replaces the address
/// (<c>replace: true</c>, so Back leaves the list instead of stepping through every click);</item>
/// <item>that new address comes back to the page as new query parameters; <see cref="IsOwnWrite"/> tells such an echo
/// from a real navigation (a menu link to the bare list, a pasted address), so the page neither loads twice nor goes
/// back to an older view when a slow echo arrives after the user typed on.</item>
/// </list>
/// The page never waits for the echo: a client that does not report address changes still gets its rows.
/// </summary>
public sealed class ListAddress(NavigationManager navigation)
{
    public const string Search = "q";
    public const string Sort = "sort";
    public const string Descending = "desc";
    public const string Page = "page";
    public const string PageSize = "size";

    /// <summary>The common page sizes of every list; the first is the default.</summary>
    public static readonly int[] PageSizes = [25, 50, 100];

    // Addresses written and not yet come back, oldest first; bounded for clients that never report them.
    private const int MaxPending = 32;
    private readonly List<string> _written = [];

    /// <summary>
    /// True when the current address is one this circuit wrote itself: the page already shows that view (or a newer
    /// one). The echo and every older write still pending are forgotten.
    /// </summary>
    public bool IsOwnWrite()
    {
        var index = _written.IndexOf(Normalised(navigation.Uri));
        if (index < 0)
        {
            return false;
        }

        _written.RemoveRange(0, index + 1);
        return true;
    }

    /// <summary>
    /// Puts the view into the address, replacing the current history entry. Values that are null or the list's
    /// default are left out, so the bare list keeps its bare address.
    /// </summary>
    public void Show(IReadOnlyDictionary<string, object?> view)
    {
        var uri = navigation.GetUriWithQueryParameters(view);
        var key = Normalised(uri);
        if (key == Normalised(navigation.Uri) && _written.Count == 0 || _written.Count > 0 && _written[^1] == key)
        {
            return;
        }

        if (_written.Count == MaxPending)
        {
            _written.RemoveAt(0);
        }

        _written.Add(key);
        navigation.NavigateTo(uri, replace: true);
    }

    /// <summary>A zero-based page index from the address's one-based page number; anything else is the first page.</summary>
    public static int PageIndex(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 1_000_000 ? number - 1 : 0;

    /// <summary>The address's one-based page number for a page index; the first page is left out.</summary>
    public static string? PageNumber(int pageIndex) => pageIndex <= 0 ? null : (pageIndex + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>One of <see cref="PageSizes"/>; anything else is the default.</summary>
    public static int PageSizeOf(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && PageSizes.Contains(size) ? size : PageSizes[0];

    public static string? PageSizeValue(int size) => size == PageSizes[0] ? null : size.ToString(CultureInfo.InvariantCulture);

    /// <summary>A defined value of <typeparamref name="TEnum"/> by name, or null.</summary>
    public static TEnum? EnumOf<TEnum>(string? value) where TEnum : struct, Enum =>
        !string.IsNullOrEmpty(value) && !char.IsAsciiDigit(value[0]) && Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : null;

    public static string? EnumValue<TEnum>(TEnum? value) where TEnum : struct, Enum => value?.ToString();

    /// <summary>A switch: on as "1" in the address, off left out.</summary>
    public static bool Flag(string? value) => value is "1" or "true";

    public static string? FlagValue(bool on) => on ? "1" : null;

    /// <summary>A record's id (a whole number from 1); anything else is none.</summary>
    public static int? Id(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    /// <summary>A search as typed; blank is no search.</summary>
    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>A calendar day as yyyy-MM-dd; anything else is none.</summary>
    public static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public static string? DayValue(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // The browser may report the address with other escapes than the ones written (a space as %20 or +).
    private string Normalised(string uri) => Uri.UnescapeDataString(navigation.ToBaseRelativePath(uri).Replace('+', ' '));
}
