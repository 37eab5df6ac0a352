namespace Cisa.Crm.Core.People;

/// <summary>The language a person of any category wants to be addressed in.</summary>
public enum PreferredLanguage
{
    Dutch,
    French,
    English,
}
