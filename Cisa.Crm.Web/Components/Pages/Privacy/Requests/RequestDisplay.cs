using Cisa.Crm.Core.Privacy.Requests;
using Cisa.Crm.Web.Localization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Cisa.Crm.Web.Components.Pages.Privacy.Requests;

/// <summary>How the request pages word and colour what the core returns: rights, status, days left.</summary>
public static class RequestDisplay
{
    /// <summary>Every right a person can invoke (DSR-RIGHTS), in the order of the enum.</summary>
    public static IReadOnlyList<RequestedRights> AllRights { get; } = [.. Enum.GetValues<RequestedRights>().Where(r => r != RequestedRights.None)];

    /// <summary>The rights a request invokes, one by one, in the order of the enum.</summary>
    public static IEnumerable<RequestedRights> Rights(RequestedRights rights) =>
        AllRights.Where(r => rights.HasFlag(r));

    /// <summary>DSR-DEADLINE at a glance: overdue red, due within seven days orange, otherwise green.</summary>
    public static string DaysLeftClass(int daysLeft) => daysLeft switch
    {
        < 0 => "days-left overdue",
        <= 7 => "days-left soon",
        _ => "days-left ok",
    };

    public static string DaysLeftText(IStringLocalizer text, int daysLeft) => daysLeft switch
    {
        < 0 => text.Plural("Request.Overdue", -daysLeft),
        0 => text["Request.DueToday"],
        _ => text.Plural("Request.DaysLeft", daysLeft),
    };

    public static Color StatusColor(RequestStatus status) => status switch
    {
        RequestStatus.Received => Color.Warning,
        RequestStatus.Verified => Color.Info,
        RequestStatus.Executed => Color.Primary,
        RequestStatus.Answered => Color.Success,
        _ => Color.Default,
    };

    /// <summary>The requester's name as first and last name for the search: the first word, and the rest (Van Looy, De Smet).</summary>
    public static (string? First, string? Last) SplitName(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length switch
        {
            0 => (null, null),
            1 => (null, words[0]),
            _ => (words[0], string.Join(' ', words[1..])),
        };
    }
}
