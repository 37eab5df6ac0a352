using System.Net;
using Cisa.Crm.Tests.Support;

namespace Cisa.Crm.Tests.Integration;

/// <summary>
/// Sign-in and the endpoints a program can call are rate limited (Crm:RateLimits): per user when signed in, per client
/// address otherwise; past the limit 429 with Retry-After and one sentence in the user's language.
/// </summary>
public sealed class RateLimitTests(LocalAppFixture app) : IClassFixture<LocalAppFixture>
{
    [Fact]
    public async Task Sign_in_past_the_limit_answers_429_with_Retry_After_and_a_Dutch_sentence()
    {
        await using var factory = new CrmAppFactory { Settings = Limits("SignIn", 2) };
        using var first = await factory.SignedInClientAsync("demo-sales");
        using var second = await factory.SignedInClientAsync("demo-hr");
        using var client = factory.CreateBrowserLikeClient();
        var token = CrmAppFactory.AntiforgeryTokenIn(await client.GetStringAsync("/authentication/local"));

        var third = await client.PostAsync("/authentication/local", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userId"] = "demo-privacy",
        }));

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {third.Headers.RetryAfter}");
        Assert.StartsWith("Te veel aanvragen", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/authentication/login")).StatusCode);
    }

    [Fact]
    public async Task Program_endpoints_count_per_user_and_refuse_in_the_users_language()
    {
        await using var factory = new CrmAppFactory { Settings = Limits("Programs", 3) };
        using var sales = await factory.SignedInClientAsync("demo-sales");
        using var privacy = await factory.SignedInClientAsync("demo-privacy");

        Assert.Equal(HttpStatusCode.Redirect, (await sales.GetAsync("/culture/set?culture=en-BE&returnUrl=%2F")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sales.GetAsync("/prospects/export.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sales.GetAsync("/prospects/import/template.csv")).StatusCode);
        var refused = await sales.GetAsync("/contacts/export.csv");
        var otherUser = await privacy.GetAsync("/culture/set?culture=nl-BE&returnUrl=%2F");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.StartsWith("Too many requests", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, otherUser.StatusCode);
    }

    [Fact]
    public async Task With_the_default_limits_an_office_signing_in_from_one_address_and_a_busy_user_are_not_throttled()
    {
        // Fifty colleagues behind the office's one address sign in within the minute, and one of them downloads and
        // switches language a hundred times: all of it with appsettings.json's limits, as the whole test suite runs.
        for (var colleague = 0; colleague < 50; colleague++)
        {
            using var client = await app.Factory.SignedInClientAsync("demo-hr");
        }

        using var busy = await app.Factory.SignedInClientAsync("demo-sales");
        for (var call = 0; call < 100; call++)
        {
            var response = await busy.GetAsync(call % 2 == 0 ? "/prospects/import/template.csv" : "/culture/set?culture=nl-BE&returnUrl=%2F");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
        }
    }

    private static Dictionary<string, string> Limits(string limit, int permits) => new()
    {
        [$"Crm:RateLimits:{limit}:PermitLimit"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"Crm:RateLimits:{limit}:Window"] = "00:10:00",
    };
}
