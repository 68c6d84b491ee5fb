namespace PolicyBot.Delivery;

/// <summary>
/// Paces sends to Teams' limits: one <see cref="SlidingLogRateLimiter"/> per conversation
/// (<see cref="DeliveryOptions.ConversationLimits"/>) and one per tenant (<see cref="DeliveryOptions.AppLimits"/>, Teams'
/// per-app-per-tenant limit). A send waits until both allow it and takes both permits at the same instant (under one
/// lock), so neither window is counted from a time the request was not sent; it returns them (disposes the
/// <see cref="Slot"/>) when the answer came. A tenant's limiter starts full: after a restart the first sends wait one
/// window, because the process that crashed may have used it. Limiters idle longer than their longest window are dropped.
/// Thread-safe; in memory, so per process (the README says how a shared budget would work).
/// </summary>
public sealed class DeliveryPacer
{
    private readonly DeliveryOptions _options;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly Dictionary<string, SlidingLogRateLimiter> _conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SlidingLogRateLimiter> _tenants = new(StringComparer.Ordinal);
    private long _lastSweep;
    private TaskCompletionSource _returned = new(TaskCreationOptions.RunContinuationsAsynchronously);

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
    /// Waits until one more send to <paramref name="conversationId"/> in <paramref name="tenantId"/> keeps every limit and
    /// takes its permits. Dispose the result when the send's answer came (or it failed): from then its windows run.
    /// </summary>
    /// <param name="conversationId">The Teams conversation id.</param>
    /// <param name="tenantId">The tenant (empty when unknown: all such sends share one budget).</param>
    /// <param name="cancellationToken">Cancels the wait (nothing is counted then).</param>
    /// <exception cref="OperationCanceledException">Cancelled while waiting.</exception>
    public async Task<Slot> WaitAsync(string conversationId, string tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(tenantId);
        var start = _time.GetTimestamp();
        while (true)
        {
            TimeSpan wait;
            Task returned;
            lock (_gate)
            {
                var conversation = Get(_conversations, conversationId, _options.ConversationLimits, startFull: false);
                var tenant = Get(_tenants, tenantId, _options.AppLimits, startFull: true);
                var (a, b) = (conversation.TimeUntilAvailable(), tenant.TimeUntilAvailable());
                wait = a == Timeout.InfiniteTimeSpan || b == Timeout.InfiniteTimeSpan ? Timeout.InfiniteTimeSpan : Max(a, b);
                if (wait == TimeSpan.Zero)
                {
                    // Both are free now and nobody else can take a permit while the lock is held.
                    var slot = new Slot(this, conversation.AttemptAcquire(), tenant.AttemptAcquire(), _time.GetElapsedTime(start));
                    SweepIdle();
                    return slot;
                }

                returned = _returned.Task;
            }

            // Held permits alone fill a window: only a returned one can help (at most a second later, by the send timeout
            // of the slowest… or sooner), so wait for a return, re-checking now and then.
            var delay = wait == Timeout.InfiniteTimeSpan ? TimeSpan.FromSeconds(1) : wait;
            await Task.WhenAny(returned, Task.Delay(delay, _time, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private void OnReturned()
    {
        lock (_gate)
        {
            var returned = _returned;
            _returned = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            returned.TrySetResult();
        }
    }

    private SlidingLogRateLimiter Get(Dictionary<string, SlidingLogRateLimiter> limiters, string key, IReadOnlyList<RateWindow> windows, bool startFull)
    {
        if (!limiters.TryGetValue(key, out var limiter))
        {
            limiters[key] = limiter = new SlidingLogRateLimiter(windows, _options.RateMargin, _time, startFull);
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

    /// <summary>The permits of one send; dispose when its answer came. Disposing twice is harmless.</summary>
    public sealed class Slot : IDisposable
    {
        private readonly DeliveryPacer _pacer;
        private readonly System.Threading.RateLimiting.RateLimitLease _conversation;
        private readonly System.Threading.RateLimiting.RateLimitLease _tenant;
        private int _disposed;

        internal Slot(DeliveryPacer pacer, System.Threading.RateLimiting.RateLimitLease conversation, System.Threading.RateLimiting.RateLimitLease tenant, TimeSpan waited)
        {
            _pacer = pacer;
            _conversation = conversation;
            _tenant = tenant;
            Waited = waited;
        }

        /// <summary>How long the send waited for its permits.</summary>
        public TimeSpan Waited { get; }

        /// <summary>Returns both permits (their windows start now) and wakes waiting senders.</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _conversation.Dispose();
                _tenant.Dispose();
                _pacer.OnReturned();
            }
        }
    }
}
