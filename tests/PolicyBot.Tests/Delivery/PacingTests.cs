using System.Threading.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Delivery;
using PolicyBot.Hosting;

namespace PolicyBot.Tests.Delivery;

/// <summary>The exact sliding-window limiter, the pacer, the settings and the answer classification, on a fake clock.</summary>
public sealed class PacingTests
{
    private static readonly IReadOnlyList<RateWindow> Teams = RateWindow.ParseList(DeliveryOptions.DefaultConversationLimits, "test");

    [Fact]
    public void Teams_per_conversation_limits_7_per_second_then_8_per_2_seconds()
    {
        var clock = new FakeTimeProvider();
        using var limiter = new SlidingLogRateLimiter(Teams, TimeSpan.Zero, clock);

        for (var i = 0; i < 7; i++)
        {
            using var lease = limiter.AttemptAcquire(); // answered at once: returned at once
            Assert.True(lease.IsAcquired);
        }

        using var refused = limiter.AttemptAcquire();
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(0.99), TimeSpan.FromSeconds(1.01));

        clock.Advance(TimeSpan.FromSeconds(1.001));
        Assert.True(Take(limiter));  // the 8th: 7/1 s is free again, 8/2 s is now full
        Assert.False(Take(limiter));
        Assert.InRange(limiter.TimeUntilAvailable(), TimeSpan.FromSeconds(0.99), TimeSpan.FromSeconds(1.01));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(Take(limiter));
    }

    [Fact]
    public void A_permit_counts_until_its_lease_is_returned_and_a_window_after()
    {
        var clock = new FakeTimeProvider();
        using var limiter = new SlidingLogRateLimiter(RateWindow.ParseList("2/1s", "test"), TimeSpan.Zero, clock);

        var first = limiter.AttemptAcquire();
        var second = limiter.AttemptAcquire();
        Assert.True(first.IsAcquired && second.IsAcquired);
        Assert.Equal(Timeout.InfiniteTimeSpan, limiter.TimeUntilAvailable()); // only a return can help
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.False(Take(limiter));                                          // a slow request holds its permit

        first.Dispose();                                                      // its answer came at t = 5 s: it counts until 6 s
        Assert.InRange(limiter.TimeUntilAvailable(), TimeSpan.FromSeconds(0.99), TimeSpan.FromSeconds(1.01));
        second.Dispose();
        Assert.InRange(limiter.TimeUntilAvailable(), TimeSpan.FromSeconds(0.99), TimeSpan.FromSeconds(1.01));
        clock.Advance(TimeSpan.FromSeconds(1.001));
        Assert.True(Take(limiter));
    }

    [Fact]
    public void Never_exceeds_any_window_under_random_demand()
    {
        var clock = new FakeTimeProvider();
        var windows = RateWindow.ParseList("7/1s; 8/2s; 60/30s", "test");
        using var limiter = new SlidingLogRateLimiter(windows, TimeSpan.Zero, clock);
        var random = new Random(7);
        var granted = new List<DateTimeOffset>();
        for (var i = 0; i < 20_000; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(random.Next(0, 40)));
            if (Take(limiter))
            {
                granted.Add(clock.GetUtcNow());
            }
        }

        foreach (var window in windows)
        {
            for (var i = window.Limit; i < granted.Count; i++)
            {
                Assert.True(granted[i] - granted[i - window.Limit] > window.Window, $"{window}: grants {i - window.Limit} and {i} are within one window");
            }
        }

        Assert.True(granted.Count > 60 * (20_000 * 0.02 / 30) * 0.9, $"only {granted.Count} granted: the limiter is too strict");
    }

    [Fact]
    public async Task The_pacer_waits_one_window_after_a_start_then_paces_the_tenant_and_wakes_on_returns()
    {
        var clock = new FakeTimeProvider();
        var pacer = new DeliveryPacer(new DeliveryOptions { AppLimits = RateWindow.ParseList("3/1s", "app"), RateMargin = TimeSpan.Zero }, clock);

        // A restarted process cannot know what its predecessor just sent: the tenant's first window is taken as used.
        var first = pacer.WaitAsync("conversation-0", "tenant", CancellationToken.None);
        Assert.False(first.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1.01));
        var held = await first.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(held.Waited >= TimeSpan.FromSeconds(1));

        using (await pacer.WaitAsync("conversation-1", "tenant", CancellationToken.None))
        using (await pacer.WaitAsync("conversation-2", "tenant", CancellationToken.None))
        {
        }

        var fourth = pacer.WaitAsync("conversation-3", "tenant", CancellationToken.None);
        await Task.Delay(100);
        Assert.False(fourth.IsCompleted);     // two answered just now and one unanswered: 3 in the window
        held.Dispose();                       // answered: its window starts now too
        clock.Advance(TimeSpan.FromSeconds(0.5));
        await Task.Delay(100);
        Assert.False(fourth.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(0.51));
        using var slot = await fourth.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(slot.Waited >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Settings_parse_with_defaults_and_refuse_bad_values_by_name()
    {
        var defaults = DeliveryOptions.From(new ConfigurationBuilder().Build());
        Assert.Equal(["7/1s", "8/2s", "60/30s", "1800/3600s"], defaults.ConversationLimits.Select(w => w.ToString()));
        Assert.Equal(["50/1s"], defaults.AppLimits.Select(w => w.ToString()));
        Assert.Equal((32, 6, TimeSpan.FromMinutes(15)), (defaults.Concurrency, defaults.MaxAttempts, defaults.DownloadLinkLifetime));

        var custom = DeliveryOptions.From(Config((SettingsKeys.DeliveryAppLimits, "100/1s, 1000/15s"), (SettingsKeys.DeliveryRetryBaseDelaySeconds, "0.5")));
        Assert.Equal(["100/1s", "1000/15s"], custom.AppLimits.Select(w => w.ToString()));
        Assert.Equal(TimeSpan.FromSeconds(0.5), custom.RetryBaseDelay);

        var bad = Assert.Throws<InvalidOperationException>(() => DeliveryOptions.From(Config((SettingsKeys.DeliveryConversationLimits, "7 per second"))));
        Assert.Contains(SettingsKeys.DeliveryConversationLimits, bad.Message, StringComparison.Ordinal);
        var range = Assert.Throws<InvalidOperationException>(() => DeliveryOptions.From(Config((SettingsKeys.DeliveryConcurrency, "0"))));
        Assert.Contains(SettingsKeys.DeliveryConcurrency, range.Message, StringComparison.Ordinal);
        var lease = Assert.Throws<InvalidOperationException>(() => DeliveryOptions.From(Config((SettingsKeys.DeliveryClaimLeaseSeconds, "10"), (SettingsKeys.DeliverySendTimeoutSeconds, "30"))));
        Assert.Contains(SettingsKeys.DeliveryClaimLeaseSeconds, lease.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(429, null, SendOutcome.Throttled)]
    [InlineData(412, "PreconditionFailed", SendOutcome.Transient)]
    [InlineData(500, null, SendOutcome.Transient)]
    [InlineData(502, null, SendOutcome.Transient)]
    [InlineData(503, null, SendOutcome.Transient)]
    [InlineData(504, null, SendOutcome.Transient)]
    [InlineData(403, "BotNotInConversationRoster", SendOutcome.Unreachable)]
    [InlineData(403, "conversationblockedbyuser", SendOutcome.Unreachable)]
    [InlineData(403, "BotDisabledByAdmin", SendOutcome.Unreachable)]
    [InlineData(403, "MessageWritesBlocked", SendOutcome.Unreachable)]
    [InlineData(404, "ConversationNotFound", SendOutcome.Unreachable)]
    [InlineData(403, null, SendOutcome.Failed)]
    [InlineData(404, "NotFound", SendOutcome.Failed)]
    [InlineData(400, "BadArgument", SendOutcome.Failed)]
    [InlineData(401, null, SendOutcome.Failed)]
    public void Answers_are_classified_as_teams_documents_them(int status, string? code, SendOutcome expected)
    {
        Assert.Equal(expected, SendClassifier.Classify(status, code, null).Outcome);
    }

    [Fact]
    public void Retry_after_reads_seconds_and_http_dates()
    {
        var now = new DateTimeOffset(2026, 9, 1, 7, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromSeconds(3), SendClassifier.ParseRetryAfter("3", now));
        Assert.Equal(TimeSpan.FromSeconds(30), SendClassifier.ParseRetryAfter("Tue, 01 Sep 2026 07:00:30 GMT", now));
        Assert.Null(SendClassifier.ParseRetryAfter("soon", now));
        Assert.Null(SendClassifier.ParseRetryAfter(null, now));
    }

    private static bool Take(SlidingLogRateLimiter limiter)
    {
        using var lease = limiter.AttemptAcquire();
        return lease.IsAcquired;
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
