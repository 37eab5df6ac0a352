using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Privacy.Suppression;
using Cisa.Crm.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Tests.Core.People;

/// <summary>
/// The two states a data-subject request leaves on a person, set directly for tests that need the state and not the
/// request: the same for prospects, partner contacts and applicants, so each category's test data delegates here.
/// </summary>
public static class SubjectRequestShortcuts
{
    /// <summary>DSR-RESTRICT as the subject-request feature sets it: through the entity's transition, without a request.</summary>
    public static async Task RestrictAsync<TPerson>(this TestDatabase db, int id)
        where TPerson : Person
    {
        await using var context = db.CreateContext();
        var person = await context.Set<TPerson>().SingleAsync(p => p.Id == id);
        person.Restrict(db.Time.GetUtcNow().UtcDateTime);
        await context.SaveChangesAsync();
    }

    /// <summary>DSR-OBJECT: an objection puts the (normalised) e-mail address and phone on the suppression list.</summary>
    public static async Task SuppressAsync(this TestDatabase db, string? email, string? phone, string requestReference)
    {
        await using var context = db.CreateContext();
        await db.Get<SuppressionList>().AddAsync(context, email, phone, requestReference, CancellationToken.None);
    }
}
