using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace PolicyBot.Delivery;

/// <summary>What the retry pipeline tells its caller before each retry's delay.</summary>
/// <param name="Attempt">The attempt that failed (1-based).</param>
/// <param name="Delay">How long it waits before the next attempt.</param>
/// <param name="Throttled">True when the failed attempt was a 429.</param>
/// <param name="Reason">The failure, e.g. <c>503</c> or <c>timeout after 30 s</c>.</param>
public sealed record SendRetry(int Attempt, TimeSpan Delay, bool Throttled, string Reason);

/// <summary>
/// The Polly v8 pipelines of one send: an outer retry (429 waits for Retry-After; 412, 5xx, network errors and timeouts
/// back off exponentially with jitter from <see cref="DeliveryOptions.RetryBaseDelay"/> up to
/// <see cref="DeliveryOptions.RetryMaxDelay"/>; nothing else is retried) and an inner per-attempt timeout
/// (<see cref="DeliveryOptions.SendTimeout"/>) that only the HTTP call runs under (not the wait for a rate-limit permit).
/// Attempts already used (by an earlier process, before a crash) count against <see cref="DeliveryOptions.MaxAttempts"/>.
/// </summary>
public sealed class SendRetryPipeline
{
    /// <summary>Attempts used before this run started, put on the context by <see cref="ExecuteAsync"/>.</summary>
    private static readonly ResiliencePropertyKey<int> PriorAttempts = new("policybot.priorAttempts");

    /// <summary>Called before each retry's delay.</summary>
    private static readonly ResiliencePropertyKey<Func<SendRetry, ValueTask>> OnRetryKey = new("policybot.onRetry");

    /// <summary>Used when a 429 carries no Retry-After.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    private readonly ResiliencePipeline<SendResult> _retry;
    private readonly ResiliencePipeline _timeout;
    private readonly DeliveryOptions _options;

    /// <summary>Builds the pipelines from <paramref name="options"/> on <paramref name="time"/>.</summary>
    public SendRetryPipeline(DeliveryOptions options, TimeProvider time)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        ArgumentNullException.ThrowIfNull(time);
        _timeout = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.SendTimeout })
            .Build();
        _retry = new ResiliencePipelineBuilder<SendResult> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<SendResult>
            {
                MaxRetryAttempts = Math.Max(1, options.MaxAttempts - 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    IsRetryable(args.Outcome, args.Context.CancellationToken)
                    && args.Context.Properties.GetValue(PriorAttempts, 0) + args.AttemptNumber + 1 < _options.MaxAttempts),

                // A 429 waits as long as Teams asked (even past MaxDelay); null keeps Polly's exponential back-off with jitter.
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { Outcome: SendOutcome.Throttled } throttled ? throttled.RetryAfter ?? DefaultRetryAfter : (TimeSpan?)null),
                OnRetry = args => args.Context.Properties.TryGetValue(OnRetryKey, out var onRetry)
                    ? onRetry(new SendRetry(args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Result?.Outcome == SendOutcome.Throttled, Describe(args.Outcome)))
                    : ValueTask.CompletedTask,
            })
            .Build();
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> until it gives a final result or the attempts are used up.
    /// <paramref name="attempt"/> gets the 1-based attempt number and a token that cancels with <paramref name="cancellationToken"/>;
    /// it should wait for its rate-limit permit, then call <see cref="SendWithTimeoutAsync"/>.
    /// </summary>
    /// <param name="priorAttempts">Attempts this row used before (the count from the store, before this run's first).</param>
    /// <param name="attempt">One attempt.</param>
    /// <param name="onRetry">Called before each retry's delay (e.g. to record it and renew the claim).</param>
    /// <param name="cancellationToken">Cancels everything (host stopping).</param>
    /// <returns>The last attempt's outcome: a result, or the exception of the last attempt (e.g. <see cref="TimeoutRejectedException"/>).</returns>
    public async Task<Outcome<SendResult>> ExecuteAsync(
        int priorAttempts, Func<int, CancellationToken, ValueTask<SendResult>> attempt, Func<SendRetry, ValueTask> onRetry, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(PriorAttempts, priorAttempts);
            context.Properties.Set(OnRetryKey, onRetry);
            var number = 0;
            return await _retry.ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    try
                    {
                        return Outcome.FromResult(await state.attempt(++state.box.Value, ctx.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception e)
                    {
                        return Outcome.FromException<SendResult>(e);
                    }
                },
                context,
                (attempt, box: new StrongBox(number))).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Runs one HTTP send under the per-attempt timeout.</summary>
    /// <exception cref="TimeoutRejectedException">The send took longer than <see cref="DeliveryOptions.SendTimeout"/>.</exception>
    public ValueTask<SendResult> SendWithTimeoutAsync(Func<CancellationToken, ValueTask<SendResult>> send, CancellationToken cancellationToken) =>
        _timeout.ExecuteAsync(static (state, token) => state(token), send, cancellationToken);

    /// <summary>A short description of an outcome for the row's reason.</summary>
    public static string Describe(Outcome<SendResult> outcome) => outcome switch
    {
        { Exception: TimeoutRejectedException timeout } => $"timeout after {timeout.Timeout.TotalSeconds:0.###} s",
        { Exception: { } e } => e.GetType().Name + ": " + e.Message,
        { Result: { } result } => result.Reason ?? result.Outcome.ToString(),
        _ => "unknown",
    };

    private static bool IsRetryable(Outcome<SendResult> outcome, CancellationToken cancellationToken) => outcome switch
    {
        { Result.Outcome: SendOutcome.Throttled or SendOutcome.Transient } => true,
        { Exception: TimeoutRejectedException or HttpRequestException } => true,

        // The HTTP client's own timeout (not our cancellation) is a timeout too.
        { Exception: OperationCanceledException } => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private sealed class StrongBox(int value)
    {
        public int Value = value;
    }
}
