using Microsoft.Extensions.Time.Testing;
using PolicyBot.Storage;

namespace PolicyBot.Tests.Storage;

/// <summary>Verdict feedback in the SQLite file: once per person per verdict, changes of mind, erasing links, the deciders' list.</summary>
public sealed class SqliteVerdictFeedbackStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policybot-feedback-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));

    private static readonly FeedbackSubject Texting = new("sit-1", "stevensville", "text-personal", "forbidden",
        new Dictionary<string, string> { ["activity"] = "contact", ["relationship"] = "student", ["medium"] = "text", ["purpose"] = "personal" }, ["medium"]);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private SqliteVerdictFeedbackStore NewStore() => new(new SqliteDatabase(Path.Combine(_folder, SqliteStorage.FileName)), _clock);

    [Fact]
    public async Task Many_concurrent_taps_of_one_person_on_one_verdict_keep_one_row_and_add_it_once()
    {
        var stores = new[] { NewStore(), NewStore() };

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            Task.Run(() => stores[i % 2].RecordAsync("user:t:a", Texting, FeedbackRating.NotRight, FeedbackWrong.Clause, default))));

        Assert.Equal(1, results.Count(r => r == FeedbackChange.Added));
        Assert.Equal(29, results.Count(r => r == FeedbackChange.Unchanged));
        Assert.Equal(1, await stores[0].CountLinksAsync("user:t:a", default));
        var (items, total) = await stores[0].ListNotRightAsync(10, default);
        Assert.Equal(1, total);
        var item = Assert.Single(items);
        Assert.Equal(FeedbackWrong.Clause, item.Wrong);
        Assert.Equal(Texting.Facts, item.Subject.Facts);
        Assert.Equal(["medium"], item.Subject.Understood);
        Assert.Equal(("text-personal", "forbidden"), (item.Subject.RuleId, item.Subject.Verdict));
    }

    [Fact]
    public async Task A_change_of_mind_replaces_the_answer_and_a_plain_not_right_keeps_the_reason_given()
    {
        var store = NewStore();

        Assert.Equal(FeedbackChange.Added, await store.RecordAsync("user:t:a", Texting, FeedbackRating.Helpful, null, default));
        Assert.Equal(FeedbackChange.Changed, await store.RecordAsync("user:t:a", Texting, FeedbackRating.NotRight, null, default));
        Assert.Equal(FeedbackChange.Changed, await store.RecordAsync("user:t:a", Texting, FeedbackRating.NotRight, FeedbackWrong.Verdict, default));
        Assert.Equal(FeedbackChange.Unchanged, await store.RecordAsync("user:t:a", Texting, FeedbackRating.NotRight, null, default));
        Assert.Equal(FeedbackWrong.Verdict, Assert.Single((await store.ListNotRightAsync(5, default)).Items).Wrong);
        Assert.Equal(FeedbackChange.Changed, await store.RecordAsync("user:t:a", Texting, FeedbackRating.Helpful, null, default));
        Assert.Equal(0, (await store.ListNotRightAsync(5, default)).Total);
        // Another person's feedback on their own verdict with the same id is their own row.
        Assert.Equal(FeedbackChange.Added, await store.RecordAsync("user:t:b", Texting, FeedbackRating.Helpful, null, default));
        await Assert.ThrowsAsync<ArgumentException>(() => store.RecordAsync("user:t:a", Texting, FeedbackRating.Helpful, FeedbackWrong.Other, default));
    }

    [Fact]
    public async Task Erasing_a_persons_links_leaves_the_feedback_anonymous_and_touches_no_one_else()
    {
        var store = NewStore();
        await store.RecordAsync("user:t:a", Texting, FeedbackRating.NotRight, FeedbackWrong.Other, default);
        await store.RecordAsync("user:t:a", Texting with { SituationId = "sit-2" }, FeedbackRating.Helpful, null, default);
        await store.RecordAsync("user:t:b", Texting, FeedbackRating.NotRight, null, default);

        Assert.Equal(2, await store.CountLinksAsync("user:t:a", default));
        Assert.Equal(2, await store.EraseLinksAsync("user:t:a", default));

        Assert.Equal(0, await store.CountLinksAsync("user:t:a", default));
        Assert.Equal(1, await store.CountLinksAsync("user:t:b", default));
        Assert.Equal(2, (await store.ListNotRightAsync(10, default)).Total);
        // After erasing, a new tap links a new row: nothing ties it to the erased ones.
        Assert.Equal(FeedbackChange.Added, await store.RecordAsync("user:t:a", Texting, FeedbackRating.Helpful, null, default));
    }

    [Fact]
    public async Task The_deciders_list_is_newest_first_and_counts_what_it_leaves_out()
    {
        var store = NewStore();
        for (var i = 0; i < 5; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            await store.RecordAsync($"user:t:{i}", Texting with { SituationId = $"sit-{i}" }, FeedbackRating.NotRight, null, default);
        }

        var (items, total) = await store.ListNotRightAsync(3, default);

        Assert.Equal(5, total);
        Assert.Equal(["sit-4", "sit-3", "sit-2"], items.Select(i => i.Subject.SituationId));
    }
}
