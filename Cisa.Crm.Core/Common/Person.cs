using Cisa.Crm.Core.Data.Bookkeeping;
namespace Cisa.Crm.Core.Common;

/// <summary>
/// What every kind of data subject in the CRM has: a name (with accent-free keys for the indexed
/// search) and the restriction state of DSR-RESTRICT. Each category is its own table.
/// </summary>
public abstract class Person
{
    private string _firstName = "";
    private string _lastName = "";

    public int Id { get; set; }

    public string FirstName
    {
        get => _firstName;
        set
        {
            _firstName = value;
            FirstNameKey = ContactNormaliser.SearchKey(value);
        }
    }

    public string LastName
    {
        get => _lastName;
        set
        {
            _lastName = value;
            LastNameKey = ContactNormaliser.SearchKey(value);
        }
    }

    [NotAnEdit]
    public string FirstNameKey { get; private set; } = "";

    [NotAnEdit]
    public string LastNameKey { get; private set; } = "";

    /// <summary>DSR-RESTRICT: stored but not processed — read-only, no calls or disclosures, out of lists and exports.</summary>
    [NotAnEdit]
    public bool IsRestricted { get; set; }

    [NotAnEdit]
    public DateTime? RestrictedAtUtc { get; set; }
}
