using System.Security.Claims;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PolicyBot.Cards;
using PolicyBot.Delivery;
using PolicyBot.Hosting;

namespace PolicyBot.Requests;

/// <summary>
/// <see cref="IChannelCards"/> on Bot Framework's connector (the requests feature's only Bot Framework types):
/// <c>POST /v3/conversations/{channel}/activities</c> to post, <c>PUT …/activities/{id}</c> to update in place, with the
/// app's credentials (none in local mode), as <see cref="BotConnectorSender"/> does for the outbox.
/// </summary>
public sealed class ConnectorChannelCards(BotFrameworkAuthentication authentication, BotRuntimeSettings settings) : IChannelCards
{
    /// <inheritdoc />
    public async Task<string> PostAsync(StoredRecipient channel, JObject card, CancellationToken cancellationToken)
    {
        var (reference, conversationId) = Reference(channel);
        var activity = Activity(card, reference);
        using var client = await ClientAsync(reference, cancellationToken).ConfigureAwait(false);
        try
        {
            var resource = await client.Conversations.SendToConversationAsync(conversationId, activity, cancellationToken).ConfigureAwait(false);
            return resource?.Id is { Length: > 0 } id ? id : throw new ChannelCardException("Teams took the card but returned no activity id.");
        }
        catch (ErrorResponseException e)
        {
            throw new ChannelCardException($"Posting the request card failed: {(int?)e.Response?.StatusCode} {e.Body?.Error?.Code}");
        }
    }

    /// <inheritdoc />
    public async Task UpdateAsync(StoredRecipient channel, string activityId, JObject card, CancellationToken cancellationToken)
    {
        var (reference, conversationId) = Reference(channel);
        var activity = Activity(card, reference);
        activity.Id = activityId;
        using var client = await ClientAsync(reference, cancellationToken).ConfigureAwait(false);
        try
        {
            await client.Conversations.UpdateActivityAsync(conversationId, activityId, activity, cancellationToken).ConfigureAwait(false);
        }
        catch (ErrorResponseException e)
        {
            throw new ChannelCardException($"Updating the request card {activityId} failed: {(int?)e.Response?.StatusCode} {e.Body?.Error?.Code}");
        }
    }

    private static (ConversationReference Reference, string ConversationId) Reference(StoredRecipient channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var reference = JsonConvert.DeserializeObject<ConversationReference>(channel.ConversationReferenceJson);
        return reference?.Conversation?.Id is { Length: > 0 } id && !string.IsNullOrEmpty(reference.ServiceUrl)
            ? (reference, id)
            : throw new ChannelCardException($"The channel {channel.Key} has no usable conversation reference.");
    }

    private static Activity Activity(JObject card, ConversationReference reference)
    {
        var activity = (Activity)MessageFactory.Attachment(new Attachment { ContentType = PolicyCards.ContentType, Content = card });
        activity.ApplyConversationReference(reference);
        return activity;
    }

    private async Task<IConnectorClient> ClientAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        var appId = settings.AppId ?? string.Empty;
        var identity = new ClaimsIdentity(
        [
            new Claim(AuthenticationConstants.AudienceClaim, appId),
            new Claim(AuthenticationConstants.AppIdClaim, appId),
        ]);
        return await authentication.CreateConnectorFactory(identity).CreateAsync(reference.ServiceUrl, null, cancellationToken).ConfigureAwait(false);
    }
}
