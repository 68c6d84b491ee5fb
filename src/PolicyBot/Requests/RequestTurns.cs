using Microsoft.Bot.Schema;
using PolicyBot.Reachability;

namespace PolicyBot.Requests;

/// <summary>The Bot Framework edge of requests: reads a <see cref="RequestTurn"/> off an incoming Teams activity.</summary>
public static class RequestTurns
{
    /// <summary>The sender, tenant and place of <paramref name="activity"/> (never anything from its card data).</summary>
    /// <param name="activity">An incoming message activity.</param>
    public static RequestTurn From(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var from = activity.From;
        var sender = string.IsNullOrWhiteSpace(from?.AadObjectId) ? null : new PersonRef(from.AadObjectId.Trim().ToLowerInvariant(), string.IsNullOrWhiteSpace(from.Name) ? "A staff member" : from.Name);
        var personal = activity.Conversation?.ConversationType is null or "personal" && activity.Conversation?.IsGroup != true;
        // Deserialized once: TeamsGetTeamInfo() is this channel data's Team, and would deserialize it again.
        var channelData = (activity as Activity)?.GetChannelData<Microsoft.Bot.Schema.Teams.TeamsChannelData>();
        var team = channelData?.Team;
        var conversationId = activity.Conversation?.Id is { Length: > 0 } id ? RecipientKeys.BaseConversationId(id) : null;
        return new RequestTurn(sender, ActivityReachability.TenantOf(activity), personal, conversationId, team?.Id, team?.Name, team?.AadGroupId, channelData?.Channel?.Name,
            string.IsNullOrWhiteSpace(activity.ReplyToId) ? null : activity.ReplyToId);
    }
}
