using Cisa.Crm.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Tests.Integration;

/// <summary>
/// No personal data in logs (ASVS 7.1.1): a day's worth of requests that carry names, e-mail addresses and hostile
/// values in their addresses, forms and answers leaves no trace of them in anything the app logs at its configured
/// levels, failures included.
/// </summary>
public sealed class LogPrivacyTests : IAsyncLifetime
{
    private readonly LogCapture _logs = new();
    private readonly CrmAppFactory _factory;

    public LogPrivacyTests() => _factory = new CrmAppFactory { Logs = _logs };

    public Task InitializeAsync()
    {
        _factory.CreateClient().Dispose(); // start the app: migrate and seed
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Names_e_mail_addresses_and_searched_terms_never_reach_the_logs()
    {
        var prospect = await _factory.QueryAsync(db => db.Prospects.OrderBy(p => p.Id).Select(p => new { p.Id, p.FirstName, p.LastName, p.Email }).FirstAsync());
        using var sales = await _factory.SignedInClientAsync("demo-sales");
        using var hr = await _factory.SignedInClientAsync("demo-hr");

        await sales.GetAsync($"/prospects/{prospect.Id}");
        await sales.GetAsync($"/prospects?search={Uri.EscapeDataString(prospect.LastName)}");
        await sales.GetAsync($"/prospects/export.csv?search={Uri.EscapeDataString(prospect.LastName)}");
        await sales.GetAsync($"/prospects?search={Uri.EscapeDataString("zyxwvut.searched@mail.example")}");
        await sales.GetAsync("/prospects/export.csv?source=Nonsense"); // a refused filter
        await hr.GetAsync("/hr/applicants/2147483647/cv"); // a refused download
        await sales.PostAsync("/authentication/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = "%00" }));
        await _factory.CreateClient().GetAsync("/culture/set?culture=nl-BE&returnUrl=%0d%0aSet-Cookie:zyxwvut");

        Assert.NotEmpty(_logs.Lines); // the capture works: the app logs its start at least
        foreach (var personal in new[] { prospect.FirstName, prospect.LastName, prospect.Email, "zyxwvut", "Sofie Verhaegen" })
        {
            if (!string.IsNullOrEmpty(personal))
            {
                Assert.DoesNotContain(_logs.Lines, line => line.Contains(personal, StringComparison.OrdinalIgnoreCase));
            }
        }
    }
}
