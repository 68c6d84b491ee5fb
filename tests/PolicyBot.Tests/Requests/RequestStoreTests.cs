using PolicyBot.Requests;
using PolicyBot.Storage;
using static PolicyBot.Tests.Requests.RequestStateMachineTests;

namespace PolicyBot.Tests.Requests;

/// <summary>The request store on a real SQLite file: optimistic concurrency, the audit trail, the registry change in the same transaction.</summary>
public sealed class RequestStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "policybot-tests", Guid.NewGuid().ToString("N"));
    private readonly SqliteRequestStore _store;

    public RequestStoreTests()
    {
        Directory.CreateDirectory(_folder);
        _store = new SqliteRequestStore(new SqliteDatabase(Path.Combine(_folder, "policybot.db")));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<StaffRequest> SubmittedAsync()
    {
        var draft = await _store.CreateAsync(Draft() with { Id = 0 }, CancellationToken.None);
        var submit = RequestStateMachine.Apply(draft, new SubmitAction(), Teacher, DateTimeOffset.UtcNow);
        Assert.True(await _store.TryCommitAsync(submit, draft.Version, null, CancellationToken.None));
        return (await _store.FindAsync(draft.Id, CancellationToken.None))!;
    }

    [Fact]
    public async Task A_request_round_trips_with_its_form_and_context()
    {
        var stored = await _store.CreateAsync(Draft() with { Id = 0, Context = new RequestContext(["Who? A current student"], "Needs administration", "Contact administration.", "Unclear.", [new("12", "Educational presence", "Staff shall contact…")], "school-account-new") }, CancellationToken.None);

        var loaded = await _store.FindAsync(stored.Id, CancellationToken.None);

        Assert.NotNull(loaded);
        Assert.Equal(1, loaded.Version);
        Assert.Equal(RequestState.Draft, loaded.State);
        Assert.Equal("Instagram", loaded.Presence!.Platform);
        Assert.Equal(Principal, loaded.Presence.Administrator);
        Assert.Equal(new DateOnly(2027, 1, 10), loaded.Presence.StartDate);
        Assert.Equal("12", Assert.Single(loaded.Context.Clauses).Id);
        Assert.Equal("Unclear.", loaded.Context.Ambiguity);
    }

    [Fact]
    public async Task Two_changes_decided_on_the_same_version_one_is_written_and_the_other_is_not()
    {
        var submitted = await SubmittedAsync();
        var approve = RequestStateMachine.Apply(submitted, new ApproveAction(""), Dean, DateTimeOffset.UtcNow);
        var decline = RequestStateMachine.Apply(submitted, new DeclineAction("No."), Principal, DateTimeOffset.UtcNow);

        var results = await Task.WhenAll(
            _store.TryCommitAsync(approve, submitted.Version, null, CancellationToken.None),
            _store.TryCommitAsync(decline, submitted.Version, null, CancellationToken.None));

        Assert.Equal(1, results.Count(r => r));
        var now = (await _store.FindAsync(submitted.Id, CancellationToken.None))!;
        Assert.Equal(submitted.Version + 1, now.Version);
        Assert.Equal(results[0] ? RequestState.Approved : RequestState.Declined, now.State);
        var audit = await _store.AuditAsync(submitted.Id, CancellationToken.None);
        Assert.Equal(["create", "submit", results[0] ? "approve" : "decline"], audit.Select(a => a.Action));
    }

    [Fact]
    public async Task An_approval_adds_the_registry_entry_in_the_same_commit_and_a_revocation_marks_it_revoked()
    {
        var submitted = await SubmittedAsync();
        var approve = RequestStateMachine.Apply(submitted, new ApproveAction("No faces."), Dean, DateTimeOffset.UtcNow);
        var entry = new ApprovedAccount(0, submitted.Id, "Instagram", "@room12", Teacher, Principal, "No faces.", Dean, DateTimeOffset.UtcNow, new DateOnly(2027, 12, 2), AccountStatus.Active, null, null);

        Assert.True(await _store.TryCommitAsync(approve, submitted.Version, new RegistryChange(entry, false), CancellationToken.None));

        var active = Assert.Single(await _store.ListActiveAccountsOfAsync(Teacher.AadObjectId.ToUpperInvariant(), CancellationToken.None));
        Assert.Equal(("@room12", Principal, "No faces."), (active.Name, active.Administrator, active.Conditions));
        Assert.Single(await _store.ListActiveAccountsOfAsync(Principal.AadObjectId, CancellationToken.None));
        Assert.Empty(await _store.ListActiveAccountsOfAsync(Dean.AadObjectId, CancellationToken.None));

        var approved = (await _store.FindAsync(submitted.Id, CancellationToken.None))!;
        var revoke = RequestStateMachine.Apply(approved, new RevokeAction("Not used."), Dean, DateTimeOffset.UtcNow);
        Assert.True(await _store.TryCommitAsync(revoke, approved.Version, new RegistryChange(null, true), CancellationToken.None));

        Assert.Empty(await _store.ListActiveAccountsOfAsync(Teacher.AadObjectId, CancellationToken.None));
        var closed = Assert.Single(await _store.ListAccountsAsync(includeClosed: true, CancellationToken.None));
        Assert.Equal((AccountStatus.Revoked, "Not used."), (closed.Status, closed.StatusNote));
    }

    [Fact]
    public async Task A_stale_commit_writes_no_audit_line_and_no_registry_entry()
    {
        var submitted = await SubmittedAsync();
        var approve = RequestStateMachine.Apply(submitted, new ApproveAction(""), Dean, DateTimeOffset.UtcNow);
        var entry = new ApprovedAccount(0, submitted.Id, "Instagram", "", Teacher, Principal, "", Dean, DateTimeOffset.UtcNow, new DateOnly(2027, 12, 2), AccountStatus.Active, null, null);

        Assert.False(await _store.TryCommitAsync(approve, submitted.Version - 1, new RegistryChange(entry, false), CancellationToken.None));

        Assert.Equal(2, (await _store.AuditAsync(submitted.Id, CancellationToken.None)).Count);
        Assert.Empty(await _store.ListAccountsAsync(includeClosed: true, CancellationToken.None));
        Assert.Equal(RequestState.Submitted, (await _store.FindAsync(submitted.Id, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task The_channel_card_id_is_kept_across_changes_and_my_requests_leave_drafts_out()
    {
        var submitted = await SubmittedAsync();
        await _store.SetChannelCardAsync(submitted.Id, "conversation:19:district@thread.tacv2", "1700000000001", CancellationToken.None);
        await _store.CreateAsync(Draft() with { Id = 0 }, CancellationToken.None);
        var loaded = (await _store.FindAsync(submitted.Id, CancellationToken.None))!;
        var assign = RequestStateMachine.Apply(loaded, new AssignAction(Dean), Dean, DateTimeOffset.UtcNow);
        Assert.True(await _store.TryCommitAsync(assign, loaded.Version, null, CancellationToken.None));

        var mine = await _store.ListByRequesterAsync(Teacher.AadObjectId, 10, CancellationToken.None);

        var only = Assert.Single(mine);
        Assert.Equal(("1700000000001", RequestState.InReview), (only.ChannelActivityId, only.State));
    }

    [Fact]
    public async Task Forget_me_deletes_the_persons_drafts_and_keeps_sent_requests_with_their_audit_trail()
    {
        var submitted = await SubmittedAsync();
        var draft = await _store.CreateAsync(Draft() with { Id = 0 }, CancellationToken.None);
        var data = new RequestPersonalData(_store);
        var person = new PolicyBot.Privacy.DataSubject("29:teacher", Teacher.AadObjectId.ToUpperInvariant(), "tenant");

        var described = await data.DescribeAsync(person, CancellationToken.None);
        var result = await data.ForgetAsync(person, CancellationToken.None);

        Assert.Equal([$"#{submitted.Id}: social media presence, submitted."], described.Lines);
        Assert.Equal((1, RequestPersonalData.KeptBecause), (result.Deleted, result.Kept));
        Assert.Null(await _store.FindAsync(draft.Id, CancellationToken.None));
        Assert.NotNull(await _store.FindAsync(submitted.Id, CancellationToken.None));
        Assert.NotEmpty(await _store.AuditAsync(submitted.Id, CancellationToken.None));
        Assert.Equal(0, (await data.ForgetAsync(person, CancellationToken.None)).Deleted);
    }
}
