using System.Globalization;
using Microsoft.Extensions.Hosting;
using PolicyBot.Delivery;

namespace PolicyBot.Privacy;

/// <summary>
/// The daily retention run on the durable timer: every <see cref="IExpiringData"/> deletes what has expired (situations
/// unchanged for <see cref="PrivacyOptions.SituationRetention"/>, …). Each run first schedules the next, one day later,
/// keyed by its date, so the chain survives a failed run and a restart schedules no second chain.
/// </summary>
public sealed class RetentionJob(IDurableTimer timer, TimeProvider time, IEnumerable<IExpiringData> stores, ILogger<RetentionJob> logger)
    : IDurableJobHandler
{
    /// <summary>The job kind.</summary>
    public const string JobKind = "privacy.retention";

    /// <summary>Time between runs.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    /// <inheritdoc />
    public string Kind => JobKind;

    /// <summary>The idempotency key of the run due at <paramref name="due"/>: one run per UTC day.</summary>
    /// <param name="due">The run's due time.</param>
    public static string KeyFor(DateTimeOffset due) => JobKind + ":" + due.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Schedules the run due at <paramref name="due"/> unless that day's run exists.</summary>
    /// <param name="timer">The durable timer.</param>
    /// <param name="due">When it runs.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public static Task<long> ScheduleAsync(IDurableTimer timer, DateTimeOffset due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return timer.ScheduleAsync(JobKind, "{}", due, KeyFor(due), cancellationToken);
    }

    /// <inheritdoc />
    public async Task HandleAsync(DurableJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var now = time.GetUtcNow();
        await ScheduleAsync(timer, now + Interval, cancellationToken).ConfigureAwait(false);
        foreach (var store in stores)
        {
            var deleted = await store.DeleteExpiredAsync(now, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Retention: {Deleted} expired {What} deleted.", deleted, store.What);
        }
    }
}

/// <summary>Schedules today's retention run at start-up (nothing happens when it exists already).</summary>
public sealed class RetentionScheduler(IDurableTimer timer, TimeProvider time) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => RetentionJob.ScheduleAsync(timer, time.GetUtcNow(), cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
