namespace PolicyBot.Reachability;

/// <summary>The kinds of <see cref="Delivery.StoredRecipient"/>: where a proactive message goes.</summary>
public static class RecipientKinds
{
    /// <summary>A person's 1:1 chat with the bot.</summary>
    public const string Personal = "personal";

    /// <summary>A group chat the bot was added to.</summary>
    public const string GroupChat = "groupChat";

    /// <summary>A channel of a team the bot is installed in.</summary>
    public const string Channel = "channel";
}

/// <summary>
/// The stable keys of <see cref="Delivery.StoredRecipient.Key"/>: <c>user:{tenantId}:{aadObjectId}</c> for a person's
/// 1:1 chat (the Entra object id outlives a re-install, which gives a new conversation id), and
/// <c>conversation:{conversationId}</c> for a group chat, a channel, or a 1:1 chat without an Entra object id.
/// </summary>
public static class RecipientKeys
{
    /// <summary>The key of a person's 1:1 chat.</summary>
    /// <param name="tenantId">The person's tenant id (null when unknown: it is then empty in the key).</param>
    /// <param name="aadObjectId">The person's Microsoft Entra object id.</param>
    public static string Person(string? tenantId, string aadObjectId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aadObjectId);
        return $"user:{tenantId?.Trim().ToLowerInvariant()}:{aadObjectId.Trim().ToLowerInvariant()}";
    }

    /// <summary>The key of a conversation (a reply thread's id counts as its channel's).</summary>
    /// <param name="conversationId">The conversation id as Teams sends it.</param>
    public static string Conversation(string conversationId) => "conversation:" + BaseConversationId(conversationId);

    /// <summary>
    /// A channel conversation id without its reply thread: Teams gives a message in a thread the id
    /// <c>19:…@thread.tacv2;messageid=1700000000000</c>; a proactive message to the channel goes to <c>19:…@thread.tacv2</c>.
    /// </summary>
    /// <param name="conversationId">The conversation id as Teams sends it.</param>
    public static string BaseConversationId(string conversationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        var thread = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return thread < 0 ? conversationId : conversationId[..thread];
    }
}
