using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PolicyBot.Delivery;
using PolicyBot.Hosting;
using PolicyBot.Reachability;
using PolicyBot.Tests.Infrastructure;
using Xunit.Abstractions;
using static PolicyBot.Tests.Conversation.Cards;

namespace PolicyBot.Tests.Conversation;

/// <summary>
/// The three faults found by replaying what Teams really sends, each over real HTTP: a redelivered activity, two
/// install events at once, and a reply answered 429.
/// </summary>
public sealed class ReplyPathFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly RecordingOutbox _outbox = new();
    private readonly TeamsUser _teacher = TeamsUser.Create("Lee Teacher");
    private FakeBotConnector _connector = null!;
    private BotHost _host = null!;
    private TeamsChatClient _teams = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        var options = new BotHostOptions { Output = output }.UseOutbox(_outbox);
        options.Settings[SettingsKeys.ReplyTimeBudgetSeconds] = "3";
        _host = await BotHost.StartAsync(options);
        _teams = new TeamsChatClient(_host, _connector);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_redelivered_answer_is_processed_once_and_the_question_stays_where_the_first_copy_left_it()
    {
        var chat = TeamsConversation.Personal();
        var question = await _teams.SayAsync(chat, _teacher, "can I text this student?");
        var choice = SubmitsOf(LastCard(question)).Single(s => s.Title == "Teaching and learning").Data;
        var submit = _teams.Activities.CardSubmit(chat, _teacher, choice, replyToId: question.Replies[^1].Id);

        var first = await _teams.SendAsync(submit);
        var redelivered = await _teams.SendAsync(submit);   // the same activity id, as Teams re-sends it

        Assert.Equal("Allowed with conditions", VerdictWords(LastCard(first)));
        Assert.True(redelivered.Replies.Count == 0, FakeBotConnector.Describe(redelivered.Replies));
        Assert.Equal(System.Net.HttpStatusCode.OK, redelivered.Status);
        Assert.Contains(_host.Logs, l => l.Message.Contains(submit.Id, StringComparison.Ordinal) && l.Message.Contains("already received", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_copies_of_a_question_arriving_together_get_one_set_of_cards()
    {
        var chat = TeamsConversation.Personal();
        var message = _teams.Activities.Message(chat, _teacher, "can I text this student?");
        var before = _connector.LastSequence;

        await Task.WhenAll(_teams.SendAsync(message), _teams.SendAsync(message));

        var cards = _connector.Received.Where(r => r.Sequence > before && r.Accepted && r.ConversationId == chat.Id).ToList();
        Assert.True(cards.Count == 1, FakeBotConnector.Describe(cards));
        Assert.Equal("purpose", AskedFact(CardOf(cards[0].Activity!)!));
    }

    [Fact]
    public async Task A_redelivered_copy_of_a_failed_turn_is_processed()
    {
        var chat = TeamsConversation.Personal();
        var message = _teams.Activities.Message(chat, _teacher, "help");
        _connector.FailNextIn(chat.Id, 2, 500);   // the reply and the apology both fail: the turn fails

        await _teams.SendAsync(message);
        var retried = await _teams.SendAsync(message);

        Assert.NotNull(CardOf(retried.SingleReply));
    }

    [Fact]
    public async Task A_redelivered_invoke_is_answered_200_without_running_again()
    {
        var chat = TeamsConversation.Personal();
        var invoke = _teams.Activities.Invoke(chat, _teacher, "adaptiveCard/action", new { action = new { type = "Action.Execute", verb = "x" } });
        await _teams.SendAsync(invoke);

        var again = await _teams.SendAsync(invoke);

        Assert.Equal(System.Net.HttpStatusCode.OK, again.Status);
        Assert.Empty(again.Replies);
    }

    [Fact]
    public async Task Two_personal_install_events_at_the_same_moment_give_one_welcome()
    {
        for (var round = 0; round < 5; round++)
        {
            var chat = TeamsConversation.Personal();
            var copies = Enumerable.Range(0, 3).Select(_ => _teams.Activities.MembersAdded(chat, _teacher)).ToList();   // distinct activity ids

            var turns = await Task.WhenAll(copies.Select(c => _teams.SendAsync(c)));

            var welcomes = _connector.Received.Where(r => r.Accepted && r.ConversationId == chat.Id).ToList();
            Assert.True(welcomes.Count == 1, $"round {round}:\n{FakeBotConnector.Describe(welcomes)}");
            Assert.All(turns, t => Assert.Equal(System.Net.HttpStatusCode.OK, t.Status));
        }
    }

    [Fact]
    public async Task A_reply_answered_429_is_sent_again_after_Retry_After_within_the_turns_budget()
    {
        var chat = TeamsConversation.Personal();
        _connector.FailNextIn(chat.Id, 1, 429, TimeSpan.FromSeconds(1));

        var turn = await _teams.SayAsync(chat, _teacher, "can I text this student?");

        var calls = _connector.Received.Where(r => r.ConversationId == chat.Id).ToList();
        Assert.Equal([429, 200], calls.Select(c => c.StatusCode));
        Assert.Equal("purpose", AskedFact(LastCard(turn)));
        Assert.DoesNotContain(turn.Texts, t => t == PolicyBotApp.TurnErrorMessage);
        Assert.Empty(_outbox.Messages);
    }

    [Fact]
    public async Task A_reply_throttled_past_the_budget_goes_to_the_outbox_and_the_state_is_committed()
    {
        var chat = TeamsConversation.Personal();
        var first = await _teams.SayAsync(chat, _teacher, "can I text this student?");
        var purpose = SubmitsOf(LastCard(first)).Single(s => s.Title == "Personal or social").Data;
        _connector.FailNextIn(chat.Id, 1, 429, TimeSpan.FromSeconds(30));   // longer than the 3 s budget

        var restart = await _teams.SayAsync(chat, _teacher, "start over");

        // No apology, no lost card: the turn's replies are queued, in order, for this person's chat.
        Assert.Empty(restart.Replies);
        var queued = _outbox.Messages;
        Assert.Equal(2, queued.Count);
        Assert.Equal([$"reply:{restart.Sent.Id}:0", $"reply:{restart.Sent.Id}:1"], queued.Select(m => m.MessageId));
        Assert.All(queued, m => Assert.Equal(RecipientKeys.Person(chat.TenantId, _teacher.AadObjectId), m.RecipientKey));
        var card = JsonConvert.DeserializeObject<Activity>(queued[1].ActivityJson)!;
        Assert.Equal(chat.Id, card.Conversation.Id);
        Assert.Equal(restart.Sent.Id, card.ReplyToId);
        Assert.NotNull(CardOf(card));
        Assert.Contains(_host.Logs, l => l.Level == LogLevel.Warning && l.Message.Contains("outbox", StringComparison.Ordinal));

        // The state was committed: the old question's button is stale, the queued question card is the one answered.
        var stale = await _teams.SubmitAsync(chat, _teacher, purpose);
        Assert.Contains(stale.Texts, t => t.Contains("not part of your current question", StringComparison.Ordinal));
        var typed = await _teams.SayAsync(chat, _teacher, "can I text this student?");
        Assert.Equal("purpose", AskedFact(LastCard(typed)));
    }

    [Fact]
    public async Task A_throttled_reply_in_a_channel_thread_is_queued_for_the_channel_and_keeps_its_thread()
    {
        var channel = TeamsConversation.Channel();
        var thread = channel with { Id = channel.Id + ";messageid=1700000000999" };
        _connector.FailNextIn(thread.Id, 1, 429, TimeSpan.FromSeconds(30));

        var turn = await _teams.SayAsync(thread, _teacher, "help");

        Assert.Empty(turn.Replies);
        var queued = Assert.Single(_outbox.Messages);
        Assert.Equal(RecipientKeys.Conversation(channel.Id), queued.RecipientKey);
        var reply = JsonConvert.DeserializeObject<Activity>(queued.ActivityJson)!;
        Assert.Equal(thread.Id, reply.Conversation.Id);
        Assert.Equal(turn.Sent.Id, reply.ReplyToId);
    }
}
