using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PolicyBot.Rules.Model;
using PolicyBot.Storage;

namespace PolicyBot.Campaigns;

/// <summary>
/// Campaigns in the bot's SQLite file (beside the state, the outbox and the directory): <c>campaigns</c>,
/// <c>campaign_rounds</c>, <c>campaign_targets</c>, <c>campaign_acks</c>, <c>campaign_jobs</c> and the scenario check's
/// <c>campaign_scenario_totals</c> (counts per situation and answer, never who) with <c>campaign_scenario_seen</c> (a
/// one-way hash per person and situation, so a repeated tap is not counted twice; it records no answer). Every write that
/// Teams may repeat (an acknowledgement, a scenario answer, a round's targets) is an insert that ignores a duplicate.
/// Times are Unix milliseconds (UTC). Thread-safe.
/// </summary>
public sealed class SqliteCampaignStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SqliteDatabase _database;

    /// <summary>Opens the store in <paramref name="database"/>'s file, creating its tables when missing.</summary>
    /// <param name="database">The bot's SQLite file.</param>
    public SqliteCampaignStore(SqliteDatabase database)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _database.EnsureSchema("""
            CREATE TABLE IF NOT EXISTS campaigns (
                id            INTEGER PRIMARY KEY AUTOINCREMENT,
                author        TEXT    NOT NULL,
                author_name   TEXT,
                created       INTEGER NOT NULL,
                status        TEXT    NOT NULL,   -- draft | scheduled | sent | paused | cancelled
                content       TEXT    NOT NULL,   -- JSON CampaignContent
                audience      TEXT    NOT NULL,   -- JSON Audience
                ack_required  INTEGER NOT NULL,
                deadline      INTEGER,
                scenarios     TEXT    NOT NULL,   -- JSON list of ScenarioSituation
                send_at       INTEGER,
                round         INTEGER NOT NULL DEFAULT 0,
                revision_date TEXT    NOT NULL,
                revision_hash TEXT    NOT NULL,
                schedule      TEXT,
                schedule_text TEXT,
                updated       INTEGER NOT NULL
            );
            CREATE TABLE IF NOT EXISTS campaign_rounds (
                campaign_id   INTEGER NOT NULL,
                round         INTEGER NOT NULL,
                sent          INTEGER NOT NULL,
                deadline      INTEGER,
                revision_date TEXT    NOT NULL,
                revision_hash TEXT    NOT NULL,
                PRIMARY KEY (campaign_id, round)
            );
            CREATE TABLE IF NOT EXISTS campaign_targets (
                campaign_id   INTEGER NOT NULL,
                round         INTEGER NOT NULL,
                recipient_key TEXT    NOT NULL,
                aad_object_id TEXT    NOT NULL,
                name          TEXT,
                unreachable   TEXT,
                PRIMARY KEY (campaign_id, round, recipient_key)
            );
            CREATE TABLE IF NOT EXISTS campaign_acks (
                campaign_id   INTEGER NOT NULL,
                round         INTEGER NOT NULL,
                aad_object_id TEXT    NOT NULL,
                name          TEXT,
                at            INTEGER NOT NULL,
                revision_date TEXT    NOT NULL,
                revision_hash TEXT    NOT NULL,
                PRIMARY KEY (campaign_id, round, aad_object_id)
            );
            CREATE INDEX IF NOT EXISTS campaign_acks_revision ON campaign_acks (revision_hash, aad_object_id);
            CREATE TABLE IF NOT EXISTS campaign_jobs (
                campaign_id   INTEGER NOT NULL,
                job_id        INTEGER NOT NULL,
                PRIMARY KEY (campaign_id, job_id)
            );
            CREATE TABLE IF NOT EXISTS campaign_scenario_totals (
                campaign_id   INTEGER NOT NULL,
                round         INTEGER NOT NULL,
                situation     INTEGER NOT NULL,
                answer        TEXT    NOT NULL,
                count         INTEGER NOT NULL,
                PRIMARY KEY (campaign_id, round, situation, answer)
            );
            CREATE TABLE IF NOT EXISTS campaign_scenario_seen (
                mark          TEXT    NOT NULL PRIMARY KEY
            );
            """);
    }

    /// <summary>Stores a new draft and returns its id.</summary>
    /// <param name="draft">The campaign; its <see cref="Campaign.Id"/> is ignored.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task<long> CreateAsync(Campaign draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO campaigns (author, author_name, created, status, content, audience, ack_required, deadline, scenarios,
                                   send_at, round, revision_date, revision_hash, schedule, schedule_text, updated)
            VALUES ($author, $name, $created, $status, $content, $audience, $ack, $deadline, $scenarios,
                    $send, 0, $rdate, $rhash, $schedule, $scheduleText, $created);
            SELECT last_insert_rowid();
            """;
        command.Parameters.AddWithValue("$author", draft.AuthorAadObjectId);
        command.Parameters.AddWithValue("$name", (object?)draft.AuthorName ?? DBNull.Value);
        command.Parameters.AddWithValue("$created", draft.CreatedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$status", StatusText(draft.Status));
        command.Parameters.AddWithValue("$content", JsonSerializer.Serialize(draft.Content, Json));
        command.Parameters.AddWithValue("$audience", JsonSerializer.Serialize(draft.Audience, Json));
        command.Parameters.AddWithValue("$ack", draft.AcknowledgementRequired ? 1 : 0);
        command.Parameters.AddWithValue("$deadline", (object?)draft.Deadline?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        command.Parameters.AddWithValue("$scenarios", JsonSerializer.Serialize(draft.Scenarios.Select(ScenarioRow.From).ToList(), Json));
        command.Parameters.AddWithValue("$send", (object?)draft.SendAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        command.Parameters.AddWithValue("$rdate", draft.Revision.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$rhash", draft.Revision.Hash);
        command.Parameters.AddWithValue("$schedule", (object?)draft.ScheduleJson ?? DBNull.Value);
        command.Parameters.AddWithValue("$scheduleText", (object?)draft.ScheduleDescription ?? DBNull.Value);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>The campaign with <paramref name="id"/>, or null.</summary>
    public async Task<Campaign?> FindAsync(long id, CancellationToken cancellationToken)
    {
        var list = await QueryCampaignsAsync("WHERE id = $id", cancellationToken, ("$id", id)).ConfigureAwait(false);
        return list.Count == 0 ? null : list[0];
    }

    /// <summary>The latest <paramref name="limit"/> campaigns that are not drafts, newest first.</summary>
    public Task<IReadOnlyList<Campaign>> ListAsync(int limit, CancellationToken cancellationToken) =>
        QueryCampaignsAsync("WHERE status <> 'draft' ORDER BY id DESC LIMIT $limit", cancellationToken, ("$limit", limit));

    /// <summary>
    /// Moves a campaign to <paramref name="status"/> when it is in one of <paramref name="from"/>; true when it moved. A
    /// conditional update, so two taps racing cannot both move it.
    /// </summary>
    /// <param name="id">The campaign.</param>
    /// <param name="status">The new status.</param>
    /// <param name="from">The statuses it may move from.</param>
    /// <param name="sendAt">When set, also its next send time.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task<bool> MoveAsync(long id, CampaignStatus status, IReadOnlyCollection<CampaignStatus> from, DateTimeOffset? sendAt, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var names = from.Select((s, i) => $"$f{i}").ToList();
        command.CommandText = $"UPDATE campaigns SET status = $status, send_at = COALESCE($send, send_at), updated = $now WHERE id = $id AND status IN ({string.Join(", ", names)})";
        command.Parameters.AddWithValue("$status", StatusText(status));
        command.Parameters.AddWithValue("$send", (object?)sendAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$id", id);
        var i = 0;
        foreach (var s in from)
        {
            command.Parameters.AddWithValue($"$f{i++}", StatusText(s));
        }
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Sets a draft's schedule (serialized form and words) before it is scheduled.</summary>
    public async Task SetScheduleAsync(long id, string? scheduleJson, string? description, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE campaigns SET schedule = $s, schedule_text = $t WHERE id = $id";
        command.Parameters.AddWithValue("$s", (object?)scheduleJson ?? DBNull.Value);
        command.Parameters.AddWithValue("$t", (object?)description ?? DBNull.Value);
        command.Parameters.AddWithValue("$id", id);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts round <paramref name="round"/> once: records it and makes it the campaign's latest. Returns the stored
    /// round (the earlier one when it was started already: a job run again after a crash gets the same round).
    /// </summary>
    public async Task<CampaignRound> StartRoundAsync(long id, int round, DateTimeOffset sentAt, DateTimeOffset? deadline, PolicyRevision revision, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO campaign_rounds (campaign_id, round, sent, deadline, revision_date, revision_hash)
                VALUES ($id, $round, $sent, $deadline, $rdate, $rhash) ON CONFLICT DO NOTHING;
                UPDATE campaigns SET round = MAX(round, $round), updated = $sent WHERE id = $id;
                """;
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$round", round);
            command.Parameters.AddWithValue("$sent", sentAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$deadline", (object?)deadline?.ToUnixTimeMilliseconds() ?? DBNull.Value);
            command.Parameters.AddWithValue("$rdate", revision.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$rhash", revision.Hash);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (await FindRoundAsync(id, round, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Round <paramref name="round"/> of campaign <paramref name="id"/>, or null when it has not started.</summary>
    public async Task<CampaignRound?> FindRoundAsync(long id, int round, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sent, deadline, revision_date, revision_hash FROM campaign_rounds WHERE campaign_id = $id AND round = $round";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$round", round);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        return new CampaignRound(id, round, FromMs(reader.GetInt64(0)), reader.IsDBNull(1) ? null : FromMs(reader.GetInt64(1)),
            new PolicyRevision(DateOnly.ParseExact(reader.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture), reader.GetString(3)));
    }

    /// <summary>Adds people to a round's targets; a person already there is kept as first recorded. Returns how many were new.</summary>
    public async Task<int> AddTargetsAsync(long id, int round, IEnumerable<CampaignTarget> targets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO campaign_targets (campaign_id, round, recipient_key, aad_object_id, name, unreachable)
            VALUES ($id, $round, $key, $aad, $name, $why) ON CONFLICT DO NOTHING
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$round", round);
        var key = command.Parameters.Add("$key", SqliteType.Text);
        var aad = command.Parameters.Add("$aad", SqliteType.Text);
        var name = command.Parameters.Add("$name", SqliteType.Text);
        var why = command.Parameters.Add("$why", SqliteType.Text);
        var added = 0;
        foreach (var target in targets)
        {
            key.Value = target.RecipientKey;
            aad.Value = target.AadObjectId.ToLowerInvariant();
            name.Value = (object?)target.Name ?? DBNull.Value;
            why.Value = (object?)target.UnreachableReason ?? DBNull.Value;
            added += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return added;
    }

    /// <summary>A round's targets, by name.</summary>
    public async Task<IReadOnlyList<CampaignTarget>> ListTargetsAsync(long id, int round, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT recipient_key, aad_object_id, name, unreachable FROM campaign_targets WHERE campaign_id = $id AND round = $round ORDER BY name, recipient_key";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$round", round);
        var list = new List<CampaignTarget>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new CampaignTarget(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }
        return list;
    }

    /// <summary>True when <paramref name="aadObjectId"/> is among round <paramref name="round"/>'s targets.</summary>
    public async Task<bool> IsTargetAsync(long id, int round, string aadObjectId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM campaign_targets WHERE campaign_id = $id AND round = $round AND aad_object_id = $aad LIMIT 1";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$round", round);
        command.Parameters.AddWithValue("$aad", aadObjectId.ToLowerInvariant());
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <summary>
    /// Records an acknowledgement once. Returns the stored one and whether this call recorded it (false for a repeated tap
    /// or a Teams retry: the first one stands, its time and revision unchanged).
    /// </summary>
    public async Task<(Acknowledgement Stored, bool Recorded)> AcknowledgeAsync(long id, int round, Acknowledgement ack, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ack);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        int inserted;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                INSERT INTO campaign_acks (campaign_id, round, aad_object_id, name, at, revision_date, revision_hash)
                VALUES ($id, $round, $aad, $name, $at, $rdate, $rhash) ON CONFLICT DO NOTHING
                """;
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$round", round);
            command.Parameters.AddWithValue("$aad", ack.AadObjectId.ToLowerInvariant());
            command.Parameters.AddWithValue("$name", (object?)ack.Name ?? DBNull.Value);
            command.Parameters.AddWithValue("$at", ack.At.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$rdate", ack.Revision.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$rhash", ack.Revision.Hash);
            inserted = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        var stored = (await ListAcknowledgementsAsync(id, round, ack.AadObjectId, cancellationToken).ConfigureAwait(false)).Single();
        return (stored, inserted == 1);
    }

    /// <summary>A round's acknowledgements (or one person's, with <paramref name="aadObjectId"/>), oldest first.</summary>
    public async Task<IReadOnlyList<Acknowledgement>> ListAcknowledgementsAsync(long id, int round, string? aadObjectId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT aad_object_id, name, at, revision_date, revision_hash FROM campaign_acks WHERE campaign_id = $id AND round = $round"
            + (aadObjectId is null ? "" : " AND aad_object_id = $aad") + " ORDER BY at, aad_object_id";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$round", round);
        if (aadObjectId is not null)
        {
            command.Parameters.AddWithValue("$aad", aadObjectId.ToLowerInvariant());
        }
        var list = new List<Acknowledgement>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new Acknowledgement(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), FromMs(reader.GetInt64(2)),
                new PolicyRevision(DateOnly.ParseExact(reader.GetString(3), "yyyy-MM-dd", CultureInfo.InvariantCulture), reader.GetString(4))));
        }
        return list;
    }

    /// <summary>Every acknowledgement one person gave, in any campaign and round, oldest first (for "my data").</summary>
    /// <param name="aadObjectId">The person's Entra object id (any case).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<IReadOnlyList<(long CampaignId, int Round, Acknowledgement Ack)>> ListAcknowledgementsByAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aadObjectId);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT campaign_id, round, aad_object_id, name, at, revision_date, revision_hash FROM campaign_acks WHERE aad_object_id = $aad ORDER BY at";
        command.Parameters.AddWithValue("$aad", aadObjectId.ToLowerInvariant());
        var list = new List<(long, int, Acknowledgement)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add((reader.GetInt64(0), reader.GetInt32(1), new Acknowledgement(reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), FromMs(reader.GetInt64(4)),
                new PolicyRevision(DateOnly.ParseExact(reader.GetString(5), "yyyy-MM-dd", CultureInfo.InvariantCulture), reader.GetString(6)))));
        }
        return list;
    }

    /// <summary>Everyone (Entra object ids, lowercase) who acknowledged <paramref name="revision"/> in any campaign.</summary>
    public async Task<IReadOnlySet<string>> AcknowledgedRevisionAsync(PolicyRevision revision, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT aad_object_id FROM campaign_acks WHERE revision_hash = $hash";
        command.Parameters.AddWithValue("$hash", revision.Hash);
        var set = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            set.Add(reader.GetString(0));
        }
        return set;
    }

    /// <summary>
    /// Counts one scenario answer, once per person and situation: the person is kept only as a one-way mark (a SHA-256
    /// of campaign, round, situation and object id) that says "answered", never what. True when it was counted.
    /// </summary>
    public async Task<bool> CountScenarioAnswerAsync(long id, int round, int situation, string answer, string aadObjectId, CancellationToken cancellationToken)
    {
        var mark = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{id}|{round}|{situation}|{aadObjectId.ToLowerInvariant()}")));
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO campaign_scenario_seen (mark) VALUES ($mark) ON CONFLICT DO NOTHING";
        command.Parameters.AddWithValue("$mark", mark);
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            return false;
        }
        command.CommandText = """
            INSERT INTO campaign_scenario_totals (campaign_id, round, situation, answer, count) VALUES ($id, $round, $situation, $answer, 1)
            ON CONFLICT (campaign_id, round, situation, answer) DO UPDATE SET count = count + 1
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$round", round);
        command.Parameters.AddWithValue("$situation", situation);
        command.Parameters.AddWithValue("$answer", answer);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>A round's scenario totals: (situation index, answer, count).</summary>
    public async Task<IReadOnlyList<(int Situation, string Answer, int Count)>> ScenarioTotalsAsync(long id, int round, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT situation, answer, count FROM campaign_scenario_totals WHERE campaign_id = $id AND round = $round ORDER BY situation, answer";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$round", round);
        var list = new List<(int, string, int)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add((reader.GetInt32(0), reader.GetString(1), reader.GetInt32(2)));
        }
        return list;
    }

    /// <summary>Remembers a durable timer job of the campaign (so cancelling the campaign cancels it).</summary>
    public async Task AddJobAsync(long id, long jobId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO campaign_jobs (campaign_id, job_id) VALUES ($id, $job) ON CONFLICT DO NOTHING";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$job", jobId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The durable timer jobs of the campaign.</summary>
    public async Task<IReadOnlyList<long>> ListJobsAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT job_id FROM campaign_jobs WHERE campaign_id = $id ORDER BY job_id";
        command.Parameters.AddWithValue("$id", id);
        var list = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(reader.GetInt64(0));
        }
        return list;
    }

    private async Task<IReadOnlyList<Campaign>> QueryCampaignsAsync(string where, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, author, author_name, created, status, content, audience, ack_required, deadline, scenarios, send_at, round,
                   revision_date, revision_hash, schedule, schedule_text
            FROM campaigns
            """ + " " + where;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        var list = new List<Campaign>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new Campaign(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                FromMs(reader.GetInt64(3)),
                ParseStatus(reader.GetString(4)),
                JsonSerializer.Deserialize<CampaignContent>(reader.GetString(5), Json)!,
                JsonSerializer.Deserialize<Audience>(reader.GetString(6), Json)!,
                reader.GetInt64(7) == 1,
                reader.IsDBNull(8) ? null : FromMs(reader.GetInt64(8)),
                JsonSerializer.Deserialize<List<ScenarioRow>>(reader.GetString(9), Json)!.Select(r => r.ToSituation()).ToList(),
                reader.IsDBNull(10) ? null : FromMs(reader.GetInt64(10)),
                reader.GetInt32(11),
                new PolicyRevision(DateOnly.ParseExact(reader.GetString(12), "yyyy-MM-dd", CultureInfo.InvariantCulture), reader.GetString(13)),
                reader.IsDBNull(14) ? null : reader.GetString(14),
                reader.IsDBNull(15) ? null : reader.GetString(15)));
        }
        return list;
    }

    private static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static string StatusText(CampaignStatus status) => status.ToString().ToLowerInvariant();

    private static CampaignStatus ParseStatus(string text) => Enum.Parse<CampaignStatus>(text, ignoreCase: true);

    /// <summary>The stored shape of a <see cref="ScenarioSituation"/>.</summary>
    private sealed record ScenarioRow(List<string[]> Facts, string RuleId, string Verdict)
    {
        public static ScenarioRow From(ScenarioSituation s) => new([.. s.Facts.Select(f => new[] { f.Key, f.Value })], s.RuleId, s.Verdict.Id());

        public ScenarioSituation ToSituation()
        {
            VerdictKinds.TryParse(Verdict, out var kind);
            return new ScenarioSituation([.. Facts.Select(f => new KeyValuePair<string, string>(f[0], f[1]))], RuleId, kind);
        }
    }
}
