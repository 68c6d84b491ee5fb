using Microsoft.Data.Sqlite;

namespace PolicyBot.Storage;

/// <summary>
/// Open connections to one SQLite file, kept between uses with their commands prepared, for the statements a store runs
/// on every turn. Microsoft.Data.Sqlite finalizes a command's statements when a pooled connection goes back to its pool,
/// so every turn parsed and compiled the same SQL again (dotnet/efcore#14044); most of a short query's native time was
/// that compilation. A connection here is lent to one caller at a time (a SQLite connection is not thread-safe), so
/// concurrent turns each get their own; at most <c>maxIdle</c> are kept, the rest are closed when given back. Each
/// carries the same pragmas as the pooled ones (<see cref="SqliteDatabase.SetPragmas"/>). Thread-safe.
/// </summary>
internal sealed class PreparedConnections : IDisposable
{
    private readonly string _connectionString;
    private readonly int _maxIdle;
    private readonly Stack<PreparedConnection> _idle = new();
    private readonly Lock _lock = new();
    private bool _disposed;

    /// <summary>Keeps connections to <paramref name="databasePath"/>, at most <paramref name="maxIdle"/> of them idle.</summary>
    /// <param name="databasePath">Absolute path of the SQLite file.</param>
    /// <param name="maxIdle">How many idle connections to keep (about the number of turns in flight).</param>
    public PreparedConnections(string databasePath, int maxIdle)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxIdle);
        // Not pooled: these are kept here, and closing one must really close it (so the file can be deleted after Dispose).
        _connectionString = new SqliteConnectionStringBuilder(SqliteDatabase.ConnectionStringFor(databasePath)) { Pooling = false }.ToString();
        _maxIdle = maxIdle;
    }

    /// <summary>An idle connection, or a new one when none is idle; given back by <see cref="Return"/>.</summary>
    /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
    /// <exception cref="SqliteException">A new connection cannot be opened.</exception>
    private PreparedConnection Rent()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_idle.TryPop(out var idle))
            {
                return idle;
            }
        }
        return PreparedConnection.Open(_connectionString);
    }

    /// <summary>
    /// Gives a connection back: kept for the next caller when its last use went through (<paramref name="reusable"/>),
    /// closed after an error (whatever state it was left in), when enough are idle, or after <see cref="Dispose"/>.
    /// </summary>
    /// <param name="connection">A connection from <see cref="Rent"/>, no longer used by the caller.</param>
    /// <param name="reusable">False when its use threw.</param>
    private void Return(PreparedConnection connection, bool reusable)
    {
        if (reusable)
        {
            lock (_lock)
            {
                if (!_disposed && _idle.Count < _maxIdle)
                {
                    _idle.Push(connection);
                    return;
                }
            }
        }
        connection.Dispose();
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a lent connection and gives it back: kept when the work went through, closed when
    /// it threw (whatever state it left the connection in).
    /// </summary>
    /// <param name="work">One use of the connection; it must not keep the connection or its commands.</param>
    /// <returns>What the work returned.</returns>
    public async Task<T> UseAsync<T>(Func<PreparedConnection, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var connection = Rent();
        var reusable = false;
        try
        {
            var result = await work(connection).ConfigureAwait(false);
            reusable = true;
            return result;
        }
        finally
        {
            Return(connection, reusable);
        }
    }

    /// <summary>Closes the idle connections; those still lent out are closed when given back.</summary>
    public void Dispose()
    {
        PreparedConnection[] idle;
        lock (_lock)
        {
            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
        }
        foreach (var connection in idle)
        {
            connection.Dispose();
        }
    }
}

/// <summary>One open connection of <see cref="PreparedConnections"/> and the commands prepared on it, by SQL text. Not thread-safe.</summary>
internal sealed class PreparedConnection : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    private PreparedConnection(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens a connection with the bot's pragmas set.</summary>
    /// <param name="connectionString">A connection string of the bot's file.</param>
    public static PreparedConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            SqliteDatabase.SetPragmas(connection);
            return new PreparedConnection(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The command for <paramref name="sql"/>, prepared on first use with parameters named <paramref name="parameterNames"/>
    /// (in that order, values null). The caller sets every parameter's value before running it.
    /// </summary>
    /// <param name="sql">One statement, always the same text for the same command (a constant).</param>
    /// <param name="parameterNames">Its parameters' names, e.g. <c>$key</c>.</param>
    public SqliteCommand Command(string sql, params ReadOnlySpan<string> parameterNames)
    {
        if (_commands.TryGetValue(sql, out var command))
        {
            return command;
        }
        command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }
        command.Prepare();
        _commands.Add(sql, command);
        return command;
    }

    /// <summary>Finalizes the prepared commands and closes the connection.</summary>
    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        _commands.Clear();
        _connection.Dispose();
    }
}
