namespace Cisa.Crm.Core.People;

/// <summary>
/// What every person category stores alike (MINIMISE): a first and a last name of at most <see cref="Name"/>
/// characters, mapped by <see cref="PersonConfiguration"/> and checked by each category's rules.
/// </summary>
public static class PersonLimits
{
    public const int Name = 100;
}
