using PolicyBot.Privacy;
using PolicyBot.Storage;

namespace PolicyBot.Feedback;

/// <summary>
/// Verdict feedback as personal data. Each "Helpful" / "Not right" is stored with the policy's facts, the rule and the
/// verdict, and linked to the person (<see cref="VerdictFeedback.PersonKey"/>) only so a second tap changes their own
/// answer. "Forget me" erases that link; the feedback itself stays, with no person, so request deciders still see what
/// was wrong (issue 12 §2–3).
/// </summary>
public sealed class FeedbackPersonalData(SqliteVerdictFeedbackStore store) : IPersonalData
{
    /// <summary>The heading of the section in "my data".</summary>
    public const string Heading = "Your feedback on verdicts";

    /// <inheritdoc />
    public int Order => 15;

    /// <inheritdoc />
    public async Task<PersonalDataSection> DescribeAsync(DataSubject person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var count = 0;
        foreach (var key in Keys(person))
        {
            count += await store.CountLinksAsync(key, cancellationToken).ConfigureAwait(false);
        }
        return new PersonalDataSection(
            Heading,
            count == 0 ? [] : [$"{count} answer{(count == 1 ? "" : "s")} to \"Was this right?\" linked to you (the verdict, its rule and the situation's facts; never your words)."],
            "The link to you is deleted; the answers stay, with no name, so the district can see which verdicts were not right.");
    }

    /// <inheritdoc />
    public async Task<ForgetResult> ForgetAsync(DataSubject person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var erased = 0;
        foreach (var key in Keys(person))
        {
            erased += await store.EraseLinksAsync(key, cancellationToken).ConfigureAwait(false);
        }
        return new ForgetResult(Heading, erased, null);
    }

    // Feedback is keyed by the Entra object id when Teams gives one, else by the channel user id; both are the sender's.
    private static IEnumerable<string> Keys(DataSubject person) =>
        new[] { VerdictFeedback.PersonKey(person.TenantId, person.AadObjectId, null), VerdictFeedback.PersonKey(null, null, person.UserId) }
            .OfType<string>().Distinct(StringComparer.Ordinal);
}
