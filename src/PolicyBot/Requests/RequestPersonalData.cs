using PolicyBot.Privacy;

namespace PolicyBot.Requests;

/// <summary>
/// A person's requests to the administration and the approved accounts they own, as personal data. "Forget me" deletes
/// drafts (never sent, so no record of the district's) and keeps the rest: a sent request, its audit trail and the
/// approved accounts registry are the district's record (issue 12 §3).
/// </summary>
public sealed class RequestPersonalData(SqliteRequestStore store) : IPersonalData
{
    /// <summary>The heading of the section in "my data".</summary>
    public const string Heading = "Your requests to the administration";

    /// <summary>Why "forget me" keeps sent requests.</summary>
    public const string KeptBecause = "Kept: the district's record of requests sent, their history and the approved accounts; drafts never sent are deleted.";

    /// <summary>How many requests "my data" lists; more are counted.</summary>
    public const int Shown = 20;

    /// <inheritdoc />
    public int Order => 27;

    /// <inheritdoc />
    public async Task<PersonalDataSection> DescribeAsync(DataSubject person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (person.AadObjectId is not { Length: > 0 } aad)
        {
            return new PersonalDataSection(Heading, [], KeptBecause);
        }
        var requests = await store.ListByRequesterAsync(aad, Shown + 1, cancellationToken).ConfigureAwait(false);
        var accounts = await store.ListActiveAccountsOfAsync(aad, cancellationToken).ConfigureAwait(false);
        var lines = requests.Take(Shown).Select(r => $"#{r.Id}: {RequestWords.Of(r.Kind)}, {RequestWords.Of(r.State)}.").ToList();
        if (requests.Count > Shown)
        {
            lines.Add("… and earlier ones (type my requests).");
        }
        lines.AddRange(accounts.Select(a => $"Approved account: {a.Platform} {a.Name}."));
        return new PersonalDataSection(Heading, lines, KeptBecause);
    }

    /// <inheritdoc />
    public async Task<ForgetResult> ForgetAsync(DataSubject person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var deleted = person.AadObjectId is { Length: > 0 } aad ? await store.DeleteDraftsOfAsync(aad, cancellationToken).ConfigureAwait(false) : 0;
        return new ForgetResult(Heading, deleted, KeptBecause);
    }
}
