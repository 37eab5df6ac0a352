using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Cisa.Crm.Demo;
using Cisa.Crm.Core.Privacy;
using Cisa.Crm.Core.Privacy.Requests;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Tests.Integration;

/// <summary>The request pages and the JSON access report through the running app: the privacy officer only, and every report audited.</summary>
public sealed class SubjectRequestAccessTests(LocalAppFixture app) : IClassFixture<LocalAppFixture>
{
    private const string Generated = "SubjectRequest.AccessReportGenerated";

    [Fact]
    public async Task DSR_ACCESS_the_privacy_officer_downloads_the_access_report_as_camelCase_JSON_and_making_it_is_audited()
    {
        var id = await RequestForMariekeAsync(verified: true);

        var response = await app.Factory.GetAsAsync("demo-privacy", $"/privacy/requests/{id}/access-report.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.EndsWith("-access-report.json", response.Content.Headers.ContentDisposition.FileName!.Trim('"'), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("en", root.GetProperty("language").GetString());
        Assert.Equal("Marieke Verbiest", root.GetProperty("requesterName").GetString());
        Assert.Equal(
            ["Contact person at a customer or supplier", "Job applicant"],
            root.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("category").GetString()));
        Assert.Contains(root.GetProperty("records")[0].GetProperty("lists")[0].GetProperty("rows")[0].EnumerateArray(),
            cell => cell.GetString() == "first name, last name, phone, e-mail address, customer's company name");
        Assert.Contains(root.GetProperty("general").EnumerateArray(), e => e.GetProperty("value").GetString()!.Contains("Belgian Data Protection Authority", StringComparison.Ordinal));
        Assert.False(root.TryGetProperty("Reference", out _));
        Assert.Equal(1, await AuditCountAsync(Generated, id, "demo-privacy"));
    }

    [Theory]
    [InlineData("demo-sales")]
    [InlineData("demo-hr")]
    [InlineData("demo-norole")]
    public async Task Only_the_privacy_officer_gets_the_JSON_access_report_others_get_403_and_nothing_is_made(string demoUserId)
    {
        var id = await RequestForMariekeAsync(verified: true);
        using var client = await app.Factory.SignedInClientAsync(demoUserId);

        var program = await client.GetAsync($"/privacy/requests/{id}/access-report.json");
        using var navigation = new HttpRequestMessage(HttpMethod.Get, $"/privacy/requests/{id}/access-report.json");
        navigation.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
        var browser = await client.SendAsync(navigation);

        Assert.Equal(HttpStatusCode.Forbidden, program.StatusCode);
        Assert.Empty(await program.Content.ReadAsByteArrayAsync());
        browser.AssertRedirectedTo("/access-denied");
        Assert.Equal(0, await AuditCountAsync(Generated, id, null));
    }

    [Fact]
    public async Task DSR_IDENTITY_before_verification_the_JSON_report_is_refused_with_the_reason()
    {
        var id = await RequestForMariekeAsync(verified: false);

        var response = await GetInEnglishAsync($"/privacy/requests/{id}/access-report.json");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Verify the requester's identity first", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await AuditCountAsync(Generated, id, null));
    }

    public static IEnumerable<object[]> PagesAndUsers() =>
        from page in new[] { "/privacy/requests/{0}", "/privacy/requests/{0}/access-report" }
        from user in new[] { "demo-privacy", "demo-sales", "demo-hr", "demo-norole" }
        select new object[] { page, user };

    [Theory]
    [MemberData(nameof(PagesAndUsers))]
    public async Task DSR_request_pages_with_an_id_are_for_the_privacy_officer_only(string page, string demoUserId)
    {
        var id = await RequestForMariekeAsync(verified: true);

        var response = await app.Factory.GetAsAsync(demoUserId, string.Format(System.Globalization.CultureInfo.InvariantCulture, page, id));

        if (demoUserId == "demo-privacy")
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            response.AssertRedirectedTo("/access-denied");
        }
    }

    [Fact]
    public async Task DSR_ACCESS_the_printable_report_is_rendered_once_on_the_server_and_audited_once()
    {
        var id = await RequestForMariekeAsync(verified: true);
        using var client = await app.Factory.SignedInClientAsync("demo-privacy");

        var html = await client.GetStringAsync($"/privacy/requests/{id}/access-report");
        var requestPage = await client.GetStringAsync($"/privacy/requests/{id}");

        Assert.Contains("Overview of your personal data", html, StringComparison.Ordinal);
        Assert.Contains("Leie IT Services", html, StringComparison.Ordinal);
        // The request page starts a circuit (its markers are in the page); the report does not, so it is made once.
        Assert.Contains("<!--Blazor:", requestPage, StringComparison.Ordinal);
        Assert.DoesNotContain("<!--Blazor:", html, StringComparison.Ordinal);
        Assert.Equal(1, await AuditCountAsync(Generated, id, "demo-privacy"));

        // The Print button's script is a file from this origin (the content security policy allows no inline script).
        var script = System.Text.RegularExpressions.Regex.Match(html, "<script src=\"(/?print[^\"]*\\.js)\"").Groups[1].Value;
        Assert.NotEmpty(script);
        Assert.Contains("window.print()", await client.GetStringAsync("/" + script.TrimStart('/')), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DSR_IDENTITY_the_printable_report_of_an_unverified_request_says_why_and_discloses_nothing()
    {
        var id = await RequestForMariekeAsync(verified: false);

        var response = await GetInEnglishAsync($"/privacy/requests/{id}/access-report");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"report-refused\"", html, StringComparison.Ordinal);
        Assert.Contains("Verify the requester&#x27;s identity first", html, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoRequests.BothMobile, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Ijzer", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_request_is_a_message_on_the_pages_and_a_404_for_the_download()
    {
        using var client = await app.Factory.SignedInClientAsync("demo-privacy");

        var page = await client.GetAsync("/privacy/requests/999999");
        var report = await client.GetAsync("/privacy/requests/999999/access-report");
        var json = await client.GetAsync("/privacy/requests/999999/access-report.json");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("id=\"page-error\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Contains("id=\"report-refused\"", await report.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, json.StatusCode);
    }

    /// <summary>A request in English from the demo person who is both a contact and an applicant, both records confirmed.</summary>
    private Task<int> RequestForMariekeAsync(bool verified) => app.Factory.QueryAsync(async db =>
    {
        var contactId = await db.PartnerContacts.Where(p => p.LastName == DemoRequests.BothLastName).Select(p => p.Id).SingleAsync();
        var applicantId = await db.Applicants.Where(p => p.LastName == DemoRequests.BothLastName).Select(p => p.Id).SingleAsync();
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var request = new SubjectRequest
        {
            Reference = $"DSR-T-{Guid.NewGuid():N}"[..14],
            Rights = RequestedRights.Access,
            Channel = RequestChannel.Email,
            ReceivedOn = today,
            DueOn = RequestDeadline.DueOn(today),
            RequesterName = "Marieke Verbiest",
            RequesterEmail = DemoRequests.BothPrivateEmail,
            Language = ReplyLanguage.English,
            RequestText = "What do you hold about me?",
            CreatedById = "test",
            CreatedByName = "Test",
            CreatedAtUtc = now,
        };
        if (verified)
        {
            request.Verify(IdentityMethod.KnownContactDetails, null, new CrmActor("test", "Test", []), now);
        }

        db.SubjectRequests.Add(request);
        await db.SaveChangesAsync();
        db.RequestMatches.AddRange(
            new RequestMatch { RequestId = request.Id, Category = PersonCategory.PartnerContact, PersonId = contactId, ConfirmedAtUtc = now, ConfirmedById = "test" },
            new RequestMatch { RequestId = request.Id, Category = PersonCategory.Applicant, PersonId = applicantId, ConfirmedAtUtc = now, ConfirmedById = "test" });
        await db.SaveChangesAsync();
        return request.Id;
    });

    private Task<int> AuditCountAsync(string action, int requestId, string? actorId)
    {
        var key = requestId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return app.Factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == action && e.EntityId == key && (actorId == null || e.ActorId == actorId)));
    }

    /// <summary>A GET by the privacy officer from a browser that asks for English: a refusal's reason is worded in the user's language.</summary>
    private async Task<HttpResponseMessage> GetInEnglishAsync(string address)
    {
        using var client = await app.Factory.SignedInClientAsync("demo-privacy");
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-BE"));
        return await client.SendAsync(request);
    }
}
