using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PolicyBot.Storage;

namespace PolicyBot.Tests.Storage;

public sealed class ReminderItem : IStoreItem
{
    public string? ETag { get; set; }

    public string Text { get; set; } = "";

    public List<string> DeliveredTo { get; set; } = [];

    public DateTimeOffset Due { get; set; }

    public ConversationReference? Reference { get; set; }
}

/// <summary>SqliteStorage against a real SQLite file in a temp folder.</summary>
public sealed class SqliteStorageTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "policybot-tests", Guid.NewGuid().ToString("N"), "nested", "data");
    private readonly List<SqliteStorage> _opened = [];

    public void Dispose()
    {
        foreach (var storage in _opened)
        {
            storage.Dispose();
        }

        Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(_folder))!, recursive: true);
    }

    [Fact]
    public async Task Creates_folder_and_file_in_wal_mode()
    {
        var storage = Open();
        Assert.True(File.Exists(Path.Combine(_folder, SqliteStorage.FileName)));
        using var connection = new SqliteConnection($"Data Source={storage.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Round_trips_store_items_bot_state_dictionaries_and_jobjects()
    {
        var storage = Open();
        var due = new DateTimeOffset(2026, 9, 1, 7, 30, 0, TimeSpan.FromHours(-6));
        var reference = new ConversationReference { ChannelId = "msteams", Conversation = new ConversationAccount(id: "a:1"), ServiceUrl = "https://smba.example/" };
        await storage.WriteAsync(new Dictionary<string, object>
        {
            ["reminder/1"] = new ReminderItem { Text = "Keep it professional", DeliveredTo = ["29:a"], Due = due, Reference = reference },
            ["state/1"] = new Dictionary<string, object> { ["count"] = 3, ["name"] = "Ada" },
            ["json/1"] = new JObject { ["x"] = 1 },
        });

        var read = await storage.ReadAsync(["reminder/1", "state/1", "json/1", "missing"]);

        Assert.Equal(3, read.Count);
        var reminder = Assert.IsType<ReminderItem>(read["reminder/1"]);
        Assert.Equal("Keep it professional", reminder.Text);
        Assert.Equal(["29:a"], reminder.DeliveredTo);
        Assert.Equal(due, reminder.Due);
        Assert.Equal(TimeSpan.FromHours(-6), reminder.Due.Offset);
        Assert.Equal("a:1", reminder.Reference?.Conversation.Id);
        Assert.False(string.IsNullOrEmpty(reminder.ETag));
        var state = Assert.IsType<Dictionary<string, object>>(read["state/1"]);
        Assert.Equal(3L, state["count"]);
        Assert.Equal("Ada", state["name"]);
        var json = Assert.IsType<JObject>(read["json/1"]);
        Assert.Equal(1, (int?)json["x"]);
        Assert.False(string.IsNullOrEmpty((string?)json["ETag"]));
    }

    [Fact]
    public async Task ETag_concurrency_behaves_like_MemoryStorage()
    {
        var storage = Open();
        await storage.WriteAsync(new Dictionary<string, object> { ["r"] = new ReminderItem { Text = "v1" } });
        var first = await Read(storage, "r");

        // Writing with the ETag just read succeeds and yields a new ETag.
        await storage.WriteAsync(new Dictionary<string, object> { ["r"] = new ReminderItem { Text = "v2", ETag = first.ETag } });
        var second = await Read(storage, "r");
        Assert.NotEqual(first.ETag, second.ETag);

        // A stale ETag conflicts and changes nothing.
        var conflict = await Assert.ThrowsAsync<ETagConflictException>(
            () => storage.WriteAsync(new Dictionary<string, object> { ["r"] = new ReminderItem { Text = "stale", ETag = first.ETag } }));
        Assert.Equal("r", conflict.Key);
        Assert.Equal(second.ETag, conflict.CurrentETag);
        Assert.Equal("v2", (await Read(storage, "r")).Text);

        // "*" and null overwrite unconditionally; every write gets a new ETag.
        await storage.WriteAsync(new Dictionary<string, object> { ["r"] = new ReminderItem { Text = "star", ETag = "*" } });
        var third = await Read(storage, "r");
        await storage.WriteAsync(new Dictionary<string, object> { ["r"] = new ReminderItem { Text = "null" } });
        var fourth = await Read(storage, "r");
        Assert.Equal("null", fourth.Text);
        Assert.Equal(4, new[] { first.ETag, second.ETag, third.ETag, fourth.ETag }.Distinct().Count());

        // Same rule for JObjects carrying an ETag.
        await Assert.ThrowsAsync<ETagConflictException>(
            () => storage.WriteAsync(new Dictionary<string, object> { ["r"] = new JObject { ["ETag"] = first.ETag } }));
    }

    [Fact]
    public async Task A_batch_with_a_conflict_writes_nothing()
    {
        var storage = Open();
        await storage.WriteAsync(new Dictionary<string, object> { ["a"] = new ReminderItem { Text = "a1" } });
        await Assert.ThrowsAsync<ETagConflictException>(() => storage.WriteAsync(new Dictionary<string, object>
        {
            ["b"] = new ReminderItem { Text = "b1" },
            ["a"] = new ReminderItem { Text = "a2", ETag = "stale" },
        }));

        var read = await storage.ReadAsync(["a", "b"]);
        Assert.Equal("a1", Assert.IsType<ReminderItem>(Assert.Single(read).Value).Text);
    }

    [Fact]
    public async Task Concurrent_writers_on_distinct_keys_all_land()
    {
        var storage = Open();
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => storage.WriteAsync(
            new Dictionary<string, object> { [$"k{i}"] = new ReminderItem { Text = $"v{i}" } }))));

        var read = await storage.ReadAsync(Enumerable.Range(0, 50).Select(i => $"k{i}").ToArray());
        Assert.Equal(50, read.Count);
        Assert.All(read, kv => Assert.Equal("v" + kv.Key[1..], ((ReminderItem)kv.Value).Text));
    }

    [Fact]
    public async Task Concurrent_conditional_writers_on_one_key_exactly_one_wins_even_across_instances()
    {
        // Two instances on one file stand in for two processes: their in-process locks do not see each other.
        var one = Open();
        var two = new SqliteStorage(one.DatabasePath);
        _opened.Add(two);
        await one.WriteAsync(new Dictionary<string, object> { ["delivery"] = new ReminderItem { Text = "pending" } });
        var etag = (await Read(one, "delivery")).ETag;

        var attempts = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            try
            {
                await (i % 2 == 0 ? one : two).WriteAsync(new Dictionary<string, object>
                {
                    ["delivery"] = new ReminderItem { Text = $"sent by {i}", ETag = etag },
                });
                return true;
            }
            catch (ETagConflictException)
            {
                return false;
            }
        }));

        var outcomes = await Task.WhenAll(attempts);
        Assert.Single(outcomes, won => won);
        Assert.StartsWith("sent by ", (await Read(two, "delivery")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_text_reads_and_writes_on_kept_connections_see_every_other_write()
    {
        // The per-turn read and write run prepared on kept connections: each must see the writes and deletes made since,
        // by this instance's other connections and by another instance (another process), never an older snapshot.
        var storage = Open();
        var other = new SqliteStorage(storage.DatabasePath);
        _opened.Add(other);
        var item = new JObject();

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            for (var round = 0; round < 5; round++)
            {
                var json = $"{{\"n\":{i},\"round\":{round}}}";
                await storage.WriteJsonAsync($"k{i}", item, json, CancellationToken.None);
                Assert.Equal(json, (await storage.ReadJsonAsync($"k{i}", CancellationToken.None))!.Json);
            }
        })));

        await other.WriteJsonAsync("k0", item, "{\"by\":\"other\"}", CancellationToken.None);
        Assert.Equal("{\"by\":\"other\"}", (await storage.ReadJsonAsync("k0", CancellationToken.None))!.Json);
        await other.DeleteAsync(["k1"]);
        Assert.Null(await storage.ReadJsonAsync("k1", CancellationToken.None));
        await storage.DeleteAsync(["k2"]);
        Assert.Null(await storage.ReadJsonAsync("k2", CancellationToken.None));
        Assert.Equal("{\"n\":3,\"round\":4}", (await other.ReadJsonAsync("k3", CancellationToken.None))!.Json);
    }

    [Fact]
    public async Task Data_survives_dispose_and_reopen()
    {
        var storage = Open();
        await storage.WriteAsync(new Dictionary<string, object> { ["keep"] = new ReminderItem { Text = "still here" } });
        var etag = (await Read(storage, "keep")).ETag;
        storage.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => storage.ReadAsync(["keep"]));

        var reopened = Open();
        var item = await Read(reopened, "keep");
        Assert.Equal("still here", item.Text);
        Assert.Equal(etag, item.ETag);
    }

    [Fact]
    public async Task Delete_removes_keys_and_ignores_missing_ones()
    {
        var storage = Open();
        await storage.WriteAsync(new Dictionary<string, object>
        {
            ["x"] = new ReminderItem { Text = "x" },
            ["y"] = new ReminderItem { Text = "y" },
        });

        await storage.DeleteAsync(["x", "never-written"]);

        var read = await storage.ReadAsync(["x", "y"]);
        Assert.Equal(["y"], read.Keys);

        // A deleted key can be written again from scratch, even with an old ETag (nothing to conflict with).
        await storage.WriteAsync(new Dictionary<string, object> { ["x"] = new ReminderItem { Text = "again", ETag = "old" } });
        Assert.Equal("again", (await Read(storage, "x")).Text);
    }

    [Fact]
    public async Task Stored_type_names_outside_the_allowed_set_are_refused()
    {
        var storage = Open();
        await storage.WriteAsync(new Dictionary<string, object> { ["t"] = new ReminderItem { Text = "x" } });
        using (var connection = new SqliteConnection($"Data Source={storage.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE store_items SET json = $json WHERE key = 't'";
            command.Parameters.AddWithValue("$json", "{\"$type\":\"System.IO.FileInfo, System.Private.CoreLib\",\"fileName\":\"/etc/passwd\"}");
            await command.ExecuteNonQueryAsync();
        }

        await Assert.ThrowsAsync<JsonSerializationException>(() => storage.ReadAsync(["t"]));
    }

    private SqliteStorage Open()
    {
        var storage = SqliteStorage.OpenInFolder(_folder);
        _opened.Add(storage);
        return storage;
    }

    private static async Task<ReminderItem> Read(SqliteStorage storage, string key) =>
        Assert.IsType<ReminderItem>((await storage.ReadAsync([key]))[key]);
}
