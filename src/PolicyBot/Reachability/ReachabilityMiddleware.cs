using Microsoft.Bot.Builder;

namespace PolicyBot.Reachability;

/// <summary>
/// Keeps the recipient directory current from every activity before the bot sees it (<see cref="ActivityReachability.Read"/>):
/// an install stores the conversation reference, every later activity refreshes it (Teams changes the service URL)
/// and makes an unreachable recipient reachable again, an uninstall marks it. A directory failure is logged and the
/// turn goes on: answering the person matters more than the directory's freshness, and the next activity refreshes it.
/// </summary>
public sealed class ReachabilityMiddleware(IRecipientRegistry registry, ILogger<ReachabilityMiddleware> logger, PolicyBot.Privacy.LogPrivacy? privacy = null)
    : Microsoft.Bot.Builder.IMiddleware
{
    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            var update = ActivityReachability.Read(turnContext.Activity);
            await registry.ApplyAsync(update, cancellationToken).ConfigureAwait(false);
            if (update.GoneReason is not null)
            {
                logger.LogInformation(
                    "The bot can no longer reach {Recipients} ({Reason}).",
                    update.GoneTeamId is { } team ? $"the channels of team {team}" : string.Join(", ", update.GoneKeys), update.GoneReason);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A store's message may quote a value it was given (a name): outside troubleshooting, the type and stack only.
            logger.LogWarning(privacy?.Exception(ex) ?? ex, "Could not update the recipient directory for activity {ActivityId} in conversation {ConversationId}.",
                turnContext.Activity?.Id, turnContext.Activity?.Conversation?.Id);
        }

        await next(cancellationToken).ConfigureAwait(false);
    }
}
