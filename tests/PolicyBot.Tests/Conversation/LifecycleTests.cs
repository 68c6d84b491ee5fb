using Microsoft.Bot.Schema;
using PolicyBot.Tests.Infrastructure;
using static PolicyBot.Tests.Conversation.Cards;

namespace PolicyBot.Tests.Conversation;

/// <summary>Install, restart and logging: what a school IT administrator relies on.</summary>
public class LifecycleTests : IAsyncLifetime
{
    private FakeBotConnector _connector = null!;
    private BotHost _host = null!;
    private TeamsChatClient _teams = null!;
    private readonly TeamsUser _teacher = TeamsUser.Create("Lee Teacher");

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _host = await BotHost.StartAsync();
        _teams = new TeamsChatClient(_host, _connector);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Theory]
    [InlineData("personal")]
    [InlineData("groupChat")]
    [InlineData("channel")]
    public async Task Installing_the_bot_sends_one_welcome_card_with_example_questions(string scope)
    {
        var chat = scope switch
        {
            "personal" => TeamsConversation.Personal(),
            "groupChat" => TeamsConversation.GroupChat(),
            _ => TeamsConversation.Channel(),
        };

        var install = await _teams.SendAsync(_teams.Activities.MembersAdded(chat, _teacher));
        var again = await _teams.SendAsync(_teams.Activities.MembersAdded(chat, _teacher));

        var welcome = LastCard(install);
        Assert.Contains("Electronic Resources and Social Networking", TextOf(welcome));
        Assert.Contains(SubmitsOf(welcome), s => s.Title == "Can I friend my nephew on Instagram?");
        Assert.Empty(again.Replies);   // welcomed once per conversation
    }

    [Fact]
    public async Task Install_sends_one_welcome_though_Teams_sends_two_activities_at_once()
    {
        var chat = TeamsConversation.Personal();
        var update = _teams.Activities.MembersAdded(chat, _teacher);
        var installation = _teams.Activities.MembersAdded(chat, _teacher);
        installation.Type = ActivityTypes.InstallationUpdate;
        installation.Action = "add";
        installation.MembersAdded = null;

        var turns = await Task.WhenAll(_teams.SendAsync(update), _teams.SendAsync(installation));

        // Each turn's result holds the sends in its conversation while it ran, so a card both turns saw counts once.
        Assert.Single(turns.SelectMany(t => t.Replies).DistinctBy(r => r.Id).Select(r => r.Activity).OfType<Activity>().Select(CardOf).OfType<Newtonsoft.Json.Linq.JObject>());
    }

    [Fact]
    public async Task Another_member_joining_gets_no_welcome()
    {
        var chat = TeamsConversation.GroupChat();
        var turn = await _teams.SendAsync(_teams.Activities.MembersAdded(chat, _teacher, TeamsUser.Create("New Hire").ToChannelAccount()));

        Assert.True(turn.Replies.Count == 0, FakeBotConnector.Describe(turn.Replies));
    }

    [Fact]
    public async Task A_welcome_example_button_asks_its_question()
    {
        var chat = TeamsConversation.Personal();
        var welcome = LastCard(await _teams.SendAsync(_teams.Activities.MembersAdded(chat, _teacher)));
        var example = SubmitsOf(welcome).Single(s => s.Title == "Can I friend my nephew on Instagram?");

        var turn = await _teams.SubmitAsync(chat, _teacher, example.Data);
        var confirm = LastCard(turn);
        Assert.True(IsConfirmation(confirm), TextOf(confirm));
        Assert.Contains("relationship", ConfirmedFacts(confirm));
        var confirmed = await _teams.SubmitAsync(chat, _teacher, ConfirmData(confirm));

        Assert.Equal("Allowed", VerdictWords(LastCard(confirmed)));
    }

    [Fact]
    public async Task A_restart_between_two_answers_resumes_the_dialog()
    {
        var chat = TeamsConversation.Personal();
        var first = await _teams.SayAsync(chat, _teacher, "can I text this student?");
        var choice = SubmitsOf(LastCard(first)).Single(s => s.Title == "Teaching and learning").Data;

        await _host.RestartAsync();
        var turn = await _teams.SubmitAsync(chat, _teacher, choice);

        var verdict = LastCard(turn);
        Assert.Equal("Allowed with conditions", VerdictWords(verdict));
        Assert.Contains("Text messaging students for non-educational purposes;", TextOf(verdict));
    }

    [Fact]
    public async Task Logs_never_contain_the_phone_numbers_or_email_addresses_users_type()
    {
        await _teams.SayAsync(TeamsConversation.Personal(), _teacher, "Can I give a student my number 406-555-0142 or write to jo.smith@gmail.com?");

        var logs = string.Join("\n", _host.Logs.Select(l => l.Message + l.Exception));
        Assert.Contains("characters, not logged", logs);   // the turn was logged, without its text
        Assert.DoesNotContain("406-555-0142", logs);
        Assert.DoesNotContain("555-0142", logs);
        Assert.DoesNotContain("jo.smith@gmail.com", logs);
    }

    [Fact]
    public async Task A_message_without_recipient_or_sender_is_refused_with_a_problem_not_a_failed_turn()
    {
        var chat = TeamsConversation.Personal();
        var noRecipient = _teams.Activities.Message(chat, _teacher, "hello");
        noRecipient.Recipient = null;
        var noSender = _teams.Activities.Message(chat, _teacher, "hello");
        noSender.From = new ChannelAccount(id: "", name: "nobody");

        var first = await _teams.SendAsync(noRecipient);
        var second = await _teams.SendAsync(noSender);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, first.Status);
        Assert.Contains("recipient", first.Body);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, second.Status);
        Assert.Contains("from.id", second.Body);
    }

    [Fact]
    public async Task A_mention_entity_without_mentioned_does_not_fail_the_turn()
    {
        var message = _teams.Activities.Message(TeamsConversation.Personal(), _teacher, "can I text this student?");
        message.Entities.Add(new Entity("mention") { Properties = new Newtonsoft.Json.Linq.JObject { ["text"] = "<at>Someone</at>" } });

        var turn = await _teams.SendAsync(message);

        Assert.Equal("purpose", AskedFact(LastCard(turn)));
    }

    [Fact]
    public async Task A_card_submit_in_a_channel_with_a_mention_entity_and_no_text_is_read()
    {
        var chat = TeamsConversation.Channel();
        var first = await _teams.SayAsync(chat, _teacher, "can I text this student?");
        var choice = SubmitsOf(LastCard(first)).Single(s => s.Title == "Personal or social").Data;

        var turn = await _teams.SendAsync(_teams.Activities.CardSubmit(chat, _teacher, choice, mentionBot: true));

        Assert.Equal("Forbidden", VerdictWords(LastCard(turn)));
    }
}
