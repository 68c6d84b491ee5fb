using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using PolicyBot.Cards;
using PolicyBot.Feedback;
using PolicyBot.Hosting;
using PolicyBot.Storage;
using PolicyBot.Tests.Infrastructure;
using Xunit.Abstractions;
using static PolicyBot.Tests.Conversation.Cards;

namespace PolicyBot.Tests.Feedback;

/// <summary>
/// "Was this right?" over real HTTP with the real SQLite file: one-tap "Helpful" / "Not right" on a verdict card, what
/// was wrong, a repeated tap that changes nothing twice, card data never trusted for the verdict or the person, the
/// deciders' list without names, and erasing a person's links.
/// </summary>
public sealed class VerdictFeedbackTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Question = "can I text a student for personal reasons?";
    private readonly TeamsUser _teacher = TeamsUser.Create("Lee Teacher");
    private readonly TeamsUser _other = TeamsUser.Create("Sam Other");
    private readonly TeamsUser _decider = TeamsUser.Create("Dana Dean");
    private FakeBotConnector _connector = null!;
    private BotHost _host = null!;
    private TeamsChatClient _teams = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        var options = new BotHostOptions { Output = output };
        options.Settings[SettingsKeys.RequestDeciders] = _decider.AadObjectId;
        _host = await BotHost.StartAsync(options);
        _teams = new TeamsChatClient(_host, _connector);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private SqliteVerdictFeedbackStore Store => _host.Services.GetRequiredService<SqliteVerdictFeedbackStore>();

    private static string PersonKey(TeamsUser user) => VerdictFeedback.PersonKey(TeamsConversation.DefaultTenantId, user.AadObjectId, user.Id)!;

    private async Task<(TeamsConversation Chat, JObject Verdict)> VerdictAsync(TeamsUser user)
    {
        var chat = TeamsConversation.Personal();
        var verdict = LastCard(await _teams.SayAsync(chat, user, Question));
        Assert.Equal("Forbidden", VerdictWords(verdict));
        return (chat, verdict);
    }

    private static JObject Button(JObject card, string title) => SubmitsOf(card).Single(s => s.Title == title).Data;

    /// <summary>Every stored row as it is in the file.</summary>
    private List<Dictionary<string, object?>> Rows()
    {
        using var connection = new SqliteConnection(SqliteDatabase.ConnectionStringFor(_host.Services.GetRequiredService<SqliteDatabase>().DatabasePath));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM verdict_feedback ORDER BY id";
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        }
        return rows;
    }

    [Fact]
    public async Task Helpful_is_kept_with_the_rule_verdict_and_facts_never_the_typed_text_and_a_second_tap_changes_nothing()
    {
        var (chat, verdict) = await VerdictAsync(_teacher);

        var first = await _teams.SubmitAsync(chat, _teacher, Button(verdict, "Helpful"));
        var again = await _teams.SubmitAsync(chat, _teacher, Button(verdict, "Helpful"));

        Assert.Equal(["Thanks: noted that this answer helped."], first.Texts);
        Assert.Equal(["I had already noted that this answer helped. Thanks!"], again.Texts);
        var row = Assert.Single(Rows());
        Assert.Equal(PersonKey(_teacher), row["person_key"]);
        Assert.Equal("helpful", row["rating"]);
        Assert.Null(row["wrong"]);
        Assert.Equal("forbidden", row["verdict"]);
        Assert.False(string.IsNullOrEmpty((string?)row["rule_id"]));
        var facts = JObject.Parse((string)row["facts"]!);
        Assert.Equal("text", (string?)facts["medium"]);
        Assert.Equal("personal", (string?)facts["purpose"]);
        Assert.Equal((string?)verdict.SelectToken("actions[0].data.situation"), row["situation_id"]);
        // Never typed text: no column holds any word of the question.
        Assert.DoesNotContain(row.Values.OfType<string>(), v => v.Contains("personal reasons", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1, await Store.CountLinksAsync(PersonKey(_teacher), CancellationToken.None));
    }

    [Fact]
    public async Task Not_right_asks_what_was_wrong_and_request_deciders_list_it_with_its_situation_and_no_name()
    {
        var (chat, verdict) = await VerdictAsync(_teacher);

        var ask = LastCard(await _teams.SubmitAsync(chat, _teacher, Button(verdict, "Not right")));
        Assert.Contains("What was not right?", TextOf(ask));
        var noted = await _teams.SubmitAsync(chat, _teacher, Button(ask, "The clause"));
        Assert.Contains(noted.Texts, t => t.StartsWith("Thanks: noted that the clause was not right.", StringComparison.Ordinal));
        var repeated = await _teams.SubmitAsync(chat, _teacher, Button(ask, "The clause"));
        Assert.Equal(["I had already noted that the clause was not right. Thanks!"], repeated.Texts);
        // "Not right" again on the verdict card keeps the reason given.
        await _teams.SubmitAsync(chat, _teacher, Button(verdict, "Not right"));
        var row = Assert.Single(Rows());
        Assert.Equal(("not-right", "clause"), ((string?)row["rating"], (string?)row["wrong"]));

        var report = LastCard(await _teams.SayAsync(TeamsConversation.Personal(), _decider, "feedback"));
        var text = TextOf(report);
        Assert.Contains("1 answer was marked \"not right\".", text);
        Assert.Contains("Forbidden (rule ", text);
        Assert.Contains("The clause", text);
        Assert.Contains("Who is the person?", text);
        Assert.Contains("A current student", text);
        Assert.DoesNotContain(_teacher.Name, text);
        Assert.DoesNotContain(_teacher.AadObjectId, text);
        Assert.DoesNotContain("personal reasons", text);
    }

    [Fact]
    public async Task Only_request_deciders_may_list_feedback()
    {
        var turn = await _teams.SayAsync(TeamsConversation.Personal(), _teacher, "feedback");

        Assert.Contains(turn.Texts, t => t.StartsWith("Sorry, only request deciders may see the answers staff marked \"not right\"", StringComparison.Ordinal));
        Assert.Null(CardOf(turn.SingleReply));
    }

    [Fact]
    public async Task Card_data_is_not_trusted_a_verdict_the_person_was_not_given_is_not_recorded()
    {
        var (_, verdict) = await VerdictAsync(_teacher);

        // Someone else replays the teacher's button (or forges one): their own state has no such verdict.
        var forged = await _teams.SubmitAsync(TeamsConversation.Personal(), _other, Button(verdict, "Not right"));
        var made = await _teams.SubmitAsync(TeamsConversation.Personal(), _other,
            CardActions.FeedbackData(new SubmitContext("made-up-situation", 2), CardActions.FeedbackWrongVerdict));

        Assert.All(forged.Texts.Concat(made.Texts), t => Assert.StartsWith("I no longer have that answer", t, StringComparison.Ordinal));
        Assert.Empty(Rows());
    }

    [Fact]
    public async Task Erasing_a_persons_links_keeps_the_feedback_without_the_person()
    {
        var (chat, verdict) = await VerdictAsync(_teacher);
        await _teams.SubmitAsync(chat, _teacher, Button(verdict, "Not right"));
        Assert.Equal(1, await Store.CountLinksAsync(PersonKey(_teacher), CancellationToken.None));

        Assert.Equal(1, await Store.EraseLinksAsync(PersonKey(_teacher), CancellationToken.None));

        Assert.Equal(0, await Store.CountLinksAsync(PersonKey(_teacher), CancellationToken.None));
        var row = Assert.Single(Rows());
        Assert.Null(row["person_key"]);
        Assert.Equal(1, (await Store.ListNotRightAsync(10, CancellationToken.None)).Total);
        Assert.Equal(0, await Store.EraseLinksAsync(PersonKey(_teacher), CancellationToken.None));
    }

    [Fact]
    public async Task My_data_counts_the_persons_feedback_and_forget_me_erases_the_link_but_keeps_the_answer()
    {
        var (chat, verdict) = await VerdictAsync(_teacher);
        await _teams.SubmitAsync(chat, _teacher, Button(verdict, "Not right"));
        var (otherChat, otherVerdict) = await VerdictAsync(_other);
        await _teams.SubmitAsync(otherChat, _other, Button(otherVerdict, "Helpful"));

        var mine = TextOf(LastCard(await _teams.SayAsync(chat, _teacher, "my data")));
        Assert.Contains(FeedbackPersonalData.Heading, mine, StringComparison.Ordinal);
        Assert.Contains("1 answer to \"Was this right?\" linked to you", mine, StringComparison.Ordinal);

        var done = TextOf(LastCard(await _teams.SubmitAsync(chat, _teacher, CardActions.PrivacyData(CardActions.Forget))));
        Assert.Contains("I deleted 2 records about you.", done, StringComparison.Ordinal);   // the situation and the feedback link

        var rows = Rows();
        Assert.Equal(2, rows.Count);
        Assert.Single(rows, r => r["person_key"] is null && (string?)r["rating"] == "not-right");   // the answer stays, with no person
        Assert.Single(rows, r => (string?)r["person_key"] == PersonKey(_other));                     // someone else's link stays
        Assert.DoesNotContain("linked to you", TextOf(LastCard(await _teams.SayAsync(chat, _teacher, "my data"))), StringComparison.Ordinal);
    }
}
