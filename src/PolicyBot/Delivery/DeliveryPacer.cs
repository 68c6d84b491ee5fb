using System.Threading.RateLimiting;

namespace PolicyBot.Delivery;

/// <summary>
/// Paces sends to Teams' limits: one <see cref="SlidingLogRateLimiter"/> per conversation
/// (<see cref="DeliveryOptions.ConversationLimits"/>) and one per tenant (<see cref="DeliveryOptions.AppLimits"/>, Teams'
/// per-app-per-tenant limit). A send waits until both allow it, and takes both permits at the same instant (under one
/// lock), so neither window is counted from a time the request was not sent. Limiters idle longer than their longest
/// window are dropped. Thread-safe; in memory, so per process (the README says how a shared budget would work).
/// </summary>
public sealed class DeliveryPacer
{
    private readonly DeliveryOptions _options;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly Dictionary<string, SlidingLogRateLimiter> _conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SlidingLogRateLimiter> _tenants = new(StringComparer.Ordinal);
    private long _lastSweep;

    /// <summary>Creates a pacer with <paramref name="options"/>' limits and margin.</summary>
    public DeliveryPacer(DeliveryOptions options, TimeProvider time)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _lastSweep = time.GetTimestamp();
    }

    /// <summary>Limiters currently kept (conversations + tenants), for tests and diagnostics.</summary>
    public int LimiterCount
    {
        get
        {
            lock (_gate)
            {
                return _conversations.Count + _tenants.Count;
            }
        }
    }

    /// <summary>
    /// Waits until one more send to <paramref name="conversationId"/> in <paramref name="tenantId"/> keeps every limit,
    /// and counts it. Returns how long it waited.
    /// </summary>
    /// <param name="conversationId">The Teams conversation id.</param>
    /// <param name="tenantId">The tenant (empty when unknown: all such sends share one budget).</param>
    /// <param name="cancellationToken">Cancels the wait (nothing is counted then).</param>
    /// <exception cref="OperationCanceledException">Cancelled while waiting.</exception>
    public async Task<TimeSpan> WaitAsync(string conversationId, string tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(tenantId);
        var start = _time.GetTimestamp();
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var conversation = Get(_conversations, conversationId, _options.ConversationLimits);
                var tenant = Get(_tenants, tenantId, _options.AppLimits);
                wait = Max(conversation.TimeUntilAvailable(), tenant.TimeUntilAvailable());
                if (wait == TimeSpan.Zero)
                {
                    // Both are free now and nobody else can take a permit while the lock is held.
                    using var first = conversation.AttemptAcquire();
                    using var second = tenant.AttemptAcquire();
                    SweepIdle();
                    return _time.GetElapsedTime(start);
                }
            }

            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private SlidingLogRateLimiter Get(Dictionary<string, SlidingLogRateLimiter> limiters, string key, IReadOnlyList<RateWindow> windows)
    {
        if (!limiters.TryGetValue(key, out var limiter))
        {
            limiters[key] = limiter = new SlidingLogRateLimiter(windows, _options.RateMargin, _time);
        }

        return limiter;
    }

    // At most once a minute: a campaign to 10,000 people leaves 10,000 conversation limiters behind for an hour, not forever.
    private void SweepIdle()
    {
        if (_time.GetElapsedTime(_lastSweep) < TimeSpan.FromMinutes(1))
        {
            return;
        }

        _lastSweep = _time.GetTimestamp();
        foreach (var limiters in new[] { _conversations, _tenants })
        {
            foreach (var (key, limiter) in limiters.ToList())
            {
                if (limiter.IdleDuration > limiter.LongestWindow)
                {
                    limiters.Remove(key);
                    limiter.Dispose();
                }
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
