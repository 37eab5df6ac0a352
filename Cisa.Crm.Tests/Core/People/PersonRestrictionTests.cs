using Cisa.Crm.Core.People;

namespace Cisa.Crm.Tests.Core.People;

/// <summary>
/// DSR-RESTRICT on the shared <see cref="Person"/> base, without a database: prospects, partner contacts and applicants
/// all restrict and lift through these two methods, so one stand-in person proves them for all three.
/// </summary>
public sealed class PersonRestrictionTests
{
    private static readonly DateTime At = new(2026, 3, 12, 10, 30, 0, DateTimeKind.Utc);

    /// <summary>No category's own fields matter here; only what every person has.</summary>
    private sealed class AnyPerson : Person;

    [Fact]
    public void DSR_RESTRICT_restricting_locks_the_person_from_the_given_time()
    {
        var person = new AnyPerson();

        person.Restrict(At);

        Assert.Equal((true, At), (person.IsRestricted, person.RestrictedAtUtc));
    }

    [Fact]
    public void DSR_RESTRICT_restricting_an_already_restricted_person_renews_the_date()
    {
        var person = new AnyPerson();
        person.Restrict(At);

        person.Restrict(At.AddDays(3));

        Assert.Equal((true, At.AddDays(3)), (person.IsRestricted, person.RestrictedAtUtc));
    }

    [Fact]
    public void DSR_RESTRICT_lifting_clears_the_lock_and_its_date()
    {
        var person = new AnyPerson();
        person.Restrict(At);

        person.LiftRestriction();

        Assert.Equal((false, (DateTime?)null), (person.IsRestricted, person.RestrictedAtUtc));
    }

    [Fact]
    public void DSR_RESTRICT_lifting_a_person_who_is_not_restricted_changes_nothing()
    {
        var person = new AnyPerson();

        person.LiftRestriction();

        Assert.Equal((false, (DateTime?)null), (person.IsRestricted, person.RestrictedAtUtc));
    }
}
