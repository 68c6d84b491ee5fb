using System.Threading.RateLimiting;

namespace PolicyBot.Delivery;

/// <summary>
/// An exact sliding-window rate limiter over several windows at once (e.g. Teams' 7 per 1 s, 8 per 2 s, 60 per 30 s and
/// 1,800 per hour). A permit counts from the moment it is taken until its lease is disposed, and then for a whole window
/// from that moment: a permit is granted at time t only when, for every window (limit L, length W), the leases still held
/// plus those returned in (t − W, t] are fewer than L. Returning the lease when the request's answer has come makes the
/// pacing exact whatever the request's latency: the request reached the server at or before its answer, so two requests
/// counted a window apart here arrived at least a window apart there (a slow first request, a GC pause or a cold start
/// cannot squeeze two into one server window). The price is the latency: a permit is busy for W plus the answer's time.
/// It keeps the return times (at most the largest limit, pruned past the longest window).
/// <para>
/// Why not the built-in window limiters: <see cref="SlidingWindowRateLimiter"/> counts per segment, so in an exact window
/// of length W it can let through more than its limit (a permit returns up to one segment early), and
/// <see cref="PartitionedRateLimiter.CreateChained{TResource}"/> takes a permit from the first limiter while it waits for
/// the next, so the first one's window is counted from too early. Teams (and the tests' fake connector) count exact windows.
/// </para>
/// Thread-safe. Dispose each acquired lease once the request is answered (or given up).
/// </summary>
public sealed class SlidingLogRateLimiter : RateLimiter
{
    private readonly (int Limit, long Ticks)[] _windows;
    private readonly long _longest;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private long[] _log = new long[4]; // ring buffer of lease return timestamps (TimeProvider ticks), oldest at _head
    private int _head;
    private int _count;
    private int _held; // leases taken and not yet returned
    private long _lastGrant;
    private long _successful;
    private long _failed;

    /// <summary>Creates a limiter over <paramref name="windows"/>, each lengthened by <paramref name="margin"/>.</summary>
    /// <param name="windows">The limits, all of which must hold (at least one).</param>
    /// <param name="margin">Added to every window's length (requests travel unequally fast; see <see cref="DeliveryOptions.RateMargin"/>).</param>
    /// <param name="time">The clock (tests use a fake one).</param>
    /// <param name="startFull">
    /// True: behave as if the smallest window's limit was used up just now, so the first permits wait one window. For a
    /// process that starts again after a crash, which cannot know what its predecessor sent in the last moments.
    /// </param>
    public SlidingLogRateLimiter(IReadOnlyList<RateWindow> windows, TimeSpan margin, TimeProvider time, bool startFull = false)
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
        if (startFull)
        {
            for (var i = _windows.Min(w => w.Limit); i > 0; i--)
            {
                Record(_lastGrant);
            }
        }
    }

    /// <summary>Time since the last lease was returned (or since creation); null while a lease is held. The pacer drops limiters idle longer than their longest window.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                return _held > 0 ? null : _time.GetElapsedTime(_lastGrant);
            }
        }
    }

    /// <summary>The longest window (margin included): after being idle this long the limiter holds no grants.</summary>
    public TimeSpan LongestWindow => TimeSpan.FromSeconds((double)_longest / _time.TimestampFrequency);

    /// <summary>
    /// How long until one permit can be granted: <see cref="TimeSpan.Zero"/> when it can be now;
    /// <see cref="Timeout.InfiniteTimeSpan"/> when only the return of a held lease can free one.
    /// </summary>
    public TimeSpan TimeUntilAvailable()
    {
        lock (_gate)
        {
            return ToSpan(WaitTicks(_time.GetTimestamp()));
        }
    }

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            Prune(now);
            var available = _windows.Min(w => w.Limit - _held - CountSince(now - w.Ticks));
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
    /// <remarks>
    /// Only 0 or 1 permit per call. A refused lease carries <see cref="MetadataName.RetryAfter"/> (10 ms when only the
    /// return of a held lease can free a permit). Dispose an acquired lease when the request is answered.
    /// </remarks>
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, 1);
        lock (_gate)
        {
            var wait = WaitTicks(_time.GetTimestamp());
            if (wait > 0 || wait == Blocked)
            {
                Interlocked.Increment(ref _failed);
                return new Lease(this, false, wait == Blocked ? TimeSpan.FromMilliseconds(10) : FromTicks(wait));
            }

            Interlocked.Increment(ref _successful);
            if (permitCount == 0)
            {
                return new Lease(this, true, null, counted: false);
            }

            _held++;
            return new Lease(this, true, null);
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

    /// <summary>Returned by <see cref="WaitTicks"/> when held leases alone use up a window.</summary>
    private const long Blocked = -1;

    private long WaitTicks(long now)
    {
        Prune(now);
        long wait = 0;
        foreach (var (limit, ticks) in _windows)
        {
            // Held leases count as sent now; then the (limit − held)-th most recent return must have left (now − W, now].
            var free = limit - _held;
            if (free <= 0)
            {
                return Blocked;
            }

            if (_count >= free)
            {
                var returned = _log[(_head + _count - free) % _log.Length];
                wait = Math.Max(wait, returned + ticks - now + 1);
            }
        }

        return wait;
    }

    private void Return()
    {
        lock (_gate)
        {
            _held--;
            Record(_time.GetTimestamp());
        }
    }

    private TimeSpan ToSpan(long wait) => wait == Blocked ? Timeout.InfiniteTimeSpan : wait <= 0 ? TimeSpan.Zero : FromTicks(wait);

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
        // Return times arrive in order (the clock only moves forward), so the ring stays sorted.
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

    private sealed class Lease(SlidingLogRateLimiter limiter, bool acquired, TimeSpan? retryAfter, bool counted = true) : RateLimitLease
    {
        private int _returned;

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter is { } value && metadataName == MetadataName.RetryAfter.Name ? value : null;
            return metadata is not null;
        }

        protected override void Dispose(bool disposing)
        {
            if (acquired && counted && Interlocked.Exchange(ref _returned, 1) == 0)
            {
                limiter.Return();
            }
        }
    }
}
