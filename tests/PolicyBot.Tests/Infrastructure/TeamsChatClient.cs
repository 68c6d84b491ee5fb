using System.Net;
using System.Text;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>
/// The outcome of one turn: the HTTP answer of <c>/api/messages</c> and what the bot sent to the connector
/// for it (replies to the activity, sends and updates in its conversation), in arrival order.
/// </summary>
/// <param name="Sent">The activity posted to the bot.</param>
/// <param name="Status">HTTP status of <c>/api/messages</c>.</param>
/// <param name="Body">Response body (an invoke response, or a problem).</param>
/// <param name="Replies">Accepted connector calls for this turn.</param>
public sealed record TurnResult(Activity Sent, HttpStatusCode Status, string Body, IReadOnlyList<ReceivedActivity> Replies)
{
    /// <summary>Text of each reply that has one (updates included).</summary>
    public IReadOnlyList<string> Texts => Replies.Select(r => r.Activity?.Text).OfType<string>().ToList();

    /// <summary>The reply activities (sends, replies, updates).</summary>
    public IReadOnlyList<Activity> Activities => Replies.Select(r => r.Activity).OfType<Activity>().ToList();

    /// <summary>
    /// The only reply to the activity; fails listing all replies otherwise. Work the delivery engine does in the
    /// background meanwhile (a queued send to another conversation, an update of a channel card) may land inside the
    /// turn's window; it is not a reply, so it does not count when exactly one call replies to the activity itself.
    /// </summary>
    public Activity SingleReply =>
        Replies.Count == 1 && Replies[0].Activity is { } only
            ? only
            : Replies.Where(r => r.Operation == ConnectorOperation.ReplyToActivity && r.RouteActivityId == Sent.Id).ToList() is [{ Activity: { } answer }]
                && Replies.All(r => r.Operation == ConnectorOperation.ReplyToActivity ? r.RouteActivityId == Sent.Id : r.Operation == ConnectorOperation.UpdateActivity || r.ConversationId != Sent.Conversation?.Id)
                ? answer
                : throw new Xunit.Sdk.XunitException($"Expected exactly one reply, got {Replies.Count}:{Environment.NewLine}{FakeBotConnector.Describe(Replies)}");
}

/// <summary>
/// Talks to a <see cref="BotHost"/> the way Teams does: posts Teams-shaped activities to <c>/api/messages</c>
/// and collects the bot's answers from the <see cref="FakeBotConnector"/>. Users who send are added to the
/// connector's roster of that conversation (and team), so <c>TeamsInfo</c> lookups of them succeed.
/// <code>
/// var teams = new TeamsChatClient(host, connector);
/// var ada = TeamsUser.Create("Ada Lovelace");
/// var chat = TeamsConversation.Personal();
/// var turn = await teams.SayAsync(chat, ada, "can I text a student?");
/// Assert.Contains("family", turn.Texts[0]);
/// var submit = await teams.SubmitAsync(chat, ada, new { relationship = "family" }, replyToId: turn.Replies[0].Id);
/// </code>
/// </summary>
public sealed class TeamsChatClient(BotHost host, FakeBotConnector connector, TeamsActivityBuilder? activities = null)
{
    /// <summary>The builder used by the shortcut methods (and available for hand-made activities).</summary>
    public TeamsActivityBuilder Activities { get; } = activities ?? new TeamsActivityBuilder(connector.ServiceUrl);

    /// <summary>The connector the bot answers to.</summary>
    public FakeBotConnector Connector => connector;

    /// <summary>Sends a typed message (mentioning the bot in group chats and channels unless told otherwise).</summary>
    public Task<TurnResult> SayAsync(TeamsConversation conversation, TeamsUser from, string text, bool? mentionBot = null, int? expectReplies = null)
    {
        AddToRoster(conversation, from);
        return SendAsync(Activities.Message(conversation, from, text, mentionBot), expectReplies);
    }

    /// <summary>Sends an Action.Submit with <paramref name="value"/> as the card's data.</summary>
    public Task<TurnResult> SubmitAsync(TeamsConversation conversation, TeamsUser from, object value, string? replyToId = null, bool mentionBot = false, int? expectReplies = null)
    {
        AddToRoster(conversation, from);
        return SendAsync(Activities.CardSubmit(conversation, from, value, replyToId, mentionBot), expectReplies);
    }

    /// <summary>Puts <paramref name="user"/> on the connector's roster of <paramref name="conversation"/> (and its team).</summary>
    public void AddToRoster(TeamsConversation conversation, TeamsUser user)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(user);
        connector.AddMember(conversation.Id, user.ToTeamsChannelAccount());
        if (conversation.TeamId is not null)
        {
            connector.AddMember(conversation.TeamId, user.ToTeamsChannelAccount());
        }
    }

    /// <summary>
    /// Posts <paramref name="activity"/> and returns the turn's replies. The adapter finishes the turn (and its
    /// sends) before answering the POST, so the replies are complete when it returns; with
    /// <paramref name="expectReplies"/> it also waits (up to <paramref name="timeout"/>, default 10 s) for replies
    /// sent after the POST returned, and throws <see cref="TimeoutException"/> when fewer arrive.
    /// </summary>
    public async Task<TurnResult> SendAsync(Activity activity, int? expectReplies = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        RegisterSender(activity);
        var before = connector.LastSequence;
        var json = JsonConvert.SerializeObject(activity, new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore });
        using var response = await host.PostMessagesAsync(new StringContent(json, Encoding.UTF8, "application/json")).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);

        bool ForThisTurn(ReceivedActivity r) =>
            r.Sequence > before
            && (r.Activity?.ReplyToId == activity.Id || r.RouteActivityId == activity.Id || r.ConversationId == activity.Conversation.Id);

        IReadOnlyList<ReceivedActivity> replies = expectReplies is { } count && count > 0
            ? await connector.WaitForAsync(ForThisTurn, count, timeout).ConfigureAwait(false)
            : connector.ReceivedSince(before).Where(r => r.Accepted && ForThisTurn(r)).ToList();
        return new TurnResult(activity, response.StatusCode, body, replies);
    }

    private void RegisterSender(Activity activity)
    {
        if (activity.From is not { } from || activity.Conversation?.Id is not { } conversationId)
        {
            return;
        }

        // Keeps a fuller entry added by AddToRoster.
        var member = new TeamsChannelAccount { Id = from.Id, Name = from.Name, AadObjectId = from.AadObjectId };
        connector.AddMember(conversationId, member, replace: false);
        if (activity.TeamsGetTeamInfo()?.Id is { } teamId)
        {
            connector.AddMember(teamId, member, replace: false);
        }
    }
}
