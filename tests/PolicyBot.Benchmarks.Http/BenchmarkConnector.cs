using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Benchmarks.Http;

/// <summary>
/// A lean loopback Bot Connector (the Teams service the bot replies to): answers sends, replies and updates like the
/// real service (<c>{"id": "..."}</c>) and hands each reply's body to the driver, keyed by the activity it replies to,
/// so the driver can read the card it got back. The driver takes the replies after each turn; nothing is kept longer.
/// </summary>
public sealed class BenchmarkConnector : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, List<CapturedReply>> _replies = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private long _calls;
    private long _updates;

    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>Sends and replies received so far.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Card updates (PUT) received so far.</summary>
    public long Updates => Interlocked.Read(ref _updates);

    public static async Task<BenchmarkConnector> StartAsync()
    {
        var connector = new BenchmarkConnector();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();

        // Reply to an activity (what TurnContext.SendActivityAsync does): keyed by the activity replied to.
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext http, string activityId) => connector.Capture(http, activityId));

        // A new message in the conversation (no activity to reply to): keyed by the conversation.
        app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext http, string conversationId) => connector.Capture(http, ConversationKey(conversationId)));
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", connector.Update);
        app.MapGet("/v3/conversations/{conversationId}/members/{userId}", (string userId) =>
            Results.Text($$"""{"id":"{{userId}}","name":"Benchmark Staff","aadObjectId":"00000000-0000-4000-8000-000000000001"}""", "application/json"));
        await app.StartAsync().ConfigureAwait(false);
        connector._app = app;
        connector.ServiceUrl = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        return connector;
    }

    /// <summary>Removes and returns the replies to <paramref name="activityId"/> and any plain sends to <paramref name="conversationId"/>.</summary>
    public List<CapturedReply> Take(string activityId, string conversationId)
    {
        var taken = _replies.TryRemove(activityId, out var replies) ? replies : [];
        if (_replies.TryRemove(ConversationKey(conversationId), out var sends))
        {
            taken.AddRange(sends);
        }

        return taken;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string ConversationKey(string conversationId) => "conversation:" + conversationId;

    private async Task Capture(HttpContext http, string key)
    {
        using var buffer = new MemoryStream((int)(http.Request.ContentLength ?? 4096));
        await http.Request.Body.CopyToAsync(buffer).ConfigureAwait(false);
        var id = "bench-" + Interlocked.Increment(ref _calls).ToString(CultureInfo.InvariantCulture);
        var list = _replies.GetOrAdd(key, _ => []);
        lock (list)
        {
            list.Add(new CapturedReply(id, buffer.ToArray()));
        }

        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync($$"""{"id":"{{id}}"}""").ConfigureAwait(false);
    }

    private async Task Update(HttpContext http, string activityId)
    {
        await http.Request.Body.CopyToAsync(Stream.Null).ConfigureAwait(false);
        Interlocked.Increment(ref _updates);
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync($$"""{"id":"{{activityId}}"}""").ConfigureAwait(false);
    }
}

/// <summary>One activity the bot sent: the id the connector gave it and its JSON body.</summary>
public sealed record CapturedReply(string Id, byte[] Body);
