using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Privacy;
using Cisa.Crm.Core.Privacy.Retention;

namespace Cisa.Crm.Tests.Core.People;

/// <summary>The registry finds the category classes by reflection: a category without its class, or a rule without its category, fails here and not in a sweep.</summary>
public sealed class PersonRegistryTests
{
    [Fact]
    public void Every_person_category_has_exactly_one_class_in_the_registry()
    {
        Assert.Equal(Enum.GetValues<PersonCategory>(), PersonRegistry.Default.All.Select(c => c.Category));
    }

    [Fact]
    public void Every_retention_rule_erases_records_of_exactly_one_category()
    {
        Assert.All(RetentionRules.All, rule => Assert.Single(PersonRegistry.Default.All, c => c.RetentionRules.Contains(rule)));
    }
}
