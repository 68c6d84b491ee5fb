using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>What the bot asked the connector to do.</summary>
public enum ConnectorOperation
{
    /// <summary><c>POST /v3/conversations/{id}/activities</c>.</summary>
    SendToConversation,

    /// <summary><c>POST /v3/conversations/{id}/activities/{activityId}</c>.</summary>
    ReplyToActivity,

    /// <summary><c>PUT /v3/conversations/{id}/activities/{activityId}</c>.</summary>
    UpdateActivity,

    /// <summary><c>DELETE /v3/conversations/{id}/activities/{activityId}</c>.</summary>
    DeleteActivity,

    /// <summary><c>POST /v3/conversations</c> (proactive: open a conversation).</summary>
    CreateConversation,
}

/// <summary>
/// One request the bot sent to the fake connector.
/// </summary>
/// <param name="Sequence">1-based arrival order across the connector.</param>
/// <param name="Operation">Which connector call it was.</param>
/// <param name="ConversationId">Conversation id from the URL (for CreateConversation: the id handed out).</param>
/// <param name="RouteActivityId">Activity id from the URL: the replied-to, updated or deleted activity; else null.</param>
/// <param name="Id">The id the connector answered with (a new id for sends; the same id for updates).</param>
/// <param name="Activity">The activity body (for CreateConversation: its initial activity, if any; null for deletes).</param>
/// <param name="StatusCode">HTTP status the connector answered with (an injected failure shows here).</param>
/// <param name="Authorization">The Authorization header the bot sent, or null (local mode sends none).</param>
/// <param name="RawBody">The request body as received.</param>
public sealed record ReceivedActivity(
    long Sequence,
    ConnectorOperation Operation,
    string ConversationId,
    string? RouteActivityId,
    string Id,
    Activity? Activity,
    int StatusCode,
    string? Authorization,
    string RawBody)
{
    /// <summary>True when the connector accepted the call (2xx).</summary>
    public bool Accepted => StatusCode is >= 200 and < 300;
}

/// <summary>
/// A loopback stand-in for the Bot Connector service that Teams gives a bot as its <c>serviceUrl</c>. It accepts
/// sends, replies, updates and deletes, answers <c>{"id": "..."}</c>, records every call, and serves the member
/// roster so <c>TeamsInfo.GetMemberAsync</c> / <c>GetMembersAsync</c> / <c>GetPagedMembersAsync</c> work.
/// Failures (e.g. 429 with Retry-After) can be injected for the next calls.
/// <code>
/// await using var connector = await FakeBotConnector.StartAsync();
/// connector.AddMember(conversationId, new TeamsChannelAccount { Id = "29:ada", Name = "Ada", AadObjectId = "..." });
/// connector.FailNext(2, 429, TimeSpan.FromSeconds(1));
/// var replies = await connector.WaitForAsync(a => a.ConversationId == conversationId, count: 1);
/// </code>
/// </summary>
public sealed class FakeBotConnector : IAsyncDisposable
{
    /// <summary>How long the wait helpers wait by default.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private const string AllConversations = "*";

    private readonly object _gate = new();
    private readonly List<ReceivedActivity> _received = [];
    private readonly Dictionary<string, Dictionary<string, TeamsChannelAccount>> _members = new(StringComparer.Ordinal);
    private readonly Queue<(int Status, TimeSpan? RetryAfter)> _failures = new();
    private readonly Dictionary<string, Queue<(int Status, TimeSpan? RetryAfter)>> _conversationFailures = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = NewSignal();
    private long _sequence;
    private long _nextId;
    private WebApplication? _app;

    private FakeBotConnector()
    {
    }

    /// <summary>The service URL to put into activities, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>A snapshot of every call received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedActivity> Received
    {
        get
        {
            lock (_gate)
            {
                return _received.ToArray();
            }
        }
    }

    /// <summary>
    /// The calls received after the one numbered <paramref name="sequence"/> (<see cref="LastSequence"/> read earlier), in
    /// arrival order. Costs the calls returned, not all received: a test playing thousands of turns on one connector asks
    /// this once a turn, and a copy of every call each time made those runs quadratic.
    /// </summary>
    public IReadOnlyList<ReceivedActivity> ReceivedSince(long sequence)
    {
        lock (_gate)
        {
            // Numbered under this lock as they are added (Record), so the list is in ascending order of Sequence.
            var (low, high) = (0, _received.Count);
            while (low < high)
            {
                var middle = (low + high) / 2;
                (low, high) = _received[middle].Sequence <= sequence ? (middle + 1, high) : (low, middle);
            }
            return _received.GetRange(low, _received.Count - low);
        }
    }

    /// <summary>The <see cref="ReceivedActivity.Sequence"/> of the latest call (0 before any).</summary>
    public long LastSequence => Interlocked.Read(ref _sequence);

    /// <summary>Starts the connector on a random loopback port.</summary>
    public static async Task<FakeBotConnector> StartAsync()
    {
        var connector = new FakeBotConnector();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        connector.Map(app);
        await app.StartAsync().ConfigureAwait(false);
        connector._app = app;
        connector.ServiceUrl = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        return connector;
    }

    /// <summary>Adds <paramref name="member"/> to the roster of a conversation or team id (null: of every conversation).</summary>
    /// <param name="conversationOrTeamId">Conversation or team id; null for all conversations.</param>
    /// <param name="member">The roster entry returned by the members endpoints.</param>
    /// <param name="replace">False: keep an entry already there for the same user id.</param>
    public void AddMember(string? conversationOrTeamId, TeamsChannelAccount member, bool replace = true)
    {
        ArgumentNullException.ThrowIfNull(member);
        lock (_gate)
        {
            var key = conversationOrTeamId ?? AllConversations;
            if (!_members.TryGetValue(key, out var roster))
            {
                _members[key] = roster = new Dictionary<string, TeamsChannelAccount>(StringComparer.Ordinal);
            }

            if (replace || !roster.ContainsKey(member.Id))
            {
                roster[member.Id] = member;
            }
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> activity calls (send, reply, update, delete, create) fail with
    /// <paramref name="statusCode"/>, with a <c>Retry-After</c> header (whole seconds, rounded up) when given.
    /// </summary>
    public void FailNext(int count, int statusCode = 429, TimeSpan? retryAfter = null)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _failures.Enqueue((statusCode, retryAfter));
            }
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> activity calls in conversation <paramref name="conversationId"/> (a thread's id
    /// counts as given) fail with <paramref name="statusCode"/>, with a <c>Retry-After</c> header when given. Calls in
    /// other conversations are unaffected, so tests sharing a connector can throttle one chat.
    /// </summary>
    public void FailNextIn(string conversationId, int count, int statusCode = 429, TimeSpan? retryAfter = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        lock (_gate)
        {
            if (!_conversationFailures.TryGetValue(conversationId, out var queue))
            {
                _conversationFailures[conversationId] = queue = new Queue<(int, TimeSpan?)>();
            }

            for (var i = 0; i < count; i++)
            {
                queue.Enqueue((statusCode, retryAfter));
            }
        }
    }

    /// <summary>
    /// Waits until <paramref name="count"/> accepted calls match <paramref name="match"/> and returns the first
    /// <paramref name="count"/> of them, in arrival order.
    /// </summary>
    /// <exception cref="TimeoutException">Not enough matches within <paramref name="timeout"/> (default 10 s); the message lists what arrived.</exception>
    public async Task<IReadOnlyList<ReceivedActivity>> WaitForAsync(Func<ReceivedActivity, bool> match, int count = 1, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(match);
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var found = _received.Where(r => r.Accepted && match(r)).Take(count).ToArray();
                if (found.Length >= count)
                {
                    return found;
                }

                changed = _changed.Task;
            }

            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero || await Task.WhenAny(changed, Task.Delay(remaining)).ConfigureAwait(false) != changed)
            {
                throw new TimeoutException(
                    $"Expected {count} matching connector call(s) within {timeout ?? DefaultTimeout}; received:{Environment.NewLine}{Describe(Received)}");
            }
        }
    }

    /// <summary>One line per call, for assertion messages.</summary>
    public static string Describe(IEnumerable<ReceivedActivity> calls) =>
        string.Join(Environment.NewLine, calls.Select(c =>
            $"  #{c.Sequence} {c.Operation} {c.StatusCode} conv={c.ConversationId} route={c.RouteActivityId} replyTo={c.Activity?.ReplyToId} " +
            $"type={c.Activity?.Type} text={c.Activity?.Text} attachments={c.Activity?.Attachments?.Count ?? 0}"));

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

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Map(WebApplication app)
    {
        app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext http, string conversationId)
            => RecordActivityAsync(http, ConnectorOperation.SendToConversation, conversationId, null));
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext http, string conversationId, string activityId)
            => RecordActivityAsync(http, ConnectorOperation.ReplyToActivity, conversationId, activityId));
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext http, string conversationId, string activityId)
            => RecordActivityAsync(http, ConnectorOperation.UpdateActivity, conversationId, activityId));
        app.MapDelete("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext http, string conversationId, string activityId)
            => RecordActivityAsync(http, ConnectorOperation.DeleteActivity, conversationId, activityId));
        app.MapPost("/v3/conversations", (Func<HttpContext, Task<IResult>>)CreateConversationAsync);

        app.MapGet("/v3/conversations/{conversationId}/members", (string conversationId) => Json(RosterOf(conversationId)));
        app.MapGet("/v3/conversations/{conversationId}/pagedmembers", (string conversationId, int? pageSize, string? continuationToken) =>
        {
            // Pages in roster order; the continuation token is the index of the next member, as opaque to the bot as Teams' own.
            var roster = RosterOf(conversationId);
            var start = int.TryParse(continuationToken, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 0;
            var size = pageSize is > 0 ? pageSize.Value : roster.Count;
            var page = roster.Skip(start).Take(Math.Max(size, 1)).ToList();
            var next = start + page.Count < roster.Count ? (start + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            return Json(new TeamsPagedMembersResult { Members = page, ContinuationToken = next });
        });
        app.MapGet("/v3/conversations/{conversationId}/members/{userId}", (string conversationId, string userId) =>
        {
            var member = RosterOf(conversationId).FirstOrDefault(m => m.Id == userId);
            return member is not null
                ? Json(member)
                : Json(new ErrorResponse(new Error("MemberNotFoundInConversation", $"{userId} is not in {conversationId}.")), StatusCodes.Status404NotFound);
        });
    }

    private async Task<IResult> RecordActivityAsync(HttpContext http, ConnectorOperation operation, string conversationId, string? activityId)
    {
        var body = await new StreamReader(http.Request.Body, Encoding.UTF8).ReadToEndAsync().ConfigureAwait(false);
        var activity = body.Length == 0 ? null : JsonConvert.DeserializeObject<Activity>(body);
        var id = operation is ConnectorOperation.UpdateActivity or ConnectorOperation.DeleteActivity
            ? activityId!
            : "fake-" + Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (status, retryAfter) = Record(operation, conversationId, activityId, id, activity, body, http);
        if (status >= 300)
        {
            return Failure(http, status, retryAfter);
        }

        return operation == ConnectorOperation.DeleteActivity ? Results.Ok() : Json(new ResourceResponse(id));
    }

    private async Task<IResult> CreateConversationAsync(HttpContext http)
    {
        var body = await new StreamReader(http.Request.Body, Encoding.UTF8).ReadToEndAsync().ConfigureAwait(false);
        var parameters = JsonConvert.DeserializeObject<ConversationParameters>(body);

        // Like Teams: a 1:1 conversation with the same user always has the same id.
        var user = parameters?.Members?.FirstOrDefault()?.Id ?? "unknown";
        var conversationId = parameters?.IsGroup == true
            ? "19:fake-" + Guid.NewGuid().ToString("N") + "@thread.v2"
            : "a:fake-personal-" + user;
        var (status, retryAfter) = Record(ConnectorOperation.CreateConversation, conversationId, null, conversationId, parameters?.Activity, body, http);
        if (status >= 300)
        {
            return Failure(http, status, retryAfter);
        }

        return Json(new ConversationResourceResponse { Id = conversationId, ServiceUrl = ServiceUrl.ToString() });
    }

    private (int Status, TimeSpan? RetryAfter) Record(
        ConnectorOperation operation, string conversationId, string? activityId, string id, Activity? activity, string body, HttpContext http)
    {
        lock (_gate)
        {
            var (status, retryAfter) =
                _conversationFailures.TryGetValue(conversationId, out var mine) && mine.Count > 0 ? mine.Dequeue()
                : _failures.Count > 0 ? _failures.Dequeue()
                : (StatusCodes.Status200OK, (TimeSpan?)null);
            var authorization = http.Request.Headers.Authorization.ToString();
            _received.Add(new ReceivedActivity(
                Interlocked.Increment(ref _sequence), operation, conversationId, activityId, id, activity, status,
                authorization.Length == 0 ? null : authorization, body));
            var changed = _changed;
            _changed = NewSignal();
            changed.SetResult();
            return (status, retryAfter);
        }
    }

    private static IResult Failure(HttpContext http, int status, TimeSpan? retryAfter)
    {
        if (retryAfter is { } delay)
        {
            http.Response.Headers.RetryAfter = Math.Ceiling(delay.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Json(new ErrorResponse(new Error(status == 429 ? "TooManyRequests" : "ServiceError", $"Injected failure {status}.")), status);
    }

    private List<TeamsChannelAccount> RosterOf(string conversationId)
    {
        lock (_gate)
        {
            var result = new Dictionary<string, TeamsChannelAccount>(StringComparer.Ordinal);
            foreach (var key in new[] { AllConversations, conversationId })
            {
                if (_members.TryGetValue(key, out var roster))
                {
                    foreach (var (id, member) in roster)
                    {
                        result[id] = member;
                    }
                }
            }

            return [.. result.Values];
        }
    }

    // Bot Framework models need Json.NET (their property names come from [JsonProperty]).
    private static IResult Json(object value, int status = StatusCodes.Status200OK) =>
        Results.Content(
            JsonConvert.SerializeObject(value, new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore }),
            "application/json", Encoding.UTF8, status);
}
