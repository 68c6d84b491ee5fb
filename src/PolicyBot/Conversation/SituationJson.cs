using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolicyBot.Conversation;

/// <summary>
/// The stored text of a private conversation state that holds only the situation: <c>{"situation":{…}}</c>, written
/// and read by System.Text.Json's source-generated code, with no type names. Why: Json.NET with
/// <c>TypeNameHandling.All</c> (what <see cref="Storage.SqliteStorage"/> writes for any item) spends most of a state's
/// read and write on the long assembly-qualified <c>$type</c> names and the binder's checks of them, on every turn.
/// </summary>
/// <remarks>
/// Older rows (and a state with other properties, written by BotState) keep Json.NET's text, which always starts with
/// <c>{"$type":</c>; this text never does. Json.NET reads this text too (as a <c>JObject</c>), so BotState and the
/// privacy commands, which read the key through <see cref="Storage.SqliteStorage.ReadAsync"/>, still find the situation.
/// </remarks>
internal static class SituationJson
{
    private const string Prefix = "{\"" + SituationStore.PropertyName + "\":";

    /// <summary>Whether <paramref name="json"/> is in this format (otherwise it is Json.NET's text with type names).</summary>
    public static bool IsCurrent(string json) => json.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The text of a state holding only <paramref name="situation"/>.</summary>
    public static string Write(SituationState situation) =>
        JsonSerializer.Serialize(new SituationProperties(situation), SituationJsonContext.Default.SituationProperties);

    /// <summary>The situation in a text of this format (a new one if it is null there).</summary>
    /// <exception cref="JsonException">The text is not a state holding only the situation.</exception>
    public static SituationState Read(string json) =>
        JsonSerializer.Deserialize(json, SituationJsonContext.Default.SituationProperties)?.Situation ?? new SituationState();
}

/// <summary>The property dictionary of a private conversation state that holds only the situation.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]   // another property would be lost on the next write
internal sealed class SituationProperties
{
    public SituationProperties()
    {
    }

    public SituationProperties(SituationState situation) => Situation = situation;

    /// <summary>The situation.</summary>
    [JsonPropertyName(SituationStore.PropertyName)]
    public SituationState? Situation { get; set; }
}

/// <summary>
/// Source-generated (reflection-free) System.Text.Json code for <see cref="SituationProperties"/>. Collections are
/// filled in place: a new situation's empty ones (with their ordinal comparers) are not made only to be replaced.
/// </summary>
[JsonSourceGenerationOptions(PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate)]
[JsonSerializable(typeof(SituationProperties))]
internal sealed partial class SituationJsonContext : JsonSerializerContext;
