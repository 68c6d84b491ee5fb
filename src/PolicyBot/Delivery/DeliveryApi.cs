namespace PolicyBot.Delivery;

// What the delivery engine offers beside the agreed seams of DeliveryContracts.cs (which stay as they are): the status of
// a message, the sender seam, the durable timer and administrator downloads. No Bot Framework types here either.

/// <summary>Where one outbox row (one message for one recipient) stands.</summary>
public enum DeliveryStatus
{
    /// <summary>Waiting to be sent.</summary>
    Queued,

    /// <summary>Claimed by a sender; the claim lapses at its expiry if the process dies, and the row is taken again.</summary>
    Sending,

    /// <summary>Teams accepted it; <see cref="RecipientDelivery.ActivityId"/> is the id it returned.</summary>
    Sent,

    /// <summary>Refused for good (a 4xx other than 429/412/403-unreachable/404-gone, an unknown recipient, a malformed activity).</summary>
    Failed,

    /// <summary>The recipient cannot be reached (403 not in roster / blocked / disabled / writes blocked, 404 conversation gone).</summary>
    Unreachable,

    /// <summary>Retryable failures (429, 412, 5xx, timeouts) used up every attempt; the reason is the last failure.</summary>
    DeadLettered,
}

/// <summary>One recipient's delivery of one message.</summary>
/// <param name="MessageId">The logical message (see <see cref="OutboundMessage.MessageId"/>).</param>
/// <param name="RecipientKey">The recipient (see <see cref="StoredRecipient.Key"/>).</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Attempts">Sends started so far (a send cut short by a crash counts).</param>
/// <param name="TimesThrottled">How many of them Teams answered 429.</param>
/// <param name="ActivityId">The activity id Teams returned (only when <see cref="DeliveryStatus.Sent"/>).</param>
/// <param name="Reason">Why it failed, is unreachable or was dead-lettered, e.g. <c>403 ConversationBlockedByUser</c>; the last
/// retryable failure while queued or sending; else null.</param>
/// <param name="EnqueuedAt">When it was queued (UTC).</param>
/// <param name="UpdatedAt">When it last changed (UTC).</param>
public sealed record RecipientDelivery(
    string MessageId,
    string RecipientKey,
    DeliveryStatus Status,
    int Attempts,
    int TimesThrottled,
    string? ActivityId,
    string? Reason,
    DateTimeOffset EnqueuedAt,
    DateTimeOffset UpdatedAt);

/// <summary>Counts of a message's recipients per status, and the sends it took.</summary>
/// <param name="MessageId">The logical message.</param>
/// <param name="Queued">Rows waiting.</param>
/// <param name="Sending">Rows claimed by a sender.</param>
/// <param name="Sent">Rows Teams accepted.</param>
/// <param name="Failed">Rows refused for good.</param>
/// <param name="Unreachable">Rows whose recipient cannot be reached.</param>
/// <param name="DeadLettered">Rows that used up their attempts.</param>
/// <param name="Attempts">Sends started over all rows.</param>
/// <param name="TimesThrottled">429 answers over all rows.</param>
public sealed record MessageDeliveryTotals(
    string MessageId,
    int Queued,
    int Sending,
    int Sent,
    int Failed,
    int Unreachable,
    int DeadLettered,
    long Attempts,
    long TimesThrottled)
{
    /// <summary>Every row of the message (0 when the message is unknown).</summary>
    public int Total => Queued + Sending + Sent + Failed + Unreachable + DeadLettered;

    /// <summary>True when no row is waiting or being sent (also for an unknown message).</summary>
    public bool IsFinished => Queued + Sending == 0;
}

/// <summary>
/// Queues messages ahead of everything else in the outbox, e.g. a reply that could not be sent within its turn: it is
/// not left behind a campaign to 10,000 people. Same idempotency as <see cref="IOutbox"/>; the same limits apply.
/// Implemented by <see cref="SqliteOutbox"/>.
/// </summary>
public interface IUrgentOutbox
{
    /// <summary>Queues each message once, to be sent before non-urgent rows; a (message id, recipient) pair already queued is skipped. Returns how many were new.</summary>
    Task<int> EnqueueUrgentAsync(IEnumerable<OutboundMessage> messages, CancellationToken cancellationToken);
}

/// <summary>Reads the outbox: per-recipient status and totals of a message. Implemented by <see cref="SqliteOutbox"/>.</summary>
public interface IOutboxStatus
{
    /// <summary>Counts of <paramref name="messageId"/>'s rows per status; all zero for an unknown message.</summary>
    Task<MessageDeliveryTotals> GetTotalsAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>Every recipient of <paramref name="messageId"/>, in the order they were queued; optionally only those in <paramref name="status"/>.</summary>
    Task<IReadOnlyList<RecipientDelivery>> ListRecipientsAsync(string messageId, DeliveryStatus? status, CancellationToken cancellationToken);

    /// <summary>One recipient's delivery of <paramref name="messageId"/>, or null when it was never queued.</summary>
    Task<RecipientDelivery?> FindAsync(string messageId, string recipientKey, CancellationToken cancellationToken);
}

/// <summary>How one send ended, as the delivery engine needs to know it.</summary>
public enum SendOutcome
{
    /// <summary>2xx: Teams took it and returned an activity id.</summary>
    Sent,

    /// <summary>429: wait <see cref="SendResult.RetryAfter"/>, then try again.</summary>
    Throttled,

    /// <summary>412, 5xx, a network error: back off and try again.</summary>
    Transient,

    /// <summary>403 (not in roster, blocked by the user, bot disabled by the admin, message writes blocked) or 404 ConversationNotFound.</summary>
    Unreachable,

    /// <summary>Any other 4xx, or an activity that cannot be sent at all: do not try again.</summary>
    Failed,
}

/// <summary>The result of one send.</summary>
/// <param name="Outcome">What to do next.</param>
/// <param name="ActivityId">The id Teams gave the new activity (<see cref="SendOutcome.Sent"/> only; may be null if Teams returned none).</param>
/// <param name="RetryAfter">Teams' Retry-After (<see cref="SendOutcome.Throttled"/> only; null when it sent none).</param>
/// <param name="Reason">For other outcomes: the HTTP status and Teams' error code or a short message, e.g. <c>403 BotNotInConversationRoster</c>.</param>
public sealed record SendResult(SendOutcome Outcome, string? ActivityId = null, TimeSpan? RetryAfter = null, string? Reason = null)
{
    /// <summary>A 2xx with the returned activity id.</summary>
    public static SendResult SentWith(string? activityId) => new(SendOutcome.Sent, ActivityId: activityId);

    /// <summary>A 429 with its Retry-After (null when absent).</summary>
    public static SendResult ThrottledFor(TimeSpan? retryAfter, string reason = "429 TooManyRequests") => new(SendOutcome.Throttled, RetryAfter: retryAfter, Reason: reason);
}

/// <summary>
/// Sends one activity to one stored recipient, once, without retrying (retries are the engine's). Implemented on Bot
/// Framework's connector by <see cref="BotConnectorSender"/>; tests may substitute it.
/// </summary>
public interface IProactiveSender
{
    /// <summary>Sends <paramref name="activityJson"/> (a Bot Framework activity as Json.NET writes it) into the recipient's conversation.</summary>
    /// <param name="recipient">Where to: its conversation reference gives the service URL and conversation.</param>
    /// <param name="activityJson">The activity; its conversation, from and recipient are set from the reference.</param>
    /// <param name="cancellationToken">Cancels the HTTP call (the engine's per-attempt timeout, or shutdown).</param>
    /// <returns>The outcome; HTTP and network failures are results, not exceptions.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<SendResult> SendAsync(StoredRecipient recipient, string activityJson, CancellationToken cancellationToken);
}

/// <summary>A job of the durable timer as its handler gets it.</summary>
/// <param name="Id">The job's id (positive, unique in the store).</param>
/// <param name="Kind">Which handler runs it (see <see cref="IDurableJobHandler.Kind"/>).</param>
/// <param name="PayloadJson">What the scheduler stored for it (any JSON).</param>
/// <param name="DueAt">When it was due (UTC); it runs at or after this time.</param>
/// <param name="Attempt">Runs started, this one included: 1 for the first run, more when an earlier run threw or was cut
/// short by a crash (from <see cref="IDurableTimer.FindAsync"/>: runs started so far, 0 before the first).</param>
/// <param name="Key">The idempotency key it was scheduled with, or null.</param>
public sealed record DurableJob(long Id, string Kind, string PayloadJson, DateTimeOffset DueAt, int Attempt, string? Key);

/// <summary>Where a durable job stands.</summary>
public enum DurableJobStatus
{
    /// <summary>Waiting for its due time (or for a retry after a failed run).</summary>
    Scheduled,

    /// <summary>A handler is running it; the claim lapses if the process dies, and it runs again.</summary>
    Running,

    /// <summary>Its handler returned.</summary>
    Done,

    /// <summary>Its handler threw on every attempt, or no handler is registered for its kind.</summary>
    Failed,

    /// <summary>Cancelled before it ran.</summary>
    Cancelled,
}

/// <summary>A stored job and its state.</summary>
/// <param name="Job">The job.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="LastError">The last exception message of a failed run, or null.</param>
public sealed record DurableJobInfo(DurableJob Job, DurableJobStatus Status, string? LastError);

/// <summary>
/// Runs durable jobs of one kind. Register with <see cref="DeliveryServices.AddDurableJobHandler{THandler}"/>. A job runs at
/// least once: a crash during a run runs it again (after the claim lapses), so a handler should be idempotent. An exception
/// schedules a retry with back-off, up to the configured attempts, then the job is <see cref="DurableJobStatus.Failed"/>.
/// </summary>
public interface IDurableJobHandler
{
    /// <summary>The job kind this handler runs, e.g. <c>campaign.send</c>.</summary>
    string Kind { get; }

    /// <summary>Runs <paramref name="job"/>. <paramref name="cancellationToken"/> is cancelled when the host stops.</summary>
    Task HandleAsync(DurableJob job, CancellationToken cancellationToken);
}

/// <summary>
/// Jobs due at a time, kept in the store and run by the delivery service through the registered
/// <see cref="IDurableJobHandler"/>s, surviving restarts. Implemented by <see cref="SqliteDurableTimer"/>.
/// </summary>
public interface IDurableTimer
{
    /// <summary>
    /// Schedules a job. With a <paramref name="key"/>, scheduling is idempotent: when a job with that key exists (in any
    /// state), nothing changes and its id is returned.
    /// </summary>
    /// <param name="kind">The handler's <see cref="IDurableJobHandler.Kind"/>.</param>
    /// <param name="payloadJson">Any JSON the handler needs (stored as given).</param>
    /// <param name="dueAt">When to run it; a time in the past runs it at once.</param>
    /// <param name="key">Optional idempotency key, e.g. <c>campaign:12:send</c>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The job's id.</returns>
    Task<long> ScheduleAsync(string kind, string payloadJson, DateTimeOffset dueAt, string? key, CancellationToken cancellationToken);

    /// <summary>Cancels a job that has not started; true when it was scheduled and is now cancelled.</summary>
    Task<bool> CancelAsync(long id, CancellationToken cancellationToken);

    /// <summary>The job with <paramref name="id"/>, or null.</summary>
    Task<DurableJobInfo?> FindAsync(long id, CancellationToken cancellationToken);
}

/// <summary>A download link made by <see cref="IDownloadLinks.CreateAsync"/>.</summary>
/// <param name="Token">The unguessable token: 32 random bytes, base64url (43 characters).</param>
/// <param name="Path">The path to give out, <c>/downloads/{token}</c>, relative to the bot's public address.</param>
/// <param name="ExpiresAt">When it stops working (UTC).</param>
public sealed record DownloadLink(string Token, string Path, DateTimeOffset ExpiresAt);

/// <summary>A payload taken by its one permitted use.</summary>
/// <param name="Content">The bytes.</param>
/// <param name="ContentType">Its media type, e.g. <c>text/csv; charset=utf-8</c>.</param>
/// <param name="FileName">The file name the browser saves it as.</param>
/// <param name="CreatedFor">Who the link was made for (as given to <see cref="IDownloadLinks.CreateAsync"/>).</param>
public sealed record DownloadPayload(byte[] Content, string ContentType, string FileName, string CreatedFor);

/// <summary>What a download token gives.</summary>
public enum DownloadTakeResult
{
    /// <summary>The payload, now used up.</summary>
    Taken,

    /// <summary>No such link (404).</summary>
    Unknown,

    /// <summary>The link was used already or has expired (410).</summary>
    Gone,
}

/// <summary>
/// Administrator downloads (e.g. a campaign's CSV report): unguessable, short-lived, single-use links served at
/// <c>GET /downloads/{token}</c>. Give a link only in the administrator's 1:1 chat, on a card button (Action.OpenUrl): a
/// URL in message text may be fetched by Teams' link preview, which would use it up. Implemented by <see cref="SqliteDownloadLinks"/>.
/// </summary>
public interface IDownloadLinks
{
    /// <summary>Stores <paramref name="content"/> and returns a link valid for the configured lifetime (default 15 min), for one download.</summary>
    /// <param name="content">The bytes to serve (kept in the store until used or expired).</param>
    /// <param name="contentType">Media type, e.g. <c>text/csv; charset=utf-8</c>.</param>
    /// <param name="fileName">File name for the browser (Content-Disposition: attachment).</param>
    /// <param name="createdFor">Who asked for it (e.g. the administrator's Entra object id), logged with each use.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task<DownloadLink> CreateAsync(byte[] content, string contentType, string fileName, string createdFor, CancellationToken cancellationToken);

    /// <summary>Uses <paramref name="token"/>: the payload once, then <see cref="DownloadTakeResult.Gone"/>.</summary>
    Task<(DownloadTakeResult Result, DownloadPayload? Payload)> TakeAsync(string token, CancellationToken cancellationToken);
}
