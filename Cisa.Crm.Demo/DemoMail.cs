namespace Cisa.Crm.Demo;

/// <summary>How the demo data makes e-mail addresses, so prospects, contacts and applicants look alike.</summary>
internal static class DemoMail
{
    /// <summary>A company's mail domain: its website's host without <c>www.</c> (every demo website ends in <c>.example</c>).</summary>
    public static string DomainOf(Company company) => new Uri(company.Website!).Host.Replace("www.", "", StringComparison.Ordinal);

    /// <summary>A name as it stands in an address: the letters and digits of its search key ("Van Gorp" gives "vangorp").</summary>
    public static string Slug(string name) =>
        new(ContactNormaliser.SearchKey(name).Where(char.IsAsciiLetterOrDigit).ToArray());
}
