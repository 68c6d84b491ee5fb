using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using PolicyBot.Cards;
using PolicyBot.Hosting;
using PolicyBot.Tests.Infrastructure;
using static PolicyBot.Tests.Conversation.Cards;

namespace PolicyBot.Tests.Privacy;

/// <summary>
/// Privacy by default, over real HTTP with every log entry of every category captured down to Trace (ASP.NET Core,
/// Kestrel, HttpClient, Bot Framework's adapter and PolicyBot): words a person typed and their display name never
/// reach the log, whatever path the message takes; with <see cref="SettingsKeys.TroubleshootingLogTypedTextUntil"/>
/// in the future they do, and once that time has passed they do not again.
/// </summary>
public class TypedTextLoggingTests
{
    // Made-up words no log line could contain unless it quoted what was sent.
    private const string Question = "Zarquonia";
    private const string Answer = "Pellucidar";
    private const string Correction = "Quintavius";
    private const string OffTopic = "Brobdingnag";
    private const string Safety = "Thessalyne";
    private const string Garbage = "Garblefrost";
    private const string BadDate = "Timewobble";
    private const string CardText = "Snarkleberry";
    private const string TamperedFact = "Vorpalgrin";
    private const string TooLong = "Wumpuskin";
    private const string GroupChat = "Ozymandrel";
    private const string Confirmation = "Jabberwockle";
    private const string AskCommand = "Frumiousbee";
    private const string PersonName = "Florimel Zanzibarre";

    private static readonly string[] Markers =
        [Question, Answer, Correction, OffTopic, Safety, Garbage, BadDate, CardText, TamperedFact, TooLong, GroupChat, Confirmation, AskCommand, "Florimel", "Zanzibarre"];

    [Fact]
    public async Task No_typed_text_and_no_name_reaches_the_log_on_any_path()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var host = await BotHost.StartAsync(new BotHostOptions { CaptureAllLogs = true });
        var teams = new TeamsChatClient(host, connector);

        await PlayEveryPathAsync(host, teams, TeamsUser.Create(PersonName));

        var leaks = Leaks(host.Logs, Markers);
        Assert.True(leaks.Count == 0, "Typed text or a name in the log:\n" + string.Join("\n", leaks));

        // The log still tells what happened: the situation's facts, the verdict and its rule, the kind of input.
        var turns = host.Logs.Where(l => l.Message.StartsWith("Turn in ", StringComparison.Ordinal)).Select(l => l.Message).ToList();
        Assert.Contains(turns, t => t.Contains("typed message (", StringComparison.Ordinal) && t.Contains("characters, not logged)", StringComparison.Ordinal));
        Assert.Contains(turns, t => t.Contains("-> verdict Forbidden by rule ", StringComparison.Ordinal) && t.Contains("relationship=student", StringComparison.Ordinal));
        Assert.Contains(turns, t => t.Contains("-> question purpose", StringComparison.Ordinal));
        Assert.Contains(turns, t => t.Contains("safety card (", StringComparison.Ordinal));
        Assert.Contains(turns, t => t.StartsWith("Turn in groupChat conversation", StringComparison.Ordinal));
        // The capture really is everything: framework categories below Information are in it.
        Assert.Contains(host.Logs, l => l.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && l.Level <= Microsoft.Extensions.Logging.LogLevel.Debug);
        Assert.Contains(host.Logs, l => l.Category.StartsWith("System.Net.Http", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_turn_logs_the_exception_type_and_stack_not_its_message_quoting_the_input()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var host = await BotHost.StartAsync(new BotHostOptions { CaptureAllLogs = true }.UseBot<QuotingFailureBot>());
        var teams = new TeamsChatClient(host, connector);

        var turn = await teams.SayAsync(TeamsConversation.Personal(), TeamsUser.Create(PersonName), $"can I text {Question}?");

        Assert.Equal(PolicyBotApp.TurnErrorMessage, turn.SingleReply.Text);
        var failure = Assert.Single(host.Logs, l => l.Message.StartsWith("Turn failed", StringComparison.Ordinal));
        Assert.Contains(nameof(InvalidOperationException), failure.Exception!.ToString(), StringComparison.Ordinal);
        Assert.Contains(nameof(QuotingFailureBot), failure.Exception.ToString(), StringComparison.Ordinal);   // the stack
        Assert.Empty(Leaks(host.Logs, Markers));
    }

    [Fact]
    public async Task The_troubleshooting_setting_logs_typed_text_until_its_time_then_no_more()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var until = clock.GetUtcNow().AddHours(1);
        await using var connector = await FakeBotConnector.StartAsync();
        var options = new BotHostOptions { CaptureAllLogs = true };
        options.Settings[SettingsKeys.TroubleshootingLogTypedTextUntil] = until.ToString("O");
        options.UseClock(clock);
        await using var host = await BotHost.StartAsync(options);
        var teams = new TeamsChatClient(host, connector);
        var person = TeamsUser.Create(PersonName);
        var chat = TeamsConversation.Personal();

        await teams.SayAsync(chat, person, $"can I text {Question} the student?");
        await teams.SayAsync(chat, person, "test message");   // refused: the refusal names the person while troubleshooting
        await teams.SayAsync(chat, person, $"can I text {Answer} the student at 406-555-0142 or write to jo.smith@gmail.com?");
        Assert.Contains(host.Logs, l => l.Message.Contains(Question, StringComparison.Ordinal));
        Assert.Contains(host.Logs, l => l.Message.Contains(Answer, StringComparison.Ordinal));
        Assert.Contains(host.Logs, l => l.Message.Contains(PersonName, StringComparison.Ordinal));
        Assert.Contains(host.Logs, l => l.Message.Contains("[phone]", StringComparison.Ordinal) && l.Message.Contains("[email]", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs, l => l.Message.Contains("555-0142", StringComparison.Ordinal) || l.Message.Contains("jo.smith", StringComparison.Ordinal));

        Assert.Contains(host.Logs, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Warning
            && l.Message.StartsWith("Troubleshooting: typed text and names ARE logged until", StringComparison.Ordinal) && l.Message.Contains("1 hour(s) from now.", StringComparison.Ordinal));

        clock.Advance(TimeSpan.FromHours(1));   // the window closes at 'until' itself
        await teams.SayAsync(chat, person, $"can I text {Correction} about homework?");
        await teams.SayAsync(TeamsConversation.Personal(), TeamsUser.Create("Ada Quillon"), "test message");

        Assert.DoesNotContain(host.Logs, l => l.Message.Contains(Correction, StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs, l => l.Message.Contains("Quillon", StringComparison.Ordinal));
        Assert.Contains(host.Logs, l => l.Message.Contains("typed message (", StringComparison.Ordinal) && l.Message.Contains("not logged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_troubleshooting_time_that_is_not_a_time_stops_the_start_naming_the_setting()
    {
        var options = new BotHostOptions();
        options.Settings[SettingsKeys.TroubleshootingLogTypedTextUntil] = "tomorrow";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BotHost.StartAsync(options));

        Assert.Contains(SettingsKeys.TroubleshootingLogTypedTextUntil, error.Message, StringComparison.Ordinal);
        Assert.Contains("'tomorrow'", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Every path a person's words take: question, typed answer, correction, confirmation, off-topic, safety,
    /// commands, card submits with text and tampered data, a too-long message, a group chat, and malformed activities.</summary>
    private static async Task PlayEveryPathAsync(BotHost host, TeamsChatClient teams, TeamsUser person)
    {
        var chat = TeamsConversation.Personal();

        // A question, its typed answer, a correction, and a question that gets a confirmation card answered by typing.
        var asked = await teams.SayAsync(chat, person, $"can I text {Question}, a student of mine?");
        Assert.Equal("purpose", AskedFact(LastCard(asked)));
        await teams.SayAsync(chat, person, $"for {Answer} personal stuff");
        await teams.SayAsync(chat, person, $"actually {Correction} is a current student and I'd text from my personal phone");
        var confirm = await teams.SayAsync(chat, person, $"ask can I text {Confirmation} my nephew?");
        await teams.SayAsync(chat, person, $"yes {Confirmation}");
        Assert.NotEmpty(confirm.Activities);

        // A verdict: texting a student from a personal phone for personal reasons.
        var verdict = await teams.SayAsync(chat, person, $"can I text a student of mine named {Question} from my personal phone for personal reasons?");
        Assert.Contains(verdict.Activities.Select(CardOf), c => c is not null && VerdictWords(c) is not null);

        await teams.SayAsync(chat, person, $"can I wear jeans on Friday with {OffTopic} from accounting?");
        await teams.SayAsync(chat, person, $"{Safety} told me she wants to kill herself");
        await teams.SayAsync(chat, person, $"ask {AskCommand} can I friend a student?");
        await teams.SayAsync(chat, person, "help");
        await teams.SayAsync(chat, person, "roles");
        await teams.SayAsync(chat, person, "test message");   // refused: not a campaign author
        await teams.SayAsync(chat, person, new string('x', 10) + " " + TooLong + " " + new string('y', 3100));

        // Card submits: an example question carrying text, tampered answer data, unknown data.
        await teams.SubmitAsync(chat, person, new JObject { [CardActions.ActionField] = CardActions.Ask, [CardActions.TextField] = $"can I email {CardText}?" });
        await teams.SubmitAsync(chat, person, new JObject
        {
            [CardActions.ActionField] = CardActions.Answer, [CardActions.SituationField] = TamperedFact, [CardActions.StepField] = 0,
            [CardActions.FactField] = TamperedFact, [CardActions.ValueField] = TamperedFact,
        });
        await teams.SubmitAsync(chat, person, new JObject { [CardActions.ActionField] = TamperedFact, ["text"] = CardText });
        await teams.SubmitAsync(chat, person, new JObject { [CardActions.ActionField] = CardActions.TestStatus, [CardActions.ValueField] = TamperedFact });

        // A group chat, addressed to the bot and not.
        var group = TeamsConversation.GroupChat();
        await teams.SayAsync(group, person, $"can I follow {GroupChat} on Instagram?");
        await teams.SayAsync(group, person, $"{GroupChat} is not talking to the bot", mentionBot: false);

        // Garbage: malformed JSON, a date that is not one, a wrong type, an oversized body.
        using (var r = await host.PostMessagesAsync($$"""{"type":"message","text":"{{Garbage}} """)) { Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode); }
        JObject Activity(string property, JToken value) => new()
        {
            ["type"] = "message", ["text"] = "hi", ["serviceUrl"] = teams.Connector.ServiceUrl.ToString(),
            ["conversation"] = new JObject { ["id"] = "a:1" }, ["from"] = new JObject { ["id"] = "29:1" }, ["recipient"] = new JObject { ["id"] = "28:b" },
            [property] = value,
        };
        using (var r = await host.PostMessagesAsync(Activity("timestamp", BadDate).ToString())) { Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode); }
        using (var r = await host.PostMessagesAsync(Activity("text", new JObject { [Garbage] = 1 }).ToString())) { Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode); }
        using (var r = await host.PostMessagesAsync("[\"" + Garbage + new string('z', 300_000) + "\"]")) { Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode); }
    }

    private static List<string> Leaks(IReadOnlyList<CapturedLog> logs, IEnumerable<string> markers) =>
        logs.SelectMany(l => markers
                .Where(m => (l.Message + " " + l.Exception).Contains(m, StringComparison.OrdinalIgnoreCase))
                .Select(m => $"[{m}] {l.Level} {l.Category}: {l.Message} {l.Exception?.GetType().Name}"))
            .ToList();

    /// <summary>A bot whose turn fails with an exception quoting the message, as a parser or a store might.</summary>
    private sealed class QuotingFailureBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException($"Could not handle \"{turnContext.Activity.Text}\" from {turnContext.Activity.From?.Name}");
    }
}
