using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace PolicyBot.Delivery;

/// <summary>An outbox row as the sender gets it.</summary>
/// <param name="Id">The row's id (ascending in queue order).</param>
/// <param name="MessageId">The logical message.</param>
/// <param name="RecipientKey">The recipient.</param>
/// <param name="ActivityJson">The activity to send.</param>
public sealed record OutboxRow(long Id, string MessageId, string RecipientKey, string ActivityJson);

/// <summary>
/// The durable outbox in SQLite (tables of <see cref="DeliveryDatabase"/>): one row per message per recipient, unique
/// (message id, recipient key). Besides <see cref="IOutbox"/> and <see cref="IOutboxStatus"/> it has the claim protocol
/// the drain uses: <see cref="ClaimAsync"/> (queued, or a lapsed claim → sending, one attempt counted),
/// <see cref="RenewAsync"/>, <see cref="CompleteAsync"/> and <see cref="ReleaseAsync"/>, each conditional on the claim
/// token, so a sender whose claim lapsed and was taken over cannot overwrite the new owner's result.
/// Thread-safe; safe across processes sharing the file.
/// </summary>
public sealed class SqliteOutbox(DeliveryDatabase database, TimeProvider time) : IOutbox, IUrgentOutbox, IOutboxStatus
{
    /// <summary>Raised (synchronously, after the commit) when <see cref="EnqueueAsync"/> or <see cref="EnqueueUrgentAsync"/> queued new rows: wakes the drain at once.</summary>
    public event Action? Enqueued;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A message with an empty id, recipient key or activity.</exception>
    public Task<int> EnqueueAsync(IEnumerable<OutboundMessage> messages, CancellationToken cancellationToken) =>
        InsertAsync(messages, urgent: false, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A message with an empty id, recipient key or activity.</exception>
    public Task<int> EnqueueUrgentAsync(IEnumerable<OutboundMessage> messages, CancellationToken cancellationToken) =>
        InsertAsync(messages, urgent: true, cancellationToken);

    private async Task<int> InsertAsync(IEnumerable<OutboundMessage> messages, bool urgent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var list = messages.ToList();
        foreach (var message in list)
        {
            ArgumentNullException.ThrowIfNull(message, nameof(messages));
            ArgumentException.ThrowIfNullOrEmpty(message.MessageId, nameof(messages));
            ArgumentException.ThrowIfNullOrEmpty(message.RecipientKey, nameof(messages));
            ArgumentException.ThrowIfNullOrEmpty(message.ActivityJson, nameof(messages));
        }

        if (list.Count == 0)
        {
            return 0;
        }

        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var message in list)
        {
            if (!hashes.ContainsKey(message.ActivityJson))
            {
                hashes[message.ActivityJson] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(message.ActivityJson)));
            }
        }

        var now = DeliveryDatabase.ToUnixMs(time.GetUtcNow());
        var added = 0;
        using (await database.WriteLockAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var connection = database.Open();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var body = connection.CreateCommand())
            {
                body.Transaction = transaction;
                body.CommandText = "INSERT OR IGNORE INTO outbox_bodies (hash, json) VALUES ($hash, $json)";
                var hash = body.Parameters.Add("$hash", SqliteType.Text);
                var json = body.Parameters.Add("$json", SqliteType.Text);
                foreach (var (text, digest) in hashes)
                {
                    hash.Value = digest;
                    json.Value = text;
                    await body.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await using (var row = connection.CreateCommand())
            {
                row.Transaction = transaction;

                // The unique (message_id, recipient_key) makes a second enqueue of the same pair a no-op: the idempotency key.
                row.CommandText = """
                    INSERT OR IGNORE INTO outbox (message_id, recipient_key, body_hash, status, urgent, enqueued, updated)
                    VALUES ($message, $recipient, $hash, 'queued', $urgent, $now, $now)
                    """;
                row.Parameters.AddWithValue("$urgent", urgent ? 1 : 0);
                var messageId = row.Parameters.Add("$message", SqliteType.Text);
                var recipient = row.Parameters.Add("$recipient", SqliteType.Text);
                var hash = row.Parameters.Add("$hash", SqliteType.Text);
                row.Parameters.AddWithValue("$now", now);
                foreach (var message in list)
                {
                    messageId.Value = message.MessageId;
                    recipient.Value = message.RecipientKey;
                    hash.Value = hashes[message.ActivityJson];
                    added += await row.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (added > 0)
        {
            Enqueued?.Invoke();
        }

        return added;
    }

    /// <summary>
    /// Rows that can be claimed now (queued, or sending with a lapsed claim), in queue order, with an id above
    /// <paramref name="afterId"/>; at most <paramref name="limit"/>. <paramref name="urgentOnly"/>: only urgent rows.
    /// </summary>
    public async Task<IReadOnlyList<OutboxRow>> ReadClaimableAsync(long afterId, int limit, bool urgentOnly, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = urgentOnly
            ? """
              SELECT o.id, o.message_id, o.recipient_key, b.json
              FROM outbox o JOIN outbox_bodies b ON b.hash = o.body_hash
              WHERE o.urgent = 1 AND o.status IN ('queued', 'sending') AND o.id > $after
                AND (o.status = 'queued' OR o.claim_expires <= $now)
              ORDER BY o.id
              LIMIT $limit
              """
            : """
              SELECT o.id, o.message_id, o.recipient_key, b.json
              FROM outbox o JOIN outbox_bodies b ON b.hash = o.body_hash
              WHERE o.status IN ('queued', 'sending') AND o.id > $after
                AND (o.status = 'queued' OR o.claim_expires <= $now)
              ORDER BY o.id
              LIMIT $limit
              """;
        command.Parameters.AddWithValue("$after", afterId);
        command.Parameters.AddWithValue("$now", NowMs());
        command.Parameters.AddWithValue("$limit", limit);
        var rows = new List<OutboxRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new OutboxRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return rows;
    }

    /// <summary>
    /// Claims row <paramref name="id"/> for one send if it is queued or its claim lapsed: status sending, one attempt
    /// counted, claim until now + <paramref name="lease"/>. Returns the attempts after counting this one, or null when the
    /// row is not claimable (finished, or claimed by someone else).
    /// </summary>
    public async Task<int?> ClaimAsync(long id, string token, TimeSpan lease, CancellationToken cancellationToken)
    {
        using (await database.WriteLockAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var connection = database.Open();
            await using var command = connection.CreateCommand();
            var now = NowMs();
            command.CommandText = """
                UPDATE outbox SET status = 'sending', claim_token = $token, claim_expires = $expires, attempts = attempts + 1, updated = $now
                WHERE id = $id AND (status = 'queued' OR (status = 'sending' AND claim_expires <= $now))
                RETURNING attempts
                """;
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$token", token);
            command.Parameters.AddWithValue("$expires", now + (long)lease.TotalMilliseconds);
            command.Parameters.AddWithValue("$now", now);
            var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return result is long attempts ? (int)attempts : null;
        }
    }

    /// <summary>
    /// Extends the claim to now + <paramref name="lease"/>, optionally counting one more attempt and one more 429, and
    /// records <paramref name="reason"/> (the failure that led to the retry). False when the claim is no longer ours.
    /// </summary>
    public async Task<bool> RenewAsync(long id, string token, TimeSpan lease, bool countAttempt, bool countThrottled, string? reason, CancellationToken cancellationToken)
    {
        using (await database.WriteLockAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var connection = database.Open();
            await using var command = connection.CreateCommand();
            var now = NowMs();
            command.CommandText = """
                UPDATE outbox SET claim_expires = $expires, attempts = attempts + $attempt, throttled = throttled + $throttled,
                                  reason = coalesce($reason, reason), updated = $now
                WHERE id = $id AND claim_token = $token AND status = 'sending'
                """;
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$token", token);
            command.Parameters.AddWithValue("$expires", now + (long)lease.TotalMilliseconds);
            command.Parameters.AddWithValue("$attempt", countAttempt ? 1 : 0);
            command.Parameters.AddWithValue("$throttled", countThrottled ? 1 : 0);
            command.Parameters.AddWithValue("$reason", (object?)reason ?? DBNull.Value);
            command.Parameters.AddWithValue("$now", now);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }

    /// <summary>
    /// Ends the claim with a final <paramref name="status"/> (sent, failed, unreachable or dead-lettered), the activity id
    /// Teams returned and the reason; <paramref name="countThrottled"/> adds a last 429. False when the claim is no longer ours.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is queued or sending.</exception>
    public async Task<bool> CompleteAsync(long id, string token, DeliveryStatus status, string? activityId, string? reason, bool countThrottled, CancellationToken cancellationToken)
    {
        if (status is DeliveryStatus.Queued or DeliveryStatus.Sending)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A final status is needed.");
        }

        using (await database.WriteLockAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var connection = database.Open();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE outbox SET status = $status, activity_id = $activity, reason = $reason, throttled = throttled + $throttled,
                                  claim_token = NULL, claim_expires = NULL, updated = $now
                WHERE id = $id AND claim_token = $token AND status = 'sending'
                """;
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$token", token);
            command.Parameters.AddWithValue("$status", StatusName(status));
            command.Parameters.AddWithValue("$activity", (object?)activityId ?? DBNull.Value);
            command.Parameters.AddWithValue("$reason", (object?)reason ?? DBNull.Value);
            command.Parameters.AddWithValue("$throttled", countThrottled ? 1 : 0);
            command.Parameters.AddWithValue("$now", NowMs());
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }

    /// <summary>
    /// Gives a claimed row back (queued again, the attempt not counted) when it was claimed but not sent, e.g. the host
    /// stopped while it waited for the rate limit. False when the claim is no longer ours.
    /// </summary>
    public async Task<bool> ReleaseAsync(long id, string token, CancellationToken cancellationToken)
    {
        using (await database.WriteLockAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var connection = database.Open();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE outbox SET status = 'queued', attempts = max(attempts - 1, 0), claim_token = NULL, claim_expires = NULL, updated = $now
                WHERE id = $id AND claim_token = $token AND status = 'sending'
                """;
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$token", token);
            command.Parameters.AddWithValue("$now", NowMs());
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }

    /// <inheritdoc />
    public async Task<MessageDeliveryTotals> GetTotalsAsync(string messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, count(*), sum(attempts), sum(throttled) FROM outbox WHERE message_id = $message GROUP BY status";
        command.Parameters.AddWithValue("$message", messageId);
        var counts = new Dictionary<DeliveryStatus, int>();
        long attempts = 0, throttled = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[ParseStatus(reader.GetString(0))] = reader.GetInt32(1);
            attempts += reader.GetInt64(2);
            throttled += reader.GetInt64(3);
        }

        int Count(DeliveryStatus status) => counts.GetValueOrDefault(status);
        return new MessageDeliveryTotals(
            messageId, Count(DeliveryStatus.Queued), Count(DeliveryStatus.Sending), Count(DeliveryStatus.Sent), Count(DeliveryStatus.Failed),
            Count(DeliveryStatus.Unreachable), Count(DeliveryStatus.DeadLettered), attempts, throttled);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RecipientDelivery>> ListRecipientsAsync(string messageId, DeliveryStatus? status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"{SelectDelivery} WHERE message_id = $message AND ($status IS NULL OR status = $status) ORDER BY id";
        command.Parameters.AddWithValue("$message", messageId);
        command.Parameters.AddWithValue("$status", status is { } s ? StatusName(s) : DBNull.Value);
        var list = new List<RecipientDelivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(ReadDelivery(reader));
        }

        return list;
    }

    /// <inheritdoc />
    public async Task<RecipientDelivery?> FindAsync(string messageId, string recipientKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        ArgumentNullException.ThrowIfNull(recipientKey);
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"{SelectDelivery} WHERE message_id = $message AND recipient_key = $recipient";
        command.Parameters.AddWithValue("$message", messageId);
        command.Parameters.AddWithValue("$recipient", recipientKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadDelivery(reader) : null;
    }

    /// <summary>The stored name of <paramref name="status"/> (e.g. <c>dead_lettered</c>).</summary>
    public static string StatusName(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Queued => "queued",
        DeliveryStatus.Sending => "sending",
        DeliveryStatus.Sent => "sent",
        DeliveryStatus.Failed => "failed",
        DeliveryStatus.Unreachable => "unreachable",
        DeliveryStatus.DeadLettered => "dead_lettered",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private const string SelectDelivery =
        "SELECT message_id, recipient_key, status, attempts, throttled, activity_id, reason, enqueued, updated FROM outbox";

    private static DeliveryStatus ParseStatus(string name) => name switch
    {
        "queued" => DeliveryStatus.Queued,
        "sending" => DeliveryStatus.Sending,
        "sent" => DeliveryStatus.Sent,
        "failed" => DeliveryStatus.Failed,
        "unreachable" => DeliveryStatus.Unreachable,
        "dead_lettered" => DeliveryStatus.DeadLettered,
        _ => throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"Unknown outbox status '{name}'.")),
    };

    private static RecipientDelivery ReadDelivery(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        ParseStatus(reader.GetString(2)),
        reader.GetInt32(3),
        reader.GetInt32(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        DeliveryDatabase.FromUnixMs(reader.GetInt64(7)),
        DeliveryDatabase.FromUnixMs(reader.GetInt64(8)));

    private long NowMs() => DeliveryDatabase.ToUnixMs(time.GetUtcNow());
}
