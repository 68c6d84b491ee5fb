using PolicyBot.Privacy;
using PolicyBot.Reachability;

namespace PolicyBot.Delivery;

/// <summary>
/// The outbox's records of messages sent to a person (one row per message: its id, delivery status and times; the
/// message itself once per message, not per person), as personal data. "Forget me" keeps them: they are the district's
/// record of who was sent which policy reminder.
/// </summary>
public sealed class DeliveryPersonalData(DeliveryDatabase database, PrivacyOptions options) : IPersonalData
{
    /// <summary>The heading of the section in "my data".</summary>
    public const string Heading = "Messages sent to you";

    /// <inheritdoc />
    public int Order => 30;

    /// <inheritdoc />
    public async Task<PersonalDataSection> DescribeAsync(DataSubject person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var count = 0L;
        if (person.AadObjectId is { } aad)
        {
            await using var connection = database.Open();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM outbox WHERE recipient_key = $key";
            command.Parameters.AddWithValue("$key", RecipientKeys.Person(person.TenantId, aad));
            count = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? 0L);
        }
        return new PersonalDataSection(
            Heading,
            count == 0 ? [] : [$"{count} message{(count == 1 ? "" : "s")} from PolicyBot to you (test messages, policy reminders), each with its delivery status and times."],
            $"Kept: the district's record of who was sent which message (each deleted {(int)options.DeliveryRecordRetention.TotalDays} days after its delivery ended).");
    }

    /// <inheritdoc />
    public Task<ForgetResult> ForgetAsync(DataSubject person, CancellationToken cancellationToken) =>
        Task.FromResult(new ForgetResult(Heading, 0, "Kept: the district's record of who was sent which message."));
}
