using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PolicyBot.Storage;

namespace PolicyBot.Conversation;

/// <summary>
/// Reads and writes each person's <see cref="SituationState"/> (per user per conversation) exactly where and as Bot
/// Framework's <see cref="PrivateConversationState"/> keeps it: under its storage key, as the <see cref="PropertyName"/>
/// property of its property dictionary (other properties kept as they are), written only when the dictionary changed,
/// judged as BotState judges it (its Json.NET text before and after the turn; see the remarks). So state written by either reads
/// back with the other, and the privacy commands and retention find it where they always did.
/// </summary>
/// <remarks>
/// Why not the BotState itself: to tell whether the state changed it serializes it four times a turn (on load, before
/// the write, after the write, and again in the auto-save middleware) besides the storage's own serialization; this
/// serializes it twice (on load and before the write), and with an <see cref="IJsonTextStorage"/> (the app's SQLite
/// storage) once: the text to write is compared with the text read, and is what is written. There a state holding
/// only the situation is written as <see cref="SituationJson"/>'s text (System.Text.Json, no type names), which
/// BotState reads too; older rows in Json.NET's text still read, and are rewritten in the new text at their next
/// change. Nothing here is cached between turns: each turn reads what the previous one stored.
/// </remarks>
public sealed class SituationStore(IStorage storage)
{
    /// <summary>The property of the private conversation state that holds the situation.</summary>
    public const string PropertyName = "situation";

    private readonly StorageKeys _keys = new(storage);

    /// <summary>Reads the person's situation as the previous turn left it (a new one when none is stored).</summary>
    /// <param name="turnContext">The turn: its channel, conversation and sender make the key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="InvalidOperationException">The stored item is not a property dictionary (as BotState would throw).</exception>
    public async Task<StoredSituation> LoadAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var key = _keys.KeyOf(turnContext);
        object? item;
        string? storedJson = null;
        if (storage is IJsonTextStorage text)
        {
            var stored = await text.ReadJsonAsync(key, cancellationToken).ConfigureAwait(false);
            if (stored is not null && SituationJson.IsCurrent(stored.Json))
            {
                var state = SituationJson.Read(stored.Json);
                return new StoredSituation(key, new Dictionary<string, object> { [PropertyName] = state }, stored.Json, state);
            }
            (item, storedJson) = (stored is null ? null : text.FromJson(stored), stored?.Json);
        }
        else
        {
            var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
            items.TryGetValue(key, out item);
        }
        var properties = item switch
        {
            IDictionary<string, object> dictionary => dictionary,
            JObject json => json.ToObject<IDictionary<string, object>>()!,   // a storage that keeps no type names
            null => new Dictionary<string, object>(),
            _ => throw new InvalidOperationException("Data is not in the correct format for BotState."),
        };
        // With a JSON text storage the snapshot is the stored text itself (null when nothing is stored: any save writes).
        var snapshot = storage is IJsonTextStorage ? storedJson : JsonConvert.SerializeObject(properties);
        return new StoredSituation(key, properties, snapshot, SituationOf(properties));
    }

    /// <summary>
    /// Writes the situation back when anything in the person's private conversation state changed. Not cancellable, as
    /// BotState's save: once the turn has answered, what it decided is stored.
    /// </summary>
    /// <param name="stored">What <see cref="LoadAsync"/> read this turn, with its <see cref="StoredSituation.State"/> as the turn left it.</param>
    public async Task SaveAsync(StoredSituation stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        stored.Properties[PropertyName] = stored.State;
        if (storage is IJsonTextStorage text)
        {
            // The text to write, compared with the text the storage holds: the situation alone (as this store keeps
            // it) in SituationJson's text, a state with other properties (BotState's) in the storage's own text.
            var onlySituation = stored.Properties.Count == 1;
            var json = onlySituation ? SituationJson.Write(stored.State) : text.ToJson(stored.Properties);
            if (json == stored.Snapshot || (onlySituation && IsOlderTextOf(text, stored)))
            {
                return;
            }
            await text.WriteJsonAsync(stored.Key, stored.Properties, json, CancellationToken.None).ConfigureAwait(false);
            stored.Snapshot = json;
            return;
        }
        var now = JsonConvert.SerializeObject(stored.Properties);
        if (now == stored.Snapshot)
        {
            return;
        }
        await storage.WriteAsync(new Dictionary<string, object> { [stored.Key] = stored.Properties }, CancellationToken.None).ConfigureAwait(false);
        stored.Snapshot = now;
    }

    /// <summary>
    /// Whether the snapshot is the storage's older text (Json.NET, type names) of these very properties: an unchanged
    /// situation is not rewritten only to change its text, which would also restart its retention clock.
    /// </summary>
    private static bool IsOlderTextOf(IJsonTextStorage text, StoredSituation stored) =>
        stored.Snapshot is { } snapshot && !SituationJson.IsCurrent(snapshot) && text.ToJson(stored.Properties) == snapshot;

    /// <summary>The stored situation converted as BotState's property accessor converts it; a new one when absent or null.</summary>
    private static SituationState SituationOf(IDictionary<string, object> properties) =>
        properties.TryGetValue(PropertyName, out var value) ? value switch
        {
            SituationState state => state,
            null => new SituationState(),
            JObject json => json.ToObject<SituationState>() ?? new SituationState(),
            _ => JToken.FromObject(value).ToObject<SituationState>() ?? new SituationState(),
        } : new SituationState();

    /// <summary>PrivateConversationState only for its storage key (channel, conversation and user), so the key has one definition.</summary>
    private sealed class StorageKeys(IStorage storage) : PrivateConversationState(storage)
    {
        public string KeyOf(ITurnContext turnContext) => GetStorageKey(turnContext);
    }
}

/// <summary>A person's situation as read in this turn, with what is needed to write it back (<see cref="SituationStore.SaveAsync"/>).</summary>
public sealed class StoredSituation
{
    internal StoredSituation(string key, IDictionary<string, object> properties, string? snapshot, SituationState state)
    {
        Key = key;
        Properties = properties;
        Snapshot = snapshot;
        State = state;
    }

    /// <summary>The situation; the turn changes it in place.</summary>
    public SituationState State { get; }

    internal string Key { get; }

    internal IDictionary<string, object> Properties { get; }

    /// <summary>
    /// The properties' text as last read or written, to tell a change: the stored text itself with an
    /// <see cref="PolicyBot.Storage.IJsonTextStorage"/> (null when nothing was stored), else their default Json.NET text.
    /// </summary>
    internal string? Snapshot { get; set; }
}
