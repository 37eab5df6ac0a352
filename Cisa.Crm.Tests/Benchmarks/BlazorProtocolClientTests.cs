using System.Net;
using System.Text.RegularExpressions;
using Cisa.Crm.Benchmarks.Circuits;
using Cisa.Crm.Demo;
using Cisa.Crm.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Cisa.Crm.Tests.Benchmarks;

/// <summary>
/// P-CIRCUITS' protocol-level client against the real app on Kestrel (demo data): it signs in through the form, opens
/// circuits without a browser, and every click on the pager brings a render batch with another first row.
/// </summary>
public sealed class BlazorProtocolClientTests : IAsyncLifetime
{
    private readonly CrmAppFactory _factory = new();
    private Uri _appUri = null!;

    public Task InitializeAsync()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _appUri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Three_protocol_circuits_page_the_prospect_list_and_every_click_shows_other_rows()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var cookies = new CookieContainer();
        using var http = DemoSignIn.CreateHttpClient(cookies);
        await DemoSignIn.SignInAsync(http, _appUri, DemoStaff.Sales.Id, "/prospects", timeout.Token);

        var prerendered = await http.GetStringAsync(new Uri(_appUri, "/prospects"), timeout.Token);
        var prerenderedFirstRow = Regex.Match(prerendered, "<a href=\"(/prospects/[0-9]+)\" class=\"[^\"]*prospect-link\"").Groups[1].Value;
        var circuits = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => BlazorCircuit.OpenAsync(http, cookies, _appUri, "/prospects", timeout.Token)));
        try
        {
            foreach (var circuit in circuits)
            {
                Assert.True(await circuit.WaitUntilAsync(page => ProspectListPage.IsReady(page, grid: true), TimeSpan.FromSeconds(15), timeout.Token),
                    "the circuit did not become interactive with rows");
                Assert.Equal(1, circuit.JSCalls["Blazor._internal.attachWebRendererInterop"]);
                // The interactive render shows the first row the server prerendered: the tree was built right.
                Assert.Equal(prerenderedFirstRow, circuit.Read(ProspectListPage.FirstRowHref));
            }

            for (var click = 0; click < 3; click++)
            {
                await Task.WhenAll(circuits.Select(async circuit =>
                {
                    var before = circuit.Read(ProspectListPage.FirstRowHref);
                    var milliseconds = await ProspectListPage.ClickNextPageAsync(circuit, TimeSpan.FromSeconds(10), timeout.Token);
                    Assert.NotNull(milliseconds);
                    var after = circuit.Read(ProspectListPage.FirstRowHref);
                    Assert.StartsWith("/prospects/", after, StringComparison.Ordinal);
                    Assert.NotEqual(before, after);
                }));
            }
        }
        finally
        {
            foreach (var circuit in circuits)
            {
                await circuit.DisposeAsync();
            }
        }
    }
}
