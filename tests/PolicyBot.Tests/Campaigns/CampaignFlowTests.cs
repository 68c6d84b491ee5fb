using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using PolicyBot.Campaigns;
using PolicyBot.Hosting;
using PolicyBot.Tests.Infrastructure;
using Xunit.Abstractions;
using static PolicyBot.Tests.Conversation.Cards;

namespace PolicyBot.Tests.Campaigns;

/// <summary>
/// Policy reminders over real HTTP, the real app and engine, a fake Teams connector: an administrator composes a reminder
/// in their personal chat, previews it, sends it now; each installed person's chat gets the reminder card once; a
/// teacher answers the scenario check and acknowledges (once, however often they tap); the administrator's report and CSV
/// say so. Identity always from the activity's sender.
/// </summary>
public sealed class CampaignFlowTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TeamsUser _admin = TeamsUser.Create("Pat Principal");
    private readonly TeamsUser[] _staff = [TeamsUser.Create("Lee Teacher"), TeamsUser.Create("Sam Coach"), TeamsUser.Create("=HYPERLINK(\"x\") Para")];
    private readonly Dictionary<string, TeamsConversation> _chats = [];
    private FakeBotConnector _connector = null!;
    private BotHost _host = null!;
    private TeamsChatClient _teams = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        var options = new BotHostOptions { Output = output };
        options.Settings[SettingsKeys.CampaignAuthors] = _admin.AadObjectId;
        options.Settings[SettingsKeys.DeliveryPollSeconds] = "0.2";
        _host = await BotHost.StartAsync(options);
        _teams = new TeamsChatClient(_host, _connector);
        foreach (var person in _staff.Append(_admin))
        {
            var chat = TeamsConversation.Personal();
            _chats[person.Name] = chat;
            await _teams.SendAsync(_teams.Activities.MembersAdded(chat, person));   // installed: reachable from now on
        }
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    /// <summary>The compose card's preview button with the inputs an administrator filled in.</summary>
    public static JObject ComposeSubmit(JObject composeCard, Dictionary<string, string> inputs)
    {
        var data = (JObject)SubmitsOf(composeCard).Single(s => s.Title == "Preview").Data.DeepClone();
        foreach (var (key, value) in inputs)
        {
            data[key] = value;
        }
        return data;
    }

    [Fact]
    public async Task A_reminder_is_composed_previewed_sent_acknowledged_once_after_the_scenario_check_and_reported()
    {
        var adminChat = _chats[_admin.Name];
        var compose = LastCard(await _teams.SayAsync(adminChat, _admin, "new reminder"));
        Assert.Contains("New policy reminder", TextOf(compose));

        var deadline = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd");
        var preview = LastCard(await _teams.SubmitAsync(adminChat, _admin, ComposeSubmit(compose, new()
        {
            ["campaignTitle"] = "Start of year: the social networking policy",
            ["campaignNote"] = "Please read this before Monday.",
            ["campaignClauses"] = "2,4",
            ["campaignAudience"] = "everyone",
            ["campaignAck"] = "true",
            ["campaignDeadline"] = deadline,
            ["campaignScenario"] = "true",
        })));
        var previewText = TextOf(preview);
        Assert.Contains("Preview: only you see this", previewText);
        Assert.Contains("Please read this before Monday.", previewText);
        Assert.Contains("Please acknowledge by", previewText);
        // Nothing went to staff yet.
        Assert.DoesNotContain(_connector.Received, r => r.ConversationId == _chats[_staff[0].Name].Id && CardOf(r.Activity!) is { } c && TextOf(c).Contains("Start of year"));

        var sent = await _teams.SubmitAsync(adminChat, _admin, SubmitsOf(preview).Single(s => s.Title == "Send now").Data);
        Assert.Contains(sent.Texts, t => t.StartsWith("Sending \"Start of year", StringComparison.Ordinal));   // the reminder may reach a recipient within the turn

        // Every installed person's chat gets the reminder card, once.
        var teacher = _staff[0];
        var teacherChat = _chats[teacher.Name];
        foreach (var person in _staff.Append(_admin))
        {
            var id = _chats[person.Name].Id;
            await _connector.WaitForAsync(r => r.ConversationId == id && r.Operation == ConnectorOperation.SendToConversation && CardOf(r.Activity!) is { } c && TextOf(c).Contains("Start of year"), timeout: TimeSpan.FromSeconds(30));
        }
        await Task.Delay(500);
        var reminderCalls = _connector.Received.Where(r => r.ConversationId == teacherChat.Id && r.Operation == ConnectorOperation.SendToConversation && CardOf(r.Activity!) is { } c && TextOf(c).Contains("Start of year")).ToList();
        Assert.Single(reminderCalls);
        var reminder = CardOf(reminderCalls[0].Activity!)!;
        var reminderText = TextOf(reminder);
        Assert.Contains("From Pat Principal", reminderText);
        Assert.Contains("\"Text messaging students for non-educational purposes;\"", reminderText);

        // The scenario check: three situations from the dialog tree; a wrong answer teaches and never blocks.
        var card = LastCard(await _teams.SubmitAsync(teacherChat, teacher, SubmitsOf(reminder).Single(s => s.Title == "Start the scenario check").Data));
        for (var i = 0; i < 3; i++)
        {
            Assert.Contains($"Situation {i + 1} of 3", TextOf(card));
            // Always answer "Allowed": some answers are wrong, and the check still moves on. The first answer is tapped
            // twice: it is counted once.
            var answer = SubmitsOf(card).Single(s => s.Title == "Allowed").Data;
            if (i == 0)
            {
                await _teams.SubmitAsync(teacherChat, teacher, answer);
            }
            card = LastCard(await _teams.SubmitAsync(teacherChat, teacher, answer));
            Assert.Matches("Right: |The policy says: ", TextOf(card));
            Assert.Contains("Clause ", TextOf(card));
        }
        Assert.Contains("That was the last situation", TextOf(card));
        var ack = SubmitsOf(card).Single(s => s.Title == "I have read and understand this policy").Data;

        // Acknowledge: recorded once, the tapped card updated to show it; a repeated tap and a Teams retry change nothing.
        var first = await _teams.SubmitAsync(teacherChat, teacher, ack, replyToId: "card-1");
        Assert.Contains(first.Replies, r => r.Operation == ConnectorOperation.UpdateActivity && r.RouteActivityId == "card-1" && TextOf(CardOf(r.Activity!)!).Contains("You acknowledged this on"));
        Assert.Contains(first.Texts, t => t.StartsWith("Thank you: your acknowledgement is recorded"));
        var again = await _teams.SubmitAsync(teacherChat, teacher, ack, replyToId: "card-1");
        Assert.DoesNotContain(again.Texts, t => t.StartsWith("Thank you"));
        var retry = _teams.Activities.CardSubmit(teacherChat, teacher, ack, "card-1");
        await _teams.SendAsync(retry);
        await _teams.SendAsync(retry);   // the same activity id twice, as Teams sometimes does

        var store = _host.Services.GetRequiredService<SqliteCampaignStore>();
        var campaign = (await store.ListAsync(10, CancellationToken.None)).Single();
        var acks = await store.ListAcknowledgementsAsync(campaign.Id, 1, null, CancellationToken.None);
        var only = Assert.Single(acks);
        Assert.Equal(teacher.AadObjectId, only.AadObjectId, ignoreCase: true);
        Assert.Equal(new DateOnly(2019, 5, 9), only.Revision.Date);

        // "my data" shows the acknowledgement; "forget me" keeps it (the district's record) and says so.
        var myData = TextOf(LastCard(await _teams.SayAsync(teacherChat, teacher, "my data")));
        Assert.Contains(CampaignPersonalData.Heading, myData);
        Assert.Contains($"Reminder {campaign.Id}: acknowledged ", myData);
        Assert.Contains("policy revised May 9, 2019", myData);
        var forgotten = TextOf(LastCard(await _teams.SubmitAsync(teacherChat, teacher, PolicyBot.Cards.CardActions.PrivacyData(PolicyBot.Cards.CardActions.Forget))));
        Assert.Contains(CampaignPersonalData.KeptBecause, forgotten);
        Assert.Single(await store.ListAcknowledgementsAsync(campaign.Id, 1, null, CancellationToken.None));

        // Someone the reminder was not sent to cannot acknowledge it with the same card data.
        var stranger = TeamsUser.Create("Not Installed");
        var strangerTurn = await _teams.SubmitAsync(TeamsConversation.Personal(), stranger, ack);
        Assert.Equal("This reminder wasn't sent to you, so there is nothing for you to acknowledge here.", strangerTurn.SingleReply.Text);

        // The report: 4 targeted, 4 delivered, 1 acknowledged (25 %), 3 pending by name, the scenario totals.
        var report = LastCard(await _teams.SayAsync(adminChat, _admin, $"report {campaign.Id}"));
        var reportText = TextOf(report);
        output.WriteLine(reportText);
        Assert.Contains("Targeted\n4", reportText);
        Assert.Contains("Delivered\n4", reportText);
        Assert.Contains("Acknowledged\n1 (25 %)", reportText);
        Assert.Contains("Still pending (3)", reportText);
        Assert.Contains("Sam Coach", reportText);
        Assert.DoesNotContain("Lee Teacher", reportText);
        // Totals per situation: one answer each (the double tap counted once), right or not by the rules.
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(reportText, @"\b[01] of 1 right").Count);
        Assert.Equal(3, report.Descendants().OfType<JObject>().Count(o => o["title"]?.ToString().StartsWith("1. ") == true || o["title"]?.ToString().StartsWith("2. ") == true || o["title"]?.ToString().StartsWith("3. ") == true));
        var image = report.Descendants().OfType<JObject>().Single(o => (string?)o["type"] == "Image");
        Assert.StartsWith("data:image/png;base64,", (string?)image["url"]);
        Assert.True(Newtonsoft.Json.JsonConvert.SerializeObject(report).Length < PolicyBot.Cards.PolicyCards.MaxCardBytes, "the report card fits Teams' message size");

        // Export: a one-time link on the card; the CSV lists every person, escapes a name that looks like a formula.
        var exported = LastCard(await _teams.SubmitAsync(adminChat, _admin, SubmitsOf(report).Single(s => s.Title == "Export CSV").Data));
        var url = exported.Descendants().OfType<JObject>().Single(o => (string?)o["type"] == "Action.OpenUrl")["url"]!.ToString();
        var csv = await BotHost.Http.GetStringAsync(url);
        output.WriteLine(csv);
        Assert.Contains("name,entra_object_id,delivery,acknowledged_at_utc,acknowledged_revision,status", csv);
        Assert.Contains("Lee Teacher," + teacher.AadObjectId.ToLowerInvariant() + ",sent,", csv);
        Assert.Contains(",acknowledged", csv);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\") Para\"", csv);
        Assert.Equal(System.Net.HttpStatusCode.Gone, (await BotHost.Http.GetAsync(url)).StatusCode);

        // A staff member forging the author's buttons is refused, for every author action.
        foreach (var op in new[] { "new", "list", "report", "export", "pause", "resume", "cancel", "send-now", "schedule", "discard", "preview" })
        {
            var forged = await _teams.SubmitAsync(teacherChat, teacher, CampaignSubmit.Data(op, campaign.Id, 1));
            Assert.StartsWith("Sorry, only campaign authors may send policy reminders", forged.SingleReply.Text);
        }
        Assert.Equal(CampaignStatus.Sent, (await store.FindAsync(campaign.Id, CancellationToken.None))!.Status);
    }
}
