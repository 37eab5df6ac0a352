using System.Net;
using System.Text;
using Cisa.Crm.Tests.Support;

namespace Cisa.Crm.Tests.Integration;

/// <summary>
/// The requests the access tests make over and over, and what they expect back: one GET as a demo user or as nobody,
/// a redirect to the access-denied or sign-in page, a CSV download.
/// </summary>
internal static class AppRequests
{
    /// <summary>One GET as a demo user signed in through the real form. The answer is buffered, so it outlives its client.</summary>
    public static async Task<HttpResponseMessage> GetAsAsync(this CrmAppFactory factory, string demoUserId, string address)
    {
        using var client = await factory.SignedInClientAsync(demoUserId);
        return await client.GetAsync(address);
    }

    /// <summary>One GET from a browser that is not signed in.</summary>
    public static async Task<HttpResponseMessage> GetAnonymouslyAsync(this CrmAppFactory factory, string address)
    {
        using var client = factory.CreateBrowserLikeClient();
        return await client.GetAsync(address);
    }

    /// <summary>Sent on to a page whose address starts so: the access-denied page, or sign-in.</summary>
    public static void AssertRedirectedTo(this HttpResponseMessage response, string pathStart)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(pathStart, response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    /// <summary>A CSV file the browser saves (not shows), read without its byte-order mark.</summary>
    public static async Task<(string Text, byte[] Bytes)> ReadCsvDownloadAsync(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return (Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'), bytes);
    }
}
