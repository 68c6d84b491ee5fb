using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PolicyBot.Hosting;

/// <summary>
/// <c>POST /api/messages</c>: validates the request, then hands the activity to the <see cref="CloudAdapter"/>.
/// Validation runs before the adapter so that garbage gets a 400/413 problem+json naming the problem instead of
/// the adapter's bare status code or a 5xx.
/// </summary>
internal static class ActivityEndpoint
{
    public static async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var limit = PolicyBotApp.MaxActivityBodyBytes;

        if (request.ContentLength > limit)
        {
            await TooLarge(http, limit).ConfigureAwait(false);
            return;
        }

        var body = await ReadBoundedAsync(request.Body, limit, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await TooLarge(http, limit).ConfigureAwait(false);
            return;
        }

        var problem = Validate(body);
        if (problem is not null)
        {
            await Results.Problem(title: problem.Value.Title, detail: problem.Value.Detail, statusCode: StatusCodes.Status400BadRequest)
                .ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        var adapter = http.RequestServices.GetRequiredService<IBotFrameworkHttpAdapter>();
        var bot = http.RequestServices.GetRequiredService<IBot>();

        // The adapter reads the body again (its public entry point takes the HTTP request); a validated activity of
        // at most MaxActivityBodyBytes makes that second parse cheap. It answers 401 itself when authentication
        // fails; the status-code-pages middleware turns that into problem+json.
        request.Body = new MemoryStream(body, writable: false);

        // CancellationToken.None on purpose: once accepted, a turn runs to completion even if the caller hangs
        // up, so replies and saved state stay consistent with each other.
        await adapter.ProcessAsync(request, http.Response, bot, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Reads the body; null when it is longer than <paramref name="limit"/> bytes (chunked uploads have no Content-Length).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Null when <paramref name="body"/> is an activity the adapter can process; else the problem.</summary>
    private static (string Title, string Detail)? Validate(byte[] body)
    {
        if (body.Length == 0)
        {
            return ("Empty body", "The request body is empty; expected a Bot Framework activity as JSON.");
        }

        JToken token;
        try
        {
            // Only the shape is checked here (the adapter parses again); no need to turn date strings into dates.
            using var reader = new JsonTextReader(new StreamReader(new MemoryStream(body), Encoding.UTF8))
            {
                DateParseHandling = DateParseHandling.None,
            };
            token = JToken.ReadFrom(reader);
            if (reader.Read())
            {
                return ("Malformed JSON", $"Unexpected content after the JSON value (line {reader.LineNumber}, position {reader.LinePosition}).");
            }
        }
        catch (JsonReaderException ex)
        {
            return ("Malformed JSON", ex.Message);
        }

        if (token is not JObject json)
        {
            return ("Not an activity", $"The body is a JSON {token.Type.ToString().ToLowerInvariant()}, not an object; expected a Bot Framework activity.");
        }

        if (json["type"] is not JValue { Type: JTokenType.String } type || string.IsNullOrWhiteSpace((string?)type))
        {
            return ("Activity has no type", "The activity has no 'type' (a non-empty string such as \"message\").");
        }

        Activity activity;
        try
        {
            activity = json.ToObject<Activity>(HttpHelper.BotMessageSerializer)!;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException or InvalidCastException)
        {
            return ("Not an activity", $"The JSON object does not have the shape of a Bot Framework activity: {ex.Message}");
        }

        // Without these the bot cannot answer; every real channel sends them.
        if (string.IsNullOrWhiteSpace(activity.ServiceUrl) || !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
            || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
        {
            return ("Activity has no serviceUrl", "The activity needs an absolute http(s) 'serviceUrl' to reply to.");
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return ("Activity has no conversation", "The activity needs 'conversation.id'.");
        }

        // State is kept per sender and replies come from the recipient: a message needs both.
        if (activity.Type == ActivityTypes.Message && string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            return ("Message has no sender", "A message activity needs 'from.id'.");
        }

        if (activity.Type == ActivityTypes.Message && string.IsNullOrWhiteSpace(activity.Recipient?.Id))
        {
            return ("Message has no recipient", "A message activity needs 'recipient.id' (the bot).");
        }

        return null;
    }

    private static Task TooLarge(HttpContext http, long limit)
    {
        // The rest of an oversized body is not read; close the connection rather than drain it.
        http.Response.Headers.Connection = "close";
        return Results.Problem(
                title: "Request body too large",
                detail: $"An activity may be at most {limit} bytes.",
                statusCode: StatusCodes.Status413PayloadTooLarge)
            .ExecuteAsync(http);
    }
}
