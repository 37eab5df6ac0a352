using System.Threading.Channels;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Core.Security;

namespace Cisa.Crm.Web.Retention;

/// <summary>The sweep in flight: who started it (the schedule, or on demand) and how far it is (null until it has counted).</summary>
public sealed record SweepInFlight(SweepTrigger Trigger, SweepProgress? Progress);

/// <summary>
/// RET-RUN: the one way the web app runs a retention sweep. An on-demand sweep is queued to this hosted service and runs
/// on its loop, not on the circuit of the page that asked: leaving the page does not stop it half-way; stopping the app
/// does (the core marks the run interrupted and the next run finishes what is due). The daily schedule runs its sweep
/// through here too, so the runner knows every sweep in flight, refuses a second one, and tells the pages by
/// <see cref="Changed"/> when one starts, moves on or ends: no page polls. Who may sweep, what is due and the erasure
/// itself stay in the core's <see cref="RetentionSweep"/>.
/// </summary>
public sealed partial class SweepRunner(RetentionSweep sweep, ILogger<SweepRunner> logger) : BackgroundService
{
    private readonly Channel<OnDemand> _queue = Channel.CreateUnbounded<OnDemand>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private SweepInFlight? _current;

    /// <summary>
    /// Raised on the sweep's thread when a sweep is queued or starts, reports progress, or ends; read <see cref="Current"/>.
    /// A listener hands the news to its own thread (a page: <c>InvokeAsync</c>) and returns.
    /// </summary>
    public event Action? Changed;

    /// <summary>The sweep queued or running, or null.</summary>
    public SweepInFlight? Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>
    /// Queues a sweep on behalf of <paramref name="actor"/> (the core checks that they may run it); the task ends with the
    /// finished run, the core's refusal or failure, or a cancellation when the app stops first. A sweep already in flight
    /// refuses this one (<c>SweepRunning</c>), as the core does.
    /// </summary>
    public Task<RetentionRun> RunOnDemandAsync(CrmActor actor)
    {
        if (!TryBegin(SweepTrigger.OnDemand))
        {
            return Task.FromException<RetentionRun>(RetentionSweep.AlreadyRunning());
        }

        var request = new OnDemand(actor, new TaskCompletionSource<RetentionRun>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(request))
        {
            // The app is stopping: nothing will run it.
            End();
            request.Done.SetCanceled();
        }

        return request.Done.Task;
    }

    /// <summary>The daily sweep, as the system, on the schedule's own thread; refused like any other while one is in flight.</summary>
    public Task<RetentionRun> RunScheduledAsync(CancellationToken cancellationToken) =>
        TryBegin(SweepTrigger.Scheduled)
            ? RunAsync(CrmActor.System, SweepTrigger.Scheduled, cancellationToken)
            : Task.FromException<RetentionRun>(RetentionSweep.AlreadyRunning());

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var request in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    request.Done.TrySetResult(await RunAsync(request.Actor, SweepTrigger.OnDemand, stoppingToken));
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    request.Done.TrySetCanceled(stoppingToken);
                }
                catch (Exception exception)
                {
                    // For the page that asked: the core's refusal, or the failure it recorded on the run.
                    request.Done.TrySetException(exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app stops; StopAsync answers a request the loop did not reach.
        }
    }

    /// <summary>
    /// Before the loop runs: a run the previous process left marked running (it was killed mid-sweep) is marked interrupted,
    /// so the retention page does not show it running until the next sweep starts.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var interrupted = await sweep.MarkInterruptedAsync(cancellationToken);
        if (interrupted > 0)
        {
            LogInterruptedRuns(logger, interrupted);
        }

        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        // Cancels the sweep in flight (its batch rolls back, its run is marked interrupted) and waits for the loop.
        await base.StopAsync(cancellationToken);
        while (_queue.Reader.TryRead(out var unreached))
        {
            End();
            unreached.Done.TrySetCanceled(CancellationToken.None);
        }
    }

    private async Task<RetentionRun> RunAsync(CrmActor actor, SweepTrigger trigger, CancellationToken cancellationToken)
    {
        try
        {
            return await sweep.RunAsync(actor, trigger, new Reporter(this), cancellationToken);
        }
        finally
        {
            End();
        }
    }

    private bool TryBegin(SweepTrigger trigger)
    {
        lock (_gate)
        {
            if (_current is not null)
            {
                return false;
            }

            _current = new SweepInFlight(trigger, null);
        }

        Notify();
        return true;
    }

    private void Report(SweepProgress progress)
    {
        lock (_gate)
        {
            _current = _current is { } current ? current with { Progress = progress } : null;
        }

        Notify();
    }

    private void End()
    {
        lock (_gate)
        {
            _current = null;
        }

        Notify();
    }

    /// <summary>Each listener in turn: one that fails (a page torn down meanwhile) must not stop an erasure half-way, nor the others.</summary>
    private void Notify()
    {
        foreach (var listener in Changed?.GetInvocationList().Cast<Action>() ?? [])
        {
            try
            {
                listener();
            }
            catch (Exception exception)
            {
                LogListenerFailed(logger, exception.GetType().Name);
            }
        }
    }

    [LoggerMessage(EventId = 6111, Level = LogLevel.Warning, Message = "{Count} retention sweep(s) left running by a stopped process marked interrupted; the next sweep finishes what is due.")]
    private static partial void LogInterruptedRuns(ILogger logger, int count);

    [LoggerMessage(EventId = 6110, Level = LogLevel.Warning, Message = "A listener to the retention sweep failed ({ExceptionType}); the sweep goes on.")]
    private static partial void LogListenerFailed(ILogger logger, string exceptionType);

    /// <summary>Passes the core's progress on as it comes, on the sweep's thread (<see cref="Progress{T}"/> would post it out of order).</summary>
    private sealed class Reporter(SweepRunner runner) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value) => runner.Report(value);
    }

    private sealed record OnDemand(CrmActor Actor, TaskCompletionSource<RetentionRun> Done);
}
