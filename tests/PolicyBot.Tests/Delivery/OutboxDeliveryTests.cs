using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Delivery;
using PolicyBot.Hosting;
using PolicyBot.TestSupport.Delivery;
using Xunit.Abstractions;

namespace PolicyBot.Tests.Delivery;

/// <summary>The delivery engine in the real app, sending to a fake Bot Connector that enforces Teams' limits.</summary>
public sealed class OutboxDeliveryTests(ITestOutputHelper output)
{
    private static IEnumerable<string> People(int count, int from = 1) => Enumerable.Range(from, count).Select(TestRecipients.Key);

    [Fact]
    public async Task Delivers_2000_recipients_once_each_with_no_duplicates_and_no_losses()
    {
        await using var harness = await DeliveryHarness.StartAsync(output);
        var keys = People(2000).ToList();

        Assert.Equal(2000, await harness.EnqueueAsync("campaign:1:round:1", keys));
        var totals = await harness.WaitFinishedAsync("campaign:1:round:1", 2000);

        var received = harness.Connector.AcceptedPerConversation;
        var lost = keys.Where(k => !received.ContainsKey(TestRecipients.ConversationId(k))).ToList();
        var duplicated = received.Where(r => r.Value > 1).ToList();
        output.WriteLine($"{totals}; connector: {harness.Connector.Describe()}");
        Assert.Empty(lost);
        Assert.Empty(duplicated);
        Assert.Equal(2000, received.Count);
        Assert.Equal(2000, totals.Sent);

        var rows = await harness.Status.ListRecipientsAsync("campaign:1:round:1", DeliveryStatus.Sent, CancellationToken.None);
        Assert.Equal(2000, rows.Select(r => r.ActivityId).Distinct().Count(id => id is not null));
    }

    [Fact]
    public async Task The_activity_goes_into_the_stored_conversation_from_the_bot_to_the_person()
    {
        await using var harness = await DeliveryHarness.StartAsync(output);
        var key = TestRecipients.Key(7);

        await harness.EnqueueAsync("m", [key], "Reminder: the policy changed.");
        await harness.WaitFinishedAsync("m", 1);

        var (body, authorization) = harness.Connector.LastAccepted(TestRecipients.ConversationId(key));
        Assert.NotNull(body);
        Assert.Equal("message", (string?)body["type"]);
        Assert.Equal("Reminder: the policy changed.", (string?)body["text"]);
        Assert.Equal(TestRecipients.ConversationId(key), (string?)body["conversation"]?["id"]);
        Assert.Equal("29:" + key, (string?)body["recipient"]?["id"]);
        Assert.Equal("28:policybot", (string?)body["from"]?["id"]);
        Assert.Equal("msteams", (string?)body["channelId"]);
        Assert.Null(authorization); // local mode: no app id, no token
        var row = await harness.Status.FindAsync("m", key, CancellationToken.None);
        Assert.StartsWith("act-", row!.ActivityId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enqueue_is_idempotent_per_message_and_recipient()
    {
        await using var harness = await DeliveryHarness.StartAsync(output);

        Assert.Equal(3, await harness.EnqueueAsync("m1", People(3)));
        Assert.Equal(0, await harness.EnqueueAsync("m1", People(3)));
        Assert.Equal(1, await harness.EnqueueAsync("m1", People(4)));   // only person 4 is new
        Assert.Equal(3, await harness.EnqueueAsync("m2", People(3)));   // another message to the same people is new
        await harness.WaitFinishedAsync("m1", 4);
        await harness.WaitFinishedAsync("m2", 3);
        Assert.Equal(0, await harness.EnqueueAsync("m1", People(4)));   // and stays a no-op once sent

        await Task.Delay(300); // nothing more may arrive
        Assert.All(People(3), k => Assert.Equal(2, harness.Connector.AcceptedPerConversation[TestRecipients.ConversationId(k)]));
        Assert.Equal(1, harness.Connector.AcceptedPerConversation[TestRecipients.ConversationId(TestRecipients.Key(4))]);
    }

    [Fact]
    public async Task An_urgent_message_overtakes_a_campaign_under_way()
    {
        await using var harness = await DeliveryHarness.StartAsync(output, new() { [SettingsKeys.DeliveryAppLimits] = "50/1s" });
        await harness.EnqueueAsync("campaign", People(500));
        await harness.Connector.WaitUntilAsync(c => c.AcceptedTotal >= 20, TimeSpan.FromSeconds(30), "the campaign to start");

        var reply = TestRecipients.Key(9999);
        var urgent = harness.Host.Services.GetRequiredService<IUrgentOutbox>();
        Assert.Equal(1, await urgent.EnqueueUrgentAsync([new OutboundMessage("reply:1", reply, TestRecipients.MessageJson("Here is your answer."))], CancellationToken.None));
        await harness.WaitFinishedAsync("reply:1", 1);

        var campaign = await harness.Status.GetTotalsAsync("campaign", CancellationToken.None);
        output.WriteLine($"when the reply was sent: {campaign}");
        Assert.True(campaign.Queued > 100, $"the reply waited behind the campaign: {campaign}");
        Assert.Equal(DeliveryStatus.Sent, (await harness.Status.FindAsync("reply:1", reply, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Keeps_the_per_conversation_limits_without_being_refused()
    {
        // Production's margin (0): a permit counts until its answer came, so however loaded the machine, no two requests
        // the fake sees are closer than the engine counted them.
        await using var harness = await DeliveryHarness.StartAsync(output);
        var channel = "19:channel@thread.tacv2";
        var keys = People(12).ToList();
        foreach (var key in keys)
        {
            harness.Directory.Place(key, channel);
        }

        await harness.EnqueueAsync("m", keys);
        var totals = await harness.WaitFinishedAsync("m", 12);

        Assert.Equal(12, totals.Sent);
        Assert.Equal(12, harness.Connector.AcceptedPerConversation[channel]);
        Assert.Equal(0, harness.Connector.Throttled);
        Assert.Equal(0, totals.TimesThrottled);
    }

    [Fact]
    public async Task A_429_waits_for_retry_after_and_is_counted()
    {
        await using var harness = await DeliveryHarness.StartAsync(output);
        var key = TestRecipients.Key(1);
        harness.Connector.InjectNext(TestRecipients.ConversationId(key), new InjectedAnswer(429, "TooManyRequests", RetryAfterSeconds: 1));

        await harness.EnqueueAsync("m", [key]);
        await harness.WaitFinishedAsync("m", 1);

        var row = await harness.Status.FindAsync("m", key, CancellationToken.None);
        Assert.Equal(DeliveryStatus.Sent, row!.Status);
        Assert.Equal(2, row.Attempts);
        Assert.Equal(1, row.TimesThrottled);
        Assert.True(row.UpdatedAt - row.EnqueuedAt >= TimeSpan.FromSeconds(0.9), $"retried after {row.UpdatedAt - row.EnqueuedAt}, before Retry-After");
    }

    [Theory]
    [InlineData(412)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Transient_failures_are_retried(int status)
    {
        await using var harness = await DeliveryHarness.StartAsync(output);
        var key = TestRecipients.Key(1);
        harness.Connector.InjectNext(TestRecipients.ConversationId(key), new InjectedAnswer(status), new InjectedAnswer(status));

        await harness.EnqueueAsync("m", [key]);
        await harness.WaitFinishedAsync("m", 1);

        var row = await harness.Status.FindAsync("m", key, CancellationToken.None);
        Assert.Equal(DeliveryStatus.Sent, row!.Status);
        Assert.Equal(3, row.Attempts);
        Assert.Equal(1, harness.Connector.AcceptedPerConversation[TestRecipients.ConversationId(key)]);
    }

    [Fact]
    public async Task A_slow_answer_times_out_and_is_retried()
    {
        await using var harness = await DeliveryHarness.StartAsync(output, new()
        {
            [SettingsKeys.DeliverySendTimeoutSeconds] = "1",
            [SettingsKeys.DeliveryClaimLeaseSeconds] = "5",
        });
        var key = TestRecipients.Key(1);
        harness.Connector.InjectNext(TestRecipients.ConversationId(key), new InjectedAnswer(200, Delay: TimeSpan.FromSeconds(5)));

        await harness.EnqueueAsync("m", [key]);
        await harness.WaitFinishedAsync("m", 1);

        var row = await harness.Status.FindAsync("m", key, CancellationToken.None);
        Assert.Equal(DeliveryStatus.Sent, row!.Status);
        Assert.Equal(2, row.Attempts);
        await harness.Connector.WaitUntilAsync(c => c.Abandoned == 1, TimeSpan.FromSeconds(10), "the slow answer to be abandoned");
    }

    [Fact]
    public async Task A_graceful_stop_lets_the_send_in_flight_finish_and_records_it()
    {
        await using var harness = await DeliveryHarness.StartAsync(output, new()
        {
            [SettingsKeys.DeliverySendTimeoutSeconds] = "10",
            [SettingsKeys.DeliveryClaimLeaseSeconds] = "20",
        });
        var key = TestRecipients.Key(1);
        harness.Connector.InjectNext(TestRecipients.ConversationId(key), new InjectedAnswer(200, Delay: TimeSpan.FromSeconds(2)));

        await harness.EnqueueAsync("m", [key]);
        await harness.Connector.WaitUntilAsync(c => c.Requests == 1, TimeSpan.FromSeconds(10), "the send to start");
        await harness.Host.RestartAsync(); // stops gracefully while the answer is still 2 s away

        var row = await harness.Status.FindAsync("m", key, CancellationToken.None);
        Assert.Equal((DeliveryStatus.Sent, 1), (row!.Status, row.Attempts));
        await Task.Delay(500); // the restarted app must not send it again
        Assert.Equal(1, harness.Connector.AcceptedPerConversation[TestRecipients.ConversationId(key)]);
        Assert.Equal(1, harness.Connector.Requests);
    }

    [Fact]
    public async Task Retryable_failures_are_dead_lettered_after_the_configured_attempts()
    {
        await using var harness = await DeliveryHarness.StartAsync(output);
        var key = TestRecipients.Key(1);
        var conversation = TestRecipients.ConversationId(key);
        harness.Connector.AlwaysAnswer(conversation, new InjectedAnswer(500, "InternalServerError"));

        await harness.EnqueueAsync("m", [key, TestRecipients.Key(2)]);
        var totals = await harness.WaitFinishedAsync("m", 2);

        var row = await harness.Status.FindAsync("m", key, CancellationToken.None);
        Assert.Equal(DeliveryStatus.DeadLettered, row!.Status);
        Assert.Equal(4, row.Attempts); // DeliveryMaxAttempts of the harness
        Assert.Contains("500 InternalServerError", row.Reason, StringComparison.Ordinal);
        Assert.Equal(4, harness.Connector.Failed);
        Assert.Equal((1, 1, 0), (totals.Sent, totals.DeadLettered, totals.Queued + totals.Sending));
    }

    [Theory]
    [InlineData(403, "BotNotInConversationRoster")]
    [InlineData(403, "ConversationBlockedByUser")]
    [InlineData(403, "BotDisabledByAdmin")]
    [InlineData(403, "MessageWritesBlocked")]
    [InlineData(404, "ConversationNotFound")]
    public async Task Forbidden_or_gone_conversations_mark_the_recipient_unreachable(int status, string code)
    {
        await using var harness = await DeliveryHarness.StartAsync(output);
        var key = TestRecipients.Key(1);
        harness.Connector.AlwaysAnswer(TestRecipients.ConversationId(key), new InjectedAnswer(status, code));

        await harness.EnqueueAsync("m1", [key]);
        await harness.WaitFinishedAsync("m1", 1);

        var row = await harness.Status.FindAsync("m1", key, CancellationToken.None);
        Assert.Equal(DeliveryStatus.Unreachable, row!.Status);
        Assert.Equal($"{status} {code}", row.Reason);
        Assert.Equal(1, row.Attempts);
        Assert.Equal($"{status} {code}", harness.Directory.Unreachable[key]);

        // The next message to them is not even tried: the directory says they are unreachable.
        await harness.EnqueueAsync("m2", [key]);
        await harness.WaitFinishedAsync("m2", 1);
        Assert.Equal(DeliveryStatus.Unreachable, (await harness.Status.FindAsync("m2", key, CancellationToken.None))!.Status);
        Assert.Equal(1, harness.Connector.Failed);
    }

    [Theory]
    [InlineData(400, "BadArgument")]
    [InlineData(401, "Unauthorized")]
    [InlineData(403, "Forbidden")]
    [InlineData(404, "ActivityNotFound")]
    [InlineData(413, "MessageSizeTooBig")]
    public async Task Other_client_errors_fail_without_a_retry(int status, string code)
    {
        await using var harness = await DeliveryHarness.StartAsync(output);
        var key = TestRecipients.Key(1);
        harness.Connector.AlwaysAnswer(TestRecipients.ConversationId(key), new InjectedAnswer(status, code));

        await harness.EnqueueAsync("m", [key]);
        await harness.WaitFinishedAsync("m", 1);

        var row = await harness.Status.FindAsync("m", key, CancellationToken.None);
        Assert.Equal((DeliveryStatus.Failed, 1, $"{status} {code}"), (row!.Status, row.Attempts, row.Reason));
        Assert.Empty(harness.Directory.Unreachable);
    }

    [Fact]
    public async Task An_unknown_recipient_fails_without_a_send()
    {
        await using var harness = await DeliveryHarness.StartAsync(output);

        await harness.EnqueueAsync("m", ["conversation:never-seen"]);
        await harness.WaitFinishedAsync("m", 1);

        var row = await harness.Status.FindAsync("m", "conversation:never-seen", CancellationToken.None);
        Assert.Equal((DeliveryStatus.Failed, "unknown recipient"), (row!.Status, row.Reason));
        Assert.Equal(0, harness.Connector.Requests);
    }

    [Fact]
    public async Task Status_of_an_unknown_message_is_empty()
    {
        await using var harness = await DeliveryHarness.StartAsync(output);

        var totals = await harness.Status.GetTotalsAsync("nothing", CancellationToken.None);

        Assert.Equal((0, true), (totals.Total, totals.IsFinished));
        Assert.Empty(await harness.Status.ListRecipientsAsync("nothing", null, CancellationToken.None));
        Assert.Null(await harness.Status.FindAsync("nothing", "user:x", CancellationToken.None));
    }
}
