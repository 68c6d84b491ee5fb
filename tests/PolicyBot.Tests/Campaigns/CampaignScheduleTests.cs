using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using PolicyBot.Campaigns;
using PolicyBot.Delivery;
using PolicyBot.Hosting;
using PolicyBot.Reachability;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.TestSupport.Delivery;
using Xunit.Abstractions;
using static PolicyBot.Tests.Conversation.Cards;

namespace PolicyBot.Tests.Campaigns;

/// <summary>
/// Campaigns on a fake clock (FakeTimeProvider) in the real app over HTTP: a reminder to 2,000 staff with a deadline,
/// acknowledged by some, nudged 3 and 1 days before the deadline — only those pending; a scheduled reminder across a
/// restart; a send missed while the bot was down (sent when a little late, reported and held when too late); pause,
/// resume and cancel.
/// </summary>
public sealed class CampaignScheduleTests(ITestOutputHelper output) : IAsyncDisposable
{
    /// <summary>10:00 in Denver, Wednesday December 2, 2026.</summary>
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-12-02T17:00:00Z");

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly TeamsUser _admin = TeamsUser.Create("Pat Principal");
    private readonly TeamsConversation _adminChat = TeamsConversation.Personal();
    private FakeBotConnector? _connector;
    private BotHost? _host;
    private TeamsChatClient _teams = null!;
    private string? _dataFolder;

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        if (_connector is not null)
        {
            await _connector.DisposeAsync();
        }
        if (_dataFolder is not null && Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    private async Task StartAsync(Dictionary<string, string>? settings = null)
    {
        _connector ??= await FakeBotConnector.StartAsync();
        _dataFolder ??= Path.Combine(Path.GetTempPath(), "policybot-tests", Guid.NewGuid().ToString("N"));
        var options = new BotHostOptions
        {
            Output = output,
            DataFolder = _dataFolder,
        }.UseClock(_clock);
        options.Settings[SettingsKeys.CampaignAuthors] = _admin.AadObjectId;
        options.Settings[SettingsKeys.DeliveryPollSeconds] = "0.1";
        // The fake clock stands still while sends go out: no rate window may fill, or a send would wait for ever.
        options.Settings[SettingsKeys.DeliveryAppLimits] = "100000/1s";
        options.Settings[SettingsKeys.DeliveryConversationLimits] = "1000/1s";
        foreach (var (key, value) in settings ?? [])
        {
            options.Settings[key] = value;
        }
        _host = await BotHost.StartAsync(options);
        _teams = new TeamsChatClient(_host, _connector);
    }

    private async Task RestartAsync(TimeSpan downFor)
    {
        await _host!.DisposeAsync();   // keeps the data folder: it is ours
        _host = null;
        _clock.Advance(downFor);
        await StartAsync();
    }

    /// <summary>Installs <paramref name="count"/> staff directly in the recipient directory (as their install activities would).</summary>
    private async Task<List<(TeamsUser User, TeamsConversation Chat)>> InstallStaffAsync(int count)
    {
        var registry = _host!.Services.GetRequiredService<IRecipientRegistry>();
        var staff = new List<(TeamsUser, TeamsConversation)>();
        var sightings = new List<ConversationSighting>();
        for (var n = 1; n <= count; n++)
        {
            var aad = TestRecipients.AadObjectId(n);
            var key = RecipientKeys.Person(TeamsConversation.DefaultTenantId, aad);
            var conversation = new TeamsConversation("a:staff-" + n, "personal", TeamsConversation.DefaultTenantId);
            var user = new TeamsUser("29:staff-" + n, $"Staff {n:D4}", aad, $"staff{n}@example.org");
            var reference = new JObject
            {
                ["user"] = new JObject { ["id"] = user.Id, ["aadObjectId"] = aad, ["name"] = user.Name },
                ["bot"] = new JObject { ["id"] = "28:policybot", ["name"] = "PolicyBot" },
                ["conversation"] = new JObject { ["id"] = conversation.Id, ["conversationType"] = "personal", ["tenantId"] = TeamsConversation.DefaultTenantId },
                ["channelId"] = "msteams",
                ["serviceUrl"] = _connector!.ServiceUrl.ToString(),
            }.ToString(Newtonsoft.Json.Formatting.None);
            sightings.Add(new ConversationSighting(key, RecipientKinds.Personal, conversation.Id, TeamsConversation.DefaultTenantId, aad, user.Name, null, null, null, null, reference));
            staff.Add((user, conversation));
        }
        await registry.ApplyAsync(new ReachabilityUpdate(sightings, [], null, null), CancellationToken.None);
        return staff;
    }

    private async Task<JObject> PreviewAsync(string deadline, string audience = "everyone")
    {
        var compose = LastCard(await _teams.SayAsync(_adminChat, _admin, "new reminder"));
        return LastCard(await _teams.SubmitAsync(_adminChat, _admin, CampaignFlowTests.ComposeSubmit(compose, new()
        {
            ["campaignTitle"] = "Read the social networking policy",
            ["campaignAudience"] = audience,
            ["campaignAck"] = deadline.Length > 0 ? "true" : "false",
            ["campaignDeadline"] = deadline,
            ["campaignScenario"] = "false",
        })));
    }

    private async Task<MessageDeliveryTotals> WaitFinishedAsync(string messageId, int expected)
    {
        var status = _host!.Services.GetRequiredService<IOutboxStatus>();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var totals = await status.GetTotalsAsync(messageId, CancellationToken.None);
            if (totals.IsFinished && totals.Total == expected)
            {
                return totals;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{messageId}: {totals}");
            }
            await TickAsync();
        }
    }

    /// <summary>
    /// Lets a little fake time pass while the engine works: a conversation new to the pacer after a start waits out one
    /// rate window (its sends of the last moments before a crash are unknown), which on a clock that stands still would
    /// never end. Two seconds per tick is far below any campaign time these tests look at.
    /// </summary>
    private async Task TickAsync()
    {
        await Task.Delay(50);
        _clock.Advance(TimeSpan.FromSeconds(2));
    }

    private async Task<ReceivedActivity> WaitForNoticeAsync(string conversationId, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_connector!.Received.FirstOrDefault(r => r.Accepted && r.ConversationId == conversationId && r.Activity?.Text?.Contains(text) == true) is { } found)
            {
                return found;
            }
            await TickAsync();
        }
        throw new TimeoutException($"No message with '{text}' in {conversationId}:{Environment.NewLine}{FakeBotConnector.Describe(_connector!.Received)}");
    }

    private int CardsIn(string conversationId, string text) =>
        _connector!.Received.Count(r => r.Accepted && r.ConversationId == conversationId && r.Operation == ConnectorOperation.SendToConversation
            && r.Activity is { } a && CardOf(a) is { } c && TextOf(c).Contains(text));

    [Fact]
    public async Task A_reminder_to_2000_staff_with_a_deadline_is_delivered_once_each_and_nudges_reach_only_those_pending()
    {
        // The fake clock runs some 40 times faster than real time while the sends go out (TickAsync), so the default claim
        // lease of 2 minutes would last about 3 real seconds: on a loaded 2-core machine a claimed row could outlive it
        // before its send and be claimed again, a duplicate no real clock would cause (CI run of 2026-12-06). The lease
        // stays what it is for: an hour of fake time.
        await StartAsync(new Dictionary<string, string> { [SettingsKeys.DeliveryClaimLeaseSeconds] = "3600" });
        await _teams.SendAsync(_teams.Activities.MembersAdded(_adminChat, _admin));
        var staff = await InstallStaffAsync(1999);

        // Deadline Monday December 7 (end of day, Denver): nudges Friday Dec 4 and Sunday Dec 6 at 8:00.
        var preview = await PreviewAsync("2026-12-07");
        await _teams.SubmitAsync(_adminChat, _admin, SubmitsOf(preview).Single(s => s.Title == "Send now").Data);
        var store = _host!.Services.GetRequiredService<SqliteCampaignStore>();
        var campaign = (await store.ListAsync(1, CancellationToken.None)).Single();

        var totals = await WaitFinishedAsync(campaign.MessageId(1), 2000);
        Assert.Equal(2000, totals.Sent);
        // Exactly one reminder card per person's chat.
        var perChat = _connector!.Received.Where(r => r.Accepted && r.Operation == ConnectorOperation.SendToConversation && r.Activity is { } a && CardOf(a) is { } c && TextOf(c).Contains("Read the social networking policy"))
            .GroupBy(r => r.ConversationId).ToList();
        Assert.Equal(2000, perChat.Count);
        Assert.All(perChat, g => Assert.Single(g));

        // 300 acknowledge (over HTTP, as themselves); 3 of them tap twice.
        var ackData = CampaignSubmit.Data(CampaignSubmit.Ops.Acknowledge, campaign.Id, 1);
        var acked = staff.Take(300).ToList();
        foreach (var (user, chat) in acked)
        {
            await _teams.SubmitAsync(chat, user, ackData);
        }
        foreach (var (user, chat) in acked.Take(3))
        {
            await _teams.SubmitAsync(chat, user, ackData);
        }
        Assert.Equal(300, (await store.ListAcknowledgementsAsync(campaign.Id, 1, null, CancellationToken.None)).Count);

        // Friday December 4, 8:00 Denver: the 3-day nudge, to the 1,700 pending only.
        _clock.SetUtcNow(DateTimeOffset.Parse("2026-12-04T15:00:01Z"));
        var nudge3 = await WaitFinishedAsync(campaign.NudgeMessageId(1, 3), 1700);
        Assert.Equal(1700, nudge3.Sent);
        foreach (var (_, chat) in acked)
        {
            Assert.Equal(0, CardsIn(chat.Id, "Reminder: your acknowledgement is due"));
        }
        Assert.Equal(1, CardsIn(staff[1000].Chat.Id, "Reminder: your acknowledgement is due in 3 days."));

        // 100 more acknowledge; Sunday's nudge goes to 1,600.
        foreach (var (user, chat) in staff.Skip(300).Take(100))
        {
            await _teams.SubmitAsync(chat, user, ackData);
        }
        _clock.SetUtcNow(DateTimeOffset.Parse("2026-12-06T15:00:01Z"));
        var nudge1 = await WaitFinishedAsync(campaign.NudgeMessageId(1, 1), 1600);
        Assert.Equal(1600, nudge1.Sent);
        Assert.Equal(1, CardsIn(staff[1000].Chat.Id, "Reminder: your acknowledgement is due tomorrow."));
        Assert.Equal(0, CardsIn(staff[350].Chat.Id, "Reminder: your acknowledgement is due tomorrow."));

        var report = LastCard(await _teams.SayAsync(_adminChat, _admin, "report"));
        var text = TextOf(report);
        output.WriteLine(text);
        Assert.Contains("Targeted\n2,000", text);
        Assert.Contains("Delivered\n2,000", text);
        Assert.Contains("Acknowledged\n400 (20 %)", text);
        Assert.Contains("Still pending (1,600)", text);
        Assert.Contains("… and 1,570 more (in the CSV).", text);
    }

    [Fact]
    public async Task A_scheduled_reminder_survives_a_restart_and_goes_out_once_at_its_time()
    {
        await StartAsync();
        await _teams.SendAsync(_teams.Activities.MembersAdded(_adminChat, _admin));
        var staff = await InstallStaffAsync(20);
        var preview = await PreviewAsync("2026-12-10");
        var data = (JObject)SubmitsOf(preview).Single(s => s.Title == "Schedule").Data.DeepClone();
        data["sendDate"] = "2026-12-03";
        data["sendTime"] = "07:30";
        var scheduled = await _teams.SubmitAsync(_adminChat, _admin, data);
        Assert.Equal("Scheduled \"Read the social networking policy\" for Thursday, December 3, 2026 at 7:30 AM (America/Denver), to everyone who can be reached. Type \"reminders\" to pause or cancel it.", scheduled.SingleReply.Text);

        // Down for the evening; back at 7:20 the next morning, before the send time: nothing sent yet.
        await RestartAsync(DateTimeOffset.Parse("2026-12-03T14:20:00Z") - _clock.GetUtcNow());
        await Task.Delay(1500);
        Assert.Equal(0, CardsIn(staff[0].Chat.Id, "Read the social networking policy"));

        _clock.SetUtcNow(DateTimeOffset.Parse("2026-12-03T14:30:00Z"));
        var store = _host!.Services.GetRequiredService<SqliteCampaignStore>();
        var campaign = (await store.ListAsync(1, CancellationToken.None)).Single();
        await WaitFinishedAsync(campaign.MessageId(1), 21);
        Assert.All(staff, s => Assert.Equal(1, CardsIn(s.Chat.Id, "Read the social networking policy")));
        Assert.Equal(CampaignStatus.Sent, (await store.FindAsync(campaign.Id, CancellationToken.None))!.Status);
    }

    [Theory]
    [InlineData(30, true)]
    [InlineData(180, false)]
    public async Task A_send_missed_while_the_bot_was_down_goes_out_when_a_little_late_and_is_reported_when_too_late(int minutesLate, bool sent)
    {
        await StartAsync();
        await _teams.SendAsync(_teams.Activities.MembersAdded(_adminChat, _admin));
        var staff = await InstallStaffAsync(5);
        var preview = await PreviewAsync("");
        var data = (JObject)SubmitsOf(preview).Single(s => s.Title == "Schedule").Data.DeepClone();
        data["sendDate"] = "2026-12-02";
        data["sendTime"] = "11:00";
        await _teams.SubmitAsync(_adminChat, _admin, data);

        // Down from 10:00 until the minutes past 11:00.
        await RestartAsync(TimeSpan.FromMinutes(60 + minutesLate));
        var store = _host!.Services.GetRequiredService<SqliteCampaignStore>();
        var campaign = (await store.ListAsync(1, CancellationToken.None)).Single();
        if (sent)
        {
            await WaitFinishedAsync(campaign.MessageId(1), 6);
            Assert.Equal(1, CardsIn(staff[0].Chat.Id, "Read the social networking policy"));
            return;
        }
        var notice = await WaitForNoticeAsync(_adminChat.Id, "was NOT sent");
        output.WriteLine(notice.Activity!.Text);
        Assert.Contains("180 minutes late, more than the 60 allowed", notice.Activity!.Text);
        Assert.Equal(CampaignStatus.Paused, (await store.FindAsync(campaign.Id, CancellationToken.None))!.Status);
        Assert.Equal(0, CardsIn(staff[0].Chat.Id, "Read the social networking policy"));

        // Resume sends it now.
        var resumed = await _teams.SubmitAsync(_adminChat, _admin, CampaignSubmit.Data(CampaignSubmit.Ops.Resume, campaign.Id));
        // (The reminder itself may already reach the administrator's chat within the same turn: he is in the audience.)
        Assert.Contains(resumed.Texts, t => t.StartsWith("Resumed \"Read the social networking policy\": it goes out now.", StringComparison.Ordinal));
        await WaitFinishedAsync(campaign.MessageId(1), 6);
        Assert.Equal(1, CardsIn(staff[0].Chat.Id, "Read the social networking policy"));
    }

    [Fact]
    public async Task A_repeating_reminder_typed_in_words_sends_each_occurrence_as_a_round_with_its_own_deadline()
    {
        await StartAsync();
        await _teams.SendAsync(_teams.Activities.MembersAdded(_adminChat, _admin));
        var staff = await InstallStaffAsync(3);
        // Typed on Wednesday December 2, 10:00: every Monday at 8am, acknowledgements due by Thursday December 10.
        var data = (JObject)SubmitsOf(await PreviewAsync("2026-12-10")).Single(s => s.Title == "Schedule").Data.DeepClone();
        data["sendWhen"] = "every Monday at 8am";
        var confirm = LastCard(await _teams.SubmitAsync(_adminChat, _admin, data));
        Assert.Contains("I understood: every Monday at 8:00 AM, America/Denver; next: Monday, December 7. Save it?", TextOf(confirm));
        var saved = await _teams.SubmitAsync(_adminChat, _admin, SubmitsOf(confirm).Single(s => s.Title == "Yes, save this schedule").Data);
        Assert.Contains("Each send is a round with its own deadline.", saved.SingleReply.Text);
        var store = _host!.Services.GetRequiredService<SqliteCampaignStore>();
        var campaign = (await store.ListAsync(1, CancellationToken.None)).Single();

        _clock.SetUtcNow(DateTimeOffset.Parse("2026-12-07T15:00:00Z"));
        await WaitFinishedAsync(campaign.MessageId(1), 4);
        Assert.Equal(DateTimeOffset.Parse("2026-12-11T06:59:59Z"), (await store.FindRoundAsync(campaign.Id, 1, CancellationToken.None))!.Deadline);
        var ackData = CampaignSubmit.Data(CampaignSubmit.Ops.Acknowledge, campaign.Id, 1);
        await _teams.SubmitAsync(staff[0].Chat, staff[0].User, ackData);

        // The next Monday: round 2, due three days and 16 hours after its send like the first.
        _clock.SetUtcNow(DateTimeOffset.Parse("2026-12-14T15:00:00Z"));
        await WaitFinishedAsync(campaign.MessageId(2), 4);
        var round2 = (await store.FindRoundAsync(campaign.Id, 2, CancellationToken.None))!;
        Assert.Equal(DateTimeOffset.Parse("2026-12-18T06:59:59Z"), round2.Deadline);
        Assert.Equal(1, CardsIn(staff[0].Chat.Id, "Please acknowledge by Thursday, December 17, 2026."));
        // Round 1's acknowledgement does not count for round 2.
        var report = TextOf(LastCard(await _teams.SayAsync(_adminChat, _admin, $"report {campaign.Id}")));
        Assert.Contains("round 2", report);
        Assert.Contains("Acknowledged\n0 (0 %)", report);
        var first = TextOf(LastCard(await _teams.SubmitAsync(_adminChat, _admin, CampaignSubmit.Data(CampaignSubmit.Ops.Report, campaign.Id, 1))));
        Assert.Contains("Acknowledged\n1 (25 %)", first);
    }

    [Fact]
    public async Task Pause_holds_a_scheduled_send_resume_sends_it_and_cancel_stops_everything()
    {
        await StartAsync();
        await _teams.SendAsync(_teams.Activities.MembersAdded(_adminChat, _admin));
        var staff = await InstallStaffAsync(5);
        var data = (JObject)SubmitsOf(await PreviewAsync("2026-12-20")).Single(s => s.Title == "Schedule").Data.DeepClone();
        data["sendDate"] = "2026-12-02";
        data["sendTime"] = "10:30";
        await _teams.SubmitAsync(_adminChat, _admin, data);
        var store = _host!.Services.GetRequiredService<SqliteCampaignStore>();
        var campaign = (await store.ListAsync(1, CancellationToken.None)).Single();

        var list = LastCard(await _teams.SayAsync(_adminChat, _admin, "reminders"));
        Assert.Contains("scheduled", TextOf(list));
        var paused = await _teams.SubmitAsync(_adminChat, _admin, SubmitsOf(list).Single(s => s.Title == "Pause").Data);
        Assert.StartsWith("Paused \"Read the social networking policy\"", paused.SingleReply.Text);
        _clock.SetUtcNow(DateTimeOffset.Parse("2026-12-02T17:31:00Z"));
        await Task.Delay(1500);
        Assert.Equal(0, CardsIn(staff[0].Chat.Id, "Read the social networking policy"));

        list = LastCard(await _teams.SayAsync(_adminChat, _admin, "reminders"));
        await _teams.SubmitAsync(_adminChat, _admin, SubmitsOf(list).Single(s => s.Title == "Resume").Data);
        await WaitFinishedAsync(campaign.MessageId(1), 6);
        Assert.Equal(1, CardsIn(staff[0].Chat.Id, "Read the social networking policy"));

        list = LastCard(await _teams.SayAsync(_adminChat, _admin, "reminders"));
        var cancelled = await _teams.SubmitAsync(_adminChat, _admin, SubmitsOf(list).Single(s => s.Title == "Cancel").Data);
        Assert.StartsWith("Cancelled \"Read the social networking policy\": no more reminders go out.", cancelled.SingleReply.Text);
        // The nudges (Dec 17 and 19) were cancelled with it: nothing more goes out.
        _clock.SetUtcNow(DateTimeOffset.Parse("2026-12-19T16:00:00Z"));
        await Task.Delay(1500);
        Assert.Equal(0, CardsIn(staff[0].Chat.Id, "Reminder: your acknowledgement is due"));
        var timer = _host.Services.GetRequiredService<IDurableTimer>();
        foreach (var job in await store.ListJobsAsync(campaign.Id, CancellationToken.None))
        {
            Assert.NotEqual(DurableJobStatus.Scheduled, (await timer.FindAsync(job, CancellationToken.None))!.Status);
        }
    }
}

/// <summary>
/// Every row of ../shared/schedules/phrasings.tsv (the copy in Campaigns/Scheduling/Data), typed on the preview card as an
/// administrator would, over HTTP, with the app's clock (FakeTimeProvider) at the row's moment: a refusal is said as
/// the reader words it; an understood schedule is repeated back before anything is saved, and once confirmed its first
/// send is the row's first occurrence (and its stored schedule gives the row's next occurrences).
/// </summary>
public sealed class CampaignPhrasingsOverHttpTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_phrasing_typed_by_an_administrator_is_repeated_back_and_saved_or_refused_as_the_table_says()
    {
        var rows = PolicyBot.Tests.Campaigns.Scheduling.SchedulePhrasings.Read("phrasings.tsv").OrderBy(r => r.Reference).ToList();
        Assert.True(rows.Count >= 20, $"{rows.Count} rows");
        Assert.All(rows, r => Assert.Equal("America/Denver", r.Zone.Id));
        var clock = new FakeTimeProvider(rows[0].Reference);
        var admin = TeamsUser.Create("Pat Principal");
        var chat = TeamsConversation.Personal();
        await using var connector = await FakeBotConnector.StartAsync();
        var options = new BotHostOptions
        {
            Output = null,
        }.UseClock(clock);
        options.Settings[SettingsKeys.CampaignAuthors] = admin.AadObjectId;
        options.Settings[CampaignOptions.TimeZoneKey] = "America/Denver";
        await using var host = await BotHost.StartAsync(options);
        var teams = new TeamsChatClient(host, connector);
        var store = host.Services.GetRequiredService<SqliteCampaignStore>();
        var failures = new List<string>();
        foreach (var row in rows)
        {
            if (row.Reference > clock.GetUtcNow())
            {
                clock.SetUtcNow(row.Reference);
            }
            var compose = LastCard(await teams.SayAsync(chat, admin, "new reminder"));
            var preview = LastCard(await teams.SubmitAsync(chat, admin, CampaignFlowTests.ComposeSubmit(compose, new()
            {
                ["campaignTitle"] = "Reminder for " + row.Phrase,
                ["campaignAudience"] = "everyone",
                ["campaignAck"] = "false",
                ["campaignScenario"] = "false",
            })));
            var schedule = (JObject)SubmitsOf(preview).Single(s => s.Title == "Schedule").Data.DeepClone();
            schedule["sendWhen"] = row.Phrase;
            var turn = await teams.SubmitAsync(chat, admin, schedule);
            var campaignId = (long)schedule["campaign"]!;
            if (row.RefusalMustTell is { } mustTell)
            {
                var said = turn.SingleReply.Text ?? "";
                output.WriteLine($"{row.Phrase} -> {said}");
                if (!said.StartsWith("I can't schedule that", StringComparison.Ordinal) || !said.Contains(mustTell, StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"{row.Phrase}: expected a refusal telling '{mustTell}', got '{said}'");
                }
                Assert.Equal(CampaignStatus.Draft, (await store.FindAsync(campaignId, CancellationToken.None))!.Status);
                continue;
            }
            var confirm = LastCard(turn);
            var understood = TextOf(confirm).Split('\n').FirstOrDefault(l => l.StartsWith("I understood: ", StringComparison.Ordinal));
            output.WriteLine($"{row.Phrase} -> {understood}");
            if (understood is null)
            {
                failures.Add($"{row.Phrase}: not repeated back; got {string.Join(" | ", turn.Texts)} {TextOf(confirm)}");
                continue;
            }
            // Nothing is saved before the author confirms.
            Assert.Equal(CampaignStatus.Draft, (await store.FindAsync(campaignId, CancellationToken.None))!.Status);
            var saved = await teams.SubmitAsync(chat, admin, SubmitsOf(confirm).Single(s => s.Title == "Yes, save this schedule").Data);
            var campaign = (await store.FindAsync(campaignId, CancellationToken.None))!;
            if (campaign.Status != CampaignStatus.Scheduled || campaign.SendAt != row.Occurrences[0])
            {
                failures.Add($"{row.Phrase}: saved {campaign.Status} at {campaign.SendAt:o}, expected {row.Occurrences[0]:o} ({saved.SingleReply.Text})");
                continue;
            }
            var stored = PolicyBot.Campaigns.Scheduling.Schedule.Parse(campaign.ScheduleJson!);
            var next = stored.NextOccurrences(row.Reference, row.Occurrences.Count);
            if (!next.Select(o => o.ToString("o")).SequenceEqual(row.Occurrences.Select(o => o.ToString("o"))))
            {
                failures.Add($"{row.Phrase}: stored schedule gives {string.Join(" ", next.Select(o => o.ToString("o")))}");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
