using System.Globalization;
using PolicyBot.Privacy;
using PolicyBot.Rules.Model;
using PolicyBot.Storage;

namespace PolicyBot.Conversation;

/// <summary>
/// The stored situations (each person's question per conversation: <see cref="SituationState"/> in Bot Framework's
/// private conversation state, key <c>{channel}/conversations/{conversation}/users/{user}</c>) as personal data: "my
/// data" lists them as policy facts, "forget me" deletes them, and the retention job deletes those unchanged for
/// <see cref="PrivacyOptions.SituationRetention"/> (decided or left open). Reads and deletes by key, never loading
/// state into a turn.
/// </summary>
public sealed class SituationRecords(SqliteStorage storage, Policy policy, PrivacyOptions options) : IPersonalData, IExpiringData
{
    /// <summary>The part of every per-user conversation state key (<c>…/conversations/…/users/…</c>).</summary>
    public const string KeyPart = "/conversations/";

    /// <summary>The part that makes a conversation state key per user (<c>…/users/{user}</c>).</summary>
    public const string UsersPart = "/users/";

    /// <summary>The heading of the section in "my data".</summary>
    public const string Heading = "Your questions";

    /// <inheritdoc />
    public int Order => 10;

    /// <inheritdoc />
    public string What => "situation(s)";

    /// <inheritdoc />
    public Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        // Per-user conversation state only: the conversation-wide state (…/conversations/{id}) is not a person's.
        storage.DeleteUnchangedSinceAsync([KeyPart, UsersPart], now - options.SituationRetention, cancellationToken);

    /// <inheritdoc />
    public async Task<PersonalDataSection> DescribeAsync(DataSubject person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var keys = await storage.ListKeysAsync(KeyPart, UserSuffix(person), cancellationToken).ConfigureAwait(false);
        var items = keys.Count == 0 ? new Dictionary<string, object>() : await storage.ReadAsync([.. keys.Select(k => k.Key)], cancellationToken).ConfigureAwait(false);
        var lines = new List<string>();
        foreach (var (key, updated) in keys)
        {
            if (!items.TryGetValue(key, out var item) || Situation(item) is not { IsEmpty: false } state)
            {
                continue;
            }
            var where = ConversationIdOf(key).StartsWith("a:", StringComparison.Ordinal) ? "in your personal chat" : "in a group chat or channel";
            var status = state.Decided ? "answered" : "open";
            var facts = Policy.Facts(policy, state);
            lines.Add($"A question {where} ({status}, last changed {updated.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}): {(facts.Length == 0 ? "nothing stated yet" : facts)}."
                + (state.Waiting.Count > 0 ? $" {state.Waiting.Count} more part(s) of that message wait for an answer." : ""));
        }
        var days = (int)options.SituationRetention.TotalDays;
        return new PersonalDataSection(
            Heading,
            lines,
            $"Deleted. (Each question is also deleted by itself {days} day{(days == 1 ? "" : "s")} after it last changed. Your words themselves are never stored: only what I understood, as the policy's facts.)");
    }

    /// <inheritdoc />
    public async Task<ForgetResult> ForgetAsync(DataSubject person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var keys = await storage.ListKeysAsync(KeyPart, UserSuffix(person), cancellationToken).ConfigureAwait(false);
        await storage.DeleteAsync([.. keys.Select(k => k.Key)], cancellationToken).ConfigureAwait(false);
        return new ForgetResult(Heading, keys.Count, null);
    }

    private static string UserSuffix(DataSubject person) => UsersPart + person.UserId;

    private static string ConversationIdOf(string key)
    {
        var start = key.IndexOf(KeyPart, StringComparison.Ordinal) + KeyPart.Length;
        var end = key.LastIndexOf("/users/", StringComparison.Ordinal);
        return end > start ? key[start..end] : "";
    }

    /// <summary>The situation in a stored private conversation state (a dictionary of properties), or null.</summary>
    private static SituationState? Situation(object item) => item switch
    {
        IDictionary<string, object> properties when properties.TryGetValue("situation", out var value) => value as SituationState
            ?? (value as Newtonsoft.Json.Linq.JObject)?.ToObject<SituationState>(),
        Newtonsoft.Json.Linq.JObject json => json["situation"]?.ToObject<SituationState>(),
        _ => null,
    };

    private static class Policy
    {
        /// <summary>The situation's facts as the policy words them ("texting · a current student"), understood ones marked.</summary>
        public static string Facts(Rules.Model.Policy policy, SituationState state) => string.Join(" · ", policy.Facts
            .Where(f => state.Facts.ContainsKey(f.Id) || state.Understood.ContainsKey(f.Id))
            .Select(f => state.Facts.TryGetValue(f.Id, out var known)
                ? f.FindValue(known)?.Phrase ?? known
                : (f.FindValue(state.Understood[f.Id])?.Phrase ?? state.Understood[f.Id]) + " (understood)"));
    }
}
