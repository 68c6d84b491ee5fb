using PolicyBot.Storage;

namespace PolicyBot.Tests.Storage;

/// <summary>Claims in the SQLite file: once, atomically, with expiry and release.</summary>
public sealed class SqliteClaimStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policybot-claims-").FullName;
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private SqliteClaimStore NewStore() => new(new SqliteDatabase(Path.Combine(_folder, SqliteStorage.FileName)), _clock);

    [Fact]
    public async Task Of_many_concurrent_claims_of_one_key_exactly_one_wins_even_across_store_instances()
    {
        var stores = new[] { NewStore(), NewStore() };

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => stores[i % 2].TryClaimAsync("welcome:a:1", null, default))));

        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task A_claim_with_a_lifetime_can_be_claimed_again_once_expired_and_a_lasting_one_never()
    {
        var store = NewStore();
        Assert.True(await store.TryClaimAsync("activity:1", TimeSpan.FromHours(24), default));
        Assert.True(await store.TryClaimAsync("welcome:1", null, default));

        _clock.Now += TimeSpan.FromHours(23);
        Assert.False(await store.TryClaimAsync("activity:1", TimeSpan.FromHours(24), default));

        _clock.Now += TimeSpan.FromHours(2);
        Assert.True(await store.TryClaimAsync("activity:1", TimeSpan.FromHours(24), default));
        Assert.False(await store.TryClaimAsync("welcome:1", null, default));
    }

    [Fact]
    public async Task A_released_claim_can_be_claimed_again_and_claims_survive_a_new_instance()
    {
        var store = NewStore();
        Assert.True(await store.TryClaimAsync("k", null, default));
        Assert.False(await NewStore().TryClaimAsync("k", null, default));

        await store.ReleaseAsync("k", default);
        await store.ReleaseAsync("never-claimed", default);

        Assert.True(await NewStore().TryClaimAsync("k", null, default));
    }

    [Fact]
    public async Task A_non_positive_lifetime_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => NewStore().TryClaimAsync("k", TimeSpan.Zero, default));
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
