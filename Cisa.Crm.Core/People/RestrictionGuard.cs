using Cisa.Crm.Core.Errors;

namespace Cisa.Crm.Core.People;

/// <summary>
/// DSR-RESTRICT, asked in one place: restricted data is stored but not processed. Every write, call,
/// export and disclosure of a person goes through here.
/// </summary>
public static class RestrictionGuard
{
    public static void EnsureNotRestricted(Person person)
    {
        if (person.IsRestricted)
        {
            throw new RuleViolationException("Restricted", "This person's data is restricted: it is kept but may not be changed or used.");
        }
    }
}
