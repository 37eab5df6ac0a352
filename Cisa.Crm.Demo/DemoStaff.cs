namespace Cisa.Crm.Demo;

/// <summary>Invented staff members: the local sign-in offers them, and the demo data is theirs.</summary>
public static class DemoStaff
{
    public sealed record Member(string Id, string Name, string? Role);

    public static Member Sales { get; } = new("demo-sales", "Sofie Verhaegen", CrmRoles.Sales);

    public static Member HR { get; } = new("demo-hr", "Jonas Wouters", CrmRoles.HR);

    public static Member Privacy { get; } = new("demo-privacy", "Annelies Claes", CrmRoles.PrivacyAdmin);

    public static Member NoRole { get; } = new("demo-norole", "Pieter Janssens", null);

    /// <summary>A second sales colleague whose calls fill the team figures; not offered for sign-in.</summary>
    public static Member SalesColleague { get; } = new("demo-sales-2", "Bram Peeters", CrmRoles.Sales);

    public static IReadOnlyList<Member> SignInChoices { get; } = [Sales, HR, Privacy, NoRole];

    public static CrmActor ToActor(Member member) => new(member.Id, member.Name, member.Role is null ? [] : [member.Role]);
}
