using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Data.Sqlite;
using PolicyBot.Conversation;
using PolicyBot.Storage;

namespace PolicyBot.Tests.Conversation;

/// <summary>
/// SituationStore keeps the situation where and as Bot Framework's PrivateConversationState does (so state stored
/// before it, and the privacy commands and retention that read that key, keep working), and writes only on a change.
/// </summary>
public sealed class SituationStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "policybot-tests", Guid.NewGuid().ToString("N"));
    private readonly SqliteStorage _storage;

    public SituationStoreTests() => _storage = SqliteStorage.OpenInFolder(_folder);

    public void Dispose()
    {
        _storage.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Reads_what_PrivateConversationState_wrote_and_writes_what_it_reads()
    {
        var turn = Turn("29:ada");
        var botState = new PrivateConversationState(_storage);
        var accessor = botState.CreateProperty<SituationState>(SituationStore.PropertyName);
        await accessor.SetAsync(turn, new SituationState { Id = "s1", Step = 2, Facts = { ["medium"] = "text" } });
        await botState.CreateProperty<string>("other").SetAsync(turn, "kept");
        await botState.SaveChangesAsync(turn);

        var store = new SituationStore(_storage);
        var stored = await store.LoadAsync(Turn("29:ada"), CancellationToken.None);
        Assert.Equal("s1", stored.State.Id);
        Assert.Equal("text", stored.State.Facts["medium"]);
        stored.State.Step = 3;
        await store.SaveAsync(stored);

        var again = Turn("29:ada");
        await botState.LoadAsync(again, force: true);
        Assert.Equal(3, (await accessor.GetAsync(again, () => new SituationState())).Step);
        Assert.Equal("kept", await botState.CreateProperty<string>("other").GetAsync(again, () => "lost"));
    }

    [Fact]
    public async Task A_new_person_gets_a_new_situation_and_nothing_is_written_until_the_turn_saves()
    {
        var store = new SituationStore(_storage);
        var stored = await store.LoadAsync(Turn("29:new"), CancellationToken.None);
        Assert.Equal("", stored.State.Id);
        Assert.Empty(await _storage.ListKeysAsync("/users/29:new", "", CancellationToken.None));

        await store.SaveAsync(stored);
        Assert.Single(await _storage.ListKeysAsync("/users/29:new", "", CancellationToken.None));
    }

    [Fact]
    public async Task Writes_only_when_the_situation_changed()
    {
        var store = new SituationStore(_storage);
        var stored = await store.LoadAsync(Turn("29:bo"), CancellationToken.None);
        stored.State.Id = "s1";
        await store.SaveAsync(stored);
        var written = await Updated("29:bo");

        await Task.Delay(20);
        var unchanged = await store.LoadAsync(Turn("29:bo"), CancellationToken.None);
        await store.SaveAsync(unchanged);
        Assert.Equal(written, await Updated("29:bo"));

        unchanged.State.Step = 1;
        await store.SaveAsync(unchanged);
        Assert.True(await Updated("29:bo") > written);
        Assert.Equal(1, (await store.LoadAsync(Turn("29:bo"), CancellationToken.None)).State.Step);
    }

    [Fact]
    public async Task A_full_situation_read_back_and_saved_unchanged_is_not_written_again()
    {
        var store = new SituationStore(_storage);
        var stored = await store.LoadAsync(Turn("29:cy"), CancellationToken.None);
        var state = stored.State;
        state.Id = "s7";
        state.Step = 3;
        state.Facts["medium"] = "text";
        state.Facts["relationship"] = "current-student";
        state.Understood["purpose"] = "teaching";
        state.PendingFact = "device";
        state.AwaitingConfirmation = true;
        state.FollowOn = true;
        state.RegisteredAccount = 12;
        state.Waiting.Add(new Dictionary<string, string> { ["medium"] = "social" });
        state.RecentVerdicts.Add(new RecentVerdict
        {
            SituationId = "s6", Step = 4, RuleId = "texting-students", Verdict = "prohibited",
            Facts = { ["medium"] = "text" }, Understood = { "medium" },
        });
        await store.SaveAsync(stored);
        var written = await Updated("29:cy");

        await Task.Delay(20);
        var again = await store.LoadAsync(Turn("29:cy"), CancellationToken.None);
        Assert.Equal("prohibited", Assert.Single(again.State.RecentVerdicts).Verdict);
        await store.SaveAsync(again);
        Assert.Equal(written, await Updated("29:cy"));

        again.State.RecentVerdicts[0].Understood.Add("relationship");
        await store.SaveAsync(again);
        Assert.True(await Updated("29:cy") > written);
    }

    /// <summary>
    /// A full situation as the store wrote it before its own text (Json.NET with type names, the only text until
    /// December 2026), byte for byte: what existing users' rows hold.
    /// </summary>
    private const string OlderText = """
        {"$type":"System.Collections.Generic.Dictionary`2[[System.String, System.Private.CoreLib],[System.Object, System.Private.CoreLib]], System.Private.CoreLib","situation":{"$type":"PolicyBot.Conversation.SituationState, PolicyBot","Id":"5f2c9a1b7d3e","Facts":{"$type":"System.Collections.Generic.Dictionary`2[[System.String, System.Private.CoreLib],[System.String, System.Private.CoreLib]], System.Private.CoreLib","medium":"text","relationship":"current-student"},"Understood":{"$type":"System.Collections.Generic.Dictionary`2[[System.String, System.Private.CoreLib],[System.String, System.Private.CoreLib]], System.Private.CoreLib","purpose":"teaching"},"Step":3,"PendingFact":"device","AwaitingConfirmation":true,"Decided":false,"FollowOn":true,"Waiting":{"$type":"System.Collections.Generic.List`1[[System.Collections.Generic.Dictionary`2[[System.String, System.Private.CoreLib],[System.String, System.Private.CoreLib]], System.Private.CoreLib]], System.Private.CoreLib","$values":[{"$type":"System.Collections.Generic.Dictionary`2[[System.String, System.Private.CoreLib],[System.String, System.Private.CoreLib]], System.Private.CoreLib","medium":"social","~stretch":"1"}]},"ReadAs":{"$type":"System.Collections.Generic.Dictionary`2[[System.String, System.Private.CoreLib],[System.String, System.Private.CoreLib]], System.Private.CoreLib","medium":"text"},"RecentVerdicts":{"$type":"System.Collections.Generic.List`1[[PolicyBot.Conversation.RecentVerdict, PolicyBot]], System.Private.CoreLib","$values":[{"$type":"PolicyBot.Conversation.RecentVerdict, PolicyBot","SituationId":"0a1b2c3d4e5f","Step":4,"RuleId":"texting-students","Verdict":"prohibited","Facts":{"$type":"System.Collections.Generic.Dictionary`2[[System.String, System.Private.CoreLib],[System.String, System.Private.CoreLib]], System.Private.CoreLib","medium":"text"},"Understood":{"$type":"System.Collections.Generic.List`1[[System.String, System.Private.CoreLib]], System.Private.CoreLib","$values":["medium"]}}]},"RegisteredAccount":12,"IsEmpty":false}}
        """;

    [Fact]
    public async Task A_row_in_the_older_Json_NET_text_reads_back_and_is_rewritten_in_the_new_text_only_when_it_changes()
    {
        var key = "msteams/conversations/a:chat/users/29:old";
        var before = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
        await using (var connection = new SqliteConnection($"Data Source={_storage.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO store_items (key, json, etag, updated) VALUES ($key, $json, 'e1', $updated)";
            insert.Parameters.AddWithValue("$key", key);
            insert.Parameters.AddWithValue("$json", OlderText);
            insert.Parameters.AddWithValue("$updated", before.ToString("O", CultureInfo.InvariantCulture));
            await insert.ExecuteNonQueryAsync();
        }

        var store = new SituationStore(_storage);
        var stored = await store.LoadAsync(Turn("29:old"), CancellationToken.None);
        AssertFullSituation(stored.State);

        await store.SaveAsync(stored);
        Assert.Equal(before, await Updated("29:old"));
        Assert.Equal(OlderText, (await _storage.ReadJsonAsync(key, CancellationToken.None))!.Json);

        stored.State.Step = 4;
        await store.SaveAsync(stored);
        var now = (await _storage.ReadJsonAsync(key, CancellationToken.None))!.Json;
        Assert.StartsWith("{\"situation\":{\"Id\":\"5f2c9a1b7d3e\"", now, StringComparison.Ordinal);
        Assert.DoesNotContain("$type", now, StringComparison.Ordinal);
        Assert.True(await Updated("29:old") > before);

        var again = await store.LoadAsync(Turn("29:old"), CancellationToken.None);
        Assert.Equal(4, again.State.Step);
        again.State.Step = 3;
        AssertFullSituation(again.State);
    }

    [Fact]
    public async Task The_new_text_reads_back_with_PrivateConversationState_and_the_storage()
    {
        var store = new SituationStore(_storage);
        var stored = await store.LoadAsync(Turn("29:dee"), CancellationToken.None);
        stored.State.Id = "s9";
        stored.State.Facts["medium"] = "text";
        stored.State.RecentVerdicts.Add(new RecentVerdict { SituationId = "s8", RuleId = "r", Verdict = "allowed", Understood = { "medium" } });
        await store.SaveAsync(stored);

        var turn = Turn("29:dee");
        var botState = new PrivateConversationState(_storage);
        await botState.LoadAsync(turn);
        var read = await botState.CreateProperty<SituationState>(SituationStore.PropertyName).GetAsync(turn, () => new SituationState());
        Assert.Equal("s9", read.Id);
        Assert.Equal("text", read.Facts["medium"]);
        Assert.Equal("allowed", Assert.Single(read.RecentVerdicts).Verdict);

        var item = Assert.Single(await _storage.ReadAsync(["msteams/conversations/a:chat/users/29:dee"], CancellationToken.None)).Value;
        Assert.Equal("s9", Assert.IsType<Newtonsoft.Json.Linq.JObject>(item)["situation"]!.ToObject<SituationState>()!.Id);
    }

    private static void AssertFullSituation(SituationState state)
    {
        Assert.Equal("5f2c9a1b7d3e", state.Id);
        Assert.Equal(3, state.Step);
        Assert.Equal(new Dictionary<string, string> { ["medium"] = "text", ["relationship"] = "current-student" }, state.Facts);
        Assert.Equal(new Dictionary<string, string> { ["purpose"] = "teaching" }, state.Understood);
        Assert.Equal("device", state.PendingFact);
        Assert.True(state.AwaitingConfirmation);
        Assert.False(state.Decided);
        Assert.True(state.FollowOn);
        Assert.Equal(12, state.RegisteredAccount);
        Assert.Equal(new Dictionary<string, string> { ["medium"] = "social", ["~stretch"] = "1" }, Assert.Single(state.Waiting));
        Assert.Equal(new Dictionary<string, string> { ["medium"] = "text" }, state.ReadAs);
        var verdict = Assert.Single(state.RecentVerdicts);
        Assert.Equal(("0a1b2c3d4e5f", 4, "texting-students", "prohibited"), (verdict.SituationId, verdict.Step, verdict.RuleId, verdict.Verdict));
        Assert.Equal(new Dictionary<string, string> { ["medium"] = "text" }, verdict.Facts);
        Assert.Equal(["medium"], verdict.Understood);
    }

    private async Task<DateTimeOffset> Updated(string user) => Assert.Single(await _storage.ListKeysAsync("/users/" + user, "", CancellationToken.None)).Updated;

    private static TurnContext Turn(string user) => new(new TestAdapter(), new Activity
    {
        Type = ActivityTypes.Message,
        ChannelId = "msteams",
        Conversation = new ConversationAccount(id: "a:chat"),
        From = new ChannelAccount(user),
        Recipient = new ChannelAccount("28:bot"),
    });
}
