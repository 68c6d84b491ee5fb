using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Delivery;
using PolicyBot.Hosting;
using PolicyBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PolicyBot.Tests.Delivery;

/// <summary>Records the jobs it ran; throws for payloads that say so.</summary>
public sealed class RecordingJobHandler : IDurableJobHandler
{
    /// <summary>The kind it runs.</summary>
    public const string JobKind = "test.record";

    /// <summary>Jobs run, per test (the payload names the test).</summary>
    public static ConcurrentQueue<DurableJob> Ran { get; } = new();

    /// <inheritdoc />
    public string Kind => JobKind;

    /// <inheritdoc />
    public Task HandleAsync(DurableJob job, CancellationToken cancellationToken)
    {
        Ran.Enqueue(job);
        return job.PayloadJson.Contains("\"fail\"", StringComparison.Ordinal)
            ? Task.FromException(new InvalidOperationException("the handler failed on purpose"))
            : Task.CompletedTask;
    }
}

/// <summary>The durable timer in the real app, on a fake clock (FakeTimeProvider).</summary>
public sealed class DurableTimerTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_job_runs_when_it_is_due_and_not_before()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await StartAsync(clock);
        var timer = host.Services.GetRequiredService<IDurableTimer>();
        var payload = Payload(nameof(A_job_runs_when_it_is_due_and_not_before));

        var id = await timer.ScheduleAsync(RecordingJobHandler.JobKind, payload, Start.AddHours(1), null, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(59));
        await Task.Delay(300);
        Assert.Empty(RanWith(payload));

        clock.Advance(TimeSpan.FromMinutes(2));
        var job = await WaitRanAsync(payload, clock);
        Assert.Equal((id, 1, Start.AddHours(1)), (job.Id, job.Attempt, job.DueAt));
        await WaitStatusAsync(timer, id, DurableJobStatus.Done);
    }

    [Fact]
    public async Task A_job_survives_a_restart()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await StartAsync(clock);
        var payload = Payload(nameof(A_job_survives_a_restart));
        var id = await host.Services.GetRequiredService<IDurableTimer>()
            .ScheduleAsync(RecordingJobHandler.JobKind, payload, Start.AddMinutes(10), "survivor", CancellationToken.None);

        await host.RestartAsync();
        clock.Advance(TimeSpan.FromMinutes(11));

        var job = await WaitRanAsync(payload, clock);
        Assert.Equal(id, job.Id);
        Assert.Equal("survivor", job.Key);
        await WaitStatusAsync(host.Services.GetRequiredService<IDurableTimer>(), id, DurableJobStatus.Done);
    }

    [Fact]
    public async Task A_job_claimed_by_a_crashed_process_runs_again_when_its_claim_lapses()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await StartAsync(clock);
        var timer = host.Services.GetRequiredService<SqliteDurableTimer>();
        var payload = Payload(nameof(A_job_claimed_by_a_crashed_process_runs_again_when_its_claim_lapses));

        // Another process, whose clock is 2 h later, claims the job and dies without finishing it.
        await timer.ScheduleAsync(RecordingJobHandler.JobKind, payload, Start.AddHours(2), null, CancellationToken.None);
        var other = new SqliteDurableTimer(host.Services.GetRequiredService<DeliveryDatabase>(), new FakeTimeProvider(Start.AddHours(2)));
        // (It may claim the app's own daily retention job too, when that was scheduled before: only the test's job counts here.)
        Assert.Single(await other.ClaimDueAsync("crashed-process", TimeSpan.FromSeconds(120), 10, CancellationToken.None), j => j.Kind == RecordingJobHandler.JobKind);

        clock.Advance(TimeSpan.FromHours(2)); // due now, but still claimed
        await Task.Delay(300);
        Assert.Empty(RanWith(payload));
        clock.Advance(TimeSpan.FromSeconds(121)); // the claim lapses

        var job = await WaitRanAsync(payload, clock);
        Assert.Equal(2, job.Attempt);
    }

    [Fact]
    public async Task A_failing_job_is_retried_then_failed_with_its_error()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await StartAsync(clock, new() { [SettingsKeys.TimerJobMaxAttempts] = "2" });
        var timer = host.Services.GetRequiredService<IDurableTimer>();
        var payload = Payload(nameof(A_failing_job_is_retried_then_failed_with_its_error), fail: true);

        var id = await timer.ScheduleAsync(RecordingJobHandler.JobKind, payload, Start, null, CancellationToken.None);
        await WaitRanAsync(payload, clock);
        // The handler has run; the runner records the failure and schedules the retry just after. Advancing the clock
        // before that would put the retry 2 s after the advanced time, which the test never reaches (seen under load).
        await WaitAsync(async () => await timer.FindAsync(id, CancellationToken.None) is { Status: DurableJobStatus.Scheduled, LastError: not null },
            $"the retry of job {id} was not scheduled");
        clock.Advance(TimeSpan.FromMinutes(2)); // past the back-off (RetryBaseDelay 2 s)
        await WaitRanAsync(payload, clock, count: 2);

        var info = await WaitStatusAsync(timer, id, DurableJobStatus.Failed);
        Assert.Contains("the handler failed on purpose", info.LastError, StringComparison.Ordinal);
        Assert.Equal(2, RanWith(payload).Count);
    }

    [Fact]
    public async Task Scheduling_with_a_key_is_idempotent_and_cancel_stops_a_job()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await StartAsync(clock);
        var timer = host.Services.GetRequiredService<IDurableTimer>();
        var payload = Payload(nameof(Scheduling_with_a_key_is_idempotent_and_cancel_stops_a_job));

        var first = await timer.ScheduleAsync(RecordingJobHandler.JobKind, payload, Start.AddHours(1), "nudge:7", CancellationToken.None);
        var second = await timer.ScheduleAsync(RecordingJobHandler.JobKind, payload, Start.AddHours(5), "nudge:7", CancellationToken.None);
        Assert.Equal(first, second);
        Assert.Equal(Start.AddHours(1), (await timer.FindAsync(first, CancellationToken.None))!.Job.DueAt);

        Assert.True(await timer.CancelAsync(first, CancellationToken.None));
        Assert.False(await timer.CancelAsync(first, CancellationToken.None));
        clock.Advance(TimeSpan.FromHours(2));
        await Task.Delay(300);
        Assert.Empty(RanWith(payload));
        Assert.Equal(DurableJobStatus.Cancelled, (await timer.FindAsync(first, CancellationToken.None))!.Status);
    }

    private static string Payload(string test, bool fail = false) => $"{{\"test\":\"{test}\"{(fail ? ",\"mode\":\"fail\"" : "")}}}";

    private static List<DurableJob> RanWith(string payload) => RecordingJobHandler.Ran.Where(j => j.PayloadJson == payload).ToList();

    private static async Task<DurableJob> WaitRanAsync(string payload, FakeTimeProvider clock, int count = 1)
    {
        for (var i = 0; i < 200; i++)
        {
            var ran = RanWith(payload);
            if (ran.Count >= count)
            {
                return ran[count - 1];
            }

            // The runner may be asleep on the fake clock until its next poll: nudge it a little.
            clock.Advance(TimeSpan.FromMilliseconds(1));
            await Task.Delay(50);
        }

        throw new TimeoutException($"The job {payload} did not run {count} time(s).");
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string failure)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException(failure);
    }

    private static async Task<DurableJobInfo> WaitStatusAsync(IDurableTimer timer, long id, DurableJobStatus status)
    {
        for (var i = 0; i < 200; i++)
        {
            var info = await timer.FindAsync(id, CancellationToken.None);
            if (info?.Status == status)
            {
                return info;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Job {id} did not become {status}.");
    }

    private Task<BotHost> StartAsync(FakeTimeProvider clock, Dictionary<string, string>? settings = null)
    {
        var options = new BotHostOptions
        {
            Output = output,
            ConfigureServices = services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(clock);
                services.AddDurableJobHandler<RecordingJobHandler>();
            },
        };
        foreach (var (key, value) in settings ?? [])
        {
            options.Settings[key] = value;
        }

        return BotHost.StartAsync(options);
    }
}
