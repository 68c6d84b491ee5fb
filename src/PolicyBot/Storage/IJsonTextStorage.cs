using Microsoft.Bot.Builder;

namespace PolicyBot.Storage;

/// <summary>
/// A storage that keeps each item as JSON text and hands that text over. A caller that writes an item only when it
/// changed (<see cref="Conversation.SituationStore"/>) compares the text it would write with the text it read,
/// instead of serializing the item once more after reading it and once more to write it.
/// </summary>
public interface IJsonTextStorage : IStorage
{
    /// <summary>Reads one item, as <see cref="IStorage.ReadAsync"/> would, and the JSON text it was read from.</summary>
    /// <param name="key">The item's key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The item and its stored text; both null when the key is not stored.</returns>
    Task<(object? Item, string? Json)> ReadWithJsonAsync(string key, CancellationToken cancellationToken);

    /// <summary>The JSON text <see cref="IStorage.WriteAsync"/> would store for <paramref name="item"/>.</summary>
    /// <param name="item">The item (not null).</param>
    string ToJson(object item);

    /// <summary>Stores <paramref name="item"/> as <paramref name="json"/> (its <see cref="ToJson"/>), as <see cref="IStorage.WriteAsync"/> stores it: same ETag check, new ETag, updated time.</summary>
    /// <param name="key">The item's key.</param>
    /// <param name="item">The item: its ETag is checked as <see cref="IStorage.WriteAsync"/> checks it.</param>
    /// <param name="json">The item's text from <see cref="ToJson"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task WriteJsonAsync(string key, object item, string json, CancellationToken cancellationToken);
}
