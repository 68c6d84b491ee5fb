using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using PolicyBot.Cards;
using PolicyBot.Delivery;
using PolicyBot.Reachability;
using PolicyBot.Roles;

namespace PolicyBot.Conversation;

/// <summary>
/// The commands about roles and administration, without Bot Framework types: "roles" (anyone: which roles they hold
/// and what those allow) and "test message" (campaign authors, personal chat: queue a short plain message to everyone
/// reachable through the <see cref="IOutbox"/>) and "feedback" (request deciders, personal chat: the verdicts staff
/// marked "not right", no names). Who may act is decided by <see cref="Authorizer"/> from the
/// <see cref="Actor"/> the caller read off the activity, never from card data.
/// </summary>
public sealed partial class AdministrationCommands(
    RoleAssignments roles,
    Authorizer authorizer,
    IRecipientRegistry directory,
    ILogger<AdministrationCommands> logger,
    IOutbox? outbox = null,
    IOutboxStatus? deliveries = null,
    PolicyBot.Privacy.LogPrivacy? privacy = null,
    Feedback.VerdictFeedback? feedback = null)
{
    /// <summary>The command an input is, or null: <see cref="BotCommands.Roles"/>, <see cref="BotCommands.TestMessage"/>, <see cref="BotCommands.TestStatus"/> or <see cref="BotCommands.Feedback"/>.</summary>
    /// <param name="input">A typed message (mention removed) or a card submit.</param>
    public static string? Recognize(ConversationInput input) => input switch
    {
        TypedInput typed => CommandWords().Replace(typed.Text.ToLowerInvariant(), " ").Trim() switch
        {
            "roles" or "role" or "my roles" or "my role" or "show my roles" or "what are my roles" => BotCommands.Roles,
            "test message" or "send test message" or "send a test message" => BotCommands.TestMessage,
            "feedback" or "show feedback" or "not right" or "not right answers" or "feedback report" => BotCommands.Feedback,
            _ => null,
        },
        CardInput { Submit.Action: CardActions.TestMessage } => BotCommands.TestMessage,
        CardInput { Submit.Action: CardActions.TestStatus } => BotCommands.TestStatus,
        _ => null,
    };

    /// <summary>Carries out <paramref name="command"/> for <paramref name="actor"/> and returns the replies.</summary>
    /// <param name="command">A value <see cref="Recognize"/> returned.</param>
    /// <param name="actor">The activity's sender.</param>
    /// <param name="inPersonalChat">True in the sender's 1:1 chat with the bot (administrator commands work only there).</param>
    /// <param name="cancellationToken">Cancels the directory and outbox calls.</param>
    /// <exception cref="ArgumentOutOfRangeException">An unknown command.</exception>
    /// <param name="messageId">For <see cref="BotCommands.TestStatus"/>: the send id the card carried; else null.</param>
    public Task<IReadOnlyList<Reply>> HandleAsync(string command, Actor actor, bool inPersonalChat, CancellationToken cancellationToken, string? messageId = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return command switch
        {
            BotCommands.Roles => RolesAsync(actor, inPersonalChat, cancellationToken),
            BotCommands.TestMessage => TestMessageAsync(actor, inPersonalChat, cancellationToken),
            BotCommands.TestStatus => TestStatusAsync(actor, inPersonalChat, messageId, cancellationToken),
            BotCommands.Feedback => FeedbackReportAsync(actor, inPersonalChat, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Not an administration command."),
        };
    }

    /// <summary>The verdicts staff marked "not right", for request deciders in their personal chat: situations, no names.</summary>
    private async Task<IReadOnlyList<Reply>> FeedbackReportAsync(Actor actor, bool inPersonalChat, CancellationToken cancellationToken)
    {
        var decision = authorizer.Authorize(actor, AdministratorAction.ReviewFeedback);
        if (!decision.Allowed)
        {
            return [new NoticeReply(decision.Refusal!)];
        }
        if (!inPersonalChat)
        {
            return [new NoticeReply("Please send \"feedback\" in your personal chat with me: administrator commands work only there, so this chat doesn't see them.")];
        }
        if (feedback is null)
        {
            return [new NoticeReply("Sorry, verdict feedback is not switched on in this version of PolicyBot.")];
        }
        return [await feedback.ReportAsync(cancellationToken).ConfigureAwait(false)];
    }

    /// <summary>The text of a test message sent by <paramref name="sender"/>.</summary>
    /// <param name="sender">The administrator's display name, or null.</param>
    public static string TestMessageText(string? sender) =>
        $"This is a test message from PolicyBot, sent by {(string.IsNullOrWhiteSpace(sender) ? "your administration" : sender)} " +
        "to check that PolicyBot can reach you. There is nothing you need to do.";

    private async Task<IReadOnlyList<Reply>> RolesAsync(Actor actor, bool inPersonalChat, CancellationToken cancellationToken)
    {
        var held = roles.RolesOf(actor.AadObjectId);
        var teams = new List<string>();
        foreach (var scope in held.DecidesForTeams)
        {
            var team = await directory.FindTeamAsync(scope, cancellationToken).ConfigureAwait(false);
            teams.Add(team?.Name ?? scope);
        }

        return [new RolesReply(held, inPersonalChat ? actor.AadObjectId : null, teams, inPersonalChat && held.IsCampaignAuthor)];
    }

    private async Task<IReadOnlyList<Reply>> TestMessageAsync(Actor actor, bool inPersonalChat, CancellationToken cancellationToken)
    {
        var decision = authorizer.Authorize(actor, AdministratorAction.SendTestMessage);
        if (!decision.Allowed)
        {
            return [new NoticeReply(decision.Refusal!)];
        }

        if (!inPersonalChat)
        {
            return [new NoticeReply("Please send \"test message\" in your personal chat with me: administrator commands work only there, so this chat doesn't see them.")];
        }

        if (outbox is null)
        {
            logger.LogWarning("A test message was asked for by {AadObjectId}, but no outbox (delivery engine) is registered.", actor.AadObjectId);
            return [new NoticeReply("Sorry, sending to staff is not switched on in this version of PolicyBot yet (its delivery engine is not installed), so nothing was queued.")];
        }

        var messageId = "test:" + Guid.NewGuid().ToString("N");
        var text = TestMessageText(actor.Name);
        var activity = new JObject { ["type"] = "message", ["text"] = text, ["textFormat"] = "plain" }.ToString(Newtonsoft.Json.Formatting.None);
        var people = await directory.ListReachablePeopleAsync(cancellationToken).ConfigureAwait(false);
        var queued = await outbox.EnqueueAsync(people.Select(p => new OutboundMessage(messageId, p.Key, activity)), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Test message {MessageId} queued for {Queued} reachable people by {AadObjectId} ({Name}).", messageId, queued, actor.AadObjectId, privacy?.Name(actor.Name) ?? "(name not logged)");
        return [new TestMessageQueuedReply(text, queued, messageId)];
    }

    /// <summary>
    /// A test message's delivery status for a campaign author: the totals and each person (name from the directory).
    /// The send id comes from the card; who may see it comes from the sender only. Only test messages are shown here.
    /// </summary>
    public async Task<IReadOnlyList<Reply>> TestStatusAsync(Actor actor, bool inPersonalChat, string? messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var decision = authorizer.Authorize(actor, AdministratorAction.SendTestMessage);
        if (!decision.Allowed)
        {
            return [new NoticeReply(decision.Refusal!)];
        }
        if (!inPersonalChat)
        {
            return [new NoticeReply("Delivery status is shown only in your personal chat with me.")];
        }
        if (deliveries is null)
        {
            return [new NoticeReply("Sorry, delivery status is not available: the delivery engine is not installed in this version.")];
        }
        if (messageId is null || !messageId.StartsWith("test:", StringComparison.Ordinal))
        {
            return [new NoticeReply("I couldn't tell which test message you mean. Use \"Check delivery status\" on the test message's card.")];
        }
        var totals = await deliveries.GetTotalsAsync(messageId, cancellationToken).ConfigureAwait(false);
        var rows = await deliveries.ListRecipientsAsync(messageId, null, cancellationToken).ConfigureAwait(false);
        var people = new List<(string Name, string Status, string? Reason)>();
        foreach (var row in rows.OrderBy(r => r.Status == DeliveryStatus.Sent).ThenBy(r => r.RecipientKey, StringComparer.Ordinal))
        {
            var name = (await directory.FindAsync(row.RecipientKey, cancellationToken).ConfigureAwait(false))?.Name ?? row.RecipientKey;
            people.Add((name, StatusWords(row.Status), row.Status == DeliveryStatus.Sent ? null : row.Reason));
        }
        return [new TestMessageStatusReply(messageId, totals, people)];
    }

    private static string StatusWords(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Queued => "waiting",
        DeliveryStatus.Sending => "being sent",
        DeliveryStatus.Sent => "sent",
        DeliveryStatus.Failed => "failed",
        DeliveryStatus.Unreachable => "unreachable",
        DeliveryStatus.DeadLettered => "gave up after retries",
        _ => status.ToString(),
    };

    [GeneratedRegex(@"[^a-z]+")]
    private static partial Regex CommandWords();
}
