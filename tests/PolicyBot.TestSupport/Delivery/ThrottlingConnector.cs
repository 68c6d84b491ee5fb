using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PolicyBot.TestSupport.Delivery;

/// <summary>One answer the connector gives instead of accepting.</summary>
/// <param name="Status">HTTP status (e.g. 403, 404, 500, 503); 200 with <see cref="Delay"/> is a slow success.</param>
/// <param name="Code">Teams' <c>error.code</c>, e.g. <c>ConversationBlockedByUser</c>.</param>
/// <param name="Delay">How long to wait before answering (a slow answer).</param>
/// <param name="RetryAfterSeconds">A Retry-After header (for an injected 429).</param>
public sealed record InjectedAnswer(int Status, string? Code = null, TimeSpan? Delay = null, int? RetryAfterSeconds = null);

/// <summary>How a <see cref="ThrottlingConnector"/> behaves.</summary>
public sealed class ThrottlingConnectorOptions
{
    /// <summary>Limits per conversation, each (count, window): Teams' 7/1 s, 8/2 s, 60/30 s, 1800/h by default.</summary>
    public IReadOnlyList<(int Limit, TimeSpan Window)> ConversationLimits { get; init; } =
        [(7, TimeSpan.FromSeconds(1)), (8, TimeSpan.FromSeconds(2)), (60, TimeSpan.FromSeconds(30)), (1800, TimeSpan.FromHours(1))];

    /// <summary>Limits over all conversations (the app's per-tenant limit): 50/1 s by default.</summary>
    public IReadOnlyList<(int Limit, TimeSpan Window)> AppLimits { get; init; } = [(50, TimeSpan.FromSeconds(1))];

    /// <summary>Share (0–1) of otherwise accepted requests answered 503 at random (transient failures).</summary>
    public double TransientFailureRate { get; init; }

    /// <summary>Seed of the random transient failures.</summary>
    public int Seed { get; init; } = 12345;
}

/// <summary>
/// A loopback Bot Connector that ENFORCES Teams' rate limits: <c>POST /v3/conversations/{id}/activities</c> is answered 429
/// with Retry-After (whole seconds until the window frees, at least 1) when it would exceed a limit over an exact sliding
/// window (every request not answered 429 counts, failures included), else 200 <c>{"id": "..."}</c>. Failures and slow
/// answers can be injected per conversation, and a share of requests can fail at random. It counts what it accepted per
/// conversation, so duplicates and losses can be counted. No Bot Framework types (JSON only), so the benchmark shares it.
/// A slow answer whose caller gave up before it came is counted as abandoned, not accepted.
/// </summary>
public sealed class ThrottlingConnector : IAsyncDisposable
{
    private readonly ThrottlingConnectorOptions _options;
    private readonly object _gate = new();
    private readonly Dictionary<string, Queue<long>> _conversationLogs = new(StringComparer.Ordinal);
    private readonly Queue<long> _appLog = new();
    private readonly Dictionary<string, Queue<InjectedAnswer>> _next = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InjectedAnswer> _always = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _accepted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (JsonNode? Body, string? Authorization)> _lastAccepted = new(StringComparer.Ordinal);
    private readonly List<long> _acceptedTimes = [];
    private readonly Random _random;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _requests;
    private long _throttled;
    private long _failed;
    private long _abandoned;
    private long _nextId;
    private long _holdAfter = long.MaxValue;
    private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;

    private ThrottlingConnector(ThrottlingConnectorOptions options)
    {
        _options = options;
        _random = new Random(options.Seed);
    }

    /// <summary>The service URL to put into conversation references, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>Requests received (sends), answered or not.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Requests answered 429 because a limit would have been exceeded (injected 429s not included).</summary>
    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>Requests answered with an injected or random failure.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Slow answers the caller stopped waiting for.</summary>
    public long Abandoned => Interlocked.Read(ref _abandoned);

    /// <summary>Accepted sends over all conversations.</summary>
    public long AcceptedTotal
    {
        get
        {
            lock (_gate)
            {
                return _acceptedTimes.Count;
            }
        }
    }

    /// <summary>Accepted sends per conversation id (a conversation with 2 got the message twice).</summary>
    public IReadOnlyDictionary<string, int> AcceptedPerConversation => new Dictionary<string, int>(_accepted, StringComparer.Ordinal);

    /// <summary>The body and Authorization header of the last send accepted in <paramref name="conversationId"/>, or nulls.</summary>
    public (JsonNode? Body, string? Authorization) LastAccepted(string conversationId) => _lastAccepted.GetValueOrDefault(conversationId);

    /// <summary>Stopwatch timestamps of the accepted sends, in order (for the achieved rate).</summary>
    public IReadOnlyList<long> AcceptedTimestamps
    {
        get
        {
            lock (_gate)
            {
                return _acceptedTimes.ToArray();
            }
        }
    }

    /// <summary>Starts the connector on a random loopback port.</summary>
    public static async Task<ThrottlingConnector> StartAsync(ThrottlingConnectorOptions? options = null)
    {
        var connector = new ThrottlingConnector(options ?? new ThrottlingConnectorOptions());
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/v3/conversations/{conversationId}/activities", (Func<HttpContext, string, Task<IResult>>)connector.SendAsync);
        await app.StartAsync().ConfigureAwait(false);
        connector._app = app;
        connector.ServiceUrl = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        return connector;
    }

    /// <summary>The next sends to <paramref name="conversationId"/> get <paramref name="answers"/>, in order (after the rate check).</summary>
    public void InjectNext(string conversationId, params InjectedAnswer[] answers)
    {
        lock (_gate)
        {
            if (!_next.TryGetValue(conversationId, out var queue))
            {
                _next[conversationId] = queue = new Queue<InjectedAnswer>();
            }

            foreach (var answer in answers)
            {
                queue.Enqueue(answer);
            }
        }
    }

    /// <summary>Every send to <paramref name="conversationId"/> gets <paramref name="answer"/> (after injected ones are used up).</summary>
    public void AlwaysAnswer(string conversationId, InjectedAnswer answer)
    {
        lock (_gate)
        {
            _always[conversationId] = answer;
        }
    }

    /// <summary>
    /// A stalled service: once <paramref name="accepted"/> sends have been accepted, every send that arrives waits unanswered
    /// until <see cref="Release"/> (one whose caller gives up first counts as abandoned). A test then acts at a point of its
    /// own choosing (a kill with the delivery part-way), however slowly a loaded machine lets it react.
    /// </summary>
    public void HoldAfter(long accepted)
    {
        // A fresh gate each time, so a hold after an earlier release holds again.
        Volatile.Write(ref _released, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        Interlocked.Exchange(ref _holdAfter, accepted);
    }

    /// <summary>Ends <see cref="HoldAfter"/>: the held sends and every later one are answered as usual.</summary>
    public void Release()
    {
        Interlocked.Exchange(ref _holdAfter, long.MaxValue);
        Volatile.Read(ref _released).TrySetResult();
    }

    /// <summary>Waits until <paramref name="predicate"/> holds (checked on every answer), or throws <see cref="TimeoutException"/>.</summary>
    public async Task WaitUntilAsync(Func<ThrottlingConnector, bool> predicate, TimeSpan timeout, string what)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (predicate(this))
            {
                return;
            }

            var left = TimeSpan.FromSeconds((double)(deadline - Stopwatch.GetTimestamp()) / Stopwatch.Frequency);
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Waited {timeout} for {what}; {Describe()}.");
            }

            await Task.WhenAny(changed, Task.Delay(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200))).ConfigureAwait(false);
        }
    }

    /// <summary>Counts for assertion messages.</summary>
    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"requests {Requests}, accepted {AcceptedTotal} in {_accepted.Count} conversations, 429 {Throttled}, failed {Failed}, abandoned {Abandoned}");

    /// <summary>Stops the connector.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }
    }

    private async Task<IResult> SendAsync(HttpContext http, string conversationId)
    {
        // Read the body as a real service would (a malformed one fails here, not silently).
        var body = await JsonNode.ParseAsync(http.Request.Body).ConfigureAwait(false);
        Interlocked.Increment(ref _requests);
        if (AcceptedTotal >= Interlocked.Read(ref _holdAfter))
        {
            try
            {
                await Volatile.Read(ref _released).Task.WaitAsync(http.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _abandoned);
                Signal();
                return Results.Empty;
            }
        }
        InjectedAnswer? answer;
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            if (!_conversationLogs.TryGetValue(conversationId, out var log))
            {
                _conversationLogs[conversationId] = log = new Queue<long>();
            }

            var wait = Math.Max(WaitFor(log, _options.ConversationLimits, now), WaitFor(_appLog, _options.AppLimits, now));
            if (wait > 0)
            {
                Interlocked.Increment(ref _throttled);
                Signal();
                var seconds = Math.Max(1, (int)Math.Ceiling((double)wait / Stopwatch.Frequency));
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return Error(429, "TooManyRequests");
            }

            log.Enqueue(now);
            _appLog.Enqueue(now);
            answer = _next.TryGetValue(conversationId, out var queue) && queue.Count > 0 ? queue.Dequeue()
                : _always.GetValueOrDefault(conversationId);
            if (answer is null && _options.TransientFailureRate > 0 && _random.NextDouble() < _options.TransientFailureRate)
            {
                answer = new InjectedAnswer(503, "ServiceUnavailable");
            }
        }

        if (answer?.Delay is { } delay)
        {
            try
            {
                await Task.Delay(delay, http.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _abandoned);
                Signal();
                return Results.Empty;
            }
        }

        if (answer is { Status: >= 300 } failure)
        {
            Interlocked.Increment(ref _failed);
            Signal();
            if (failure.RetryAfterSeconds is { } retryAfter)
            {
                http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            }

            return Error(failure.Status, failure.Code ?? "ServiceError");
        }

        var id = "act-" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        lock (_gate)
        {
            _accepted.AddOrUpdate(conversationId, 1, (_, n) => n + 1);
            var authorization = http.Request.Headers.Authorization.ToString();
            _lastAccepted[conversationId] = (body, authorization.Length == 0 ? null : authorization);
            _acceptedTimes.Add(Stopwatch.GetTimestamp());
            Signal();
        }

        return Results.Json(new { id });
    }

    /// <summary>Stopwatch ticks until one more request keeps every limit (0: now). Prunes entries older than the longest window.</summary>
    private static long WaitFor(Queue<long> log, IReadOnlyList<(int Limit, TimeSpan Window)> limits, long now)
    {
        var longest = limits.Max(l => Ticks(l.Window));
        while (log.Count > 0 && log.Peek() <= now - longest)
        {
            log.Dequeue();
        }

        long wait = 0;
        var entries = log.Count == 0 ? [] : log.ToArray();
        foreach (var (limit, window) in limits)
        {
            // Exact: fewer than `limit` requests in (now − window, now].
            if (entries.Length >= limit)
            {
                var decisive = entries[^limit];
                if (decisive > now - Ticks(window))
                {
                    wait = Math.Max(wait, decisive + Ticks(window) - now);
                }
            }
        }

        return wait;
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    private void Signal()
    {
        lock (_gate)
        {
            var changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.TrySetResult();
        }
    }

    private static IResult Error(int status, string code) =>
        Results.Json(new { error = new { code, message = $"Fake connector: {status} {code}." } }, statusCode: status);
}
