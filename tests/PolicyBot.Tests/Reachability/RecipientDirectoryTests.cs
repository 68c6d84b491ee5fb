using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using PolicyBot.Delivery;
using PolicyBot.Reachability;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Reachability;

/// <summary>
/// Who can be reached, over real HTTP: conversation references stored on install, refreshed by every activity (a new
/// service URL), marked on uninstall and by <see cref="IRecipientDirectory.MarkUnreachableAsync"/> with the reason,
/// made reachable again by a later activity; teams with their channels; group chats.
/// </summary>
public sealed class RecipientDirectoryTests : IAsyncLifetime
{
    private readonly TeamsUser _teacher = TeamsUser.Create("Lee Teacher");
    private FakeBotConnector _connector = null!;
    private BotHost _host = null!;
    private TeamsChatClient _teams = null!;

    private IRecipientRegistry Directory => _host.Services.GetRequiredService<IRecipientRegistry>();

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _host = await BotHost.StartAsync();
        _teams = new TeamsChatClient(_host, _connector);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_personal_install_stores_the_persons_reference_by_Entra_object_id()
    {
        var chat = TeamsConversation.Personal();

        await _teams.SendAsync(_teams.Activities.MembersAdded(chat, _teacher));

        var key = RecipientKeys.Person(chat.TenantId, _teacher.AadObjectId);
        var stored = await Directory.FindAsync(key, default);
        Assert.NotNull(stored);
        Assert.Equal(RecipientKinds.Personal, stored.Kind);
        Assert.Equal(_teacher.AadObjectId, stored.AadObjectId);
        Assert.Equal(_teacher.Name, stored.Name);
        Assert.Equal(chat.TenantId, stored.TenantId);
        Assert.Null(stored.UnreachableReason);
        var reference = JsonConvert.DeserializeObject<ConversationReference>(stored.ConversationReferenceJson)!;
        Assert.Equal(chat.Id, reference.Conversation.Id);
        Assert.Equal(chat.TenantId, reference.Conversation.TenantId);
        Assert.Equal(_connector.ServiceUrl.ToString(), reference.ServiceUrl);
        Assert.Equal(_teacher.Id, reference.User.Id);
        Assert.Null(reference.ActivityId);
        Assert.Contains(await Directory.ListReachablePeopleAsync(default), p => p.Key == key);
    }

    [Fact]
    public async Task Every_activity_refreshes_the_reference_with_the_service_url_it_came_from()
    {
        var chat = TeamsConversation.Personal();
        await _teams.SendAsync(_teams.Activities.MembersAdded(chat, _teacher));
        await using var moved = await FakeBotConnector.StartAsync();   // Teams moved the conversation to another service URL
        var elsewhere = new TeamsChatClient(_host, moved);

        await elsewhere.SayAsync(chat, _teacher, "help");

        var stored = await Directory.FindAsync(RecipientKeys.Person(chat.TenantId, _teacher.AadObjectId), default);
        var reference = JsonConvert.DeserializeObject<ConversationReference>(stored!.ConversationReferenceJson)!;
        Assert.Equal(moved.ServiceUrl.ToString(), reference.ServiceUrl);
    }

    [Fact]
    public async Task Uninstalling_marks_the_person_unreachable_with_the_reason_and_a_later_activity_makes_them_reachable_again()
    {
        var chat = TeamsConversation.Personal();
        var key = RecipientKeys.Person(chat.TenantId, _teacher.AadObjectId);
        await _teams.SendAsync(_teams.Activities.MembersAdded(chat, _teacher));

        var uninstall = await _teams.SendAsync(_teams.Activities.InstallationUpdate(chat, _teacher, "remove"));

        Assert.Empty(uninstall.Replies);
        Assert.Equal(ReachabilityReasons.Uninstalled, (await Directory.FindAsync(key, default))!.UnreachableReason);
        Assert.DoesNotContain(await Directory.ListReachablePeopleAsync(default), p => p.Key == key);

        await _teams.SendAsync(_teams.Activities.InstallationUpdate(chat, _teacher, "add"));
        Assert.Null((await Directory.FindAsync(key, default))!.UnreachableReason);
    }

    [Fact]
    public async Task A_send_refused_403_or_404_is_kept_with_its_reason_until_the_person_writes_again()
    {
        var chat = TeamsConversation.Personal();
        var key = RecipientKeys.Person(chat.TenantId, _teacher.AadObjectId);
        await _teams.SayAsync(chat, _teacher, "help");

        await Directory.MarkUnreachableAsync(key, "403 ConversationBlockedByUser", default);

        Assert.Equal("403 ConversationBlockedByUser", (await Directory.FindAsync(key, default))!.UnreachableReason);
        Assert.DoesNotContain(await Directory.ListReachablePeopleAsync(default), p => p.Key == key);
        await Directory.MarkUnreachableAsync("user:nobody:never-seen", "404 ConversationNotFound", default);   // unknown: ignored
        Assert.Null(await Directory.FindAsync("user:nobody:never-seen", default));

        await _teams.SayAsync(chat, _teacher, "help");
        Assert.Null((await Directory.FindAsync(key, default))!.UnreachableReason);
    }

    [Fact]
    public async Task A_team_is_listed_with_its_channels_and_a_reply_thread_counts_as_its_channel()
    {
        var general = TeamsConversation.Channel(teamName: "Stevensville High", channelName: "General");
        var office = general.OtherChannel("Office");
        await _teams.SendAsync(_teams.Activities.MembersAdded(general, _teacher));
        var inThread = office with { Id = office.Id + ";messageid=1700000000123" };

        await _teams.SayAsync(inThread, _teacher, "help");

        var team = Assert.Single(await Directory.ListTeamsAsync(includeUnreachable: false, default), t => t.TeamId == general.TeamId);
        Assert.Equal("Stevensville High", team.Name);
        Assert.Equal(general.TenantId, team.TenantId);
        Assert.Equal(["General", "Office"], team.Channels.Select(c => c.Name));
        var officeEntry = team.Channels[1];
        Assert.Equal(office.Id, officeEntry.ChannelId);
        Assert.Equal(RecipientKeys.Conversation(office.Id), officeEntry.Recipient.Key);
        Assert.Equal(office.Id, JsonConvert.DeserializeObject<ConversationReference>(officeEntry.Recipient.ConversationReferenceJson)!.Conversation.Id);
        Assert.Empty(await Directory.ListReachablePeopleAsync(default));   // a channel message reveals no personal chat
    }

    [Fact]
    public async Task Removing_the_bot_from_a_team_marks_every_channel_and_the_team_drops_out_of_the_listing()
    {
        var general = TeamsConversation.Channel(teamName: "Stevensville Elementary");
        await _teams.SendAsync(_teams.Activities.MembersAdded(general, _teacher));
        await _teams.SayAsync(general.OtherChannel("Office"), _teacher, "help");

        await _teams.SendAsync(_teams.Activities.MembersRemoved(general, _teacher));

        Assert.DoesNotContain(await Directory.ListTeamsAsync(includeUnreachable: false, default), t => t.TeamId == general.TeamId);
        var all = Assert.Single(await Directory.ListTeamsAsync(includeUnreachable: true, default), t => t.TeamId == general.TeamId);
        Assert.All(all.Channels, c => Assert.Equal(ReachabilityReasons.Uninstalled, c.Recipient.UnreachableReason));
        Assert.Null(await Directory.FindTeamAsync(general.TeamId!, default));
    }

    [Fact]
    public async Task A_group_chat_is_stored_by_conversation_and_marked_when_the_bot_is_removed()
    {
        var chat = TeamsConversation.GroupChat();
        await _teams.SendAsync(_teams.Activities.MembersAdded(chat, _teacher));

        var listed = Assert.Single(await Directory.ListReachableGroupChatsAsync(default), g => g.Key == RecipientKeys.Conversation(chat.Id));
        Assert.Equal(RecipientKinds.GroupChat, listed.Kind);

        await _teams.SendAsync(_teams.Activities.MembersRemoved(chat, _teacher));
        Assert.Equal(ReachabilityReasons.Uninstalled, (await Directory.FindAsync(listed.Key, default))!.UnreachableReason);
        Assert.DoesNotContain(await Directory.ListReachableGroupChatsAsync(default), g => g.Key == listed.Key);
    }

    [Fact]
    public async Task The_directory_survives_a_restart()
    {
        var chat = TeamsConversation.Personal();
        await _teams.SendAsync(_teams.Activities.MembersAdded(chat, _teacher));

        await _host.RestartAsync();

        Assert.Contains(await Directory.ListReachablePeopleAsync(default), p => p.AadObjectId == _teacher.AadObjectId);
    }
}
