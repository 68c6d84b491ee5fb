using Microsoft.Data.Sqlite;

namespace PolicyBot.Storage;

/// <summary>
/// <see cref="IClaimStore"/> in the bot's SQLite file: table <c>claims(key, claimed_at, expires_at)</c>, times in
/// Unix milliseconds (UTC). A claim is one <c>INSERT … ON CONFLICT DO UPDATE … WHERE expired</c> statement, so it is
/// atomic across threads and processes. Expired rows are purged at most every <see cref="PurgeInterval"/>, on a claim.
/// </summary>
public sealed class SqliteClaimStore : IClaimStore
{
    /// <summary>How often expired claims are deleted (on the next claim after this interval).</summary>
    public static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(10);

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private long _nextPurge;

    /// <summary>Creates the table if needed.</summary>
    /// <param name="database">The bot's database file.</param>
    /// <param name="time">Clock; null for the system clock.</param>
    /// <exception cref="SqliteException">The table cannot be created.</exception>
    public SqliteClaimStore(SqliteDatabase database, TimeProvider? time = null)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _time = time ?? TimeProvider.System;
        _database.EnsureSchema("""
            CREATE TABLE IF NOT EXISTS claims (
                key        TEXT    NOT NULL PRIMARY KEY,
                claimed_at INTEGER NOT NULL,
                expires_at INTEGER NULL
            );
            """);
    }

    /// <inheritdoc />
    public async Task<bool> TryClaimAsync(string key, TimeSpan? lifetime, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (lifetime is { } l && l <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, "A claim's lifetime must be positive (or null for ever).");
        }

        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (now >= Interlocked.Read(ref _nextPurge))
        {
            Interlocked.Exchange(ref _nextPurge, now + (long)PurgeInterval.TotalMilliseconds);
            await using var purge = connection.CreateCommand();
            purge.CommandText = "DELETE FROM claims WHERE expires_at IS NOT NULL AND expires_at <= $now";
            purge.Parameters.AddWithValue("$now", now);
            await purge.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // Inserts, or takes over an expired claim; a live claim leaves the row unchanged (0 rows changed).
        await using var claim = connection.CreateCommand();
        claim.CommandText = """
            INSERT INTO claims (key, claimed_at, expires_at) VALUES ($key, $now, $expires)
            ON CONFLICT (key) DO UPDATE SET claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
            WHERE claims.expires_at IS NOT NULL AND claims.expires_at <= excluded.claimed_at
            """;
        claim.Parameters.AddWithValue("$key", key);
        claim.Parameters.AddWithValue("$now", now);
        claim.Parameters.AddWithValue("$expires", lifetime is { } span ? now + (long)span.TotalMilliseconds : DBNull.Value);
        return await claim.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var release = connection.CreateCommand();
        release.CommandText = "DELETE FROM claims WHERE key = $key";
        release.Parameters.AddWithValue("$key", key);
        await release.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
