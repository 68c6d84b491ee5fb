using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using PolicyBot.Delivery;
using PolicyBot.Reachability;
using PolicyBot.Requests;
using PolicyBot.Roles;
using PolicyBot.Storage;
using PolicyBot.Tests.Infrastructure;
using static PolicyBot.Tests.Requests.RequestStateMachineTests;

namespace PolicyBot.Tests.Requests;

/// <summary>
/// Reminders of open requests (the durable timer's <c>request.nudge</c> job) on a real SQLite file and a fake clock: the
/// channel is reminded after the configured days while the request waits for the administration, and again after as
/// many days; a request waiting for the requester is not nudged; a decided one ends the reminders.
/// </summary>
public sealed class RequestNudgeTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
    private const string Channel = "conversation:19:district@thread.tacv2";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "policybot-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly RecordingOutbox _outbox = new();
    private readonly ScheduleRecorder _timer = new();
    private readonly SqliteRequestStore _store;
    private readonly RequestJobs _jobs;

    public RequestNudgeTests()
    {
        Directory.CreateDirectory(_folder);
        var database = new SqliteDatabase(Path.Combine(_folder, "policybot.db"));
        _store = new SqliteRequestStore(database);
        _jobs = new RequestJobs(_store, new SqliteRecipientDirectory(database), new NoRoster(), RoleAssignments.Empty, new NoCards(), _outbox, _timer,
            new RequestOptions(TimeSpan.FromDays(2)), _clock, NullLogger<RequestJobs>.Instance);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<StaffRequest> SentAsync()
    {
        var draft = await _store.CreateAsync(Draft() with { Id = 0, CreatedAt = Start, UpdatedAt = Start }, CancellationToken.None);
        Assert.True(await _store.TryCommitAsync(RequestStateMachine.Apply(draft, new SubmitAction(), Teacher, Start), draft.Version, null, CancellationToken.None));
        await _store.SetChannelCardAsync(draft.Id, Channel, "1700000000001", CancellationToken.None);
        return (await _store.FindAsync(draft.Id, CancellationToken.None))!;
    }

    private async Task ChangeAsync(StaffRequest request, RequestAction action, PersonRef actor)
    {
        var now = (await _store.FindAsync(request.Id, CancellationToken.None))!;
        Assert.True(await _store.TryCommitAsync(RequestStateMachine.Apply(now, action, actor, _clock.GetUtcNow()), now.Version, null, CancellationToken.None));
    }

    [Fact]
    public async Task The_channel_is_reminded_while_the_request_waits_and_not_once_it_is_decided()
    {
        var request = await SentAsync();

        _clock.Advance(TimeSpan.FromDays(2));
        await _jobs.NudgeAsync(RequestService.NudgePayload(request.Id, 1), CancellationToken.None);
        var first = Assert.Single(_outbox.Messages);
        Assert.Equal(($"request:{request.Id}:nudge:1", Channel), (first.MessageId, first.RecipientKey));
        Assert.Contains($"Reminder: request #{request.Id} (social media presence: Instagram — @room12) from Lee Teacher has been open for 2 days and is submitted, with nobody assigned.",
            (string)JObject.Parse(first.ActivityJson)["text"]!);
        Assert.Equal((RequestJobs.NudgeKind, Start.AddDays(4), $"request:{request.Id}:nudge:2"), _timer.Scheduled[^1]);

        // Waiting for the requester's answer: no reminder to the administration, but the next one stays scheduled.
        await ChangeAsync(request, new AskInformationAction("Which class?"), Dean);
        _clock.Advance(TimeSpan.FromDays(2));
        await _jobs.NudgeAsync(RequestService.NudgePayload(request.Id, 2), CancellationToken.None);
        Assert.Single(_outbox.Messages);
        Assert.Equal((RequestJobs.NudgeKind, Start.AddDays(6), $"request:{request.Id}:nudge:3"), _timer.Scheduled[^1]);

        await ChangeAsync(request, new ProvideInformationAction("5B"), Teacher);
        _clock.Advance(TimeSpan.FromDays(2));
        await _jobs.NudgeAsync(RequestService.NudgePayload(request.Id, 3), CancellationToken.None);
        Assert.Contains("open for 6 days and is in review, assigned to Dana Dean", (string)JObject.Parse(_outbox.Messages[^1].ActivityJson)["text"]!);

        await ChangeAsync(request, new ApproveAction(""), Dean);
        var scheduled = _timer.Scheduled.Count;
        await _jobs.NudgeAsync(RequestService.NudgePayload(request.Id, 4), CancellationToken.None);
        Assert.Equal(2, _outbox.Messages.Count);
        Assert.Equal(scheduled, _timer.Scheduled.Count);
    }

    [Fact]
    public void The_reminder_days_setting_is_checked_with_a_clear_message()
    {
        var bad = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["RequestNudgeDays"] = "0" }).Build();
        var none = new ConfigurationBuilder().Build();

        var e = Assert.Throws<InvalidOperationException>(() => { _ = RequestOptions.From(bad); });
        Assert.StartsWith("RequestNudgeDays is '0': give a whole number of days from 1 to 60", e.Message);
        Assert.Equal(TimeSpan.FromDays(3), RequestOptions.From(none).NudgeAfter);
    }

    private sealed class ScheduleRecorder : IDurableTimer
    {
        public List<(string Kind, DateTimeOffset Due, string? Key)> Scheduled { get; } = [];

        public Task<long> ScheduleAsync(string kind, string payloadJson, DateTimeOffset dueAt, string? key, CancellationToken cancellationToken)
        {
            Scheduled.Add((kind, dueAt, key));
            return Task.FromResult((long)Scheduled.Count);
        }

        public Task<bool> CancelAsync(long id, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<DurableJobInfo?> FindAsync(long id, CancellationToken cancellationToken) => Task.FromResult<DurableJobInfo?>(null);
    }

    private sealed class NoRoster : ITeamRoster
    {
        public Task<RosterPage> GetMembersPageAsync(string teamId, string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
            throw new TeamNotReachableException(teamId);
    }

    private sealed class NoCards : IChannelCards
    {
        public Task<string> PostAsync(StoredRecipient channel, JObject card, CancellationToken cancellationToken) => throw new ChannelCardException("not in this test");

        public Task UpdateAsync(StoredRecipient channel, string activityId, JObject card, CancellationToken cancellationToken) => throw new ChannelCardException("not in this test");
    }
}
