using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Delivery;
using PolicyBot.Privacy;

namespace PolicyBot.Tests.Privacy;

/// <summary>
/// Finished delivery records expire on a real SQLite file with a fake clock: a row whose delivery ended more than the
/// retention ago is deleted with its no-longer-used body; rows still queued, and recent ones, stay.
/// </summary>
public sealed class DeliveryRecordRetentionTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("policybot-records-").FullName;

    [Fact]
    public async Task Only_finished_records_older_than_the_retention_are_deleted_with_their_unused_bodies()
    {
        var clock = new FakeTimeProvider(Start);
        var path = Path.Combine(_folder, "policybot.db");
        using var database = new DeliveryDatabase(path);
        var outbox = new SqliteOutbox(database, clock);
        var none = CancellationToken.None;
        await outbox.EnqueueAsync(
        [
            new OutboundMessage("campaign:1", "user:t:old", """{"type":"message","text":"January reminder"}"""),
            new OutboundMessage("campaign:1", "user:t:waiting", """{"type":"message","text":"January reminder"}"""),
            new OutboundMessage("campaign:2", "user:t:old", """{"type":"message","text":"a one-off"}"""),
        ], none);
        await FinishAsync(outbox, "campaign:1", "user:t:old", DeliveryStatus.Sent);
        await FinishAsync(outbox, "campaign:2", "user:t:old", DeliveryStatus.Unreachable);
        clock.Advance(TimeSpan.FromDays(200));
        await outbox.EnqueueAsync([new OutboundMessage("campaign:3", "user:t:old", """{"type":"message","text":"summer reminder"}""")], none);
        await FinishAsync(outbox, "campaign:3", "user:t:old", DeliveryStatus.Sent);
        var retention = new DeliveryRecordRetention(database, new PrivacyOptions(TimeSpan.FromDays(30), TimeSpan.FromDays(365)));

        Assert.Equal(0, await retention.DeleteExpiredAsync(clock.GetUtcNow().AddDays(165), none));   // 365 days after the first ended: not yet older
        var deleted = await retention.DeleteExpiredAsync(clock.GetUtcNow().AddDays(166), none);

        Assert.Equal(2, deleted);
        Assert.Null(await outbox.FindAsync("campaign:1", "user:t:old", none));
        Assert.Null(await outbox.FindAsync("campaign:2", "user:t:old", none));
        Assert.Equal(DeliveryStatus.Queued, (await outbox.FindAsync("campaign:1", "user:t:waiting", none))!.Status);   // never finished: kept
        Assert.Equal(DeliveryStatus.Sent, (await outbox.FindAsync("campaign:3", "user:t:old", none))!.Status);          // 166 days old: kept
        Assert.Equal(["January reminder", "summer reminder"], Bodies(path));   // the one-off's body went with its last row
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task FinishAsync(SqliteOutbox outbox, string messageId, string recipient, DeliveryStatus status)
    {
        var row = (await outbox.ReadClaimableAsync(0, 100, urgentOnly: false, CancellationToken.None))
            .Single(r => r.MessageId == messageId && r.RecipientKey == recipient);
        Assert.NotNull(await outbox.ClaimAsync(row.Id, "test", TimeSpan.FromMinutes(1), CancellationToken.None));
        Assert.True(await outbox.CompleteAsync(row.Id, "test", status, status == DeliveryStatus.Sent ? "1:act" : null, status == DeliveryStatus.Sent ? null : "403 ConversationBlockedByUser", false, CancellationToken.None));
    }

    private static List<string> Bodies(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM outbox_bodies";
        using var reader = command.ExecuteReader();
        var texts = new List<string>();
        while (reader.Read())
        {
            texts.Add(Newtonsoft.Json.Linq.JObject.Parse(reader.GetString(0))["text"]!.ToString());
        }
        return [.. texts.Order(StringComparer.Ordinal)];
    }
}
