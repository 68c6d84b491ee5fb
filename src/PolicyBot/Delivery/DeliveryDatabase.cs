using Microsoft.Data.Sqlite;

namespace PolicyBot.Delivery;

/// <summary>
/// The delivery engine's tables in the bot's SQLite file (the one <see cref="Storage.SqliteStorage"/> uses, beside its
/// <c>store_items</c>): <c>outbox</c> + <c>outbox_bodies</c>, <c>timer_jobs</c>, <c>downloads</c>. Creates them on open.
/// Writers in this process take <see cref="WriteLockAsync"/> one at a time (fewer SQLite busy waits); other processes are
/// kept consistent by SQLite's own locking. Times are stored as Unix milliseconds (UTC).
/// </summary>
public sealed class DeliveryDatabase : IDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <summary>Opens (creating the tables if needed) the database file at <paramref name="databasePath"/>.</summary>
    /// <param name="databasePath">Path of the SQLite file; its folder must exist.</param>
    /// <exception cref="SqliteException">The file cannot be opened or is not a database.</exception>
    public DeliveryDatabase(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = Storage.SqliteDatabase.ConnectionStringFor(DatabasePath);

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS outbox_bodies (
                hash TEXT NOT NULL PRIMARY KEY,   -- SHA-256 of json: a campaign's card is stored once, not once per person
                json TEXT NOT NULL
            );
            CREATE TABLE IF NOT EXISTS outbox (
                id            INTEGER PRIMARY KEY AUTOINCREMENT,
                message_id    TEXT    NOT NULL,
                recipient_key TEXT    NOT NULL,
                body_hash     TEXT    NOT NULL,
                status        TEXT    NOT NULL,   -- queued | sending | sent | failed | unreachable | dead_lettered
                urgent        INTEGER NOT NULL DEFAULT 0,   -- 1: sent before the rest (a reply that missed its turn)
                attempts      INTEGER NOT NULL DEFAULT 0,
                throttled     INTEGER NOT NULL DEFAULT 0,
                claim_token   TEXT,
                claim_expires INTEGER,
                activity_id   TEXT,
                reason        TEXT,
                enqueued      INTEGER NOT NULL,
                updated       INTEGER NOT NULL,
                UNIQUE (message_id, recipient_key)
            );
            CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (id) WHERE status IN ('queued', 'sending');
            CREATE INDEX IF NOT EXISTS outbox_urgent ON outbox (id) WHERE urgent = 1 AND status IN ('queued', 'sending');
            CREATE TABLE IF NOT EXISTS timer_jobs (
                id            INTEGER PRIMARY KEY AUTOINCREMENT,
                kind          TEXT    NOT NULL,
                payload       TEXT    NOT NULL,
                job_key       TEXT    UNIQUE,
                due           INTEGER NOT NULL,
                status        TEXT    NOT NULL,   -- scheduled | running | done | failed | cancelled
                attempts      INTEGER NOT NULL DEFAULT 0,
                claim_token   TEXT,
                claim_expires INTEGER,
                last_error    TEXT,
                created       INTEGER NOT NULL,
                updated       INTEGER NOT NULL
            );
            CREATE INDEX IF NOT EXISTS timer_jobs_pending ON timer_jobs (due) WHERE status IN ('scheduled', 'running');
            CREATE TABLE IF NOT EXISTS downloads (
                token_hash   TEXT    NOT NULL PRIMARY KEY,   -- SHA-256 of the token: the file never holds a usable link
                content      BLOB,                          -- dropped when used or expired
                content_type TEXT    NOT NULL,
                file_name    TEXT    NOT NULL,
                created_for  TEXT    NOT NULL,
                created      INTEGER NOT NULL,
                expires      INTEGER NOT NULL,
                used         INTEGER
            );
            """;
        command.ExecuteNonQuery();
    }

    /// <summary>Absolute path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>An open connection (pooled) with a busy timeout; dispose it after use.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();

        // NORMAL with WAL is durable across process crashes (what the delivery guarantee needs); a power cut may lose the last commits.
        command.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";
        command.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Waits for this process's write turn; dispose the result to release it.</summary>
    public async Task<IDisposable> WriteLockAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(_writeLock);
    }

    /// <summary>Unix milliseconds of <paramref name="time"/>.</summary>
    public static long ToUnixMs(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    /// <summary>The UTC time of Unix milliseconds <paramref name="ms"/>.</summary>
    public static DateTimeOffset FromUnixMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    /// <summary>Releases the pooled connections so the file can be moved, deleted or opened again.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private sealed class Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
