using Cisa.Crm.Core.Privacy;
using Cisa.Crm.Core.Privacy.Retention;

namespace Cisa.Crm.Core.People;

/// <summary>
/// The person categories, found once in this assembly: every <see cref="IPersonCategory"/> class is one. Services loop
/// over <see cref="All"/> or look a category up; nothing else names a category. Services and components take it by
/// injection (the core registers <see cref="Default"/>); the static <see cref="Default"/> itself is read only where there
/// is no container: an extension on <see cref="RetentionRule"/>, pure builders of SQL and reply text, and the web's static
/// PersonPages helper. The categories hold no state, so one instance serves both.
/// </summary>
public sealed class PersonRegistry
{
    private readonly Dictionary<PersonCategory, IPersonCategory> _byCategory;

    public PersonRegistry(IEnumerable<IPersonCategory> categories)
    {
        All = categories.OrderBy(c => c.Category).ToList();
        _byCategory = All.ToDictionary(c => c.Category);
    }

    public static PersonRegistry Default { get; } = new(typeof(PersonRegistry).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPersonCategory).IsAssignableFrom(t))
        .Select(t => (IPersonCategory)Activator.CreateInstance(t)!));

    /// <summary>Every category, in the order of <see cref="PersonCategory"/> (the order lists group them in).</summary>
    public IReadOnlyList<IPersonCategory> All { get; }

    public IPersonCategory this[PersonCategory category] =>
        _byCategory.TryGetValue(category, out var found) ? found : throw new ArgumentOutOfRangeException(nameof(category), category, "Not a person category.");

    /// <summary>The category a retention rule erases records of.</summary>
    public IPersonCategory Of(RetentionRule rule) => All.Single(c => c.RetentionRules.Contains(rule));
}
