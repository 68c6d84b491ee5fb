using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json;

namespace PolicyBot.Reachability;

/// <summary>
/// The Bot Framework edge of reachability: reads an incoming Teams activity as a <see cref="ReachabilityUpdate"/>
/// (which conversations it shows reachable, which it shows gone) and names the recipient its replies go to.
/// </summary>
public static class ActivityReachability
{
    private static readonly JsonSerializerSettings ReferenceJson = new() { NullValueHandling = NullValueHandling.Ignore };

    /// <summary>
    /// The recipient key a reply to <paramref name="activity"/> goes to: the sender's personal key in a 1:1 chat
    /// with an Entra object id, else the conversation's key.
    /// </summary>
    /// <param name="activity">An incoming activity with a conversation id.</param>
    /// <exception cref="ArgumentException">The activity has no conversation id.</exception>
    public static string RecipientKeyOf(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = activity.Conversation?.Id;
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId, "activity.Conversation.Id");
        return IsPersonal(activity) && !string.IsNullOrWhiteSpace(activity.From?.AadObjectId)
            ? RecipientKeys.Person(TenantOf(activity), activity.From.AadObjectId)
            : RecipientKeys.Conversation(conversationId);
    }

    /// <summary>The tenant id of an activity: <c>conversation.tenantId</c>, else <c>channelData.tenant.id</c>; null when neither.</summary>
    /// <param name="activity">An incoming activity.</param>
    public static string? TenantOf(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Conversation?.TenantId ?? ChannelData(activity)?.Tenant?.Id;
    }

    /// <summary>
    /// What <paramref name="activity"/> changes: the bot's removal (an <c>installationUpdate</c> with action
    /// <c>remove</c>, or a <c>conversationUpdate</c> whose <c>membersRemoved</c> holds the bot) marks the conversation
    /// (for a team: every channel) unreachable; a deleted channel is marked; any other activity shows its conversation
    /// reachable (and a created or renamed channel its channel). The continuation event of a proactive
    /// <c>ContinueConversationAsync</c> shows nothing: it does not come from Teams.
    /// </summary>
    /// <param name="activity">An incoming activity.</param>
    public static ReachabilityUpdate Read(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id)
            || (activity.Type == ActivityTypes.Event && (activity as IEventActivity)?.Name == ActivityEventNames.ContinueConversation))
        {
            return ReachabilityUpdate.None;
        }

        var channelData = ChannelData(activity);
        var team = channelData?.Team;
        if (IsBotRemoved(activity))
        {
            return IsChannel(activity) && team?.Id is { } teamId
                ? new ReachabilityUpdate([], [], teamId, ReachabilityReasons.Uninstalled)
                : new ReachabilityUpdate([], [RecipientKeyOf(activity)], null, ReachabilityReasons.Uninstalled);
        }

        switch (channelData?.EventType)
        {
            case "channelDeleted" when channelData.Channel?.Id is { } deleted:
                return new ReachabilityUpdate([], [RecipientKeys.Conversation(deleted)], null, ReachabilityReasons.ChannelDeleted);
            case "channelCreated" or "channelRenamed" or "channelRestored" when channelData.Channel?.Id is { } channelId && team?.Id is not null:
                // The event arrives in the team's General channel; the channel it names is another conversation.
                return new ReachabilityUpdate([Sighting(activity, channelData, channelId, channelData.Channel.Name)], [], null, null);
        }

        var conversationId = RecipientKeys.BaseConversationId(activity.Conversation.Id);
        var channelName = channelData?.Channel?.Id == conversationId ? channelData.Channel.Name : null;
        return new ReachabilityUpdate([Sighting(activity, channelData, conversationId, channelName)], [], null, null);
    }

    private static ConversationSighting Sighting(IActivity activity, TeamsChannelData? channelData, string conversationId, string? channelName)
    {
        var reference = activity.GetConversationReference();
        reference.ActivityId = null;   // a proactive message starts a new post, it does not reply to this activity
        reference.Conversation = new ConversationAccount(
            isGroup: reference.Conversation.IsGroup,
            id: conversationId,
            name: reference.Conversation.Name,
            aadObjectId: reference.Conversation.AadObjectId,
            conversationType: reference.Conversation.ConversationType,
            tenantId: TenantOf(activity));
        var json = JsonConvert.SerializeObject(reference, ReferenceJson);
        var tenantId = TenantOf(activity);

        if (IsChannel(activity) && channelData?.Team?.Id is { } teamId)
        {
            return new ConversationSighting(
                RecipientKeys.Conversation(conversationId), RecipientKinds.Channel, conversationId, tenantId, null,
                channelName ?? (conversationId == teamId ? "General" : null), teamId, channelData.Team.Name, channelData.Team.AadGroupId,
                conversationId, json);
        }

        if (IsPersonal(activity))
        {
            var aad = activity.From?.AadObjectId;
            return new ConversationSighting(
                RecipientKeyOf(activity), RecipientKinds.Personal, conversationId, tenantId, string.IsNullOrWhiteSpace(aad) ? null : aad,
                activity.From?.Name, null, null, null, null, json);
        }

        return new ConversationSighting(
            RecipientKeys.Conversation(conversationId), RecipientKinds.GroupChat, conversationId, tenantId, null,
            activity.Conversation.Name, null, null, null, null, json);
    }

    private static bool IsBotRemoved(IActivity activity)
    {
        if (activity is IInstallationUpdateActivity { Action: "remove" } && activity.Type == ActivityTypes.InstallationUpdate)
        {
            return true;
        }

        return activity.Type == ActivityTypes.ConversationUpdate
            && (activity as IConversationUpdateActivity)?.MembersRemoved?.Any(m => m.Id == activity.Recipient?.Id) == true;
    }

    private static bool IsPersonal(IActivity activity) =>
        activity.Conversation?.ConversationType is null or "personal" && activity.Conversation?.IsGroup != true;

    private static bool IsChannel(IActivity activity) => activity.Conversation?.ConversationType == "channel";

    /// <summary>Teams channel data; null when absent or not in Teams' shape (a malformed activity must not fail the turn here).</summary>
    private static TeamsChannelData? ChannelData(IActivity activity)
    {
        if (activity.ChannelData is null)
        {
            return null;
        }

        try
        {
            return activity.GetChannelData<TeamsChannelData>();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
