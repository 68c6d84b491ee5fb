using Microsoft.Bot.Builder;

namespace PolicyBot.Storage;

/// <summary>
/// A storage that keeps each item as JSON text and hands that text over. A caller that writes an item only when it
/// changed (<see cref="Conversation.SituationStore"/>) compares the text it would write with the text it read,
/// instead of serializing the item once more after reading it and once more to write it.
/// </summary>
public interface IJsonTextStorage : IStorage
{
    /// <summary>Reads one item's stored text and ETag, without deserializing it.</summary>
    /// <param name="key">The item's key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The stored text and ETag; null when the key is not stored.</returns>
    Task<StoredJson?> ReadJsonAsync(string key, CancellationToken cancellationToken);

    /// <summary>The item <see cref="IStorage.ReadAsync"/> would return for this stored text (null for a JSON null).</summary>
    /// <param name="stored">What <see cref="ReadJsonAsync"/> read.</param>
    object? FromJson(StoredJson stored);

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

/// <summary>An item's text as stored, with its ETag.</summary>
/// <param name="Json">The stored JSON text.</param>
/// <param name="ETag">The stored ETag.</param>
public sealed record StoredJson(string Json, string ETag);
