using Microsoft.Data.Sqlite;

namespace PolicyBot.Delivery;

/// <summary>
/// <see cref="IDurableTimer"/> in SQLite (table <c>timer_jobs</c> of <see cref="DeliveryDatabase"/>), with the claim
/// protocol <see cref="DurableJobRunner"/> uses: <see cref="ClaimDueAsync"/> (due and scheduled, or running with a lapsed
/// claim → running, one attempt counted), <see cref="RenewAsync"/>, <see cref="CompleteAsync"/>, <see cref="FailAsync"/>.
/// Times come from the <see cref="TimeProvider"/>, so tests can move them. Thread-safe; safe across processes.
/// </summary>
public sealed class SqliteDurableTimer(DeliveryDatabase database, TimeProvider time) : IDurableTimer
{
    /// <summary>Raised after a job was scheduled in this process: wakes the runner so it sees the new due time.</summary>
    public event Action? Scheduled;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">An empty kind or payload.</exception>
    public async Task<long> ScheduleAsync(string kind, string payloadJson, DateTimeOffset dueAt, string? key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentException.ThrowIfNullOrEmpty(payloadJson);
        long id;
        using (await database.WriteLockAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var connection = database.Open();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO timer_jobs (kind, payload, job_key, due, status, created, updated)
                VALUES ($kind, $payload, $key, $due, 'scheduled', $now, $now)
                ON CONFLICT (job_key) DO NOTHING;
                SELECT id FROM timer_jobs WHERE ($key IS NOT NULL AND job_key = $key) OR ($key IS NULL AND id = last_insert_rowid());
                """;
            command.Parameters.AddWithValue("$kind", kind);
            command.Parameters.AddWithValue("$payload", payloadJson);
            command.Parameters.AddWithValue("$key", (object?)key ?? DBNull.Value);
            command.Parameters.AddWithValue("$due", DeliveryDatabase.ToUnixMs(dueAt));
            command.Parameters.AddWithValue("$now", NowMs());
            id = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        Scheduled?.Invoke();
        return id;
    }

    /// <inheritdoc />
    public async Task<bool> CancelAsync(long id, CancellationToken cancellationToken)
    {
        using (await database.WriteLockAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var connection = database.Open();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE timer_jobs SET status = 'cancelled', updated = $now WHERE id = $id AND status = 'scheduled'";
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$now", NowMs());
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }

    /// <inheritdoc />
    public async Task<DurableJobInfo?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, kind, payload, due, attempts, job_key, status, last_error FROM timer_jobs WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var status = reader.GetString(6) switch
        {
            "scheduled" => DurableJobStatus.Scheduled,
            "running" => DurableJobStatus.Running,
            "done" => DurableJobStatus.Done,
            "failed" => DurableJobStatus.Failed,
            _ => DurableJobStatus.Cancelled,
        };
        return new DurableJobInfo(ReadJob(reader), status, reader.IsDBNull(7) ? null : reader.GetString(7));
    }

    /// <summary>Claims up to <paramref name="limit"/> jobs that are due (or whose claim lapsed), earliest first, counting one attempt each.</summary>
    public async Task<IReadOnlyList<DurableJob>> ClaimDueAsync(string token, TimeSpan lease, int limit, CancellationToken cancellationToken)
    {
        using (await database.WriteLockAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var connection = database.Open();
            await using var command = connection.CreateCommand();
            var now = NowMs();
            command.CommandText = """
                UPDATE timer_jobs SET status = 'running', claim_token = $token, claim_expires = $expires, attempts = attempts + 1, updated = $now
                WHERE id IN (SELECT id FROM timer_jobs
                             WHERE status IN ('scheduled', 'running') AND due <= $now AND (status = 'scheduled' OR claim_expires <= $now)
                             ORDER BY due LIMIT $limit)
                RETURNING id, kind, payload, due, attempts, job_key
                """;
            command.Parameters.AddWithValue("$token", token);
            command.Parameters.AddWithValue("$expires", now + (long)lease.TotalMilliseconds);
            command.Parameters.AddWithValue("$now", now);
            command.Parameters.AddWithValue("$limit", limit);
            var jobs = new List<DurableJob>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                jobs.Add(ReadJob(reader));
            }

            return jobs;
        }
    }

    /// <summary>The earliest due time of a scheduled job, or the earliest lapse of a running job's claim; null when none.</summary>
    public async Task<DateTimeOffset?> NextWakeAsync(CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT min(CASE status WHEN 'scheduled' THEN due ELSE max(due, claim_expires) END)
            FROM timer_jobs WHERE status IN ('scheduled', 'running')
            """;
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long ms ? DeliveryDatabase.FromUnixMs(ms) : null;
    }

    /// <summary>Extends a running job's claim to now + <paramref name="lease"/>; false when it is no longer ours.</summary>
    public Task<bool> RenewAsync(long id, string token, TimeSpan lease, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE timer_jobs SET claim_expires = $now + $lease, updated = $now WHERE id = $id AND claim_token = $token AND status = 'running'",
            id, token, ("$lease", (long)lease.TotalMilliseconds), cancellationToken);

    /// <summary>Marks a running job done; false when it is no longer ours.</summary>
    public Task<bool> CompleteAsync(long id, string token, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE timer_jobs SET status = 'done', claim_token = NULL, claim_expires = NULL, updated = $now WHERE id = $id AND claim_token = $token AND status = 'running'",
            id, token, null, cancellationToken);

    /// <summary>
    /// Records a failed run: scheduled again at now + <paramref name="retryIn"/>, or failed for good when
    /// <paramref name="retryIn"/> is null. False when the job is no longer ours.
    /// </summary>
    public Task<bool> FailAsync(long id, string token, string error, TimeSpan? retryIn, CancellationToken cancellationToken) =>
        retryIn is { } delay
            ? UpdateAsync("""
                UPDATE timer_jobs SET status = 'scheduled', due = $now + $delay, last_error = $error, claim_token = NULL, claim_expires = NULL, updated = $now
                WHERE id = $id AND claim_token = $token AND status = 'running'
                """, id, token, ("$delay", (long)delay.TotalMilliseconds), cancellationToken, error)
            : UpdateAsync("""
                UPDATE timer_jobs SET status = 'failed', last_error = $error, claim_token = NULL, claim_expires = NULL, updated = $now
                WHERE id = $id AND claim_token = $token AND status = 'running'
                """, id, token, null, cancellationToken, error);

    private async Task<bool> UpdateAsync(string sql, long id, string token, (string Name, long Value)? extra, CancellationToken cancellationToken, string? error = null)
    {
        using (await database.WriteLockAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var connection = database.Open();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$token", token);
            command.Parameters.AddWithValue("$now", NowMs());
            if (extra is { } parameter)
            {
                command.Parameters.AddWithValue(parameter.Name, parameter.Value);
            }

            if (sql.Contains("$error", StringComparison.Ordinal))
            {
                command.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
            }

            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }

    private static DurableJob ReadJob(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        DeliveryDatabase.FromUnixMs(reader.GetInt64(3)),
        reader.GetInt32(4),
        reader.IsDBNull(5) ? null : reader.GetString(5));

    private long NowMs() => DeliveryDatabase.ToUnixMs(time.GetUtcNow());
}
