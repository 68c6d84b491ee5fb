using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using PolicyBot.Cards;
using PolicyBot.Hosting;
using PolicyBot.Reachability;
using PolicyBot.Tests.Infrastructure;
using Xunit.Abstractions;
using static PolicyBot.Tests.Conversation.Cards;

namespace PolicyBot.Tests.Roles;

/// <summary>
/// The roles command and the administrator's "test message", over real HTTP: who may act is decided by the
/// activity's sender, never by card data, and every refusal is polite and logged.
/// </summary>
public sealed class AdministrationTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly RecordingOutbox _outbox = new();
    private readonly TeamsUser _admin = TeamsUser.Create("Pat Principal");
    private readonly TeamsUser _decider = TeamsUser.Create("Dana Dean");
    private readonly TeamsUser _teacher = TeamsUser.Create("Lee Teacher");
    private readonly TeamsConversation _school = TeamsConversation.Channel(teamName: "Stevensville High");
    private FakeBotConnector _connector = null!;
    private BotHost _host = null!;
    private TeamsChatClient _teams = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        var options = new BotHostOptions { Output = output }.UseOutbox(_outbox);
        options.Settings[SettingsKeys.CampaignAuthors] = _admin.AadObjectId;
        options.Settings[SettingsKeys.RequestDeciders] = $"{_admin.AadObjectId}, {_decider.AadObjectId}@{_school.TeamId}";
        _host = await BotHost.StartAsync(options);
        _teams = new TeamsChatClient(_host, _connector);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_staff_member_is_told_they_hold_no_role_and_sees_their_object_id_to_give_IT()
    {
        var turn = await _teams.SayAsync(TeamsConversation.Personal(), _teacher, "my roles");

        var card = LastCard(turn);
        var text = TextOf(card);
        Assert.Contains("You hold no administrator role", text);
        Assert.Contains(_teacher.AadObjectId, text);
        Assert.DoesNotContain(SubmitsOf(card), s => s.Title == "Send a test message");
    }

    [Fact]
    public async Task An_administrator_holding_both_roles_sees_both_and_what_they_allow()
    {
        var card = LastCard(await _teams.SayAsync(TeamsConversation.Personal(), _admin, "roles"));

        var text = TextOf(card);
        Assert.Contains("You are a campaign author and a request decider.", text);
        Assert.Contains("test message", text);
        Assert.Contains("for every school", text);
        Assert.Contains(SubmitsOf(card), s => s.Title == "Send a test message");
    }

    [Fact]
    public async Task A_decider_scoped_to_a_team_is_told_which_school_by_the_teams_name()
    {
        await _teams.SendAsync(_teams.Activities.MembersAdded(_school, _teacher));   // the bot learns the team's name

        var card = LastCard(await _teams.SayAsync(TeamsConversation.Personal(), _decider, "roles"));

        var text = TextOf(card);
        Assert.Contains("You are a request decider.", text);
        Assert.Contains("for Stevensville High", text);
    }

    [Fact]
    public async Task In_a_channel_the_roles_card_shows_no_object_id_and_offers_no_administrator_button()
    {
        var card = LastCard(await _teams.SayAsync(_school, _admin, "roles"));

        Assert.DoesNotContain(_admin.AadObjectId, TextOf(card));
        Assert.DoesNotContain(SubmitsOf(card), s => s.Title == "Send a test message");
    }

    [Fact]
    public async Task An_administrators_test_message_is_queued_once_for_everyone_reachable_and_the_card_says_how_many()
    {
        var gone = TeamsUser.Create("Former Staff");
        var goneChat = TeamsConversation.Personal();
        await _teams.SendAsync(_teams.Activities.MembersAdded(TeamsConversation.Personal(), _teacher));
        await _teams.SendAsync(_teams.Activities.MembersAdded(goneChat, gone));
        await _teams.SendAsync(_teams.Activities.InstallationUpdate(goneChat, gone, "remove"));
        var adminChat = TeamsConversation.Personal();

        var turn = await _teams.SayAsync(adminChat, _admin, "test message");

        var queued = _outbox.Messages;
        Assert.Equal(
            new[] { _admin, _teacher }.Select(p => RecipientKeys.Person(adminChat.TenantId, p.AadObjectId)).Order(),
            queued.Select(m => m.RecipientKey).Order());
        var messageId = Assert.Single(queued.Select(m => m.MessageId).Distinct());
        Assert.Matches("^test:[0-9a-f]{32}$", messageId);
        var activity = JObject.Parse(queued[0].ActivityJson);
        Assert.Equal("message", (string?)activity["type"]);
        Assert.Contains("test message from PolicyBot, sent by Pat Principal", (string?)activity["text"]);
        var text = TextOf(LastCard(turn));
        Assert.Contains("Queued a test message for 2 people", text);
        Assert.Contains(messageId, text);
    }

    [Fact]
    public async Task A_staff_member_asking_for_a_test_message_is_refused_politely_and_the_refusal_is_logged()
    {
        var turn = await _teams.SayAsync(TeamsConversation.Personal(), _teacher, "send a test message");

        Assert.StartsWith("Sorry, only campaign authors may send a test message to all staff", turn.SingleReply.Text);
        Assert.Empty(_outbox.Messages);
        var refusal = Assert.Single(_host.Logs, l => l.Level == LogLevel.Warning && l.Message.StartsWith("Refused SendTestMessage", StringComparison.Ordinal));
        Assert.Contains(_teacher.AadObjectId, refusal.Message);
        Assert.Contains("not a campaign author", refusal.Message);
    }

    [Fact]
    public async Task Card_data_claiming_to_be_the_administrator_does_not_make_a_staff_member_one()
    {
        var forged = CardActions.TestMessageData();
        forged["aadObjectId"] = _admin.AadObjectId;
        forged["from"] = new JObject { ["id"] = _admin.Id, ["name"] = _admin.Name, ["aadObjectId"] = _admin.AadObjectId };

        var turn = await _teams.SubmitAsync(TeamsConversation.Personal(), _teacher, forged);

        Assert.StartsWith("Sorry, only campaign authors", turn.SingleReply.Text);
        Assert.Empty(_outbox.Messages);
        Assert.Contains(_host.Logs, l => l.Level == LogLevel.Warning && l.Message.Contains(_teacher.AadObjectId, StringComparison.Ordinal)
            && l.Message.StartsWith("Refused SendTestMessage", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_roles_cards_button_sends_the_test_message_for_an_administrator()
    {
        var chat = TeamsConversation.Personal();
        var button = SubmitsOf(LastCard(await _teams.SayAsync(chat, _admin, "roles"))).Single(s => s.Title == "Send a test message").Data;

        var turn = await _teams.SubmitAsync(chat, _admin, button);

        Assert.Contains("Queued a test message for 1 person", TextOf(LastCard(turn)));
        Assert.Single(_outbox.Messages);
    }

    [Fact]
    public async Task An_administrator_is_asked_to_use_the_personal_chat_for_a_test_message()
    {
        var turn = await _teams.SayAsync(_school, _admin, "test message");

        Assert.Contains("in your personal chat with me", turn.SingleReply.Text);
        Assert.Empty(_outbox.Messages);
    }

    [Fact]
    public async Task Help_lists_the_roles_command()
    {
        var help = TextOf(LastCard(await _teams.SayAsync(TeamsConversation.Personal(), _teacher, "help")));

        Assert.Contains("roles", help);
        Assert.Contains("administrator roles", help);
    }
}
