using System.Text.Json;

namespace Cisa.Crm.Benchmarks.Generation;

/// <summary>
/// Invented but plausible Flemish words for the generated data; people's names come from Bogus (nl_BE). The words are
/// data, kept in <c>FlemishWords.json</c> beside this file (embedded in the assembly); their order is part of the seeded
/// generation, so a list is only ever extended at its end.
/// </summary>
internal static class FlemishWords
{
    // Declared before Lists: static fields are set in this order, and Load reads this one.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { RespectRequiredConstructorParameters = true };

    private static readonly WordLists Lists = Load();

    /// <summary>Real postcodes and towns with their telephone zone (the zone of Mechelen, 015, is left to the import file and the suppression list).</summary>
    public static readonly (string PostalCode, string City, string Zone)[] Places = Lists.Places.Select(p => (p[0], p[1], p[2])).ToArray();

    public static readonly string[] Streets = Lists.Streets;

    public static readonly string[] CompanyStarts = Lists.CompanyStarts;

    public static readonly string[] CompanyEnds = Lists.CompanyEnds;

    public static readonly string[] LegalForms = Lists.LegalForms;

    public static readonly string[] Sectors = Lists.Sectors;

    public static readonly string[] ProspectJobTitles = Lists.ProspectJobTitles;

    public static readonly string[] PartnerFunctions = Lists.PartnerFunctions;

    public static readonly string[] CallReports = Lists.CallReports;

    public static readonly string[] VacancyTitles = Lists.VacancyTitles;

    public static readonly string[] Departments = Lists.Departments;

    public static readonly string[] MailProviders = Lists.MailProviders;

    private static WordLists Load()
    {
        using var stream = typeof(FlemishWords).Assembly.GetManifestResourceStream($"{typeof(FlemishWords).FullName}.json")
            ?? throw new InvalidOperationException("FlemishWords.json is not embedded in the benchmark assembly.");
        return JsonSerializer.Deserialize<WordLists>(stream, Json)
            ?? throw new InvalidOperationException("FlemishWords.json is empty.");
    }

    /// <summary>The shape of <c>FlemishWords.json</c>: each place is [postcode, town, zone].</summary>
    private sealed record WordLists(string[][] Places, string[] Streets, string[] CompanyStarts, string[] CompanyEnds, string[] LegalForms,
        string[] Sectors, string[] ProspectJobTitles, string[] PartnerFunctions, string[] CallReports, string[] VacancyTitles,
        string[] Departments, string[] MailProviders);
}
