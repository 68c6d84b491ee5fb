using Newtonsoft.Json.Linq;
using PolicyBot.Hosting;
using PolicyBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PolicyBot.Tests.Turns;

/// <summary>
/// Card data is the client's: forged numbers past 64 bits, arrays where text belongs, ids that name nothing, and a
/// person's records asked for in a shared chat. Over real HTTP, each gets a clear answer and never the turn-error
/// reply (the inputs a tester found failing turns, written down so they stay fixed).
/// </summary>
public sealed class HostileCardDataTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TeamsUser _teacher = TeamsUser.Create("Lee Teacher");
    private readonly TeamsUser _author = TeamsUser.Create("Pat Principal");
    private readonly TeamsConversation _chat = TeamsConversation.Personal();
    private FakeBotConnector _connector = null!;
    private BotHost _host = null!;
    private TeamsChatClient _teams = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        var options = new BotHostOptions { Output = output };
        options.Settings[SettingsKeys.CampaignAuthors] = _author.AadObjectId;
        options.Settings[SettingsKeys.RequestDeciders] = _author.AadObjectId;
        _host = await BotHost.StartAsync(options);
        _teams = new TeamsChatClient(_host, _connector);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    public static TheoryData<string> ForgedData => new()
    {
        """{"policybot":"help","step":99999999999999999999}""",
        """{"policybot":"answer","situation":"s","step":99999999999999999999,"fact":"medium","value":"text"}""",
        """{"policybot":"request-act","request":99999999999999999999,"version":1,"act":"approve"}""",
        """{"policybot":"request-act","request":1,"version":99999999999999999999,"act":"approve"}""",
        """{"policybot":"request-act","request":1,"version":1,"act":["approve"]}""",
        """{"policybot":"request-act","request":1,"version":1,"act":{}}""",
        """{"policybot":"request-new","kind":["presence"]}""",
        """{"policybot":"request-start","situation":["s"],"step":1}""",
        """{"policybot":"account-act","account":99999999999999999999,"act":"retire"}""",
        """{"policybot":"account-act","account":1,"act":[]}""",
        """{"policybot":"account-confirm","account":99999999999999999999,"situation":"s","step":99999999999999999999}""",
        """{"policybot":"account-confirm","account":1,"situation":["s"],"step":1}""",
        """{"policybot":"campaign","op":"report","campaign":99999999999999999999}""",
        """{"policybot":"campaign","op":"ack","campaign":1,"round":99999999999999999999}""",
        """{"policybot":"campaign","op":"scenario-answer","campaign":1,"round":1,"situation":99999999999999999999,"answer":"allowed"}""",
    };

    [Theory]
    [MemberData(nameof(ForgedData))]
    public async Task Forged_numbers_and_shapes_get_an_answer_not_a_failed_turn(string json)
    {
        foreach (var who in new[] { _teacher, _author })
        {
            var turn = await _teams.SubmitAsync(_chat, who, JObject.Parse(json));

            Assert.DoesNotContain(PolicyBotApp.TurnErrorMessage, turn.Texts);
            Assert.DoesNotContain(_host.Logs, l => l.Message.StartsWith("Turn failed", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("report -1")]
    [InlineData("report 999999")]
    public async Task A_report_of_a_reminder_that_does_not_exist_says_so(string typed)
    {
        await _teams.SayAsync(_chat, _author, "new reminder");

        var turn = await _teams.SayAsync(_chat, _author, typed);

        Assert.Contains(turn.Texts, t => t.Contains("no policy reminder", StringComparison.OrdinalIgnoreCase) || t.Contains("couldn't find that policy reminder", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_report_button_whose_reminder_is_not_a_number_names_none_rather_than_the_latest()
    {
        var turn = await _teams.SubmitAsync(_chat, _author, JObject.Parse("""{"policybot":"campaign","op":"report","campaign":"abc"}"""));

        Assert.Contains(turn.Texts, t => t.Contains("no policy reminder", StringComparison.OrdinalIgnoreCase) || t.Contains("couldn't find that policy reminder", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("my requests")]
    [InlineData("approved accounts")]
    public async Task A_persons_requests_and_the_registry_are_not_shown_in_a_shared_chat(string typed)
    {
        var channel = TeamsConversation.Channel();

        var turn = await _teams.SayAsync(channel, _author, typed);

        Assert.Contains("in your personal chat with me", turn.SingleReply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channel_posts_acknowledge_button_sent_from_a_personal_chat_adds_nobody()
    {
        var turn = await _teams.SubmitAsync(_chat, _teacher, JObject.Parse("""{"policybot":"campaign","op":"open","campaign":1,"round":1}"""));

        Assert.DoesNotContain(PolicyBotApp.TurnErrorMessage, turn.Texts);
        Assert.NotEmpty(turn.Texts);
    }
}
