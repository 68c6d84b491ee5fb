using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace PolicyBot.Storage;

/// <summary>
/// Opens connections to the bot's SQLite file for the stores that keep their own tables beside
/// <see cref="SqliteStorage"/>'s <c>store_items</c> (claims, the recipient directory, …): one file, so one backup
/// and one place to delete. Connections are pooled and carry the same pragmas as <see cref="SqliteStorage"/>'s
/// (busy timeout, WAL with NORMAL sync), so writers in this process and others wait for each other instead of
/// failing with <c>SQLITE_BUSY</c>. Thread-safe.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;

    /// <summary>Points at the database file <paramref name="databasePath"/> (created on first open if missing; its folder must exist).</summary>
    /// <param name="databasePath">Path of the SQLite file, usually <see cref="SqliteStorage.DatabasePath"/>.</param>
    public SqliteDatabase(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = ConnectionStringFor(DatabasePath);
    }

    /// <summary>
    /// The connection string every store of the bot's file uses: read-write-create, private cache, pooled, 30 s command
    /// timeout. One definition, so the stores sharing the file cannot drift apart.
    /// </summary>
    /// <param name="databasePath">Absolute path of the SQLite file.</param>
    public static string ConnectionStringFor(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>Absolute path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>Opens a connection with the bot's pragmas set.</summary>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <exception cref="SqliteException">The file cannot be opened or is not a database.</exception>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            SetPragmas(connection);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Sets the bot's per-connection pragmas (busy timeout, NORMAL sync) on an open connection of the bot's file, once
    /// per underlying SQLite connection: a pooled connection keeps them, and parsing and running them again on every
    /// open was a good part of a short query's cost.
    /// </summary>
    /// <param name="connection">An open connection.</param>
    internal static void SetPragmas(SqliteConnection connection)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        if (Configured.TryGetValue(handle, out _))
        {
            return;
        }
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";
        pragmas.ExecuteNonQuery();
        Configured.AddOrUpdate(handle, Configured);
    }

    /// <summary>The SQLite connections (pooled or not) whose pragmas are set; an entry goes with its connection.</summary>
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = new();

    /// <summary>
    /// Runs a schema script (<c>CREATE TABLE IF NOT EXISTS …</c>) once at start-up, in WAL mode, so a store's
    /// tables exist before its first query.
    /// </summary>
    /// <param name="sql">Idempotent DDL.</param>
    /// <exception cref="SqliteException">The script fails (the message names the SQL problem).</exception>
    public void EnsureSchema(string sql)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        using var connection = OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;\n" + sql;
        command.ExecuteNonQuery();
    }
}
