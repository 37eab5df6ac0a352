using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Cisa.Crm.Benchmarks.Circuits;

/// <summary>
/// One Blazor Server circuit driven at the protocol level, the way blazor.web.js (.NET 10, Web.JS
/// <c>CircuitManager.ts</c>, <c>WebRootComponentManager.ts</c>) drives it: read the prerendered page's markers, open
/// the <c>/_blazor</c> hub with the "blazorpack" protocol, StartCircuit with no initial components, wait for the
/// server to attach its renderer's interop object, then UpdateRootComponents with one "add" per marker. Render
/// batches are applied to a <see cref="RenderTree"/> and acknowledged (the server stops after 10 unacknowledged);
/// JS interop calls are answered; events go to the renderer's DispatchEventAsync like the browser's EventDelegator.
/// </summary>
public sealed class BlazorCircuit : IAsyncDisposable
{
    private const string AttachRendererInterop = "Blazor._internal.attachWebRendererInterop";
    private const int JSObjectReferenceResult = 1; // JSCallResultType, as in Microsoft.JSInterop.js
    private const int JSVoidResult = 3;

    /// <summary>What the browser's parseMouseEvent sends for a plain left click.</summary>
    private const string LeftClickArgs = """{"detail":1,"screenX":0,"screenY":0,"clientX":0,"clientY":0,"offsetX":0,"offsetY":0,"pageX":0,"pageY":0,"movementX":0,"movementY":0,"button":0,"buttons":0,"ctrlKey":false,"shiftKey":false,"altKey":false,"metaKey":false,"type":"click"}""";

    /// <summary>
    /// What the browser (1366×800, MudBlazor's script loaded) answers to the calls that return a value; every other
    /// call on these pages returns nothing, or a value the caller copes with being null (the page's static title).
    /// </summary>
    private static readonly Dictionary<string, string> BrowserAnswers = new(StringComparer.Ordinal)
    {
        ["window.hasOwnProperty"] = "true",
        ["mudpopoverHelper.countProviders"] = "1",
        ["mudResizeListener.getBrowserWindowSize"] = """{"height":800,"width":1366}""",
        ["mudElementRef.getBoundingClientRect"] = """{"x":0,"y":0,"width":1366,"height":40,"top":0,"right":1366,"bottom":40,"left":0,"scrollX":0,"scrollY":0,"windowWidth":1366,"windowHeight":800}""",
    };

    private readonly HubConnection _hub;
    private readonly RenderTree _tree = new();
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource<long> _rendererAttached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _batchApplied = NewSignal();
    private long _nextBatchId = 2; // the browser's RenderQueue starts here too
    private long _lastCallId;
    private long _lastJSObjectId;
    private long _rendererInteropId;
    private string? _failure;
    private volatile bool _disposing;

    private BlazorCircuit(Uri appUri, CookieContainer cookies)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(appUri, "_blazor"), options => options.Cookies = cookies);
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackHubProtocol());
        builder.Services.AddLogging(logging => logging.AddProvider(new FailureLog(this)));
        _hub = builder.Build();

        _hub.On("JS.RenderBatch", [typeof(long), typeof(byte[])], (args, _) => OnRenderBatchAsync((long)args[0]!, (byte[])args[1]!), this);
        _hub.On("JS.AttachComponent", [typeof(int), typeof(string)], (args, _) => Locked(() => _tree.AttachRootComponent((int)args[0]!)), this);
        _hub.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)],
            (args, _) => OnBeginInvokeJSAsync((long)args[0]!, (string)args[1]!, (string?)args[2], (int)args[3]!), this);
        _hub.On("JS.EndInvokeDotNet", [typeof(string), typeof(bool), typeof(string)], (args, _) =>
            (bool)args[1]! ? Task.CompletedTask : Locked(() => Fail($"a .NET call from the client failed: {args[2]}")), this);
        _hub.On("JS.Error", [typeof(string)], (args, _) => Locked(() => Fail($"the server reported: {args[0]}")), this);
        foreach (var (name, types) in Ignored)
        {
            _hub.On(name, types, (_, _) => Task.CompletedTask, this);
        }

        _hub.Closed += error => Locked(() =>
        {
            if (!_disposing)
            {
                Fail($"the connection closed{(error is null ? "" : ": " + error.Message)}");
            }
        });
    }

    /// <summary>Render batches applied so far.</summary>
    public int RenderBatches { get; private set; }

    /// <summary>JS interop calls the server made, by identifier (answered with a plausible result, usually null).</summary>
    public ConcurrentDictionary<string, int> JSCalls { get; } = new(StringComparer.Ordinal);

    /// <summary>Messages the client takes note of but has nothing to do for (no DOM, no streams, no navigation).</summary>
    private static readonly (string, Type[])[] Ignored =
    [
        ("JS.EndUpdateRootComponents", [typeof(long)]),
        ("JS.ReceiveByteArray", [typeof(int), typeof(byte[])]),
        ("JS.EndLocationChanging", [typeof(int), typeof(bool)]),
        ("JS.BeginTransmitStream", [typeof(long)]),
    ];

    /// <summary>Loads the page (its markers), opens a circuit for it and waits until the server has started rendering it.</summary>
    public static async Task<BlazorCircuit> OpenAsync(HttpClient http, CookieContainer cookies, Uri appUri, string path, CancellationToken cancellationToken)
    {
        var pageUri = new Uri(appUri, path);
        var page = PrerenderedPage.Parse(await http.GetStringAsync(pageUri, cancellationToken));
        if (page.ServerMarkers.Count == 0)
        {
            throw new InvalidOperationException($"{path} has no interactive server component to start a circuit for (not signed in?).");
        }

        var circuit = new BlazorCircuit(appUri, cookies);
        try
        {
            await circuit._hub.StartAsync(cancellationToken);
            var circuitId = await circuit._hub.InvokeAsync<string?>("StartCircuit", appUri.ToString(), pageUri.ToString(), "[]", page.ApplicationState, cancellationToken);
            if (circuitId is null)
            {
                throw new InvalidOperationException("The server refused to start the circuit: " + circuit._failure);
            }

            // The browser sends its root components once the server's renderer has attached its interop object.
            circuit._rendererInteropId = await circuit._rendererAttached.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            await circuit._hub.SendAsync("UpdateRootComponents", page.AddOperationsJson(batchId: 1), page.ApplicationState, cancellationToken);
            return circuit;
        }
        catch
        {
            await circuit.DisposeAsync();
            throw;
        }
    }

    /// <summary>Reads the page under the lock that render batches are applied under.</summary>
    public T Read<T>(Func<RenderTree, T> read)
    {
        lock (_gate)
        {
            ThrowIfFailed();
            return read(_tree);
        }
    }

    /// <summary>Waits until the page satisfies a condition, checked after every applied (and acknowledged) render batch.</summary>
    public async Task<bool> WaitUntilAsync(Func<RenderTree, bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Task next;
            lock (_gate)
            {
                ThrowIfFailed();
                if (condition(_tree))
                {
                    return true;
                }

                next = _batchApplied.Task;
            }

            var left = timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            try
            {
                await next.WaitAsync(left, cancellationToken);
            }
            catch (TimeoutException)
            {
                return false;
            }
        }
    }

    /// <summary>A left click on the element that holds this handler: the renderer's DispatchEventAsync, as the EventDelegator calls it.</summary>
    public Task ClickAsync(ulong eventHandlerId, CancellationToken cancellationToken)
    {
        var callId = Interlocked.Increment(ref _lastCallId).ToString(CultureInfo.InvariantCulture);
        var descriptor = $$"""{"eventHandlerId":{{eventHandlerId}},"eventName":"click","eventFieldInfo":null}""";
        return _hub.SendAsync("BeginInvokeDotNetFromJS", callId, null, "DispatchEventAsync", _rendererInteropId, $"[{descriptor},{LeftClickArgs}]", cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _disposing = true;
        await _hub.DisposeAsync();
    }

    private async Task OnRenderBatchAsync(long batchId, byte[] data)
    {
        string? error = null;
        lock (_gate)
        {
            if (batchId > _nextBatchId)
            {
                // The browser would wait for the missing one (resent on reconnection); on one connection it cannot happen.
                Fail($"render batch {batchId} came before batch {_nextBatchId}");
                return;
            }

            if (batchId == _nextBatchId)
            {
                _nextBatchId++;
                try
                {
                    _tree.Apply(RenderBatchReader.Read(data));
                    RenderBatches++;
                }
                catch (Exception ex) when (ex is InvalidOperationException or InvalidDataException or InvalidCastException or ArgumentException)
                {
                    error = ex.ToString();
                    Fail($"render batch {batchId} could not be applied: {ex.Message}");
                }
            }
        }

        await _hub.SendAsync("OnRenderCompleted", batchId, error);
        await Locked(() => { });
    }

    private async Task OnBeginInvokeJSAsync(long asyncHandle, string identifier, string? argsJson, int resultType)
    {
        JSCalls.AddOrUpdate(identifier, 1, (_, n) => n + 1);
        var result = resultType switch
        {
            JSVoidResult => "null",
            JSObjectReferenceResult => $$"""{"__jsObjectId":{{Interlocked.Increment(ref _lastJSObjectId)}}}""",
            _ => BrowserAnswers.GetValueOrDefault(identifier, "null"),
        };
        if (identifier == AttachRendererInterop)
        {
            // Args: renderer id, the renderer's DotNetObjectReference ({"__dotNetObject":id}), JS component settings.
            _rendererAttached.TrySetResult((long)JsonNode.Parse(argsJson!)![1]!["__dotNetObject"]!);
        }

        if (asyncHandle != 0)
        {
            await _hub.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, $"[{asyncHandle},true,{result}]");
        }
    }

    /// <summary>Runs under the lock and wakes every waiter, which then checks its condition (or the failure) again.</summary>
    private Task Locked(Action action)
    {
        TaskCompletionSource woken;
        lock (_gate)
        {
            action();
            woken = _batchApplied;
            _batchApplied = NewSignal();
        }

        woken.TrySetResult();
        return Task.CompletedTask;
    }

    private void Fail(string reason)
    {
        _failure ??= reason;
        _rendererAttached.TrySetException(new InvalidOperationException("The circuit failed: " + reason));
    }

    private void ThrowIfFailed()
    {
        if (_failure is not null)
        {
            throw new InvalidOperationException("The circuit failed: " + _failure);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The SignalR client's errors (an argument it cannot bind, a failed handler) fail the circuit instead of going unseen.</summary>
    private sealed class FailureLog(BlazorCircuit circuit) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel) && !circuit._disposing)
            {
                circuit.Locked(() => circuit.Fail($"SignalR: {formatter(state, exception)} {exception?.Message}"));
            }
        }

        public void Dispose()
        {
        }
    }
}
