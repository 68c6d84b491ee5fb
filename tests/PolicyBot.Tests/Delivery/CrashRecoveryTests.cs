using Microsoft.Data.Sqlite;
using PolicyBot.Delivery;
using PolicyBot.Hosting;
using PolicyBot.Storage;
using PolicyBot.TestSupport;
using PolicyBot.TestSupport.Delivery;
using Xunit.Abstractions;

namespace PolicyBot.Tests.Delivery;

/// <summary>
/// The real host in a process of its own (tests/PolicyBot.Delivery.TestHost: PolicyBotApp with a synthetic directory),
/// SIGKILLed in the middle of a delivery and started again on the same data folder.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Recipients = 1000;
    private const string MessageId = "campaign:crash:round:1";

    [Fact]
    public async Task A_killed_host_finishes_after_a_restart_repeating_at_most_the_sends_in_flight()
    {
        await using var connector = await ThrottlingConnector.StartAsync(new ThrottlingConnectorOptions { AppLimits = [(200, TimeSpan.FromSeconds(1))] });
        // The service stalls after a third of the sends, so the kill always comes part-way, however slowly a loaded machine
        // lets this test notice the third (without the stall, the rest could go out first: the test would prove nothing).
        connector.HoldAfter(Recipients / 3);
        var folder = Directory.CreateTempSubdirectory("policybot-crash-").FullName;
        try
        {
            // The driver queues the messages in the app's own SQLite file, as a feature in the app would: durably.
            var keys = Enumerable.Range(1, Recipients).Select(TestRecipients.Key).ToList();
            using (var database = new DeliveryDatabase(Path.Combine(folder, SqliteStorage.FileName)))
            {
                var outbox = new SqliteOutbox(database, TimeProvider.System);
                Assert.Equal(Recipients, await outbox.EnqueueAsync(
                    keys.Select(k => new OutboundMessage(MessageId, k, TestRecipients.MessageJson("Reminder"))), CancellationToken.None));
            }

            int inFlightAtKill;
            await using (var first = await StartHostAsync(folder, connector.ServiceUrl))
            {
                await connector.WaitUntilAsync(c => c.AcceptedTotal >= Recipients / 3, TimeSpan.FromSeconds(60), "a third of the sends");
                first.Kill();
                inFlightAtKill = CountSending(folder);
                output.WriteLine($"killed after {connector.AcceptedTotal} accepted; {inFlightAtKill} rows were claimed (in flight)");
            }

            Assert.True(connector.AcceptedTotal < Recipients, "the kill came after the delivery finished; the test proves nothing");
            connector.Release();

            await using (var second = await StartHostAsync(folder, connector.ServiceUrl))
            {
                await connector.WaitUntilAsync(c => c.AcceptedPerConversation.Count == Recipients, TimeSpan.FromSeconds(120), "every recipient");
                await WaitFinishedAsync(folder);
            }

            var received = connector.AcceptedPerConversation;
            var repeats = received.Values.Sum(n => n - 1);
            output.WriteLine($"repeats {repeats}; {connector.Describe()}; rows by attempts: {AttemptCounts(folder)}");
            Assert.All(keys, k => Assert.True(received.ContainsKey(TestRecipients.ConversationId(k)), $"{k} never got the message"));
            Assert.InRange(repeats, 0, inFlightAtKill);
            Assert.Equal(Recipients, CountStatus(folder, "sent"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private Task<HostProcess> StartHostAsync(string folder, Uri serviceUrl) =>
        HostProcess.StartAsync(
            Path.Combine(AppContext.BaseDirectory, "PolicyBot.Delivery.TestHost.dll"),
            [
                "--urls", "http://127.0.0.1:0",
                $"--{SettingsKeys.DataFolder}", folder,
                "--TestRecipientsServiceUrl", serviceUrl.ToString(),
                $"--{SettingsKeys.DeliveryAppLimits}", "200/1s",
                // Short enough that the killed host's claims lapse soon; a send timeout generous enough that a loaded
                // machine does not time sends out (a timed-out send is retried, and repeats if it had arrived).
                $"--{SettingsKeys.DeliveryClaimLeaseSeconds}", "11",
                $"--{SettingsKeys.DeliverySendTimeoutSeconds}", "10",
                $"--{SettingsKeys.DeliveryPollSeconds}", "0.2",
            ]);

    private static int CountSending(string folder) => CountStatus(folder, "sending");

    private static int CountStatus(string folder, string status)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, SqliteStorage.FileName)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM outbox WHERE message_id = $m AND status = $s";
        command.Parameters.AddWithValue("$m", MessageId);
        command.Parameters.AddWithValue("$s", status);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string AttemptCounts(string folder)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, SqliteStorage.FileName)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT attempts, count(*) FROM outbox GROUP BY attempts ORDER BY attempts";
        using var reader = command.ExecuteReader();
        var parts = new List<string>();
        while (reader.Read())
        {
            parts.Add($"{reader.GetInt32(0)}: {reader.GetInt32(1)}");
        }

        return string.Join(", ", parts);
    }

    private static async Task WaitFinishedAsync(string folder)
    {
        for (var i = 0; i < 600 && CountStatus(folder, "sent") < Recipients; i++)
        {
            await Task.Delay(100);
        }
    }
}
