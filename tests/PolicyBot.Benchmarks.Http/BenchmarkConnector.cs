using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Benchmarks.Http;

/// <summary>
/// A lean loopback Bot Connector: answers sends, replies and updates with a new id and counts them. Unlike the
/// test suite's FakeBotConnector it keeps nothing, so it adds no memory or time of its own to the measurement.
/// </summary>
public sealed class BenchmarkConnector : IAsyncDisposable
{
    private WebApplication? _app;
    private long _calls;

    public Uri ServiceUrl { get; private set; } = null!;

    public long Calls => Interlocked.Read(ref _calls);

    public static async Task<BenchmarkConnector> StartAsync()
    {
        var connector = new BenchmarkConnector();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/v3/conversations/{conversationId}/activities", connector.Answer);
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", connector.Answer);
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", connector.Answer);
        app.MapGet("/v3/conversations/{conversationId}/members/{userId}", (string userId) =>
            Results.Text($$"""{"id":"{{userId}}","name":"Benchmark User","aadObjectId":"00000000-0000-4000-8000-000000000001"}""", "application/json"));
        await app.StartAsync().ConfigureAwait(false);
        connector._app = app;
        connector.ServiceUrl = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        return connector;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task Answer(HttpContext http)
    {
        // Drain the body as the real service would, then answer like it: {"id": "..."}.
        await http.Request.Body.CopyToAsync(Stream.Null).ConfigureAwait(false);
        var id = Interlocked.Increment(ref _calls);
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync($$"""{"id":"bench-{{id}}"}""").ConfigureAwait(false);
    }
}
