using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using PolicyBot.Campaigns;
using PolicyBot.Cards;
using PolicyBot.Reachability;
using PolicyBot.Requests;
using PolicyBot.Roles;
using PolicyBot.Storage;
using PolicyBot.Turns;
using PolicyBot.Privacy;

namespace PolicyBot.Conversation;

/// <summary>
/// The Teams side of the conversation: turns activities into <see cref="ConversationInput"/>s for
/// the <see cref="ConversationEngine"/>, keeps each person's <see cref="SituationState"/> (per user
/// per conversation, so group chats never mix), and sends the replies as cards.
/// In group chats and channels it answers only when @mentioned (or when its own card is used).
/// Role and administrator commands go to <see cref="AdministrationCommands"/>, with the activity's sender as the actor.
/// Replies go out through <see cref="ReplySender"/> (throttled replies wait or are queued, never lost).
/// </summary>
public sealed class PolicyBotHandler(
    ConversationEngine engine,
    AdministrationCommands administration,
    PrivacyCommands personalData,
    RequestCommands requests,
    RequestContextBuilder requestContexts,
    AccountRegistryGate registry,
    ReplyRenderer renderer,
    ReplySender sender,
    IClaimStore claims,
    SituationStore situations,
    ConversationState conversations,
    LogPrivacy privacy,
    ILogger<PolicyBotHandler> logger,
    CampaignService? campaigns = null,
    IHttpContextAccessor? http = null,
    Feedback.VerdictFeedback? feedback = null) : TeamsActivityHandler
{
    private readonly IStatePropertyAccessor<bool> _welcomed = conversations.CreateProperty<bool>("welcomed");

    /// <summary>
    /// One lock per stripe of (conversation, person): a person's turns run one at a time, so a double tap on a card
    /// is decided against the state the first tap left, never against the same old state twice. In-process only,
    /// which matches the single instance the SQLite store supports.
    /// </summary>
    private static readonly SemaphoreSlim[] Stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    /// <inheritdoc />
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (campaigns is not null && await CampaignTurnAsync(turnContext, cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        var input = ReadInput(activity);
        if (input is null)
        {
            return;   // a group chat or channel message not addressed to the bot
        }
        var conversationType = activity.Conversation?.ConversationType ?? "personal";

        // Requests to the administration (Requests/): their commands and card buttons; the sender is read off the activity.
        var requestAction = RequestCardActions.ActionOf(activity.Value);
        if (requestAction is not null and not RequestCardActions.Start and not RequestCardActions.AccountConfirm)
        {
            await SendAsync(turnContext, await requests.HandleCardAsync((JObject)activity.Value, RequestTurns.From(activity), cancellationToken).ConfigureAwait(false), cancellationToken)
                .ConfigureAwait(false);
            return;
        }
        if (input is TypedInput { Text: var words } && RequestCommands.Recognize(words) is { } requestCommand)
        {
            await SendAsync(turnContext, await requests.HandleTypedAsync(requestCommand, RequestTurns.From(activity), cancellationToken).ConfigureAwait(false), cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        if (AdministrationCommands.Recognize(input) is { } command)
        {
            logger.LogInformation("Command {Command} in {ConversationType} conversation from {AadObjectId}.", command, conversationType, activity.From?.AadObjectId);
            // The actor is the activity's sender, never anything the card data claims.
            var actor = new Actor(activity.From?.AadObjectId, activity.From?.Name, activity.Conversation?.Id);
            var personal = activity.Conversation?.ConversationType is null or "personal" && activity.Conversation?.IsGroup != true;
            await SendAsync(turnContext, await administration.HandleAsync(command, actor, personal, cancellationToken, (input as CardInput)?.Submit?.Value).ConfigureAwait(false), cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        if (PrivacyCommands.Recognize(input) is { } privacyCommand)
        {
            // The person is the activity's sender, never anything the card data claims. The stored situation is not loaded
            // in this turn, so the end-of-turn save cannot write back what "forget me" deleted.
            logger.LogInformation("Command {Command} in {ConversationType} conversation from {AadObjectId}.", privacyCommand, conversationType, activity.From?.AadObjectId);
            var person = string.IsNullOrEmpty(activity.From?.Id) ? null : new DataSubject(activity.From.Id, activity.From.AadObjectId, ActivityReachability.TenantOf(activity));
            var personalChat = activity.Conversation?.ConversationType is null or "personal" && activity.Conversation?.IsGroup != true;
            await SendAsync(turnContext, await personalData.HandleAsync(privacyCommand, person, personalChat, cancellationToken).ConfigureAwait(false), cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        var stripe = Stripes[(int)((uint)HashCode.Combine(activity.Conversation?.Id, activity.From?.Id) % (uint)Stripes.Length)];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Read the state as the previous turn left it (never a copy cached before the lock), decide, answer, save.
            var stored = await situations.LoadAsync(turnContext, cancellationToken).ConfigureAwait(false);
            var state = stored.State;
            if (input is CardInput { Submit: { Action: CardActions.Feedback } submit } && feedback is not null)
            {
                // Feedback on a verdict card: the verdict from the person's own state, the person from the sender.
                var person = Feedback.VerdictFeedback.PersonKey(ActivityReachability.TenantOf(activity), activity.From?.AadObjectId, activity.From?.Id);
                await SendAsync(turnContext, await feedback.HandleAsync(submit, state, person, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                await situations.SaveAsync(stored).ConfigureAwait(false);
                return;
            }
            IReadOnlyList<Reply> replies;
            if (requestAction == RequestCardActions.Start)
            {
                // "Ask administration" on a verdict card: the verdict's facts come from this person's state, not the card.
                var situation = CardActions.TextValue(((JObject)activity.Value)[CardActions.SituationField]);
                replies = await requests.StartFromVerdictAsync(RequestTurns.From(activity), state.RecentVerdicts.LastOrDefault(v => v.SituationId == situation), cancellationToken)
                    .ConfigureAwait(false);
            }
            else if (requestAction == RequestCardActions.AccountConfirm)
            {
                // "It's this account" on the registry card: checked against the sender's own registry entries.
                replies = await registry.ConfirmAsync(RequestTurns.From(activity), state, (JObject)activity.Value, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                replies = engine.Handle(state, input);
                // Whether a class or school account is approved comes from the approved accounts registry, never on trust.
                var requestTurn = RequestTurns.From(activity);   // read once: it deserializes the channel data
                replies = await registry.ApplyAsync(requestTurn, state, replies, cancellationToken).ConfigureAwait(false);
                if (input is TypedInput typedInput)
                {
                    replies = await requests.AfterAnswerAsync(requestTurn, state, replies, typedInput.Text, requestContexts, cancellationToken).ConfigureAwait(false);
                }
            }

            // What the log keeps of a turn: the kind of input, what was answered and the situation's facts; typed text
            // only in a troubleshooting window an administrator opened (LogPrivacy).
            logger.LogInformation("Turn in {ConversationType} conversation: {Input} -> {Replies}; {Situation}.",
                conversationType, TurnSummary.Input(input, privacy), TurnSummary.Replies(replies), TurnSummary.Situation(state));
            if (replies.OfType<SafetyReply>().FirstOrDefault() is { } safety)
            {
                // Warning, so it stays in the log when message text is turned off; the categories only, never the text.
                logger.LogWarning("Safety card shown in {ConversationType} conversation (signals: {Categories}).",
                    conversationType, string.Join(", ", safety.Categories));
            }
            await SendAsync(turnContext, replies, cancellationToken).ConfigureAwait(false);
            await situations.SaveAsync(stored).ConfigureAwait(false);
        }
        finally
        {
            stripe.Release();
        }
    }

    /// <summary>
    /// A policy reminder's button or command (Campaigns/): true when the turn was one. The caller is the activity's sender;
    /// the card data only names the campaign and the button. A reply that replaces the tapped card (an acknowledgement) is
    /// an update of the activity the submit replies to.
    /// </summary>
    private async Task<bool> CampaignTurnAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var submit = CampaignSubmit.TryRead(activity.Value);
        string? typed = null;
        if (submit is null)
        {
            if (activity.Value is not null || ReadInput(activity) is not TypedInput { Text: var text } || CampaignService.Recognize(text) is null)
            {
                return false;
            }
            typed = text;
        }
        var actor = new Actor(activity.From?.AadObjectId, activity.From?.Name, activity.Conversation?.Id);
        var personal = activity.Conversation?.ConversationType is null or "personal" && activity.Conversation?.IsGroup != true;
        var request = http?.HttpContext?.Request;
        var caller = new CampaignCaller(actor, Reachability.ActivityReachability.TenantOf(activity), personal,
            request is null ? null : new Uri($"{request.Scheme}://{request.Host}/"));
        var outcome = typed is null
            ? await campaigns!.HandleAsync(submit!, caller, cancellationToken).ConfigureAwait(false)
            : await campaigns!.HandleTypedAsync(typed, caller, cancellationToken).ConfigureAwait(false);
        if (outcome.UpdateTapped is { } card && activity.ReplyToId is { Length: > 0 } tapped)
        {
            var update = renderer.Render(new CardReply(card));
            update.Id = tapped;
            try
            {
                await turnContext.UpdateActivityAsync(update, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The record is kept either way; a card Teams would not update is only out of date.
                logger.LogWarning(e, "Could not update the tapped campaign card {ActivityId}.", tapped);
            }
        }
        else if (outcome.UpdateTapped is { } fresh)
        {
            await SendAsync(turnContext, [new CardReply(fresh)], cancellationToken).ConfigureAwait(false);
        }
        await SendAsync(turnContext, outcome.Replies, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The input of a message, or null when the bot should stay silent.</summary>
    private static ConversationInput? ReadInput(IMessageActivity activity)
    {
        if (activity.Value is not null)
        {
            return new CardInput(CardActions.TryRead(activity.Value, out var submit) ? submit : null);
        }
        var botMentions = activity.GetMentions().Where(m => m.Mentioned?.Id is { } id && id == activity.Recipient?.Id).ToList();
        var isGroup = activity.Conversation?.ConversationType is "groupChat" or "channel";
        if (isGroup && botMentions.Count == 0)
        {
            return null;
        }
        // Removes "<at>PolicyBot</at>" by the mention's own text. (RemoveRecipientMention throws on a mention entity
        // without 'mentioned', which a malformed activity can carry.)
        var text = activity.Text ?? "";
        foreach (var mention in botMentions.Where(m => !string.IsNullOrEmpty(m.Text)))
        {
            text = text.Replace(mention.Text, " ", StringComparison.OrdinalIgnoreCase);
        }
        return new TypedInput(System.Net.WebUtility.HtmlDecode(text).Trim());
    }

    /// <summary>
    /// Welcomes once per conversation when the bot itself is added (installed in a personal chat, group chat or
    /// team). Teams sends an installationUpdate at the same moment, and sometimes the conversationUpdate twice; the
    /// welcome is claimed atomically in the store before it is sent (<see cref="IClaimStore"/>), so of concurrent
    /// turns exactly one welcomes. The installationUpdate is not welcomed at all. Handled here rather than in
    /// TeamsActivityHandler's members-added dispatch, which looks up every added member with a connector call: a
    /// lookup the welcome does not need, and one failing lookup would fail the turn.
    /// </summary>
    protected override Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        return activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true
            ? WelcomeOnceAsync(turnContext, cancellationToken)
            : Task.CompletedTask;
    }

    private async Task WelcomeOnceAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        // Conversations welcomed before the claim existed carry the old flag in their state.
        if (await _welcomed.GetAsync(turnContext, () => false, cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        var key = "welcome:" + RecipientKeys.BaseConversationId(turnContext.Activity.Conversation.Id);
        if (!await claims.TryClaimAsync(key, lifetime: null, cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        try
        {
            await SendAsync(turnContext, [new WelcomeReply()], cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Not welcomed after all: Teams' retry of this activity (or the next install event) may welcome.
            await claims.ReleaseAsync(key, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private Task SendAsync(ITurnContext turnContext, IReadOnlyList<Reply> replies, CancellationToken cancellationToken) =>
        // Each card is its own activity: Teams splits text and a card sent together.
        sender.SendAsync(turnContext, [.. replies.Select(renderer.Render)], cancellationToken);
}
