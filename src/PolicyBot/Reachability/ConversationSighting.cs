namespace PolicyBot.Reachability;

/// <summary>
/// Where an activity shows the bot can be reached, without Bot Framework types: one conversation (a person's 1:1
/// chat, a group chat, or a channel) with the names Teams gave and the conversation reference to send to.
/// </summary>
/// <param name="Key">The recipient key (<see cref="RecipientKeys"/>).</param>
/// <param name="Kind">One of <see cref="RecipientKinds"/>.</param>
/// <param name="ConversationId">The conversation id proactive messages go to (a channel's, never a reply thread's).</param>
/// <param name="TenantId">The tenant id, when the activity carries one.</param>
/// <param name="AadObjectId">Personal chats: the person's Microsoft Entra object id; else null.</param>
/// <param name="Name">Personal: the person's name; group chat: its topic, if any; channel: the channel's name.</param>
/// <param name="TeamId">Channels: the team's id (<c>19:…@thread.tacv2</c>); else null.</param>
/// <param name="TeamName">Channels: the team's name, when the activity carries it.</param>
/// <param name="TeamAadGroupId">Channels: the team's Microsoft 365 group id (a GUID), when the activity carries it.</param>
/// <param name="ChannelId">Channels: the channel's id; else null.</param>
/// <param name="ConversationReferenceJson">A Bot Framework ConversationReference as Json.NET writes it.</param>
public sealed record ConversationSighting(
    string Key,
    string Kind,
    string ConversationId,
    string? TenantId,
    string? AadObjectId,
    string? Name,
    string? TeamId,
    string? TeamName,
    string? TeamAadGroupId,
    string? ChannelId,
    string ConversationReferenceJson);

/// <summary>
/// What one activity changes in the directory: conversations seen (stored, refreshed, made reachable again), and
/// conversations the bot was removed from (marked unreachable with <see cref="GoneReason"/>).
/// </summary>
/// <param name="Seen">Conversations the activity shows reachable.</param>
/// <param name="GoneKeys">Recipient keys the bot can no longer reach.</param>
/// <param name="GoneTeamId">A team the bot was removed from: every channel of it is unreachable; else null.</param>
/// <param name="GoneReason">Why (e.g. <see cref="ReachabilityReasons.Uninstalled"/>); null when nothing is gone.</param>
public sealed record ReachabilityUpdate(
    IReadOnlyList<ConversationSighting> Seen,
    IReadOnlyList<string> GoneKeys,
    string? GoneTeamId,
    string? GoneReason)
{
    /// <summary>An activity that changes nothing.</summary>
    public static ReachabilityUpdate None { get; } = new([], [], null, null);
}

/// <summary>The reasons the directory gives for an unreachable recipient, besides the connector's own (<c>403 …</c>, <c>404 …</c>).</summary>
public static class ReachabilityReasons
{
    /// <summary>The app was uninstalled, or the bot removed from the conversation or team.</summary>
    public const string Uninstalled = "uninstalled";

    /// <summary>The channel was deleted.</summary>
    public const string ChannelDeleted = "channel deleted";
}
