using Microsoft.Net.Http.Headers;

namespace PolicyBot.Delivery;

/// <summary>
/// <c>GET /downloads/{token}</c>: the payload of an administrator download link once (200, <c>Content-Disposition:
/// attachment</c>, not cached), then 410 Gone; 410 when expired; 404 for a token never issued. Each use is logged by
/// <see cref="SqliteDownloadLinks"/>.
/// </summary>
public static class DownloadEndpoint
{
    /// <summary>The route pattern.</summary>
    public const string Route = "/downloads/{token}";

    /// <summary>Maps the endpoint on <paramref name="app"/>.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(Route, HandleAsync);
    }

    private static async Task<IResult> HandleAsync(string token, IDownloadLinks links, HttpContext http)
    {
        // Whatever the answer, no cache or proxy may keep it.
        http.Response.Headers.CacheControl = "no-store";
        var (result, payload) = await links.TakeAsync(token, http.RequestAborted).ConfigureAwait(false);
        return result switch
        {
            DownloadTakeResult.Taken => Results.File(payload!.Content, payload.ContentType, payload.FileName),
            DownloadTakeResult.Gone => Results.Problem(statusCode: StatusCodes.Status410Gone, title: "This download link was used already or has expired."),
            _ => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such download link."),
        };
    }
}
