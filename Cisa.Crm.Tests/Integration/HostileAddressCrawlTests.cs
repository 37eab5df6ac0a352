using System.Diagnostics;
using System.Net;
using System.Text;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Tests.Support;
using Cisa.Crm.Tests.EndToEnd;
using Cisa.Crm.Web.Authentication;
using Cisa.Crm.Web.Localization;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Cisa.Crm.Tests.Integration;

/// <summary>
/// Issue 18, defect 4: every endpoint the app maps (read from its endpoint data source, so a new one is covered at once),
/// called with hostile route, query and form values by everyone who may reach it, answers 4xx or a page: never a 500, never
/// the error boundary's apology for an unexpected failure (a clear refusal, such as "this record does not exist", is a page).
/// A value is tried in one place at a time, so a refusal of one parameter cannot hide another.
/// </summary>
public sealed class HostileAddressCrawlTests(LocalAppFixture app, ITestOutputHelper output) : IClassFixture<LocalAppFixture>
{
    /// <summary>As sent on the wire (already percent-encoded), so invalid UTF-8 and lone surrogates reach the app as such.</summary>
    public static IReadOnlyList<string> HostileValues { get; } =
    [
        "0", "-1", "2147483647", "2147483648", "-2147483649", "99999999999", "1e308", "abc", "%00", "..%2F..%2Fetc%2Fpasswd",
        new string('a', 4000), "%01%1F%7F", "%2Fa%0D%0Ab%09", "%0D%0ASet-Cookie%3A%20x%3D1", "31%2F12%2F9999", "9999-12-31", "0001-01-01",
        "2025-02-30", "NoSuchValue", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "'%20OR%201%3D1--", "%FF%FE", "%ED%A0%80", "%E2%80%AE",
    ];

    public static TheoryData<string> Callers() => [.. new[] { "anonymous" }.Concat(DemoUsers.All.Select(u => u.Id))];

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Every_mapped_endpoint_answers_hostile_route_query_and_form_values_with_4xx_or_a_page_never_a_server_error(string caller)
    {
        var user = DemoUsers.Find(caller);
        var actor = user is null ? null : DemoUsers.ToPrincipal(user).ToCrmActor();
        var endpoints = MappedEndpoint.In(app.Factory.Services).Where(e => e.Admits(actor)).ToList();
        Assert.Contains(endpoints, e => e.Route == "/culture/set"); // the enumeration sees the app's own endpoints
        using var client = user is null ? app.Factory.CreateBrowserLikeClient() : await app.Factory.SignedInClientAsync(user.Id);
        var apology = UiTexts.Get(app.Factory.Services, CrmCultures.Dutch, "Error.Unexpected");
        var failures = new List<string>();
        var sent = 0;
        var clock = Stopwatch.StartNew();

        foreach (var endpoint in endpoints)
        {
            foreach (var request in HostileRequests(endpoint))
            {
                sent++;
                using var response = await client.SendAsync(request.Build());
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500 || WebUtility.HtmlDecode(body).Contains(apology, StringComparison.Ordinal))
                {
                    failures.Add($"{(int)response.StatusCode} {request}");
                }
            }
        }

        output.WriteLine($"{caller}: {endpoints.Count} endpoints, {sent} requests, {failures.Count} failures in {clock.Elapsed.TotalSeconds:F0} s");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} hostile requests as {caller} failed:\n" + string.Join('\n', failures.Take(60)));
    }

    [Fact]
    public void The_crawl_sees_routes_queries_and_forms_of_pages_and_endpoints()
    {
        var endpoints = MappedEndpoint.In(app.Factory.Services);

        Assert.Contains(endpoints, e => e.Route == "/hr/applicants/{id:int}/cv" && e.Permissions.Contains(Permission.ApplicantsRead));
        Assert.Contains(endpoints, e => e.Route == "/prospects/export.csv" && e.QueryNames.Contains("companyId"));
        Assert.Contains(endpoints, e => e.Route == "/prospects" && e.QueryNames.Contains("page") && e.QueryNames.Contains("source"));
        Assert.Contains(endpoints, e => e.Route == "/authentication/local" && e.Methods.Contains(HttpMethods.Post) && e.FormNames.Contains("returnUrl"));
    }

    /// <summary>
    /// Static files get one hostile query; every other endpoint gets each hostile value in each route parameter, each query
    /// parameter and, for a POST, each form field and the antiforgery token.
    /// </summary>
    private static IEnumerable<HostileRequest> HostileRequests(MappedEndpoint endpoint)
    {
        if (endpoint.IsStaticAsset)
        {
            yield return new HostileRequest(HttpMethods.Get, endpoint.Path() + "?v=" + HostileValues[9], null);
            yield break;
        }

        foreach (var method in endpoint.Methods.Where(m => m is "GET" or "POST"))
        {
            var form = method == HttpMethods.Post ? "" : null;
            foreach (var value in HostileValues)
            {
                // A NUL in the path never reaches an app: Kestrel refuses the request line (and the test server throws).
                foreach (var parameter in endpoint.Pattern.Parameters.Where(_ => value != "%00"))
                {
                    yield return new HostileRequest(method, endpoint.Path(parameter.Name, value), form);
                }

                foreach (var name in endpoint.QueryNames)
                {
                    yield return new HostileRequest(method, $"{endpoint.Path()}?{name}={value}", form);
                }

                if (method == HttpMethods.Post)
                {
                    foreach (var name in endpoint.FormNames.Append("__RequestVerificationToken"))
                    {
                        yield return new HostileRequest(method, endpoint.Path(), $"{name}={value}");
                    }
                }
                else if (endpoint.Pattern.Parameters.Count == 0 && endpoint.QueryNames.Count == 0)
                {
                    yield return new HostileRequest(method, $"{endpoint.Path()}?q={value}", null);
                }
            }
        }
    }

    private sealed record HostileRequest(string Method, string Address, string? Form)
    {
        public HttpRequestMessage Build() => new(new HttpMethod(Method), new Uri(Address, UriKind.Relative))
        {
            Content = Form is null ? null : new StringContent(Form, Encoding.ASCII, "application/x-www-form-urlencoded"),
        };

        public override string ToString() => $"{Method} {Shorten(Address)}{(Form is null ? "" : " form " + Shorten(Form))}";

        private static string Shorten(string text) => text.Length > 120 ? text[..60] + "…" + text[^20..] : text;
    }
}
