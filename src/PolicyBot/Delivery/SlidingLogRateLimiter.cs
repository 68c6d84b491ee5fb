using System.Threading.RateLimiting;

namespace PolicyBot.Delivery;

/// <summary>
/// An exact sliding-window rate limiter over several windows at once (e.g. Teams' 7 per 1 s, 8 per 2 s, 60 per 30 s and
/// 1,800 per hour): a permit is granted at time t only when, for every window (limit L, length W), fewer than L permits
/// were granted in (t − W, t]. It keeps the grant times (at most the largest limit, pruned past the longest window).
/// <para>
/// Why not the built-in window limiters: <see cref="SlidingWindowRateLimiter"/> counts per segment, so in an exact window
/// of length W it can let through more than its limit (a permit returns up to one segment early), and
/// <see cref="PartitionedRateLimiter.CreateChained{TResource}"/> takes a permit from the first limiter while it waits for
/// the next, so the first one's window is counted from too early. Teams (and the tests' fake connector) count exact windows.
/// </para>
/// Thread-safe. Leases hold nothing: a granted permit stays counted for its windows, whatever happens to the request.
/// </summary>
public sealed class SlidingLogRateLimiter : RateLimiter
{
    private static readonly RateLimitLease Granted = new Lease(true, null);

    private readonly (int Limit, long Ticks)[] _windows;
    private readonly long _longest;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private long[] _log = new long[4]; // ring buffer of grant timestamps (TimeProvider ticks), oldest at _head
    private int _head;
    private int _count;
    private long _lastGrant;
    private long _successful;
    private long _failed;

    /// <summary>Creates a limiter over <paramref name="windows"/>, each lengthened by <paramref name="margin"/>.</summary>
    /// <param name="windows">The limits, all of which must hold (at least one).</param>
    /// <param name="margin">Added to every window's length (requests travel unequally fast; see <see cref="DeliveryOptions.RateMargin"/>).</param>
    /// <param name="time">The clock (tests use a fake one).</param>
    public SlidingLogRateLimiter(IReadOnlyList<RateWindow> windows, TimeSpan margin, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(time);
        if (windows.Count == 0)
        {
            throw new ArgumentException("At least one window is needed.", nameof(windows));
        }

        _time = time;
        _windows = windows.Select(w => (w.Limit, Ticks(w.Window + margin, time))).ToArray();
        _longest = _windows.Max(w => w.Ticks);
        _lastGrant = time.GetTimestamp();
    }

    /// <summary>Time since the last grant (or since creation); the pacer drops limiters idle longer than their longest window.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                return _time.GetElapsedTime(_lastGrant);
            }
        }
    }

    /// <summary>The longest window (margin included): after being idle this long the limiter holds no grants.</summary>
    public TimeSpan LongestWindow => TimeSpan.FromSeconds((double)_longest / _time.TimestampFrequency);

    /// <summary>How long until one permit can be granted: <see cref="TimeSpan.Zero"/> when it can be now.</summary>
    public TimeSpan TimeUntilAvailable()
    {
        lock (_gate)
        {
            return WaitTicks(_time.GetTimestamp()) is var ticks && ticks <= 0 ? TimeSpan.Zero : FromTicks(ticks);
        }
    }

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            Prune(now);
            var available = _windows.Min(w => w.Limit - CountSince(now - w.Ticks));
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = Math.Max(0, available),
                CurrentQueuedCount = 0,
                TotalSuccessfulLeases = Interlocked.Read(ref _successful),
                TotalFailedLeases = Interlocked.Read(ref _failed),
            };
        }
    }

    /// <inheritdoc />
    /// <remarks>Only 0 or 1 permit per call. A refused lease carries <see cref="MetadataName.RetryAfter"/>.</remarks>
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, 1);
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            var wait = WaitTicks(now);
            if (wait > 0)
            {
                Interlocked.Increment(ref _failed);
                return new Lease(false, FromTicks(wait));
            }

            if (permitCount == 1)
            {
                Record(now);
            }

            Interlocked.Increment(ref _successful);
            return Granted;
        }
    }

    /// <inheritdoc />
    /// <remarks>Waits (on the <see cref="TimeProvider"/>) until the permit can be granted; no queue limit, no fairness.</remarks>
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        while (true)
        {
            var lease = AttemptAcquireCore(permitCount);
            if (lease.IsAcquired || !lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            {
                return lease;
            }

            await Task.Delay(retryAfter, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private long WaitTicks(long now)
    {
        Prune(now);
        long wait = 0;
        foreach (var (limit, ticks) in _windows)
        {
            // The limit-th most recent grant must have left the window (now − W, now].
            if (_count >= limit)
            {
                var grant = _log[(_head + _count - limit) % _log.Length];
                wait = Math.Max(wait, grant + ticks - now + 1);
            }
        }

        return wait;
    }

    private int CountSince(long since)
    {
        var n = 0;
        for (var i = _count - 1; i >= 0 && _log[(_head + i) % _log.Length] > since; i--)
        {
            n++;
        }

        return n;
    }

    private void Record(long now)
    {
        if (_count == _log.Length)
        {
            var max = _windows.Max(w => w.Limit);
            if (_count >= max)
            {
                // Full at the largest limit: the oldest grant no longer decides anything.
                _head = (_head + 1) % _log.Length;
                _count--;
            }
            else
            {
                var grown = new long[Math.Min(_log.Length * 2, max)];
                for (var i = 0; i < _count; i++)
                {
                    grown[i] = _log[(_head + i) % _log.Length];
                }

                _log = grown;
                _head = 0;
            }
        }

        _log[(_head + _count) % _log.Length] = now;
        _count++;
        _lastGrant = now;
    }

    private void Prune(long now)
    {
        // A grant exactly one window old still counts (a window is (now − W, now] and permission needs now − grant > W).
        while (_count > 0 && _log[_head] < now - _longest)
        {
            _head = (_head + 1) % _log.Length;
            _count--;
        }
    }

    private TimeSpan FromTicks(long ticks) => TimeSpan.FromSeconds((double)ticks / _time.TimestampFrequency);

    private static long Ticks(TimeSpan span, TimeProvider time) => (long)Math.Ceiling(span.TotalSeconds * time.TimestampFrequency);

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter is { } value && metadataName == MetadataName.RetryAfter.Name ? value : null;
            return metadata is not null;
        }
    }
}
