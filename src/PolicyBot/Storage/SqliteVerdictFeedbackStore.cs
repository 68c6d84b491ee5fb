using System.Globalization;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json;

namespace PolicyBot.Storage;

/// <summary>What a person said about one verdict card: helpful, or not right (and, once asked, what was wrong).</summary>
public enum FeedbackRating
{
    /// <summary>"Helpful".</summary>
    Helpful,

    /// <summary>"Not right".</summary>
    NotRight,
}

/// <summary>What was wrong, as the person picked it after "Not right".</summary>
public enum FeedbackWrong
{
    /// <summary>The verdict itself.</summary>
    Verdict,

    /// <summary>What the bot understood.</summary>
    Understood,

    /// <summary>The clause quoted.</summary>
    Clause,

    /// <summary>Something else.</summary>
    Other,
}

/// <summary>The verdict a feedback is about, from the bot's own record of the situation (never from card data).</summary>
/// <param name="SituationId">The situation's id.</param>
/// <param name="PolicyId">The policy served, e.g. <c>stevensville-social-networking</c>.</param>
/// <param name="RuleId">The rule that decided it.</param>
/// <param name="Verdict">The verdict kind's id, e.g. <c>forbidden</c>.</param>
/// <param name="Facts">The situation's facts (fact id → value id), the chosen values only: never typed text.</param>
/// <param name="Understood">The fact ids among <paramref name="Facts"/> that were only understood from the person's words.</param>
public sealed record FeedbackSubject(
    string SituationId, string PolicyId, string RuleId, string Verdict, IReadOnlyDictionary<string, string> Facts, IReadOnlyList<string> Understood);

/// <summary>One stored feedback, as request deciders see it: no person.</summary>
/// <param name="Subject">The verdict and the situation's facts.</param>
/// <param name="Rating">Helpful or not right.</param>
/// <param name="Wrong">What was wrong, when the person said.</param>
/// <param name="At">When it was last given (UTC).</param>
public sealed record StoredFeedback(FeedbackSubject Subject, FeedbackRating Rating, FeedbackWrong? Wrong, DateTimeOffset At);

/// <summary>What a feedback tap did to the store.</summary>
public enum FeedbackChange
{
    /// <summary>A new feedback was kept.</summary>
    Added,

    /// <summary>An earlier feedback of the same person on the same verdict was changed (e.g. helpful → not right).</summary>
    Changed,

    /// <summary>The same tap again: nothing changed.</summary>
    Unchanged,
}

/// <summary>
/// Feedback on verdicts in the bot's SQLite file: table <c>verdict_feedback</c>, one row per (person, situation), so a
/// repeated tap changes nothing twice and a change of mind replaces the earlier answer. A row keeps the situation's facts
/// (value ids), the rule, the verdict, the rating and what was wrong — never typed text — and a link to the person
/// (<c>person_key</c>, e.g. <c>user:{tenant}:{aadObjectId}</c>) that <see cref="EraseLinksAsync"/> removes while the
/// feedback itself stays, anonymous. Thread-safe; one statement per change, so concurrent taps cannot double a row.
/// </summary>
public sealed class SqliteVerdictFeedbackStore
{
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;

    /// <summary>Creates the table if needed.</summary>
    /// <param name="database">The bot's database file.</param>
    /// <param name="time">Clock; null for the system clock.</param>
    /// <exception cref="SqliteException">The table cannot be created.</exception>
    public SqliteVerdictFeedbackStore(SqliteDatabase database, TimeProvider? time = null)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _time = time ?? TimeProvider.System;
        // person_key is NULL once erased; SQLite's UNIQUE lets any number of NULLs through, so erased rows never clash.
        _database.EnsureSchema("""
            CREATE TABLE IF NOT EXISTS verdict_feedback (
                id           INTEGER PRIMARY KEY AUTOINCREMENT,
                person_key   TEXT    NULL,
                situation_id TEXT    NOT NULL,
                policy_id    TEXT    NOT NULL,
                rule_id      TEXT    NOT NULL,
                verdict      TEXT    NOT NULL,
                facts        TEXT    NOT NULL,
                understood   TEXT    NOT NULL,
                rating       TEXT    NOT NULL,
                wrong        TEXT    NULL,
                created_at   INTEGER NOT NULL,
                updated_at   INTEGER NOT NULL,
                UNIQUE (person_key, situation_id)
            );
            CREATE INDEX IF NOT EXISTS verdict_feedback_rating ON verdict_feedback (rating, updated_at);
            """);
    }

    /// <summary>
    /// Keeps <paramref name="personKey"/>'s feedback on <paramref name="subject"/>: a new row, or the person's earlier
    /// row for the same situation changed to this rating (and what was wrong; a plain "Not right" keeps a reason given
    /// before).
    /// </summary>
    /// <param name="personKey">The person, from the activity's sender.</param>
    /// <param name="subject">The verdict, from the bot's record.</param>
    /// <param name="rating">Helpful or not right.</param>
    /// <param name="wrong">What was wrong (with <see cref="FeedbackRating.NotRight"/> only), or null.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Whether a row was added, changed or left as it was.</returns>
    /// <exception cref="ArgumentException">A helpful rating with a reason, or a blank key.</exception>
    public async Task<FeedbackChange> RecordAsync(string personKey, FeedbackSubject subject, FeedbackRating rating, FeedbackWrong? wrong, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personKey);
        ArgumentNullException.ThrowIfNull(subject);
        if (rating == FeedbackRating.Helpful && wrong is not null)
        {
            throw new ArgumentException("A helpful answer has nothing wrong.", nameof(wrong));
        }
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO verdict_feedback (person_key, situation_id, policy_id, rule_id, verdict, facts, understood, rating, wrong, created_at, updated_at)
            VALUES ($person, $situation, $policy, $rule, $verdict, $facts, $understood, $rating, $wrong, $now, $now)
            ON CONFLICT (person_key, situation_id) DO NOTHING
            """;
        insert.Parameters.AddWithValue("$person", personKey);
        insert.Parameters.AddWithValue("$situation", subject.SituationId);
        insert.Parameters.AddWithValue("$policy", subject.PolicyId);
        insert.Parameters.AddWithValue("$rule", subject.RuleId);
        insert.Parameters.AddWithValue("$verdict", subject.Verdict);
        insert.Parameters.AddWithValue("$facts", JsonConvert.SerializeObject(new SortedDictionary<string, string>(subject.Facts.ToDictionary(), StringComparer.Ordinal)));
        insert.Parameters.AddWithValue("$understood", JsonConvert.SerializeObject(subject.Understood.Order(StringComparer.Ordinal)));
        insert.Parameters.AddWithValue("$rating", RatingText(rating));
        insert.Parameters.AddWithValue("$wrong", (object?)WrongText(wrong) ?? DBNull.Value);
        insert.Parameters.AddWithValue("$now", now);
        if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
        {
            return FeedbackChange.Added;
        }

        // The person's row exists: change it only if this tap says something new. "Helpful" clears a reason; a plain
        // "Not right" after a reason keeps it (the tap says no more than it did).
        await using var update = connection.CreateCommand();
        update.CommandText = """
            UPDATE verdict_feedback
            SET rating = $rating,
                wrong = CASE WHEN $rating = 'helpful' THEN NULL WHEN $wrong IS NULL THEN wrong ELSE $wrong END,
                updated_at = $now
            WHERE person_key = $person AND situation_id = $situation
              AND (rating IS NOT $rating OR ($rating = 'not-right' AND $wrong IS NOT NULL AND wrong IS NOT $wrong))
            """;
        update.Parameters.AddWithValue("$person", personKey);
        update.Parameters.AddWithValue("$situation", subject.SituationId);
        update.Parameters.AddWithValue("$rating", RatingText(rating));
        update.Parameters.AddWithValue("$wrong", (object?)WrongText(wrong) ?? DBNull.Value);
        update.Parameters.AddWithValue("$now", now);
        return await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1 ? FeedbackChange.Changed : FeedbackChange.Unchanged;
    }

    /// <summary>How many feedback rows are linked to <paramref name="personKey"/> (for "my data").</summary>
    /// <param name="personKey">The person.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<int> CountLinksAsync(string personKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personKey);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM verdict_feedback WHERE person_key = $person";
        command.Parameters.AddWithValue("$person", personKey);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Erases the link between <paramref name="personKey"/> and their feedback (for "forget me"): the feedback stays,
    /// with no person, so deciders still see what was wrong.
    /// </summary>
    /// <param name="personKey">The person.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>How many links were erased.</returns>
    public async Task<int> EraseLinksAsync(string personKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personKey);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE verdict_feedback SET person_key = NULL WHERE person_key = $person";
        command.Parameters.AddWithValue("$person", personKey);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The "not right" feedback, newest first, without any person.</summary>
    /// <param name="limit">At most this many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The feedback and how many "not right" there are in all.</returns>
    public async Task<(IReadOnlyList<StoredFeedback> Items, int Total)> ListNotRightAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM verdict_feedback WHERE rating = 'not-right'";
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT situation_id, policy_id, rule_id, verdict, facts, understood, wrong, updated_at FROM verdict_feedback
            WHERE rating = 'not-right' ORDER BY updated_at DESC, id DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$limit", limit);
        var items = new List<StoredFeedback>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var subject = new FeedbackSubject(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                JsonConvert.DeserializeObject<Dictionary<string, string>>(reader.GetString(4)) ?? [],
                JsonConvert.DeserializeObject<List<string>>(reader.GetString(5)) ?? []);
            items.Add(new StoredFeedback(subject, FeedbackRating.NotRight, reader.IsDBNull(6) ? null : ParseWrong(reader.GetString(6)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7))));
        }
        return (items, total);
    }

    private static string RatingText(FeedbackRating rating) => rating == FeedbackRating.Helpful ? "helpful" : "not-right";

    private static string? WrongText(FeedbackWrong? wrong) => wrong?.ToString().ToLowerInvariant();

    private static FeedbackWrong? ParseWrong(string text) => Enum.TryParse<FeedbackWrong>(text, ignoreCase: true, out var w) ? w : null;
}
