using System.Net;
using Cisa.Crm.Benchmarks.Circuits;
using Cisa.Crm.Demo;

namespace Cisa.Crm.Benchmarks.Workloads;

/// <summary>What drives P-CIRCUITS' circuits: signed-in users that open a page and page the prospect list.</summary>
public interface ICircuitClient : IAsyncDisposable
{
    /// <summary>Opens the page signed in as Sales and returns once its circuit is interactive (and, on the list, shows rows).</summary>
    Task<IOpenCircuit> OpenAsync(string path, bool grid, CancellationToken cancellationToken);
}

public interface IOpenCircuit
{
    /// <summary>Clicks the prospect list's next page; the round trip in milliseconds, or null when no new page came within 10 s.</summary>
    Task<double?> ClickNextPageAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Protocol-level clients (<see cref="BlazorCircuit"/>): SignalR with the "blazorpack" protocol, no browser. Costs a
/// few hundred microseconds of processor time per click on the client side, so the app gets the cores.
/// </summary>
public sealed class ProtocolCircuitClient : ICircuitClient
{
    public static readonly TimeSpan ClickTimeout = TimeSpan.FromSeconds(10);

    private readonly CookieContainer _cookies = new();
    private readonly HttpClient _http;
    private readonly Uri _appUri;
    private readonly List<BlazorCircuit> _circuits = [];
    private Task? _signIn;

    public ProtocolCircuitClient(string baseUrl)
    {
        _appUri = new Uri(baseUrl.TrimEnd('/') + "/");
        _http = DemoSignIn.CreateHttpClient(_cookies);
    }

    public async Task<IOpenCircuit> OpenAsync(string path, bool grid, CancellationToken cancellationToken)
    {
        Task signIn;
        lock (_circuits)
        {
            // The first page signs in; the others wait for its cookie.
            signIn = _signIn ??= DemoSignIn.SignInAsync(_http, _appUri, DemoStaff.Sales.Id, path, cancellationToken);
        }

        await signIn;
        var circuit = await BlazorCircuit.OpenAsync(_http, _cookies, _appUri, path, cancellationToken);
        lock (_circuits)
        {
            _circuits.Add(circuit);
        }

        if (!await circuit.WaitUntilAsync(page => ProspectListPage.IsReady(page, grid), TimeSpan.FromSeconds(60), cancellationToken))
        {
            throw new InvalidOperationException($"The circuit on {path} did not become interactive within 60 s ({circuit.RenderBatches} render batches).");
        }

        return new Open(circuit);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var circuit in _circuits)
        {
            await circuit.DisposeAsync();
        }

        _http.Dispose();
    }

    private sealed class Open(BlazorCircuit circuit) : IOpenCircuit
    {
        public Task<double?> ClickNextPageAsync(CancellationToken cancellationToken) =>
            ProspectListPage.ClickNextPageAsync(circuit, ClickTimeout, cancellationToken);
    }
}
