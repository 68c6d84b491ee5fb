using System.Globalization;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json.Linq;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>A Teams user as the bot sees one: <c>29:</c> id, display name, Entra object id.</summary>
/// <param name="Id">Bot Framework user id (<c>29:...</c>).</param>
/// <param name="Name">Display name.</param>
/// <param name="AadObjectId">Microsoft Entra object id (stable across conversations).</param>
/// <param name="Email">E-mail / UPN.</param>
public sealed record TeamsUser(string Id, string Name, string AadObjectId, string Email)
{
    /// <summary>A new user with unique ids; <paramref name="name"/> also forms the e-mail.</summary>
    public static TeamsUser Create(string name)
    {
        var aad = Guid.NewGuid().ToString();
        var mail = new string(name.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
        return new TeamsUser("29:1" + aad.Replace("-", "", StringComparison.Ordinal), name, aad, $"{mail}@stevensville.k12.mt.us");
    }

    /// <summary>The <c>from</c> account of an activity.</summary>
    public ChannelAccount ToChannelAccount() => new(Id, Name) { AadObjectId = AadObjectId };

    /// <summary>The roster entry the connector returns for this user.</summary>
    public TeamsChannelAccount ToTeamsChannelAccount() => new(Id, Name, givenName: Name.Split(' ')[0], surname: null, email: Email, userPrincipalName: Email)
    {
        AadObjectId = AadObjectId,
        UserRole = "user",
    };
}

/// <summary>
/// A Teams conversation: personal (1:1 with the bot), group chat, or a channel of a team.
/// <see cref="Id"/> is what the bot sees as <c>conversation.id</c>.
/// </summary>
public sealed record TeamsConversation(
    string Id,
    string ConversationType,
    string TenantId,
    string? TeamId = null,
    string? TeamName = null,
    string? ChannelId = null,
    string? ChannelName = null)
{
    /// <summary>The tenant used unless another is given.</summary>
    public const string DefaultTenantId = "72f988bf-0000-4000-8000-5c5d15e5f7a1";

    /// <summary>True for group chats and channels.</summary>
    public bool IsGroup => ConversationType != "personal";

    /// <summary>A new 1:1 chat with the bot.</summary>
    public static TeamsConversation Personal(string tenantId = DefaultTenantId) =>
        new("a:1" + Guid.NewGuid().ToString("N"), "personal", tenantId);

    /// <summary>A new group chat.</summary>
    public static TeamsConversation GroupChat(string tenantId = DefaultTenantId) =>
        new("19:" + Guid.NewGuid().ToString("N") + "@thread.v2", "groupChat", tenantId);

    /// <summary>A channel of a new team. Its id is the channel id (a post, not a reply thread).</summary>
    public static TeamsConversation Channel(string teamName = "Stevensville Staff", string channelName = "General", string tenantId = DefaultTenantId)
    {
        var team = "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2";
        var channel = channelName == "General" ? team : "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2";
        return new(channel, "channel", tenantId, team, teamName, channel, channelName);
    }

    /// <summary>Another channel of the same team.</summary>
    public TeamsConversation OtherChannel(string channelName)
    {
        var channel = "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2";
        return this with { Id = channel, ChannelId = channel, ChannelName = channelName };
    }
}

/// <summary>
/// Builds activities shaped like the ones Teams sends: channelId <c>msteams</c>, the fake connector as
/// serviceUrl, <c>channelData.tenant</c> (plus team and channel for channels), <c>from.aadObjectId</c>,
/// <c>&lt;at&gt;</c> mention entities, and Action.Submit card submits (a <c>value</c> JObject, no text).
/// </summary>
public sealed class TeamsActivityBuilder
{
    private static long _lastId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    /// <summary>Builds activities that point the bot at <paramref name="serviceUrl"/>.</summary>
    /// <param name="serviceUrl">Usually <see cref="FakeBotConnector.ServiceUrl"/>.</param>
    /// <param name="bot">The bot account (recipient); default <c>28:policybot</c> named PolicyBot.</param>
    public TeamsActivityBuilder(Uri serviceUrl, ChannelAccount? bot = null)
    {
        ServiceUrl = serviceUrl ?? throw new ArgumentNullException(nameof(serviceUrl));
        Bot = bot ?? new ChannelAccount("28:policybot-local", "PolicyBot");
    }

    /// <summary>The serviceUrl put into every activity.</summary>
    public Uri ServiceUrl { get; }

    /// <summary>The bot's account (the recipient of every activity).</summary>
    public ChannelAccount Bot { get; }

    /// <summary>
    /// A message typed by <paramref name="from"/>. With <paramref name="mentionBot"/> (default: true in group chats
    /// and channels, where Teams only delivers messages that @mention the bot) the text starts with
    /// <c>&lt;at&gt;PolicyBot&lt;/at&gt;</c> and carries the matching mention entity.
    /// </summary>
    public Activity Message(TeamsConversation conversation, TeamsUser from, string text, bool? mentionBot = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var activity = Base(ActivityTypes.Message, conversation, from);
        activity.TextFormat = TextFormatTypes.Plain;
        activity.Text = text;
        if (mentionBot ?? conversation.IsGroup)
        {
            var at = $"<at>{Bot.Name}</at>";
            activity.Text = $"{at} {text}";
            activity.Entities.Add(Mention(Bot, at));
        }

        return activity;
    }

    /// <summary>
    /// An Action.Submit from a card: a message with <c>text</c> null and <paramref name="value"/> (the action's
    /// data merged with the card's inputs) as a JObject; <c>replyToId</c> is the card's activity id when given.
    /// <paramref name="mentionBot"/> adds a mention entity with no text, which is what makes
    /// <c>RemoveRecipientMention()</c> throw on a channel submit.
    /// </summary>
    public Activity CardSubmit(TeamsConversation conversation, TeamsUser from, object value, string? replyToId = null, bool mentionBot = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        var activity = Base(ActivityTypes.Message, conversation, from);
        activity.Text = null;
        activity.Value = value as JObject ?? JObject.FromObject(value);
        activity.ReplyToId = replyToId;
        if (replyToId is not null)
        {
            ((JObject)activity.ChannelData)["legacy"] = new JObject { ["replyToId"] = replyToId };
        }

        ((JObject)activity.ChannelData)["source"] = new JObject { ["name"] = "message" };
        if (mentionBot)
        {
            activity.Entities.Add(Mention(Bot, $"<at>{Bot.Name}</at>"));
        }

        return activity;
    }

    /// <summary>
    /// A conversationUpdate with <paramref name="membersAdded"/> (default: the bot itself, i.e. the app was
    /// installed into the conversation), with <c>channelData.eventType</c> <c>teamMemberAdded</c>.
    /// </summary>
    public Activity MembersAdded(TeamsConversation conversation, TeamsUser from, params ChannelAccount[] membersAdded)
    {
        var activity = Base(ActivityTypes.ConversationUpdate, conversation, from);
        activity.MembersAdded = membersAdded.Length > 0 ? membersAdded : [Bot];
        ((JObject)activity.ChannelData)["eventType"] = "teamMemberAdded";
        return activity;
    }

    /// <summary>
    /// A conversationUpdate with <paramref name="membersRemoved"/> (default: the bot itself, i.e. the app was
    /// uninstalled from the conversation or team), with <c>channelData.eventType</c> <c>teamMemberRemoved</c>.
    /// </summary>
    public Activity MembersRemoved(TeamsConversation conversation, TeamsUser from, params ChannelAccount[] membersRemoved)
    {
        var activity = Base(ActivityTypes.ConversationUpdate, conversation, from);
        activity.MembersRemoved = membersRemoved.Length > 0 ? membersRemoved : [Bot];
        ((JObject)activity.ChannelData)["eventType"] = "teamMemberRemoved";
        return activity;
    }

    /// <summary>An installationUpdate with <paramref name="action"/> (<c>add</c> or <c>remove</c>), as Teams sends on install and uninstall.</summary>
    public Activity InstallationUpdate(TeamsConversation conversation, TeamsUser from, string action)
    {
        var activity = Base(ActivityTypes.InstallationUpdate, conversation, from);
        activity.Action = action;
        return activity;
    }

    /// <summary>An invoke activity (e.g. <c>adaptiveCard/action</c>) with <paramref name="value"/> as a JObject.</summary>
    public Activity Invoke(TeamsConversation conversation, TeamsUser from, string name, object value)
    {
        var activity = Base(ActivityTypes.Invoke, conversation, from);
        activity.Name = name;
        activity.Value = value as JObject ?? JObject.FromObject(value);
        return activity;
    }

    private Activity Base(string type, TeamsConversation conversation, TeamsUser from)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(from);
        var now = DateTimeOffset.UtcNow;
        var channelData = new JObject { ["tenant"] = new JObject { ["id"] = conversation.TenantId } };
        if (conversation.TeamId is not null)
        {
            channelData["teamsTeamId"] = conversation.TeamId;
            channelData["teamsChannelId"] = conversation.ChannelId;
            channelData["team"] = new JObject { ["id"] = conversation.TeamId, ["name"] = conversation.TeamName };
            channelData["channel"] = new JObject { ["id"] = conversation.ChannelId, ["name"] = conversation.ChannelName };
        }

        return new Activity
        {
            Type = type,

            // Teams message ids are numeric and increasing.
            Id = Interlocked.Increment(ref _lastId).ToString(CultureInfo.InvariantCulture),
            ChannelId = Channels.Msteams,
            ServiceUrl = ServiceUrl.ToString(),
            Timestamp = now,
            LocalTimestamp = now.ToOffset(TimeSpan.FromHours(-6)),
            LocalTimezone = "America/Denver",
            Locale = "en-US",
            From = from.ToChannelAccount(),
            Recipient = new ChannelAccount(Bot.Id, Bot.Name),
            Conversation = new ConversationAccount(
                isGroup: conversation.IsGroup,
                conversationType: conversation.ConversationType,
                id: conversation.Id,
                tenantId: conversation.TenantId),
            ChannelData = channelData,
            Entities = [ClientInfo()],
        };
    }

    private static Entity ClientInfo()
    {
        var entity = new Entity("clientInfo");
        entity.Properties["locale"] = "en-US";
        entity.Properties["country"] = "US";
        entity.Properties["platform"] = "Web";
        entity.Properties["timezone"] = "America/Denver";
        return entity;
    }

    private static Entity Mention(ChannelAccount who, string text)
    {
        var entity = new Entity("mention");
        entity.SetAs(new Mention(new ChannelAccount(who.Id, who.Name), text));
        return entity;
    }
}
