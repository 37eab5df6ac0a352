using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Microsoft.Diagnostics.NETCore.Client;

namespace Cisa.Crm.Benchmarks.Workloads;

/// <summary>
/// The real web app, built in the benchmark's configuration, started as a child process on a free
/// loopback port against a given database, so its memory is measured apart from the benchmark and the browser.
/// </summary>
public sealed class WebAppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private WebAppProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public int ProcessId => _process.Id;

    /// <summary>Resident memory of the app process (its working set).</summary>
    public long WorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>Processor time the app process has used so far (all its threads).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<WebAppProcess> StartAsync(string databasePath, bool serverGc, CancellationToken cancellationToken)
    {
        var (webProject, dll) = LocateBuiltApp();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = webProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Development: the local demo sign-in and the static web assets from the build; no demo seeding, quiet logs,
        // and no daily retention sweep that could start in the middle of a measurement.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__Crm"] = $"Data Source={databasePath}";
        start.Environment["Crm__SeedDemoData"] = "false";
        start.Environment["Crm__Retention__SweepEnabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["DOTNET_gcServer"] = serverGc ? "1" : "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the web app.");
        var app = new WebAppProcess(process, $"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitUntilHealthyAsync(cancellationToken);
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>
    /// A full, blocking garbage collection in the app, the way <c>dotnet-gcdump</c> asks for one: an EventPipe session
    /// with the runtime's GC-heap-collect keyword. The working set read afterwards is what the app keeps, not the
    /// garbage its GC has not collected yet.
    /// </summary>
    public async Task CollectGarbageAsync(CancellationToken cancellationToken)
    {
        const long gcHeapCollectKeyword = 0x800000;
        var client = new DiagnosticsClient(_process.Id);
        using var session = await client.StartEventPipeSessionAsync(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, gcHeapCollectKeyword)], false, 16, cancellationToken);
        var drain = session.EventStream.CopyToAsync(Stream.Null, cancellationToken);
        await Task.Delay(1500, cancellationToken);
        await session.StopAsync(cancellationToken);
        await drain;
        await Task.Delay(500, cancellationToken);
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                break;
            }

            try
            {
                if ((await http.GetAsync($"{BaseUrl}/health", cancellationToken)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Timed out; try again.
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new InvalidOperationException($"The web app did not become healthy. Its last output:{Environment.NewLine}{string.Join(Environment.NewLine, _lastLines)}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 40)
            {
                _lastLines.Dequeue();
            }
        }
    }

    /// <summary>The web project and its build output in this benchmark's configuration (the project reference builds it).</summary>
    private static (string Project, string Dll) LocateBuiltApp()
    {
        var configuration = typeof(WebAppProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CisaCrm.sln")))
            {
                var project = Path.Combine(folder.FullName, "Cisa.Crm.Web");
                var dll = Path.Combine(project, "bin", configuration, "net10.0", "Cisa.Crm.Web.dll");
                return File.Exists(dll)
                    ? (project, dll)
                    : throw new FileNotFoundException($"{dll} not found: build the solution in {configuration} first.", dll);
            }
        }

        throw new FileNotFoundException("CisaCrm.sln not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
