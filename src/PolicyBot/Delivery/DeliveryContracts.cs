namespace PolicyBot.Delivery;

// The seams between who can be reached (Reachability/), the delivery engine (Delivery/) and the features that
// send (campaigns, requests, replies). No Bot Framework types: a conversation reference travels as its JSON.

/// <summary>
/// A stored place a proactive message can go. <see cref="Key"/> is stable: <c>user:{tenantId}:{aadObjectId}</c> for a
/// person's 1:1 chat with the bot, <c>conversation:{conversationId}</c> for a group chat or a channel.
/// <see cref="ConversationReferenceJson"/> is a Bot Framework ConversationReference as Json.NET writes it (with the
/// service URL last seen).
/// </summary>
public sealed record StoredRecipient(
    string Key,
    string Kind,
    string? TenantId,
    string? AadObjectId,
    string? Name,
    string ConversationReferenceJson,
    string? UnreachableReason);

/// <summary>Who can be reached. Implemented by Reachability/ (SQLite by default).</summary>
public interface IRecipientDirectory
{
    /// <summary>The recipient with <paramref name="key"/>, or null when never seen.</summary>
    Task<StoredRecipient?> FindAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Marks a recipient unreachable with the reason Teams gave (e.g. <c>403 ConversationBlockedByUser</c>,
    /// <c>404 ConversationNotFound</c>, <c>uninstalled</c>). The next activity from it makes it reachable again.
    /// </summary>
    Task MarkUnreachableAsync(string key, string reason, CancellationToken cancellationToken);

    /// <summary>Every person's 1:1 chat that is currently reachable (kind <c>personal</c>).</summary>
    Task<IReadOnlyList<StoredRecipient>> ListReachablePeopleAsync(CancellationToken cancellationToken);
}

/// <summary>One message for one recipient. <see cref="MessageId"/> + <see cref="RecipientKey"/> is the idempotency key.</summary>
/// <param name="MessageId">The logical message (a campaign round, a request notification, a reply), e.g. <c>campaign:12:round:1</c>.</param>
/// <param name="RecipientKey">A <see cref="StoredRecipient.Key"/>.</param>
/// <param name="ActivityJson">The Bot Framework activity to send, as Json.NET writes it.</param>
public sealed record OutboundMessage(string MessageId, string RecipientKey, string ActivityJson);

/// <summary>The durable outbox. Implemented by Delivery/ (SQLite by default), drained by a hosted service.</summary>
public interface IOutbox
{
    /// <summary>Queues each message once: a (message id, recipient) pair already queued is skipped. Returns how many were new.</summary>
    Task<int> EnqueueAsync(IEnumerable<OutboundMessage> messages, CancellationToken cancellationToken);
}
