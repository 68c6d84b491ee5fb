using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
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
