using System.Data.Common;
using Microsoft.Data.Sqlite;
using PolicyBot.Delivery;
using PolicyBot.Storage;

namespace PolicyBot.Reachability;

/// <summary>
/// The recipient directory in the bot's SQLite file, table <c>recipients</c>: one row per reachable place (a person's
/// 1:1 chat, a group chat, a channel) with its conversation reference as last seen, its names, and
/// <c>unreachable_reason</c> (null while reachable). Times are ISO 8601 UTC. Thread-safe.
/// </summary>
public sealed class SqliteRecipientDirectory : IRecipientRegistry
{
    private const string Columns =
        "key, kind, tenant_id, aad_object_id, name, reference_json, unreachable_reason, team_id, team_name, team_aad_group_id, channel_id";

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;

    /// <summary>Creates the table if needed.</summary>
    /// <param name="database">The bot's database file.</param>
    /// <param name="time">Clock; null for the system clock.</param>
    /// <exception cref="SqliteException">The table cannot be created.</exception>
    public SqliteRecipientDirectory(SqliteDatabase database, TimeProvider? time = null)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _time = time ?? TimeProvider.System;
        _database.EnsureSchema("""
            CREATE TABLE IF NOT EXISTS recipients (
                key                TEXT NOT NULL PRIMARY KEY,
                kind               TEXT NOT NULL,
                conversation_id    TEXT NOT NULL,
                tenant_id          TEXT NULL,
                aad_object_id      TEXT NULL,
                name               TEXT NULL,
                team_id            TEXT NULL,
                team_name          TEXT NULL,
                team_aad_group_id  TEXT NULL,
                channel_id         TEXT NULL,
                reference_json     TEXT NOT NULL,
                unreachable_reason TEXT NULL,
                unreachable_since  TEXT NULL,
                first_seen         TEXT NOT NULL,
                last_seen          TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS recipients_by_kind ON recipients (kind, unreachable_reason);
            CREATE INDEX IF NOT EXISTS recipients_by_team ON recipients (team_id);
            """);
    }

    /// <inheritdoc />
    public async Task<StoredRecipient?> FindAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var rows = await QueryAsync($"SELECT {Columns} FROM recipients WHERE key = $key", c => c.Parameters.AddWithValue("$key", key), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0].Recipient;
    }

    /// <inheritdoc />
    /// <remarks>An unknown key is ignored: nothing was stored to mark.</remarks>
    public async Task MarkUnreachableAsync(string key, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await ExecuteAsync(
            "UPDATE recipients SET unreachable_reason = $reason, unreachable_since = $now WHERE key = $key",
            c =>
            {
                c.Parameters.AddWithValue("$key", key);
                c.Parameters.AddWithValue("$reason", reason);
                c.Parameters.AddWithValue("$now", Now());
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>Ordered by name, then key.</remarks>
    public async Task<IReadOnlyList<StoredRecipient>> ListReachablePeopleAsync(CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            $"SELECT {Columns} FROM recipients WHERE kind = $kind AND unreachable_reason IS NULL ORDER BY name COLLATE NOCASE, key",
            c => c.Parameters.AddWithValue("$kind", RecipientKinds.Personal),
            cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.Recipient).ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredRecipient>> ListReachableGroupChatsAsync(CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            $"SELECT {Columns} FROM recipients WHERE kind = $kind AND unreachable_reason IS NULL ORDER BY name COLLATE NOCASE, key",
            c => c.Parameters.AddWithValue("$kind", RecipientKinds.GroupChat),
            cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.Recipient).ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TeamEntry>> ListTeamsAsync(bool includeUnreachable, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            $"SELECT {Columns} FROM recipients WHERE kind = $kind" + (includeUnreachable ? "" : " AND unreachable_reason IS NULL"),
            c => c.Parameters.AddWithValue("$kind", RecipientKinds.Channel),
            cancellationToken).ConfigureAwait(false);
        return Teams(rows);
    }

    private static List<TeamEntry> Teams(List<Row> rows) =>
        rows
            .GroupBy(r => r.TeamId!, StringComparer.Ordinal)
            .Select(team => new TeamEntry(
                team.Key,
                team.Select(r => r.TeamName).FirstOrDefault(n => n is not null),
                team.Select(r => r.TeamAadGroupId).FirstOrDefault(g => g is not null),
                team.Select(r => r.Recipient.TenantId).FirstOrDefault(t => t is not null),
                team.OrderBy(r => r.ChannelId == team.Key ? 0 : 1)   // General first
                    .ThenBy(r => r.Recipient.Name, StringComparer.OrdinalIgnoreCase)
                    .Select(r => new ChannelEntry(r.Recipient, r.ChannelId!, r.Recipient.Name))
                    .ToList()))
            .OrderBy(t => t.Name ?? t.TeamId, StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <inheritdoc />
    public async Task<TeamEntry?> FindTeamAsync(string teamId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(teamId);
        var rows = await QueryAsync(
            $"SELECT {Columns} FROM recipients WHERE kind = $kind AND unreachable_reason IS NULL AND (team_id = $team OR lower(team_aad_group_id) = lower($team))",
            c =>
            {
                c.Parameters.AddWithValue("$kind", RecipientKinds.Channel);
                c.Parameters.AddWithValue("$team", teamId);
            },
            cancellationToken).ConfigureAwait(false);
        return Teams(rows).FirstOrDefault();
    }

    /// <inheritdoc />
    public async Task ApplyAsync(ReachabilityUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.Seen.Count == 0 && update.GoneKeys.Count == 0 && update.GoneTeamId is null)
        {
            return;
        }

        var now = Now();
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var seen in update.Seen)
        {
            await Upsert(connection, transaction, seen, now, cancellationToken).ConfigureAwait(false);
        }

        foreach (var key in update.GoneKeys)
        {
            await using var gone = Command(connection, transaction, "UPDATE recipients SET unreachable_reason = $reason, unreachable_since = $now WHERE key = $key");
            gone.Parameters.AddWithValue("$key", key);
            gone.Parameters.AddWithValue("$reason", update.GoneReason ?? ReachabilityReasons.Uninstalled);
            gone.Parameters.AddWithValue("$now", now);
            await gone.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (update.GoneTeamId is { } teamId)
        {
            await using var gone = Command(connection, transaction, "UPDATE recipients SET unreachable_reason = $reason, unreachable_since = $now WHERE team_id = $team");
            gone.Parameters.AddWithValue("$team", teamId);
            gone.Parameters.AddWithValue("$reason", update.GoneReason ?? ReachabilityReasons.Uninstalled);
            gone.Parameters.AddWithValue("$now", now);
            await gone.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task Upsert(SqliteConnection connection, SqliteTransaction transaction, ConversationSighting seen, string now, CancellationToken cancellationToken)
    {
        // A later activity refreshes the reference (Teams moves conversations between service URLs) and makes the
        // recipient reachable again; names are kept when an activity does not carry them.
        await using var upsert = Command(connection, transaction, """
            INSERT INTO recipients (key, kind, conversation_id, tenant_id, aad_object_id, name, team_id, team_name, team_aad_group_id,
                                    channel_id, reference_json, unreachable_reason, unreachable_since, first_seen, last_seen)
            VALUES ($key, $kind, $conversation, $tenant, $aad, $name, $team, $teamName, $teamGroup, $channel, $reference, NULL, NULL, $now, $now)
            ON CONFLICT (key) DO UPDATE SET
                kind = excluded.kind,
                conversation_id = excluded.conversation_id,
                tenant_id = coalesce(excluded.tenant_id, tenant_id),
                aad_object_id = coalesce(excluded.aad_object_id, aad_object_id),
                name = coalesce(excluded.name, name),
                team_id = coalesce(excluded.team_id, team_id),
                team_name = coalesce(excluded.team_name, team_name),
                team_aad_group_id = coalesce(excluded.team_aad_group_id, team_aad_group_id),
                channel_id = coalesce(excluded.channel_id, channel_id),
                reference_json = excluded.reference_json,
                unreachable_reason = NULL,
                unreachable_since = NULL,
                last_seen = excluded.last_seen
            """);
        upsert.Parameters.AddWithValue("$key", seen.Key);
        upsert.Parameters.AddWithValue("$kind", seen.Kind);
        upsert.Parameters.AddWithValue("$conversation", seen.ConversationId);
        upsert.Parameters.AddWithValue("$tenant", (object?)seen.TenantId ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$aad", (object?)seen.AadObjectId ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$name", (object?)seen.Name ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$team", (object?)seen.TeamId ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$teamName", (object?)seen.TeamName ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$teamGroup", (object?)seen.TeamAadGroupId ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$channel", (object?)seen.ChannelId ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$reference", seen.ConversationReferenceJson);
        upsert.Parameters.AddWithValue("$now", now);
        await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

        if (seen.TeamId is not null && seen.TeamName is not null)
        {
            // A renamed team: every channel row shows the new name.
            await using var rename = Command(connection, transaction, "UPDATE recipients SET team_name = $teamName WHERE team_id = $team AND team_name IS NOT $teamName");
            rename.Parameters.AddWithValue("$team", seen.TeamId);
            rename.Parameters.AddWithValue("$teamName", seen.TeamName);
            await rename.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private async Task ExecuteAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<Row>> QueryAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<Row>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new Row(
                new StoredRecipient(
                    reader.GetString(0), reader.GetString(1), Text(reader, 2), Text(reader, 3), Text(reader, 4), reader.GetString(5), Text(reader, 6)),
                Text(reader, 7), Text(reader, 8), Text(reader, 9), Text(reader, 10)));
        }

        return rows;
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private string Now() => _time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Row(StoredRecipient Recipient, string? TeamId, string? TeamName, string? TeamAadGroupId, string? ChannelId);
}
