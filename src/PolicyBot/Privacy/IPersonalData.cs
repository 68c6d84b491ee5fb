namespace PolicyBot.Privacy;

/// <summary>
/// The person a "my data" or "forget me" command is about: always the sender of the activity (never anything a card's
/// data claims), with the ids the stores key their records by.
/// </summary>
/// <param name="UserId">The Bot Framework user id (<c>29:…</c>), which keys conversation state.</param>
/// <param name="AadObjectId">The Microsoft Entra object id, which keys the recipient directory and roles; null when Teams gives none.</param>
/// <param name="TenantId">The tenant id; null when Teams gives none.</param>
public sealed record DataSubject(string UserId, string? AadObjectId, string? TenantId);

/// <summary>What one store holds about a person, for "my data".</summary>
/// <param name="Heading">What it is, e.g. "Your questions".</param>
/// <param name="Lines">What is stored, in plain words (policy facts, counts, dates); empty when nothing.</param>
/// <param name="WhenForgotten">What "forget me" does with it, e.g. "Deleted." or "Kept: …, because …".</param>
public sealed record PersonalDataSection(string Heading, IReadOnlyList<string> Lines, string WhenForgotten);

/// <summary>What "forget me" did in one store.</summary>
/// <param name="Heading">The store's <see cref="PersonalDataSection.Heading"/>.</param>
/// <param name="Deleted">Records deleted.</param>
/// <param name="Kept">Why what remains was kept, or null when nothing was kept.</param>
public sealed record ForgetResult(string Heading, int Deleted, string? Kept);

/// <summary>
/// A store that holds something about a person. Every such store registers one (<c>services.AddSingleton&lt;IPersonalData, …&gt;()</c>),
/// so "my data" lists it and "forget me" reaches it: the conversation state (situations), the recipient directory, the
/// roles; feedback, acknowledgements and requests when they are built. A store whose records the district must keep
/// (acknowledgements, requests and their audit trail) describes them and returns them as kept, with the reason.
/// </summary>
public interface IPersonalData
{
    /// <summary>The order "my data" shows this store in (lower first).</summary>
    int Order { get; }

    /// <summary>What this store holds about <paramref name="person"/>.</summary>
    /// <param name="person">The activity's sender.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    Task<PersonalDataSection> DescribeAsync(DataSubject person, CancellationToken cancellationToken);

    /// <summary>Deletes what may be deleted about <paramref name="person"/>; says what was kept and why.</summary>
    /// <param name="person">The activity's sender.</param>
    /// <param name="cancellationToken">Cancels the deletes.</param>
    Task<ForgetResult> ForgetAsync(DataSubject person, CancellationToken cancellationToken);
}

/// <summary>
/// A store whose records expire: the retention job (<see cref="RetentionJob"/>) calls it once a day. Register it as
/// <c>services.AddSingleton&lt;IExpiringData, …&gt;()</c>.
/// </summary>
public interface IExpiringData
{
    /// <summary>What expires, for the log, e.g. "situation(s)".</summary>
    string What { get; }

    /// <summary>Deletes the records expired at <paramref name="now"/>; returns how many.</summary>
    /// <param name="now">The current time (UTC) of the app's clock.</param>
    /// <param name="cancellationToken">Cancels the deletes.</param>
    Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
