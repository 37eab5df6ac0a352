using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data.Bookkeeping;

namespace Cisa.Crm.Core.People;

/// <summary>
/// What every kind of data subject in the CRM has: a name (with accent-free keys for the indexed
/// search) and the restriction state of DSR-RESTRICT. Each category is its own table.
/// </summary>
public abstract class Person
{
    public int Id { get; set; }

    public string FirstName
    {
        get;
        set
        {
            field = value;
            FirstNameKey = ContactNormaliser.SearchKey(value);
        }
    } = "";

    public string LastName
    {
        get;
        set
        {
            field = value;
            LastNameKey = ContactNormaliser.SearchKey(value);
        }
    } = "";

    [NotAnEdit]
    public string FirstNameKey { get; private set; } = "";

    [NotAnEdit]
    public string LastNameKey { get; private set; } = "";

    /// <summary>DSR-RESTRICT: stored but not processed — read-only, no calls or disclosures, out of lists and exports.</summary>
    [NotAnEdit]
    public bool IsRestricted { get; private set; }

    /// <summary>When the restriction now in force was placed; null exactly when <see cref="IsRestricted"/> is false.</summary>
    [NotAnEdit]
    public DateTime? RestrictedAtUtc { get; private set; }

    /// <summary>
    /// DSR-RESTRICT: locks the record from <paramref name="atUtc"/>. Allowed in any state: a later request that restricts an
    /// already restricted record renews the date, as it always has.
    /// </summary>
    public void Restrict(DateTime atUtc)
    {
        IsRestricted = true;
        RestrictedAtUtc = atUtc;
    }

    /// <summary>
    /// DSR-RESTRICT: lifts the lock. Allowed in any state (lifting an unrestricted record changes nothing), so a second
    /// click from a stale page is not an error; the reason and the audit are the service's.
    /// </summary>
    public void LiftRestriction()
    {
        IsRestricted = false;
        RestrictedAtUtc = null;
    }
}
