using Cisa.Crm.Core.Privacy.Requests;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Cisa.Crm.Web.Components.Pages.Privacy.Requests;

/// <summary>How the request pages word and colour what the core returns: rights, status, days left, execution results.</summary>
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
        < -1 => text["Request.Overdue", -daysLeft],
        -1 => text["Request.Overdue.One"],
        0 => text["Request.DueToday"],
        1 => text["Request.DaysLeft.One"],
        _ => text["Request.DaysLeft", daysLeft],
    };

    public static Color StatusColor(RequestStatus status) => status switch
    {
        RequestStatus.Received => Color.Warning,
        RequestStatus.Verified => Color.Info,
        RequestStatus.Executed => Color.Primary,
        RequestStatus.Answered => Color.Success,
        _ => Color.Default,
    };

    /// <summary>
    /// What carrying out a decision did, from the core's counts (<c>applications=1;cv=1</c>, <c>exempt;restricted</c>):
    /// each part worded when a text exists for it, otherwise shown as it is.
    /// </summary>
    public static string Result(IStringLocalizer text, string? result)
    {
        if (string.IsNullOrEmpty(result))
        {
            return "";
        }

        // "exempt" only repeats what the decision itself says.
        var parts = result.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(part => part != "exempt").Select(part =>
        {
            var (key, value) = part.IndexOf('=', StringComparison.Ordinal) is var at and >= 0 ? (part[..at], part[(at + 1)..]) : (part, null);
            if (key == "fields" && value is not null)
            {
                // Rectified fields by name, in the user's language.
                value = string.Join(", ", value.Split(',').Select(f => text[$"Field.{f}"] is { ResourceNotFound: false } field ? field.Value : f));
            }

            var worded = value is null ? text[$"Request.Result.{key}"] : text[$"Request.Result.{key}", value];
            return worded.ResourceNotFound ? part : worded.Value;
        });
        return string.Join(" · ", parts);
    }

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
