using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using PolicyBot.Campaigns;
using PolicyBot.Hosting;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.TestSupport;
using Xunit.Abstractions;
using static PolicyBot.Tests.Conversation.Cards;

namespace PolicyBot.Tests.Campaigns;

/// <summary>
/// The audiences over HTTP: a team's members each in their own chat (those without PolicyBot counted unreachable), a
/// channel post whose button brings the acknowledgement card to the tapper's own chat, and a policy revision change
/// (earlier acknowledgements become "previous revision"; "not acknowledged the current revision" reaches exactly those).
/// A report never shows what staff asked the bot.
/// </summary>
public sealed class CampaignAudienceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TeamsUser _admin = TeamsUser.Create("Pat Principal");
    private readonly TeamsUser _teacher = TeamsUser.Create("Lee Teacher");
    private readonly TeamsUser _coach = TeamsUser.Create("Sam Coach");
    private readonly TeamsConversation _adminChat = TeamsConversation.Personal();
    private readonly TeamsConversation _teacherChat = TeamsConversation.Personal();
    private readonly TeamsConversation _general = TeamsConversation.Channel(teamName: "Stevensville High", channelName: "General");
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "policybot-tests", Guid.NewGuid().ToString("N"));
    private FakeBotConnector _connector = null!;
    private BotHost _host = null!;
    private TeamsChatClient _teams = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        await StartAsync(null);
        await _teams.SendAsync(_teams.Activities.MembersAdded(_adminChat, _admin));
        await _teams.SendAsync(_teams.Activities.MembersAdded(_teacherChat, _teacher));
        // The app is added to the team; the team's roster has the teacher and the coach (who never installed PolicyBot).
        await _teams.SendAsync(_teams.Activities.MembersAdded(_general, _admin));
        _teams.AddToRoster(_general, _teacher);
        _teams.AddToRoster(_general, _coach);
    }

    private async Task StartAsync(string? policyFile)
    {
        var options = new BotHostOptions { Output = output, DataFolder = _dataFolder };
        options.Settings[SettingsKeys.CampaignAuthors] = _admin.AadObjectId;
        options.Settings[SettingsKeys.DeliveryPollSeconds] = "0.2";
        if (policyFile is not null)
        {
            options.Settings[SettingsKeys.PolicyFile] = policyFile;
        }
        _host = await BotHost.StartAsync(options);
        _teams = new TeamsChatClient(_host, _connector);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    private async Task<Campaign> SendNowAsync(string audience, string title)
    {
        var compose = LastCard(await _teams.SayAsync(_adminChat, _admin, "new reminder"));
        Assert.Contains(SubmitsOf(compose), _ => true);
        var preview = LastCard(await _teams.SubmitAsync(_adminChat, _admin, CampaignFlowTests.ComposeSubmit(compose, new()
        {
            ["campaignTitle"] = title,
            ["campaignAudience"] = audience,
            ["campaignAck"] = "true",
            ["campaignDeadline"] = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd"),
            ["campaignScenario"] = "false",
        })));
        await _teams.SubmitAsync(_adminChat, _admin, SubmitsOf(preview).Single(s => s.Title == "Send now").Data);
        var store = _host.Services.GetRequiredService<SqliteCampaignStore>();
        return (await store.ListAsync(1, CancellationToken.None)).Single();
    }

    private Task<IReadOnlyList<ReceivedActivity>> CardInAsync(string conversationId, string text) =>
        _connector.WaitForAsync(r => r.ConversationId == conversationId && r.Operation == ConnectorOperation.SendToConversation
            && r.Activity is { } a && CardOf(a) is { } c && TextOf(c).Contains(text), timeout: TimeSpan.FromSeconds(30));

    [Fact]
    public async Task A_team_reminder_reaches_its_installed_members_and_counts_the_others_unreachable()
    {
        // The compose card offers the team and its channel.
        var compose = LastCard(await _teams.SayAsync(_adminChat, _admin, "new reminder"));
        Assert.Contains("Members of Stevensville High (each in their own chat)", TextOf(compose));
        Assert.Contains("A post in Stevensville High › General", TextOf(compose));

        var campaign = await SendNowAsync("team:" + _general.TeamId, "Team reminder");
        await CardInAsync(_teacherChat.Id, "Team reminder");

        var report = TextOf(LastCard(await _teams.SayAsync(_adminChat, _admin, "report")));
        output.WriteLine(report);
        Assert.Contains("the members of Stevensville High", report);
        Assert.Contains("Unreachable\n1", report);
        // The roster as Teams gives it: the admin who added the app, the teacher, the coach.
        Assert.Contains("Targeted\n3", report);
        var exported = LastCard(await _teams.SubmitAsync(_adminChat, _admin, CampaignSubmit.Data(CampaignSubmit.Ops.Export, campaign.Id, 1)));
        var csv = await BotHost.Http.GetStringAsync(exported.Descendants().OfType<JObject>().Single(o => (string?)o["type"] == "Action.OpenUrl")["url"]!.ToString());
        Assert.Contains("Sam Coach," + _coach.AadObjectId.ToLowerInvariant() + ",unreachable: PolicyBot not installed for them,,,pending", csv);
    }

    [Fact]
    public async Task A_channel_post_brings_the_acknowledgement_card_to_whoever_taps_it_in_their_own_chat()
    {
        var campaign = await SendNowAsync("channel:" + PolicyBot.Reachability.RecipientKeys.Conversation(_general.Id), "Channel reminder");
        var post = CardOf((await CardInAsync(_general.Id, "Channel reminder"))[0].Activity!)!;
        Assert.DoesNotContain(SubmitsOf(post), s => s.Title == "I have read and understand this policy");

        // The teacher taps it in the channel: nothing is posted in the channel; the card comes to the teacher's chat.
        var open = SubmitsOf(post).Single(s => s.Title == "Acknowledge in my chat").Data;
        var tap = await _teams.SubmitAsync(_general, _teacher, open);
        Assert.DoesNotContain(tap.Replies, r => r.ConversationId == _general.Id);
        var mine = CardOf((await CardInAsync(_teacherChat.Id, "Channel reminder"))[0].Activity!)!;
        await _teams.SubmitAsync(_general, _teacher, open);   // a second tap queues nothing more
        await Task.Delay(1000);
        Assert.Single(_connector.Received, r => r.ConversationId == _teacherChat.Id && r.Activity is { } a && CardOf(a) is { } c && TextOf(c).Contains("Channel reminder"));

        // An acknowledgement tapped in the channel itself is refused: it happens in the person's own chat.
        var inChannel = await _teams.SubmitAsync(_general, _teacher, CampaignSubmit.Data(CampaignSubmit.Ops.Acknowledge, campaign.Id, 1));
        Assert.StartsWith("Acknowledgements happen in your personal chat with me", inChannel.SingleReply.Text);

        await _teams.SubmitAsync(_teacherChat, _teacher, SubmitsOf(mine).Single(s => s.Title == "I have read and understand this policy").Data);
        var report = TextOf(LastCard(await _teams.SayAsync(_adminChat, _admin, "report")));
        output.WriteLine(report);
        Assert.Contains("Targeted\n1", report);
        Assert.Contains("Acknowledged\n1 (100 %)", report);
    }

    [Fact]
    public async Task After_a_revision_earlier_acknowledgements_show_as_previous_and_the_pending_audience_is_exactly_those_without_the_current_one()
    {
        // The teacher asks a question first: no report may show it.
        await _teams.SayAsync(_teacherChat, _teacher, "can I text my student Jordan about the zombie party?");
        var first = await SendNowAsync("everyone", "Before the revision");
        var card = CardOf((await CardInAsync(_teacherChat.Id, "Before the revision"))[0].Activity!)!;
        await _teams.SubmitAsync(_teacherChat, _teacher, SubmitsOf(card).Single(s => s.Title == "I have read and understand this policy").Data);
        var before = TextOf(LastCard(await _teams.SayAsync(_adminChat, _admin, "report")));
        Assert.Contains("Acknowledged\n1 (50 %)", before);
        Assert.DoesNotContain("zombie", before);

        // The district revises its text: same file format, one more sentence in the source document.
        var folder = Path.Combine(_dataFolder, "policy");
        Directory.CreateDirectory(folder);
        var policies = Path.Combine(RepoPaths.Root, "src", "PolicyBot.Rules", "Policies");
        File.Copy(Path.Combine(policies, "stevensville.policy.yaml"), Path.Combine(folder, "stevensville.policy.yaml"));
        var text = Path.Combine(folder, "stevensville-electronic-resources-and-social-networking.txt");
        File.Copy(Path.Combine(policies, "stevensville-electronic-resources-and-social-networking.txt"), text);
        File.AppendAllText(text, "\nReviewed again by the board.\n");
        await _host.DisposeAsync();
        await StartAsync(Path.Combine(folder, "stevensville.policy.yaml"));

        var after = TextOf(LastCard(await _teams.SayAsync(_adminChat, _admin, $"report {first.Id}")));
        output.WriteLine(after);
        Assert.Contains("Acknowledged\n0 (0 %)", after);
        Assert.Contains("… of a previous revision\n1", after);
        Assert.Contains("Lee Teacher", after);   // pending again

        // "Everyone who has not acknowledged the current revision": both (the teacher's acknowledgement is of the old text).
        var second = await SendNowAsync("pending-revision", "After the revision");
        card = CardOf((await CardInAsync(_teacherChat.Id, "After the revision"))[0].Activity!)!;
        await _teams.SubmitAsync(_teacherChat, _teacher, SubmitsOf(card).Single(s => s.Title == "I have read and understand this policy").Data);
        var third = await SendNowAsync("pending-revision", "Still pending");
        var store = _host.Services.GetRequiredService<SqliteCampaignStore>();
        // The round's targets are written by the send job in the background: wait for them (a race seen under load).
        var targets = await store.ListTargetsAsync(third.Id, 1, CancellationToken.None);
        for (var deadline = DateTime.UtcNow.AddSeconds(30); targets.Count == 0 && DateTime.UtcNow < deadline; targets = await store.ListTargetsAsync(third.Id, 1, CancellationToken.None))
        {
            await Task.Delay(100);
        }
        Assert.Equal([_admin.AadObjectId.ToLowerInvariant()], targets.Select(t => t.AadObjectId));
        Assert.Equal(2, (await store.ListTargetsAsync(second.Id, 1, CancellationToken.None)).Count);
        var csvCard = LastCard(await _teams.SubmitAsync(_adminChat, _admin, CampaignSubmit.Data(CampaignSubmit.Ops.Export, first.Id, 1)));
        var csv = await BotHost.Http.GetStringAsync(csvCard.Descendants().OfType<JObject>().Single(o => (string?)o["type"] == "Action.OpenUrl")["url"]!.ToString());
        Assert.Contains(",previous revision", csv);
        Assert.DoesNotContain("zombie", csv);
    }
}
