using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PolicyBot.Storage;

/// <summary>
/// <see cref="IStorage"/> in one SQLite file: table <c>store_items(key, json, etag, updated)</c>, WAL journal.
/// <para>
/// Serialization follows Bot Framework's durable storages (Blobs, Cosmos DB): Json.NET with
/// <c>TypeNameHandling.All</c>, so an item reads back as the type it was written as (a <see cref="IStoreItem"/>
/// class, the <c>Dictionary&lt;string, object&gt;</c> of a BotState). Stored type names are restricted to the bot's
/// own, Bot Framework and plain collection/value types.
/// </para>
/// <para>
/// Optimistic concurrency as in <see cref="MemoryStorage"/>: when the value written is an <see cref="IStoreItem"/>
/// (or a JObject with an <c>ETag</c> property) whose ETag is neither null nor <c>"*"</c> and the key is stored
/// with another ETag, the write throws <see cref="ETagConflictException"/>. A null ETag means "unconditional", as in
/// the Blobs and Cosmos DB storages (MemoryStorage alone rejects it for an existing key). Other values (BotState dictionaries)
/// are last-writer-wins. Every write stores a new ETag; reads set <see cref="IStoreItem.ETag"/> (or the
/// JObject's <c>ETag</c>) to the stored one. A batch is one transaction: all of it is written or none.
/// </para>
/// <para>
/// Thread-safe; one instance per file per process. Writers in this process are serialized; other processes are
/// kept consistent by SQLite's own locking (<c>BEGIN IMMEDIATE</c>, busy timeout).
/// </para>
/// </summary>
public sealed class SqliteStorage : IJsonTextStorage, IDisposable
{
    /// <summary>File name of the database inside the data folder.</summary>
    public const string FileName = "policybot.db";

    private const int KeysPerQuery = 500;

    /// <summary>
    /// Idle connections kept for the per-turn read and write. A read or write holds one only while it runs (Microsoft.Data.Sqlite
    /// runs synchronously), so about as many are in use at once as threads run: a few per core, each with its own page cache.
    /// </summary>
    private static readonly int KeptConnections = Math.Max(4, 2 * Environment.ProcessorCount);

    private const string SelectJsonSql = "SELECT json, etag FROM store_items WHERE key = $key";

    private const string UpsertSql = """
        INSERT INTO store_items (key, json, etag, updated) VALUES ($key, $json, $etag, $updated)
        ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag, updated = excluded.updated
        """;

    private readonly string _connectionString;
    private readonly JsonSerializerSettings _settings;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly TimeProvider _time;
    private readonly PreparedConnections _prepared;
    private bool _disposed;

    /// <summary>Opens (creating if needed) the database at <paramref name="databasePath"/>.</summary>
    /// <param name="databasePath">Path of the SQLite file; its folder must exist.</param>
    /// <param name="serializerSettings">Json.NET settings; default: <c>TypeNameHandling.All</c> with the restricted binder.</param>
    /// <param name="time">The clock of each item's <c>updated</c> time (what retention compares with); default the system clock.</param>
    /// <exception cref="SqliteException">The file cannot be opened or is not a database.</exception>
    public SqliteStorage(string databasePath, JsonSerializerSettings? serializerSettings = null, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        _time = time ?? TimeProvider.System;
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = SqliteDatabase.ConnectionStringFor(DatabasePath);
        _settings = serializerSettings ?? new JsonSerializerSettings
        {
            // CodeQL cs/unsafe-type-name-handling: the file is the bot's own state, and the binder limits the types.
            TypeNameHandling = TypeNameHandling.All,
            SerializationBinder = new StateTypeBinder(),
            MaxDepth = null,
        };

        using var connection = Open();
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS store_items (
                key     TEXT NOT NULL PRIMARY KEY,
                json    TEXT NOT NULL,
                etag    TEXT NOT NULL,
                updated TEXT NOT NULL
            );
            """);
        _prepared = new PreparedConnections(DatabasePath, KeptConnections);
    }

    /// <summary>Absolute path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>Creates <paramref name="folder"/> if missing and opens <see cref="FileName"/> inside it.</summary>
    /// <param name="folder">The data folder (relative paths resolve against the current directory).</param>
    /// <param name="time">The clock of the items' <c>updated</c> times; default the system clock.</param>
    public static SqliteStorage OpenInFolder(string folder, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var full = Path.GetFullPath(folder);
        Directory.CreateDirectory(full);
        return new SqliteStorage(Path.Combine(full, FileName), time: time);
    }

    /// <summary>
    /// The keys (with their last write time, UTC) that contain <paramref name="contains"/> and end with
    /// <paramref name="endsWith"/>, in key order: e.g. every per-user conversation state of one person
    /// (<c>/conversations/</c>, <c>/users/29:1abc</c>).
    /// </summary>
    /// <param name="contains">A part every key must contain (ordinal).</param>
    /// <param name="endsWith">How every key must end (ordinal); empty for any end.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<(string Key, DateTimeOffset Updated)>> ListKeysAsync(string contains, string endsWith, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(contains);
        ArgumentNullException.ThrowIfNull(endsWith);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT key, updated FROM store_items
            WHERE instr(key, $contains) > 0 AND ($endsWith = '' OR substr(key, -length($endsWith)) = $endsWith)
            ORDER BY key
            """;
        command.Parameters.AddWithValue("$contains", contains);
        command.Parameters.AddWithValue("$endsWith", endsWith);
        var keys = new List<(string, DateTimeOffset)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add((reader.GetString(0), DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture)));
        }
        return keys;
    }

    /// <summary>
    /// Deletes the items whose key contains every one of <paramref name="contains"/> (in any order) and that were last
    /// written before <paramref name="cutoff"/>; returns how many. For retention (state nobody touched for a while).
    /// </summary>
    /// <param name="contains">Parts every deleted key contains (ordinal), e.g. <c>/conversations/</c> and <c>/users/</c>.</param>
    /// <param name="cutoff">Items written at or after this time are kept.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    public async Task<int> DeleteUnchangedSinceAsync(IReadOnlyList<string> contains, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contains);
        if (contains.Count == 0 || contains.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("Give at least one non-empty part of the keys to delete.", nameof(contains));
        }
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = Open();
            await using var command = connection.CreateCommand();
            // 'updated' is ISO 8601 in UTC ("O" format, +00:00), so text order is time order.
            var conditions = contains.Select((part, i) =>
            {
                command.Parameters.AddWithValue("$part" + i.ToString(CultureInfo.InvariantCulture), part);
                return $"instr(key, $part{i.ToString(CultureInfo.InvariantCulture)}) > 0";
            });
            command.CommandText = $"DELETE FROM store_items WHERE {string.Join(" AND ", conditions)} AND updated < $cutoff";
            command.Parameters.AddWithValue("$cutoff", cutoff.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    /// <remarks>Keys not stored are absent from the result.</remarks>
    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var result = new Dictionary<string, object>(keys.Length);
        if (keys.Length == 0)
        {
            return result;
        }

        await using var connection = Open();
        foreach (var chunk in keys.Distinct(StringComparer.Ordinal).Chunk(KeysPerQuery))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT key, json, etag FROM store_items WHERE key IN ({InList(command, chunk)})";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (FromJson(new StoredJson(reader.GetString(1), reader.GetString(2))) is { } value)
                {
                    result[reader.GetString(0)] = value;
                }
            }
        }

        return result;
    }

    /// <inheritdoc />
    /// <exception cref="ETagConflictException">An item's ETag does not match the stored one; nothing of the batch is written.</exception>
    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (changes.Count == 0)
        {
            return;
        }

        // Serialize outside the lock: it is the expensive part and needs no database.
        var rows = changes.Select(change =>
        {
            ArgumentException.ThrowIfNullOrEmpty(change.Key, nameof(changes));
            ArgumentNullException.ThrowIfNull(change.Value, $"{nameof(changes)}[{change.Key}]");
            return (change.Key, Json: JsonConvert.SerializeObject(change.Value, _settings), ExpectedETag: ETagOf(change.Value));
        }).ToList();
        await WriteRowsAsync(rows, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>On a kept connection with the query prepared (<see cref="PreparedConnections"/>): it runs on every turn.</remarks>
    public async Task<StoredJson?> ReadJsonAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return await _prepared.UseAsync(async connection =>
        {
            var command = connection.Command(SelectJsonSql, "$key");
            command.Parameters[0].Value = key;
            StoredJson? stored;
            // Disposing the reader resets the statement, which ends its read transaction.
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                stored = await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                    ? new StoredJson(reader.GetString(0), reader.GetString(1))
                    : null;
            }
            command.Parameters[0].Value = null;
            return stored;
        }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public object? FromJson(StoredJson stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var value = JsonConvert.DeserializeObject(stored.Json, _settings);
        return value is null ? null : WithETag(value, stored.ETag);
    }

    /// <inheritdoc />
    public string ToJson(object item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return JsonConvert.SerializeObject(item, _settings);
    }

    /// <inheritdoc />
    /// <exception cref="ETagConflictException">The item's ETag does not match the stored one; nothing is written.</exception>
    public Task WriteJsonAsync(string key, object item, string json, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(json);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return WriteRowsAsync([(key, json, ETagOf(item))], cancellationToken);
    }

    /// <summary>Writes serialized items in one transaction, checking each one's expected ETag first.</summary>
    private async Task WriteRowsAsync(List<(string Key, string Json, string? ExpectedETag)> rows, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var updated = _time.GetUtcNow().ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
            if (rows is [{ ExpectedETag: null or "*" } only])
            {
                // One unconditional row (every turn's state): a single statement is atomic by itself, so no BEGIN and
                // COMMIT statements around it, and it runs prepared on a kept connection.
                await UpsertPreparedAsync(only.Key, only.Json, updated, cancellationToken).ConfigureAwait(false);
                return;
            }

            await using var connection = Open();

            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (key, json, expected) in rows)
            {
                if (expected is not null && expected != "*")
                {
                    await using var check = connection.CreateCommand();
                    check.Transaction = transaction;
                    check.CommandText = "SELECT etag FROM store_items WHERE key = $key";
                    check.Parameters.AddWithValue("$key", key);
                    if (await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string current && current != expected)
                    {
                        throw new ETagConflictException(key, expected, current);
                    }
                }

                await UpsertAsync(connection, transaction, key, json, updated, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Inserts or replaces one item with a new ETag, on a kept connection with the statement prepared (outside any transaction).</summary>
    private async Task UpsertPreparedAsync(string key, string json, string updated, CancellationToken cancellationToken)
    {
        await _prepared.UseAsync(async connection =>
        {
            var upsert = connection.Command(UpsertSql, "$key", "$json", "$etag", "$updated");
            upsert.Parameters[0].Value = key;
            upsert.Parameters[1].Value = json;
            upsert.Parameters[2].Value = Guid.NewGuid().ToString("N");
            upsert.Parameters[3].Value = updated;
            var changed = await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            upsert.Parameters[0].Value = upsert.Parameters[1].Value = null;
            return changed;
        }).ConfigureAwait(false);
    }

    /// <summary>Inserts or replaces one item with a new ETag.</summary>
    private static async Task UpsertAsync(SqliteConnection connection, SqliteTransaction? transaction, string key, string json, string updated, CancellationToken cancellationToken)
    {
        await using var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = UpsertSql;
        upsert.Parameters.AddWithValue("$key", key);
        upsert.Parameters.AddWithValue("$json", json);
        upsert.Parameters.AddWithValue("$etag", Guid.NewGuid().ToString("N"));
        upsert.Parameters.AddWithValue("$updated", updated);
        await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>Deleting a key that is not stored is not an error. No ETag check, as in <see cref="MemoryStorage"/>.</remarks>
    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (keys.Length == 0)
        {
            return;
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = Open();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var chunk in keys.Distinct(StringComparer.Ordinal).Chunk(KeysPerQuery))
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"DELETE FROM store_items WHERE key IN ({InList(command, chunk)})";
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Releases the pooled and kept connections so the file can be moved, deleted or opened again (a restart).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _prepared.Dispose();
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        _writeLock.Dispose();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();

        // Per connection: wait for other writers instead of failing with SQLITE_BUSY; NORMAL sync is the usual
        // choice with WAL (durable across process crashes; a power cut may lose the last commits).
        SqliteDatabase.SetPragmas(connection);
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string InList(SqliteCommand command, string[] keys)
    {
        var names = new string[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            names[i] = "$k" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.AddWithValue(names[i], keys[i]);
        }

        return string.Join(", ", names);
    }

    private static string? ETagOf(object value) => value switch
    {
        IStoreItem item => item.ETag,
        JObject json when json.TryGetValue("ETag", out var etag) => etag.Type == JTokenType.Null ? null : etag.ToString(),
        _ => null,
    };

    private static object WithETag(object value, string etag)
    {
        switch (value)
        {
            case IStoreItem item:
                item.ETag = etag;
                break;
            case JObject json:
                json["ETag"] = etag;
                break;
        }

        return value;
    }
}
