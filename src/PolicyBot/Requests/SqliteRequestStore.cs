using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using PolicyBot.Storage;

namespace PolicyBot.Requests;

/// <summary>Where requests go: the district's channel, or one school's team's channel.</summary>
/// <param name="Scope"><see cref="RequestRoutes.District"/>, or the school team's Teams id.</param>
/// <param name="ChannelKey">The channel's recipient key (<c>conversation:19:…</c>).</param>
/// <param name="ChannelName">The channel's name, for messages.</param>
/// <param name="TeamId">The team the channel belongs to.</param>
/// <param name="TeamName">Its name, when known.</param>
/// <param name="TeamAadGroupId">Its Microsoft 365 group id, when known.</param>
/// <param name="SetBy">The request decider who set it.</param>
/// <param name="SetAt">When (UTC).</param>
public sealed record RequestRoute(string Scope, string ChannelKey, string? ChannelName, string TeamId, string? TeamName, string? TeamAadGroupId, PersonRef SetBy, DateTimeOffset SetAt);

/// <summary>Route scopes.</summary>
public static class RequestRoutes
{
    /// <summary>The district's channel (requests of schools without their own channel).</summary>
    public const string District = "district";
}

/// <summary>What a committed transition also changes in the registry, in the same transaction.</summary>
/// <param name="NewAccount">An entry to add (an approval), or null.</param>
/// <param name="RevokeForRequest">True to mark the request's active entry revoked with the transition's note.</param>
public sealed record RegistryChange(ApprovedAccount? NewAccount, bool RevokeForRequest);

/// <summary>
/// Requests, their audit trail, where they go, and the approved accounts registry, in the bot's SQLite file (tables
/// <c>requests</c>, <c>request_audit</c>, <c>request_routes</c>, <c>approved_accounts</c>). A change is committed with
/// <see cref="TryCommitAsync"/> only when the stored version is the one it was decided on (<c>UPDATE … WHERE version =
/// $expected</c>), together with its audit line and registry change, in one transaction. These tables are the
/// district's record: a person's "forget me" does not erase them. Thread-safe; safe across processes.
/// </summary>
public sealed class SqliteRequestStore
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly SqliteDatabase _database;

    /// <summary>Creates the tables if needed.</summary>
    /// <param name="database">The bot's database file.</param>
    /// <exception cref="SqliteException">The tables cannot be created.</exception>
    public SqliteRequestStore(SqliteDatabase database)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _database.EnsureSchema("""
            CREATE TABLE IF NOT EXISTS requests (
                id                  INTEGER PRIMARY KEY AUTOINCREMENT,
                kind                TEXT    NOT NULL,
                state               TEXT    NOT NULL,
                version             INTEGER NOT NULL,
                requester_aad       TEXT    NOT NULL,
                team_id             TEXT    NULL,
                data                TEXT    NOT NULL,
                channel_key         TEXT    NULL,
                channel_activity_id TEXT    NULL,
                created_at          INTEGER NOT NULL,
                updated_at          INTEGER NOT NULL
            );
            CREATE INDEX IF NOT EXISTS requests_by_requester ON requests (requester_aad, id);
            CREATE INDEX IF NOT EXISTS requests_by_state ON requests (state, created_at);
            CREATE TABLE IF NOT EXISTS request_audit (
                id          INTEGER PRIMARY KEY AUTOINCREMENT,
                request_id  INTEGER NOT NULL,
                at          INTEGER NOT NULL,
                actor_aad   TEXT    NOT NULL,
                actor_name  TEXT    NOT NULL,
                action      TEXT    NOT NULL,
                from_state  TEXT    NOT NULL,
                to_state    TEXT    NOT NULL,
                note        TEXT    NULL
            );
            CREATE INDEX IF NOT EXISTS request_audit_by_request ON request_audit (request_id, id);
            CREATE TABLE IF NOT EXISTS request_routes (
                scope TEXT NOT NULL PRIMARY KEY,
                data  TEXT NOT NULL
            );
            CREATE TABLE IF NOT EXISTS approved_accounts (
                id          INTEGER PRIMARY KEY AUTOINCREMENT,
                request_id  INTEGER NOT NULL UNIQUE,
                status      TEXT    NOT NULL,
                owner_aad   TEXT    NOT NULL,
                admin_aad   TEXT    NOT NULL,
                data        TEXT    NOT NULL
            );
            """);
    }

    /// <summary>Stores a new request (its <see cref="StaffRequest.Id"/> is ignored) as version 1, with an audit line "create", and returns it with its id.</summary>
    /// <param name="request">The request, usually a <see cref="RequestState.Draft"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task<StaffRequest> CreateAsync(StaffRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var stored = request with { Version = 1 };
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO requests (kind, state, version, requester_aad, team_id, data, created_at, updated_at)
                VALUES ($kind, $state, 1, $requester, $team, '{}', $created, $updated);
                SELECT last_insert_rowid();
                """;
            insert.Parameters.AddWithValue("$kind", stored.Kind.ToString());
            insert.Parameters.AddWithValue("$state", RequestWords.Id(stored.State));
            insert.Parameters.AddWithValue("$requester", stored.Requester.AadObjectId.ToLowerInvariant());
            insert.Parameters.AddWithValue("$team", (object?)stored.TeamId ?? DBNull.Value);
            insert.Parameters.AddWithValue("$created", stored.CreatedAt.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("$updated", stored.UpdatedAt.ToUnixTimeMilliseconds());
            stored = stored with { Id = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! };
        }

        await using (var data = connection.CreateCommand())
        {
            data.Transaction = transaction;
            data.CommandText = "UPDATE requests SET data = $data WHERE id = $id";
            data.Parameters.AddWithValue("$data", Serialize(stored));
            data.Parameters.AddWithValue("$id", stored.Id);
            await data.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await InsertAuditAsync(connection, transaction, new AuditEntry(stored.Id, stored.UpdatedAt, stored.Requester, "create", stored.State, stored.State, null), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <summary>The request with <paramref name="id"/>, or null.</summary>
    public async Task<StaffRequest?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT data, version, state, channel_key, channel_activity_id FROM requests WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <summary>The requests of <paramref name="requesterAadObjectId"/>, newest first (drafts left out), at most <paramref name="limit"/>.</summary>
    public Task<IReadOnlyList<StaffRequest>> ListByRequesterAsync(string requesterAadObjectId, int limit, CancellationToken cancellationToken) =>
        ListAsync("requester_aad = $who AND state <> 'draft' ORDER BY id DESC LIMIT $limit",
            c => { c.Parameters.AddWithValue("$who", requesterAadObjectId.ToLowerInvariant()); c.Parameters.AddWithValue("$limit", limit); }, cancellationToken);

    /// <summary>Open requests (submitted, in review, needs information), oldest first.</summary>
    public Task<IReadOnlyList<StaffRequest>> ListOpenAsync(CancellationToken cancellationToken) =>
        ListAsync("state IN ('submitted', 'in-review', 'needs-information') ORDER BY id", _ => { }, cancellationToken);

    /// <summary>
    /// Writes <paramref name="transition"/> when the stored request is still at <paramref name="expectedVersion"/>:
    /// the request, its audit line and <paramref name="registry"/>'s change in one transaction. False (nothing written)
    /// when someone changed the request first.
    /// </summary>
    /// <param name="transition">An applied transition.</param>
    /// <param name="expectedVersion">The version the transition was decided on.</param>
    /// <param name="registry">The registry change that goes with it, or null.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>True when written; the new account's id is set by the store (read it with FindAccountByRequestAsync).</returns>
    public async Task<bool> TryCommitAsync(Transition transition, int expectedVersion, RegistryChange? registry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        if (transition.Request is not { } request || transition.Audit is not { } audit)
        {
            throw new ArgumentException("Only an applied transition can be committed.", nameof(transition));
        }

        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = """
                UPDATE requests SET state = $state, version = $version, data = $data, updated_at = $updated, created_at = $created
                WHERE id = $id AND version = $expected
                """;
            update.Parameters.AddWithValue("$state", RequestWords.Id(request.State));
            update.Parameters.AddWithValue("$version", request.Version);
            update.Parameters.AddWithValue("$data", Serialize(request));
            update.Parameters.AddWithValue("$updated", request.UpdatedAt.ToUnixTimeMilliseconds());
            update.Parameters.AddWithValue("$created", request.CreatedAt.ToUnixTimeMilliseconds());
            update.Parameters.AddWithValue("$id", request.Id);
            update.Parameters.AddWithValue("$expected", expectedVersion);
            if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                return false;   // someone else's change came first; the transaction rolls back on dispose
            }
        }

        await InsertAuditAsync(connection, transaction, audit, cancellationToken).ConfigureAwait(false);
        if (registry?.NewAccount is { } account)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO approved_accounts (request_id, status, owner_aad, admin_aad, data) VALUES ($request, 'Active', $owner, $admin, '{}')
                ON CONFLICT (request_id) DO UPDATE SET status = 'Active', owner_aad = excluded.owner_aad, admin_aad = excluded.admin_aad;
                SELECT id FROM approved_accounts WHERE request_id = $request;
                """;
            insert.Parameters.AddWithValue("$request", account.RequestId);
            insert.Parameters.AddWithValue("$owner", account.Owner.AadObjectId.ToLowerInvariant());
            insert.Parameters.AddWithValue("$admin", account.Administrator.AadObjectId.ToLowerInvariant());
            var id = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            await WriteAccountAsync(connection, transaction, account with { Id = id }, cancellationToken).ConfigureAwait(false);
        }

        if (registry?.RevokeForRequest == true)
        {
            var existing = await FindAccountByRequestAsync(connection, transaction, request.Id, cancellationToken).ConfigureAwait(false);
            if (existing is { Status: AccountStatus.Active })
            {
                await WriteAccountAsync(connection, transaction, existing with { Status = AccountStatus.Revoked, StatusNote = audit.Note }, cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Replaces a draft's form and routing (a draft is the requester's own until sent: no version, no audit line). False when it is no longer a draft.</summary>
    public async Task<bool> UpdateDraftAsync(StaffRequest draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE requests SET data = $data, team_id = $team WHERE id = $id AND state = 'draft'";
        command.Parameters.AddWithValue("$data", Serialize(draft));
        command.Parameters.AddWithValue("$team", (object?)draft.TeamId ?? DBNull.Value);
        command.Parameters.AddWithValue("$id", draft.Id);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Deletes a draft (never sent, so no record of the district's) and its audit line; false when it is no longer a draft.</summary>
    public async Task<bool> DeleteDraftAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM request_audit WHERE request_id = $id AND EXISTS (SELECT 1 FROM requests WHERE id = $id AND state = 'draft');
            DELETE FROM requests WHERE id = $id AND state = 'draft';
            """;
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>Deletes every draft of <paramref name="requesterAadObjectId"/> (never sent, so no record of the district's) and their audit lines; returns how many drafts.</summary>
    public async Task<int> DeleteDraftsOfAsync(string requesterAadObjectId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requesterAadObjectId);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM request_audit WHERE request_id IN (SELECT id FROM requests WHERE requester_aad = $who AND state = 'draft');
            DELETE FROM requests WHERE requester_aad = $who AND state = 'draft';
            SELECT changes();
            """;
        command.Parameters.AddWithValue("$who", requesterAadObjectId.ToLowerInvariant());
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Records the channel card of a request (not a change of the request: no version, no audit line).</summary>
    /// <param name="id">The request.</param>
    /// <param name="channelKey">The channel's recipient key.</param>
    /// <param name="activityId">The id Teams gave the card, or null while not posted yet.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task SetChannelCardAsync(long id, string channelKey, string? activityId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE requests SET channel_key = $key, channel_activity_id = COALESCE($activity, channel_activity_id) WHERE id = $id";
        command.Parameters.AddWithValue("$key", channelKey);
        command.Parameters.AddWithValue("$activity", (object?)activityId ?? DBNull.Value);
        command.Parameters.AddWithValue("$id", id);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The audit trail of a request, oldest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(long requestId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT at, actor_aad, actor_name, action, from_state, to_state, note FROM request_audit WHERE request_id = $id ORDER BY id";
        command.Parameters.AddWithValue("$id", requestId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new AuditEntry(
                requestId,
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)),
                new PersonRef(reader.GetString(1), reader.GetString(2)),
                reader.GetString(3),
                RequestWords.ParseState(reader.GetString(4)),
                RequestWords.ParseState(reader.GetString(5)),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return entries;
    }

    /// <summary>Sets where requests of <see cref="RequestRoute.Scope"/> go (replacing the previous channel).</summary>
    public async Task SetRouteAsync(RequestRoute route, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO request_routes (scope, data) VALUES ($scope, $data) ON CONFLICT (scope) DO UPDATE SET data = excluded.data";
        command.Parameters.AddWithValue("$scope", route.Scope);
        command.Parameters.AddWithValue("$data", JsonSerializer.Serialize(route, Json));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every route: the district's and each school's.</summary>
    public async Task<IReadOnlyList<RequestRoute>> ListRoutesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT data FROM request_routes ORDER BY scope";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var routes = new List<RequestRoute>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            routes.Add(JsonSerializer.Deserialize<RequestRoute>(reader.GetString(0), Json)!);
        }

        return routes;
    }

    /// <summary>The registry entry made by a request's approval, or null.</summary>
    public async Task<ApprovedAccount?> FindAccountByRequestAsync(long requestId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await FindAccountByRequestAsync(connection, null, requestId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The registry entry with <paramref name="id"/>, or null.</summary>
    public async Task<ApprovedAccount?> FindAccountAsync(long id, CancellationToken cancellationToken)
    {
        var all = await ListAccountsAsync("id = $id", c => c.Parameters.AddWithValue("$id", id), cancellationToken).ConfigureAwait(false);
        return all.Count == 0 ? null : all[0];
    }

    /// <summary>Registry entries, newest first; only active ones unless <paramref name="includeClosed"/>.</summary>
    public Task<IReadOnlyList<ApprovedAccount>> ListAccountsAsync(bool includeClosed, CancellationToken cancellationToken) =>
        ListAccountsAsync(includeClosed ? "1 = 1" : "status = 'Active'", _ => { }, cancellationToken);

    /// <summary>Active registry entries whose owner or administrator is the person with <paramref name="aadObjectId"/>.</summary>
    public Task<IReadOnlyList<ApprovedAccount>> ListActiveAccountsOfAsync(string aadObjectId, CancellationToken cancellationToken) =>
        ListAccountsAsync("status = 'Active' AND (owner_aad = $who OR admin_aad = $who)",
            c => c.Parameters.AddWithValue("$who", aadObjectId.ToLowerInvariant()), cancellationToken);

    /// <summary>True once the registry holds any entry (active or not): from then on it decides what counts as approved.</summary>
    public async Task<bool> AnyAccountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM approved_accounts)";
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == 1;
    }

    /// <summary>Replaces a registry entry's data (review date, status) when it is still in <paramref name="expected"/> status; false otherwise.</summary>
    public async Task<bool> UpdateAccountAsync(ApprovedAccount account, AccountStatus expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE approved_accounts SET status = $status, data = $data WHERE id = $id AND status = $expected";
        command.Parameters.AddWithValue("$status", account.Status.ToString());
        command.Parameters.AddWithValue("$data", JsonSerializer.Serialize(account, Json));
        command.Parameters.AddWithValue("$id", account.Id);
        command.Parameters.AddWithValue("$expected", expected.ToString());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private async Task<IReadOnlyList<ApprovedAccount>> ListAccountsAsync(string where, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT data FROM approved_accounts WHERE {where} ORDER BY id DESC";
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var accounts = new List<ApprovedAccount>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            accounts.Add(JsonSerializer.Deserialize<ApprovedAccount>(reader.GetString(0), Json)!);
        }

        return accounts;
    }

    private static async Task<ApprovedAccount?> FindAccountByRequestAsync(SqliteConnection connection, SqliteTransaction? transaction, long requestId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT data FROM approved_accounts WHERE request_id = $id";
        command.Parameters.AddWithValue("$id", requestId);
        var data = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        return data is null ? null : JsonSerializer.Deserialize<ApprovedAccount>(data, Json);
    }

    private static async Task WriteAccountAsync(SqliteConnection connection, SqliteTransaction transaction, ApprovedAccount account, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE approved_accounts SET status = $status, data = $data WHERE id = $id";
        command.Parameters.AddWithValue("$status", account.Status.ToString());
        command.Parameters.AddWithValue("$data", JsonSerializer.Serialize(account, Json));
        command.Parameters.AddWithValue("$id", account.Id);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<StaffRequest>> ListAsync(string where, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT data, version, state, channel_key, channel_activity_id FROM requests WHERE {where}";
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var requests = new List<StaffRequest>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            requests.Add(Read(reader));
        }

        return requests;
    }

    private static StaffRequest Read(SqliteDataReader reader)
    {
        // The columns are the truth for version, state and the channel card; the JSON holds the rest.
        var request = JsonSerializer.Deserialize<StaffRequest>(reader.GetString(0), Json)!;
        return request with
        {
            Version = reader.GetInt32(1),
            State = RequestWords.ParseState(reader.GetString(2)),
            ChannelKey = reader.IsDBNull(3) ? null : reader.GetString(3),
            ChannelActivityId = reader.IsDBNull(4) ? null : reader.GetString(4),
        };
    }

    private static string Serialize(StaffRequest request) =>
        JsonSerializer.Serialize(request with { ChannelKey = null, ChannelActivityId = null }, Json);

    private static async Task InsertAuditAsync(SqliteConnection connection, SqliteTransaction transaction, AuditEntry audit, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO request_audit (request_id, at, actor_aad, actor_name, action, from_state, to_state, note)
            VALUES ($request, $at, $aad, $name, $action, $from, $to, $note)
            """;
        command.Parameters.AddWithValue("$request", audit.RequestId);
        command.Parameters.AddWithValue("$at", audit.At.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$aad", audit.Actor.AadObjectId);
        command.Parameters.AddWithValue("$name", audit.Actor.Name);
        command.Parameters.AddWithValue("$action", audit.Action);
        command.Parameters.AddWithValue("$from", RequestWords.Id(audit.From));
        command.Parameters.AddWithValue("$to", RequestWords.Id(audit.To));
        command.Parameters.AddWithValue("$note", (object?)audit.Note ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
