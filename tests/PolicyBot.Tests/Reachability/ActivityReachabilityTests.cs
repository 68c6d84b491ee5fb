using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using PolicyBot.Reachability;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Reachability;

/// <summary>How an incoming Teams activity is read as reachability (no HTTP: the Bot Framework edge alone).</summary>
public sealed class ActivityReachabilityTests
{
    private readonly TeamsActivityBuilder _activities = new(new Uri("http://127.0.0.1:9/"));
    private readonly TeamsUser _teacher = TeamsUser.Create("Lee Teacher");

    [Fact]
    public void A_personal_message_is_the_person_keyed_by_tenant_and_object_id()
    {
        var chat = TeamsConversation.Personal();

        var seen = Assert.Single(ActivityReachability.Read(_activities.Message(chat, _teacher, "hi")).Seen);

        Assert.Equal($"user:{chat.TenantId}:{_teacher.AadObjectId}", seen.Key);
        Assert.Equal(RecipientKinds.Personal, seen.Kind);
        Assert.Equal(_teacher.Name, seen.Name);
    }

    [Fact]
    public void A_personal_chat_without_an_object_id_is_keyed_by_its_conversation()
    {
        var chat = TeamsConversation.Personal();
        var message = _activities.Message(chat, _teacher, "hi");
        message.From.AadObjectId = null;

        var seen = Assert.Single(ActivityReachability.Read(message).Seen);

        Assert.Equal(RecipientKeys.Conversation(chat.Id), seen.Key);
        Assert.Null(seen.AadObjectId);
    }

    [Fact]
    public void A_created_or_renamed_channel_is_seen_as_that_channel_and_a_deleted_one_is_gone()
    {
        var general = TeamsConversation.Channel(teamName: "Stevensville High");
        var created = _activities.MembersAdded(general, _teacher);
        created.MembersAdded = null;
        var data = (JObject)created.ChannelData;
        data["eventType"] = "channelCreated";
        data["channel"] = new JObject { ["id"] = "19:new@thread.tacv2", ["name"] = "Counselors" };

        var seen = Assert.Single(ActivityReachability.Read(created).Seen);
        Assert.Equal(RecipientKeys.Conversation("19:new@thread.tacv2"), seen.Key);
        Assert.Equal("Counselors", seen.Name);
        Assert.Equal(general.TeamId, seen.TeamId);
        Assert.Contains("19:new@thread.tacv2", seen.ConversationReferenceJson);

        data["eventType"] = "channelDeleted";
        var gone = ActivityReachability.Read(created);
        Assert.Empty(gone.Seen);
        Assert.Equal([RecipientKeys.Conversation("19:new@thread.tacv2")], gone.GoneKeys);
        Assert.Equal(ReachabilityReasons.ChannelDeleted, gone.GoneReason);
    }

    [Fact]
    public void A_reply_threads_id_is_its_channels_and_the_proactive_event_changes_nothing()
    {
        var channel = TeamsConversation.Channel();
        var inThread = channel with { Id = channel.Id + ";messageid=1700000000123" };

        var seen = Assert.Single(ActivityReachability.Read(_activities.Message(inThread, _teacher, "hi")).Seen);
        Assert.Equal(channel.Id, seen.ConversationId);
        Assert.Equal(RecipientKeys.Conversation(channel.Id), ActivityReachability.RecipientKeyOf(_activities.Message(inThread, _teacher, "hi")));

        var continuation = new ConversationReference
        {
            Conversation = new ConversationAccount(id: channel.Id), ChannelId = "msteams", ServiceUrl = "http://127.0.0.1:9/",
        }.GetContinuationActivity();
        Assert.Same(ReachabilityUpdate.None, ActivityReachability.Read(continuation));
    }

    [Fact]
    public void Malformed_channel_data_does_not_fail_the_reading()
    {
        var message = _activities.Message(TeamsConversation.Personal(), _teacher, "hi");
        message.ChannelData = new JObject { ["tenant"] = "not an object" };
        message.Conversation.TenantId = null;

        var seen = Assert.Single(ActivityReachability.Read(message).Seen);

        Assert.Null(seen.TenantId);
    }
}
