namespace PolicyBot.Storage;

/// <summary>
/// Claims a key at most once, durably and atomically: of two turns (or two instances) claiming the same key at the
/// same moment exactly one wins. Used to welcome a conversation once and to process a redelivered activity once.
/// A claim can expire (a seen activity id is remembered for a day), or last for ever (a welcome).
/// </summary>
/// <remarks>
/// A shared store keeps the same contract with a conditional insert (a Redis <c>SET NX PX</c>, a Cosmos DB create
/// that fails on an existing id, an SQL <c>INSERT</c> on a primary key).
/// </remarks>
public interface IClaimStore
{
    /// <summary>Claims <paramref name="key"/>.</summary>
    /// <param name="key">Any non-empty string, e.g. <c>welcome:{conversationId}</c>.</param>
    /// <param name="lifetime">How long the claim holds; null for ever. An expired claim can be claimed again.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when this call claimed the key; false when a live claim already holds it.</returns>
    Task<bool> TryClaimAsync(string key, TimeSpan? lifetime, CancellationToken cancellationToken);

    /// <summary>Gives a claim back (the work it guarded failed and may be done again). Releasing an unclaimed key is not an error.</summary>
    /// <param name="key">The claimed key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task ReleaseAsync(string key, CancellationToken cancellationToken);
}
