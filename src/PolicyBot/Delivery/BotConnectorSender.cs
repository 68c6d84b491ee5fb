using System.Security.Claims;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using PolicyBot.Hosting;

namespace PolicyBot.Delivery;

/// <summary>
/// <see cref="IProactiveSender"/> on Bot Framework's connector: <c>POST {serviceUrl}/v3/conversations/{id}/activities</c>
/// with a <see cref="ConnectorClient"/> from the app's <see cref="BotFrameworkAuthentication"/> (so the same credentials as
/// the adapter: none in local mode, the app's token otherwise). The only delivery class that knows Bot Framework types.
/// The connector client is built on the app's HttpClient, which has no Microsoft.Rest retry handler: each call is one HTTP
/// request (the tests count them), and retries are the engine's, counted and paced.
/// </summary>
public sealed class BotConnectorSender(BotFrameworkAuthentication authentication, BotRuntimeSettings settings, TimeProvider time) : IProactiveSender
{
    /// <inheritdoc />
    public async Task<SendResult> SendAsync(StoredRecipient recipient, string activityJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentException.ThrowIfNullOrEmpty(activityJson);

        ConversationReference? reference;
        Activity? activity;
        try
        {
            reference = JsonConvert.DeserializeObject<ConversationReference>(recipient.ConversationReferenceJson);
            activity = JsonConvert.DeserializeObject<Activity>(activityJson);
        }
        catch (JsonException e)
        {
            return new SendResult(SendOutcome.Failed, Reason: "malformed JSON: " + e.Message);
        }

        if (reference?.Conversation?.Id is not { Length: > 0 } conversationId || string.IsNullOrEmpty(reference.ServiceUrl) || activity is null)
        {
            return new SendResult(SendOutcome.Failed, Reason: "the conversation reference has no conversation id or service URL, or the activity is empty");
        }

        // As the adapter's ContinueConversationAsync does: conversation, from (the bot), recipient and channel from the reference.
        activity.ApplyConversationReference(reference);

        // A proactive identity like CloudAdapter's: the bot's app id as audience and app id (empty in local mode).
        var appId = settings.AppId ?? string.Empty;
        var identity = new ClaimsIdentity(
        [
            new Claim(AuthenticationConstants.AudienceClaim, appId),
            new Claim(AuthenticationConstants.AppIdClaim, appId),
        ]);
        using var client = await authentication.CreateConnectorFactory(identity)
            .CreateAsync(reference.ServiceUrl, null, cancellationToken).ConfigureAwait(false);
        try
        {
            if (client.Conversations is Conversations conversations)
            {
                using var response = await conversations.SendToConversationWithHttpMessagesAsync(conversationId, activity, null, cancellationToken).ConfigureAwait(false);
                return SendResult.SentWith(response.Body?.Id);
            }

            var resource = await client.Conversations.SendToConversationAsync(conversationId, activity, cancellationToken).ConfigureAwait(false);
            return SendResult.SentWith(resource?.Id);
        }
        catch (ErrorResponseException e) when (e.Response is not null)
        {
            string? retryAfter = null;
            if (e.Response.Headers is { } headers && headers.TryGetValue("Retry-After", out var values))
            {
                retryAfter = values.FirstOrDefault();
            }

            return SendClassifier.Classify((int)e.Response.StatusCode, e.Body?.Error?.Code, SendClassifier.ParseRetryAfter(retryAfter, time.GetUtcNow()));
        }
        catch (HttpRequestException e) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendResult(SendOutcome.Transient, Reason: "network: " + e.Message);
        }
        catch (Microsoft.Rest.SerializationException e)
        {
            // A 2xx whose body did not parse: Teams took the message, it only lost the id.
            return new SendResult(SendOutcome.Sent, Reason: "unreadable answer: " + e.Message);
        }
    }
}
