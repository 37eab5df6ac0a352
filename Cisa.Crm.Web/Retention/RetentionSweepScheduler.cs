using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Privacy.Retention;
using Microsoft.Extensions.Options;

namespace Cisa.Crm.Web.Retention;

/// <summary>
/// RET-RUN: the daily retention sweep. Waits (on the injected <see cref="TimeProvider"/>) until the next
/// <see cref="RetentionOptions.SweepAt"/> in Brussels, runs the sweep as the system through the <see cref="SweepRunner"/>
/// (so pages learn of it), and waits for the next day.
/// A failed run is logged by its exception type only (never a message that could quote personal data) and
/// does not stop the schedule; the next run finishes what is still due. With <see cref="RetentionOptions.SweepEnabled"/>
/// off it does nothing: the privacy officer can still run the sweep on demand.
/// </summary>
public sealed partial class RetentionSweepScheduler(
    SweepRunner runner,
    TimeProvider time,
    IOptions<RetentionOptions> options,
    ILogger<RetentionSweepScheduler> logger) : BackgroundService
{
    private long _nextRunTicks;

    /// <summary>When the next scheduled sweep starts; null while a sweep runs, when off, or when stopped.</summary>
    public DateTimeOffset? NextRunUtc
    {
        get => Interlocked.Read(ref _nextRunTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
        private set => Interlocked.Exchange(ref _nextRunTicks, value?.UtcTicks ?? 0);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.SweepEnabled)
        {
            LogSweepOff(logger);
            return;
        }

        var after = time.GetUtcNow();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var next = SweepSchedule.NextRunUtc(after, settings.SweepAt);
                NextRunUtc = next;
                LogNextRun(logger, next);
                // A timer may wake a little early (or the clock may be set back): never run before the time.
                for (var now = time.GetUtcNow(); now < next; now = time.GetUtcNow())
                {
                    await Task.Delay(next - now, time, stoppingToken);
                }

                NextRunUtc = null;
                await RunOnceAsync(stoppingToken);
                after = next > time.GetUtcNow() ? next : time.GetUtcNow();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app stops; a sweep cut short is marked interrupted by the core and finished by the next run.
        }
        finally
        {
            NextRunUtc = null;
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        LogStarted(logger);
        try
        {
            var run = await runner.RunScheduledAsync(stoppingToken);
            LogFinished(logger, run.Id, run.ApplicantsErased, run.CvsErased, run.ProspectsErased, run.CallsAnonymised, run.PartnerContactsErased, run.Held);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (CrmException refused) when (refused.Code == "SweepRunning")
        {
            LogSkipped(logger);
        }
        catch (Exception exception)
        {
            LogFailed(logger, exception.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 6100, Level = LogLevel.Information, Message = "The daily retention sweep is off (Crm:Retention:SweepEnabled=false); the privacy officer can run it on demand.")]
    private static partial void LogSweepOff(ILogger logger);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Next daily retention sweep at {NextRunUtc:u}.")]
    private static partial void LogNextRun(ILogger logger, DateTimeOffset nextRunUtc);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Daily retention sweep started.")]
    private static partial void LogStarted(ILogger logger);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information,
        Message = "Daily retention sweep {RunId} finished: applicants {Applicants}, CVs {Cvs}, prospects {Prospects} erased, calls anonymised {Calls}, partner contacts {PartnerContacts} erased; held {Held}.")]
    private static partial void LogFinished(ILogger logger, int runId, int applicants, int cvs, int prospects, int calls, int partnerContacts, int held);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Warning, Message = "Daily retention sweep skipped: a sweep started on demand is still running.")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Error, Message = "Daily retention sweep failed ({ExceptionType}); the next one runs tomorrow and finishes what is due.")]
    private static partial void LogFailed(ILogger logger, string exceptionType);
}
