using PolicyBot.Privacy;

namespace PolicyBot.Delivery;

/// <summary>
/// Delivery records expire: an outbox row that reached its end (sent, failed, unreachable, dead-lettered) and has not
/// changed for <see cref="PrivacyOptions.DeliveryRecordRetention"/> is deleted by the daily retention job, with the
/// message bodies no row uses any more. Rows still queued or being sent are never touched. Once a row is gone, the same
/// message id could be queued to that person again, so keep the retention longer than any campaign's life.
/// </summary>
public sealed class DeliveryRecordRetention(DeliveryDatabase database, PrivacyOptions options) : IExpiringData
{
    /// <inheritdoc />
    public string What => "delivery record(s)";

    /// <inheritdoc />
    public async Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        using (await database.WriteLockAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var connection = database.Open();
            await using var transaction = connection.BeginTransaction();
            await using var rows = connection.CreateCommand();
            rows.Transaction = transaction;
            rows.CommandText = "DELETE FROM outbox WHERE status IN ('sent', 'failed', 'unreachable', 'dead_lettered') AND updated < $cutoff";
            rows.Parameters.AddWithValue("$cutoff", DeliveryDatabase.ToUnixMs(now - options.DeliveryRecordRetention));
            var deleted = await rows.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await using var bodies = connection.CreateCommand();
            bodies.Transaction = transaction;
            bodies.CommandText = "DELETE FROM outbox_bodies WHERE NOT EXISTS (SELECT 1 FROM outbox WHERE outbox.body_hash = outbox_bodies.hash)";
            await bodies.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return deleted;
        }
    }
}
