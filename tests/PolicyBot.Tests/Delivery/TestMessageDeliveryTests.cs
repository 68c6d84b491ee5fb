using PolicyBot.Cards;
using PolicyBot.Hosting;
using PolicyBot.Tests.Infrastructure;
using Xunit.Abstractions;
using static PolicyBot.Tests.Conversation.Cards;

namespace PolicyBot.Tests.Delivery;

/// <summary>
/// The first slice of campaigns, end to end in the real app with the real delivery engine: staff install the bot, a
/// campaign author sends a test message to everyone reachable, each person's 1:1 chat receives it once, and the
/// author's "Check delivery status" shows every person as sent. A staff member's tap on someone else's status button is
/// refused (identity comes from the sender, never the card).
/// </summary>
public sealed class TestMessageDeliveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TeamsUser _admin = TeamsUser.Create("Pat Principal");
    private readonly TeamsUser[] _staff = [TeamsUser.Create("Lee Teacher"), TeamsUser.Create("Sam Coach"), TeamsUser.Create("Ari Para")];
    private FakeBotConnector _connector = null!;
    private BotHost _host = null!;
    private TeamsChatClient _teams = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        var options = new BotHostOptions { Output = output };
        options.Settings[SettingsKeys.CampaignAuthors] = _admin.AadObjectId;
        options.Settings[SettingsKeys.DeliveryPollSeconds] = "1";
        _host = await BotHost.StartAsync(options);
        _teams = new TeamsChatClient(_host, _connector);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_test_message_reaches_everyone_installed_once_and_its_status_shows_each_person()
    {
        var chats = new Dictionary<string, TeamsConversation>();
        foreach (var person in _staff.Append(_admin))
        {
            var chat = TeamsConversation.Personal();
            chats[person.Name] = chat;
            await _teams.SendAsync(_teams.Activities.MembersAdded(chat, person));   // installed: reachable from now on
        }

        var queued = LastCard(await _teams.SayAsync(chats[_admin.Name], _admin, "test message"));
        Assert.Contains("Queued a test message for 4 people", TextOf(queued));

        // Each 1:1 chat gets the message once, sent by the engine in the background.
        foreach (var person in _staff.Append(_admin))
        {
            var id = chats[person.Name].Id;
            var got = await _connector.WaitForAsync(r => r.ConversationId == id && r.Activity?.Text?.Contains("test message from PolicyBot") == true, timeout: TimeSpan.FromSeconds(30));
            Assert.Single(got);
        }

        var status = SubmitsOf(queued).Single(s => s.Title == "Check delivery status").Data;
        var card = LastCard(await _teams.SubmitAsync(chats[_admin.Name], _admin, status));
        var text = TextOf(card);
        output.WriteLine(text);
        Assert.Contains("Delivery of the test message to 4 people", text);
        foreach (var person in _staff.Append(_admin))
        {
            Assert.Contains(person.Name, text);
        }
        Assert.DoesNotContain("waiting", text);

        // A staff member with the same card data is refused: who may see it is the sender, not the card.
        var refused = await _teams.SubmitAsync(chats[_staff[0].Name], _staff[0], status);
        Assert.StartsWith("Sorry, only campaign authors", refused.SingleReply.Text);
    }
}
