using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolicyBot.Hosting;
using PolicyBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PolicyBot.Tests.Hosting;

/// <summary>State across turns, failed turns and restarts, with the real SQLite file.</summary>
public sealed class TurnStateTests(ITestOutputHelper output) : IAsyncLifetime
{
    private FakeBotConnector _connector = null!;
    private BotHost _host = null!;
    private TeamsChatClient _teams = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _host = await BotHost.StartAsync(new BotHostOptions { Output = output }.UseBot<CountingBot>());
        _teams = new TeamsChatClient(_host, _connector);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_failing_turn_apologises_logs_the_activity_and_leaves_stored_state_as_before()
    {
        var chat = TeamsConversation.Personal();
        var ada = TeamsUser.Create("Ada");
        Assert.Equal("count=1 mine=1", (await _teams.SayAsync(chat, ada, "one")).SingleReply.Text);

        var failed = await _teams.SayAsync(chat, ada, CountingBot.Boom);

        Assert.Equal(HttpStatusCode.OK, failed.Status);
        Assert.Equal(PolicyBotApp.TurnErrorMessage, failed.SingleReply.Text);
        var error = Assert.Single(_host.Logs, l => l.Level == LogLevel.Error);
        Assert.Contains(failed.Sent.Id, error.Message, StringComparison.Ordinal);
        // Its message may quote what was typed, so only its type and stack are logged (privacy by default).
        Assert.Equal(typeof(InvalidOperationException).FullName, Assert.IsType<PolicyBot.Privacy.ScrubbedException>(error.Exception).OriginalType);

        // Straight from the file: the failed turn's increment is not there.
        var key = $"msteams/conversations/{chat.Id}";
        var stored = await _host.Services.GetRequiredService<IStorage>().ReadAsync([key]);
        var state = Assert.IsAssignableFrom<IDictionary<string, object>>(stored[key]);
        Assert.Equal(1L, Convert.ToInt64(state["count"], System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal("count=2 mine=2", (await _teams.SayAsync(chat, ada, "two")).SingleReply.Text);
    }

    [Fact]
    public async Task A_failing_card_action_gets_an_error_invoke_response_not_501()
    {
        var chat = TeamsConversation.Personal();
        var ada = TeamsUser.Create("Ada");
        var execute = await _teams.SendAsync(_teams.Activities.Invoke(chat, ada, "adaptiveCard/action", new { action = new { type = "Action.Execute", verb = "x" } }));

        Assert.Equal(HttpStatusCode.OK, execute.Status);
        var body = Newtonsoft.Json.Linq.JObject.Parse(execute.Body);
        Assert.Equal(500, (int?)body["statusCode"]);
        Assert.Equal("application/vnd.microsoft.error", (string?)body["type"]);
        Assert.Equal(PolicyBotApp.TurnErrorMessage, (string?)body["value"]?["message"]);
        Assert.Equal(PolicyBotApp.TurnErrorMessage, execute.SingleReply.Text);

        var other = await _teams.SendAsync(_teams.Activities.Invoke(chat, ada, "composeExtension/query", new { }));
        Assert.Equal(HttpStatusCode.InternalServerError, other.Status);
    }

    [Fact]
    public async Task A_429_on_a_reply_is_not_retried_by_the_sdk_and_fails_the_turn_without_saving_state()
    {
        var chat = TeamsConversation.Personal();
        var ada = TeamsUser.Create("Ada");
        await _teams.SayAsync(chat, ada, "one");

        _connector.FailNext(1, 429, TimeSpan.FromSeconds(1));
        var throttled = await _teams.SayAsync(chat, ada, "two");

        var calls = _connector.Received.Where(r => r.Activity?.ReplyToId == throttled.Sent.Id).ToList();
        Assert.Equal([429, 200], calls.Select(c => c.StatusCode));
        Assert.Equal("count=2 mine=2", calls[0].Activity?.Text);
        Assert.Equal(PolicyBotApp.TurnErrorMessage, throttled.SingleReply.Text);
        Assert.Equal("count=2 mine=2", (await _teams.SayAsync(chat, ada, "three")).SingleReply.Text);
    }

    [Fact]
    public async Task State_survives_a_restart_on_the_same_data_folder()
    {
        var chat = TeamsConversation.GroupChat();
        var ada = TeamsUser.Create("Ada");
        await _teams.SayAsync(chat, ada, "one");
        await _teams.SayAsync(chat, ada, "two");
        var before = _host.BaseAddress;

        await _host.RestartAsync();

        Assert.NotEqual(before, _host.BaseAddress);
        Assert.True(File.Exists(Path.Combine(_host.DataFolder, PolicyBot.Storage.SqliteStorage.FileName)));
        Assert.Equal("count=3 mine=3", (await _teams.SayAsync(chat, ada, "three")).SingleReply.Text);
    }

    [Fact]
    public async Task Private_conversation_state_is_per_user_in_a_group_chat()
    {
        var chat = TeamsConversation.GroupChat();
        var ada = TeamsUser.Create("Ada");
        var grace = TeamsUser.Create("Grace");
        await _teams.SayAsync(chat, ada, "a");
        await _teams.SayAsync(chat, ada, "b");

        Assert.Equal("count=3 mine=1", (await _teams.SayAsync(chat, grace, "c")).SingleReply.Text);
    }

    [Fact]
    public async Task Concurrent_turns_in_different_conversations_all_complete()
    {
        var users = Enumerable.Range(0, 20).Select(i => (Chat: TeamsConversation.Personal(), User: TeamsUser.Create($"User {i}"))).ToList();
        var turns = await Task.WhenAll(users.Select(u => _teams.SayAsync(u.Chat, u.User, "hi")));
        Assert.All(turns, t => Assert.Equal("count=1 mine=1", t.SingleReply.Text));
    }
}

public sealed class TeamsInfoTests
{
    [Fact]
    public async Task TeamsInfo_member_lookups_are_served_by_the_fake_connector()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var host = await BotHost.StartAsync(new BotHostOptions().UseBot<WhoAmIBot>());
        var teams = new TeamsChatClient(host, connector);
        var channel = TeamsConversation.Channel();
        teams.AddToRoster(channel, TeamsUser.Create("Grace Hopper"));

        var turn = await teams.SayAsync(channel, TeamsUser.Create("Ada Lovelace"), "who am I?");

        Assert.Matches(@"^Ada Lovelace <adalovelace@stevensville\.k12\.mt\.us> aad=[0-9a-f-]{36} members=2$", turn.SingleReply.Text);
    }
}
