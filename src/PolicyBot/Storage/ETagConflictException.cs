namespace PolicyBot.Storage;

/// <summary>
/// A write carried an ETag that no longer matches the stored item: someone else wrote it since it was read.
/// Re-read the item, re-apply the change and write again (or give up).
/// </summary>
public sealed class ETagConflictException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="key"/>.</summary>
    /// <param name="key">The storage key written.</param>
    /// <param name="expectedETag">The ETag the writer sent.</param>
    /// <param name="currentETag">The ETag currently stored.</param>
    public ETagConflictException(string key, string expectedETag, string currentETag)
        : base($"Etag conflict on '{key}': the write expected ETag '{expectedETag}' but the stored item has '{currentETag}'.")
    {
        Key = key;
        ExpectedETag = expectedETag;
        CurrentETag = currentETag;
    }

    /// <summary>The storage key written.</summary>
    public string Key { get; }

    /// <summary>The ETag the writer sent.</summary>
    public string ExpectedETag { get; }

    /// <summary>The ETag currently stored.</summary>
    public string CurrentETag { get; }
}
