using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cisa.Crm.Core.People;

/// <summary>
/// The part of the mapping every person table shares: the name and its accent-free search keys
/// (<see cref="PersonLimits.Name"/> long), and the name indexes that <see cref="PersonSearchService"/>, the lists and the subject-request
/// checks seek on. Written once, so a new category gets the same indexes the cross-category search relies on.
/// </summary>
internal static class PersonConfiguration
{
    public static void MapPerson<TPerson>(this EntityTypeBuilder<TPerson> builder, string table)
        where TPerson : Person
    {
        builder.ToTable(table);
        builder.Property(p => p.FirstName).HasMaxLength(PersonLimits.Name).IsRequired();
        builder.Property(p => p.LastName).HasMaxLength(PersonLimits.Name).IsRequired();
        builder.Property(p => p.FirstNameKey).HasMaxLength(PersonLimits.Name).IsRequired();
        builder.Property(p => p.LastNameKey).HasMaxLength(PersonLimits.Name).IsRequired();

        // The list's name sort and filters, with restricted people left out (DSR-RESTRICT) by an equality to lead with.
        builder.HasIndex(p => new { p.IsRestricted, p.LastNameKey, p.FirstNameKey });
        // With the first name: the person search seeks a whole surname plus a first-name prefix ("peeters ja"); also the
        // name sort when restricted people are shown too.
        builder.HasIndex(p => new { p.LastNameKey, p.FirstNameKey });
        // With the surname: the person search seeks a whole first name plus a surname prefix ("jan peet").
        builder.HasIndex(p => new { p.FirstNameKey, p.LastNameKey });
    }
}
