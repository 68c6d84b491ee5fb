using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;

namespace PolicyBot.Tests.Hosting;

/// <summary>
/// Counts messages per conversation (ConversationState) and per user in the conversation
/// (PrivateConversationState). "boom" bumps both counters and then throws, to prove the failed turn's changes
/// are not stored; every invoke throws. It never saves state itself: the host saves at the end of a successful turn.
/// </summary>
public sealed class CountingBot(ConversationState conversationState, PrivateConversationState privateState) : IBot
{
    public const string Boom = "boom";

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity.Type == ActivityTypes.Invoke)
        {
            throw new InvalidOperationException("Invokes fail on purpose.");
        }

        if (turnContext.Activity.Type != ActivityTypes.Message)
        {
            return;
        }

        var conversationCount = conversationState.CreateProperty<int>("count");
        var userCount = privateState.CreateProperty<int>("mine");
        var total = await conversationCount.GetAsync(turnContext, () => 0, cancellationToken) + 1;
        var mine = await userCount.GetAsync(turnContext, () => 0, cancellationToken) + 1;
        await conversationCount.SetAsync(turnContext, total, cancellationToken);
        await userCount.SetAsync(turnContext, mine, cancellationToken);

        var text = turnContext.Activity.Text is null ? "" : turnContext.Activity.RemoveRecipientMention().Trim();
        if (text == Boom)
        {
            throw new InvalidOperationException("Boom on purpose.");
        }

        await turnContext.SendActivityAsync($"count={total} mine={mine}", cancellationToken: cancellationToken);
    }
}

/// <summary>Replies with what TeamsInfo returns for the sender: proves the connector's member endpoints work.</summary>
public sealed class WhoAmIBot : TeamsActivityHandler
{
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var me = await TeamsInfo.GetMemberAsync(turnContext, turnContext.Activity.From.Id, cancellationToken);
        var everyone = await TeamsInfo.GetPagedMembersAsync(turnContext, cancellationToken: cancellationToken);
        await turnContext.SendActivityAsync($"{me.Name} <{me.Email}> aad={me.AadObjectId} members={everyone.Members.Count}", cancellationToken: cancellationToken);
    }
}

/// <summary>
/// Echoes a message's text (or a card submit's value), so the host, the storage and the Teams plumbing can be
/// tested apart from the conversation.
/// </summary>
public sealed class EchoTestBot : IBot
{
    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (activity.Type != ActivityTypes.Message)
        {
            return;
        }

        // RemoveRecipientMention throws when Text is null and a mention entity is present (a card submit in a channel).
        var text = activity.Text is null ? null : activity.RemoveRecipientMention()?.Trim();
        var reply = !string.IsNullOrEmpty(text) ? $"Echo: {text}" : $"Echo (card submit): {activity.Value}";
        await turnContext.SendActivityAsync(MessageFactory.Text(reply), cancellationToken).ConfigureAwait(false);
    }
}
