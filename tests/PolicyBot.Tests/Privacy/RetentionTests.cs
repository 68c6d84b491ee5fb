using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Hosting;
using PolicyBot.Privacy;
using PolicyBot.Tests.Infrastructure;
using static PolicyBot.Tests.Conversation.Cards;

namespace PolicyBot.Tests.Privacy;

/// <summary>
/// Stored state expires: the real app on a fake clock (its durable timer and its SQLite file's write times follow it)
/// deletes a situation once it has not changed for <see cref="SettingsKeys.SituationRetentionDays"/>, and not before.
/// </summary>
public class RetentionTests
{
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_situation_is_deleted_once_unchanged_for_the_retention_days_and_not_before()
    {
        var clock = new FakeTimeProvider(Start);
        await using var connector = await FakeBotConnector.StartAsync();
        var options = new BotHostOptions();
        options.Settings[SettingsKeys.SituationRetentionDays] = "30";
        options.UseClock(clock);
        await using var host = await BotHost.StartAsync(options);
        var teams = new TeamsChatClient(host, connector);
        var decided = TeamsUser.Create("Dana Decided");
        var open = TeamsUser.Create("Olly Open");

        var decidedChat = TeamsConversation.Personal();
        var conversationWide = $"msteams/conversations/{decidedChat.Id}";   // a conversation's own state, not a person's
        await host.Services.GetRequiredService<IStorage>().WriteAsync(new Dictionary<string, object> { [conversationWide] = new Dictionary<string, object> { ["welcomed"] = true } });
        var verdict = await teams.SayAsync(decidedChat, decided, "can I text a student from my personal phone for personal reasons?");
        Assert.Equal("Forbidden", VerdictWords(LastCard(verdict)));
        // The turn saves its state after the reply is sent: wait for the write before moving the clock, or the
        // situation is stamped with the moved time (on a loaded machine the open one below was, so it outlived day 56).
        Assert.True(await StoredFile.EventuallyAsync(() => StoredFile.SituationKeys(host, decided).Count == 1), "the decided situation was not stored");
        await StoredFile.SettledAsync(host, decided);

        clock.Advance(TimeSpan.FromDays(25));
        var question = await teams.SayAsync(TeamsConversation.Personal(), open, "can I text this student?");
        Assert.Equal("purpose", AskedFact(LastCard(question)));
        Assert.True(await StoredFile.EventuallyAsync(() => StoredFile.SituationKeys(host, open).Count == 1), "the open situation was not stored");
        await StoredFile.SettledAsync(host, open);
        Assert.True(await StoredFile.EventuallyAsync(() => RetentionRuns(host) >= 2), "the daily run on day 25 did not happen");
        Assert.Single(StoredFile.SituationKeys(host, decided));   // 25 days unchanged: kept

        clock.Advance(TimeSpan.FromDays(6));   // day 31: the decided one is 31 days old, the open one 6
        Assert.True(await StoredFile.EventuallyAsync(() => Deleted(decided)), "the 31-day-old situation was not deleted");
        Assert.Single(StoredFile.SituationKeys(host, open));
        Assert.Contains(host.Logs, l => l.Message == "Retention: 1 expired situation(s) deleted.");
        Assert.Contains(conversationWide, (await host.Services.GetRequiredService<IStorage>().ReadAsync([conversationWide])).Keys);

        clock.Advance(TimeSpan.FromDays(25));  // day 56: the open one is 31 days old too
        Assert.True(await StoredFile.EventuallyAsync(() => Deleted(open)), "the left-open situation was not deleted");

        // The durable timer waits on the fake clock: a wait it begins just after the clock moved (the previous run still
        // scheduling the next) is due after that move, so while waiting the clock is nudged a minute at a time (the
        // situation is then the days above and some minutes old). Seen on a loaded CI machine: the day-56 run never came.
        bool Deleted(TeamsUser person)
        {
            if (StoredFile.SituationKeys(host, person).Count == 0)
            {
                return true;
            }
            clock.Advance(TimeSpan.FromMinutes(1));
            return false;
        }
    }

    [Fact]
    public async Task The_daily_run_is_scheduled_once_across_restarts()
    {
        var clock = new FakeTimeProvider(Start);
        var options = new BotHostOptions();
        options.UseClock(clock);
        await using var host = await BotHost.StartAsync(options);
        Assert.True(await StoredFile.EventuallyAsync(() => RetentionRuns(host) == 1));

        await host.RestartAsync();
        await host.RestartAsync();
        await Task.Delay(300);

        Assert.Equal(1, RetentionRuns(host));
        Assert.Equal(1, ScheduledRetentionJobs(host));   // tomorrow's, once
    }

    [Theory]
    [InlineData("0")]
    [InlineData("a month")]
    [InlineData("3651")]
    public async Task A_retention_that_is_not_a_number_of_days_stops_the_start_naming_the_setting(string value)
    {
        var options = new BotHostOptions();
        options.Settings[SettingsKeys.SituationRetentionDays] = value;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BotHost.StartAsync(options));

        Assert.Contains($"{SettingsKeys.SituationRetentionDays} '{value}'", error.Message, StringComparison.Ordinal);
    }

    private static int RetentionRuns(BotHost host) => host.Logs.Count(l => l.Category == typeof(RetentionJob).FullName && l.Message.StartsWith("Retention:", StringComparison.Ordinal) && l.Message.EndsWith("situation(s) deleted.", StringComparison.Ordinal));

    private static long ScheduledRetentionJobs(BotHost host)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(host.DataFolder, PolicyBot.Storage.SqliteStorage.FileName)};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM timer_jobs WHERE kind = $kind AND status = 'scheduled'";
        command.Parameters.AddWithValue("$kind", RetentionJob.JobKind);
        return (long)command.ExecuteScalar()!;
    }
}
