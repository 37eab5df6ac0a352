using System.Collections.Concurrent;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Privacy;
using MudBlazor;

namespace Cisa.Crm.Web.Components.Pages.Privacy;

/// <summary>Where a person record of any category is opened, what its category is called and drawn as, for lists that mix categories.</summary>
/// <remarks>
/// Static, for markup that calls it inline from many components; with no container to inject into a static class it reads
/// <see cref="PersonRegistry.Default"/>, the same instance the container hands out.
/// </remarks>
public static class PersonPages
{
    private static readonly ConcurrentDictionary<string, string> IconsByName = new(StringComparer.Ordinal);

    public static string Href(PersonRef person) => PersonRegistry.Default[person.Category].PagePath(person.Id);

    /// <summary>The resource key of the category's name.</summary>
    public static string Label(PersonCategory category) => PersonRegistry.Default[category].LabelKey;

    /// <summary>The category's outlined Material icon, looked up by the name the core gives (a generic badge if MudBlazor has none of that name).</summary>
    public static string Icon(PersonCategory category) => IconsByName.GetOrAdd(PersonRegistry.Default[category].IconName,
        name => typeof(Icons.Material.Outlined).GetField(name)?.GetValue(null) as string ?? Icons.Material.Outlined.Badge);
}
