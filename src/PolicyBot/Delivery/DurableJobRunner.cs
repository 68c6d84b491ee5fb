namespace PolicyBot.Delivery;

/// <summary>
/// Runs the durable timer's jobs: sleeps (on the <see cref="TimeProvider"/>) until the next job is due, a job is scheduled
/// in this process, or <see cref="DeliveryOptions.PollInterval"/> passes; claims due jobs and runs each through the
/// <see cref="IDurableJobHandler"/> of its kind, renewing the claim while it runs. A handler that throws is retried with
/// exponential back-off up to <see cref="DeliveryOptions.JobMaxAttempts"/> runs. Run by <see cref="DeliveryService"/>.
/// </summary>
public sealed class DurableJobRunner
{
    private readonly SqliteDurableTimer _timer;
    private readonly IReadOnlyDictionary<string, IDurableJobHandler> _handlers;
    private readonly DeliveryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DurableJobRunner> _logger;
    private readonly object _gate = new();
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates the runner over <paramref name="handlers"/> (one per kind).</summary>
    /// <exception cref="InvalidOperationException">Two handlers for one kind.</exception>
    public DurableJobRunner(SqliteDurableTimer timer, IEnumerable<IDurableJobHandler> handlers, DeliveryOptions options, TimeProvider time, ILogger<DurableJobRunner> logger)
    {
        _timer = timer;
        _options = options;
        _time = time;
        _logger = logger;
        var byKind = new Dictionary<string, IDurableJobHandler>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            if (!byKind.TryAdd(handler.Kind, handler))
            {
                throw new InvalidOperationException($"Two durable job handlers for kind '{handler.Kind}': {byKind[handler.Kind].GetType().Name} and {handler.GetType().Name}.");
            }
        }

        _handlers = byKind;
        timer.Scheduled += Wake;
    }

    /// <summary>Wakes the runner to look at the due times again.</summary>
    public void Wake()
    {
        lock (_gate)
        {
            _wake.TrySetResult();
        }
    }

    /// <summary>Runs jobs until <paramref name="stoppingToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var token = Guid.NewGuid().ToString("N");
        while (!stoppingToken.IsCancellationRequested)
        {
            Task wake;
            lock (_gate)
            {
                if (_wake.Task.IsCompleted)
                {
                    _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                wake = _wake.Task;
            }

            TimeSpan sleep;
            try
            {
                var jobs = await _timer.ClaimDueAsync(token, _options.ClaimLease, 16, stoppingToken).ConfigureAwait(false);
                foreach (var job in jobs)
                {
                    await RunJobAsync(job, token, stoppingToken).ConfigureAwait(false);
                }

                if (jobs.Count > 0)
                {
                    continue;
                }

                var next = await _timer.NextWakeAsync(stoppingToken).ConfigureAwait(false);
                sleep = next is { } due ? Clamp(due - _time.GetUtcNow()) : _options.PollInterval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _logger.LogError(e, "The durable timer could not read its jobs; trying again in {Poll}.", _options.PollInterval);
                sleep = _options.PollInterval;
            }

            try
            {
                await Task.WhenAny(wake, Task.Delay(sleep, _time, stoppingToken)).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private TimeSpan Clamp(TimeSpan untilDue) =>
        untilDue <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(1) : untilDue < _options.PollInterval ? untilDue + TimeSpan.FromMilliseconds(1) : _options.PollInterval;

    private async Task RunJobAsync(DurableJob job, string token, CancellationToken stoppingToken)
    {
        var none = CancellationToken.None;
        if (!_handlers.TryGetValue(job.Kind, out var handler))
        {
            _logger.LogError("No handler is registered for durable job {JobId} of kind {Kind}; it is failed.", job.Id, job.Kind);
            await _timer.FailAsync(job.Id, token, $"no handler for kind '{job.Kind}'", null, none).ConfigureAwait(false);
            return;
        }

        using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewing = RenewWhileRunningAsync(job.Id, token, heartbeat.Token);
        try
        {
            await handler.HandleAsync(job, stoppingToken).ConfigureAwait(false);
            await heartbeat.CancelAsync().ConfigureAwait(false);
            await renewing.ConfigureAwait(false);
            await _timer.CompleteAsync(job.Id, token, none).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the claim lapses and the job runs again after the restart.
            await heartbeat.CancelAsync().ConfigureAwait(false);
            await renewing.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await heartbeat.CancelAsync().ConfigureAwait(false);
            await renewing.ConfigureAwait(false);
            var retry = job.Attempt < _options.JobMaxAttempts
                ? TimeSpan.FromTicks(Math.Min(_options.RetryMaxDelay.Ticks, _options.RetryBaseDelay.Ticks * (1L << Math.Min(job.Attempt - 1, 20))))
                : (TimeSpan?)null;
            _logger.LogError(e, "Durable job {JobId} ({Kind}) failed on attempt {Attempt}; {Next}.",
                job.Id, job.Kind, job.Attempt, retry is { } d ? $"retrying in {d}" : "no attempts left");
            await _timer.FailAsync(job.Id, token, e.GetType().Name + ": " + e.Message, retry, none).ConfigureAwait(false);
        }
    }

    private async Task RenewWhileRunningAsync(long id, string token, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_options.ClaimLease / 3, _time, cancellationToken).ConfigureAwait(false);
                await _timer.RenewAsync(id, token, _options.ClaimLease, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
