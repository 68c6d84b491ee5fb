using System.Globalization;
using PolicyBot.Privacy;

namespace PolicyBot.Campaigns;

/// <summary>
/// A person's acknowledgements of policy reminders, as personal data. "Forget me" keeps them: they are the district's
/// record that this person read the policy, and which revision (issue 12 §3). Scenario-check answers are kept only as
/// totals per situation, never per person, so there is nothing of them to show or delete.
/// </summary>
public sealed class CampaignPersonalData(SqliteCampaignStore store) : IPersonalData
{
    /// <summary>The heading of the section in "my data".</summary>
    public const string Heading = "Your acknowledgements of policy reminders";

    /// <summary>Why "forget me" keeps them.</summary>
    public const string KeptBecause = "Kept: the district's record that you read the policy, and which revision.";

    /// <inheritdoc />
    public int Order => 25;

    /// <inheritdoc />
    public async Task<PersonalDataSection> DescribeAsync(DataSubject person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (person.AadObjectId is not { Length: > 0 } aad)
        {
            return new PersonalDataSection(Heading, [], KeptBecause);
        }
        var acks = await store.ListAcknowledgementsByAsync(aad, cancellationToken).ConfigureAwait(false);
        return new PersonalDataSection(
            Heading,
            [.. acks.Select(a => string.Create(CultureInfo.InvariantCulture,
                $"Reminder {a.CampaignId}{(a.Round > 1 ? $", round {a.Round}" : "")}: acknowledged {a.Ack.At:yyyy-MM-dd HH:mm} UTC, policy revised {a.Ack.Revision.Date:MMMM d, yyyy}."))],
            KeptBecause);
    }

    /// <inheritdoc />
    public Task<ForgetResult> ForgetAsync(DataSubject person, CancellationToken cancellationToken) =>
        Task.FromResult(new ForgetResult(Heading, 0, KeptBecause));
}
