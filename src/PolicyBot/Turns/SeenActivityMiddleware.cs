using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using PolicyBot.Storage;

namespace PolicyBot.Turns;

/// <summary>
/// Processes each activity once. Teams re-sends an activity whose turn takes about 15 s, and sometimes for no visible
/// reason; the copy has the same activity id. The first turn claims the id durably (<see cref="IClaimStore"/>, for
/// <see cref="Remembered"/>) before anything else runs; a copy finds the claim, gets no reply and changes no state:
/// its original already answered (or is answering), and a second set of cards would start a new question and leave
/// the first card's buttons dead. A turn that fails gives its claim back, so Teams' retry of it is processed.
/// </summary>
/// <remarks>
/// Activities without an id, and the event a proactive <c>ContinueConversationAsync</c> makes, are not checked.
/// An invoke copy is answered 200 with no body, so Teams shows no error for it.
/// </remarks>
public sealed class SeenActivityMiddleware(IClaimStore claims, ILogger<SeenActivityMiddleware> logger) : Microsoft.Bot.Builder.IMiddleware
{
    /// <summary>How long an activity id is remembered. Teams' redeliveries come within minutes.</summary>
    public static readonly TimeSpan Remembered = TimeSpan.FromHours(24);

    /// <summary>The claim key of an activity: channel, conversation and activity id (activity ids are unique per conversation).</summary>
    /// <param name="activity">The incoming activity.</param>
    /// <returns>The key, or null when the activity is not checked.</returns>
    public static string? KeyOf(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.Id) || string.IsNullOrEmpty(activity.Conversation?.Id)
            || (activity.Type == ActivityTypes.Event && (activity as IEventActivity)?.Name == ActivityEventNames.ContinueConversation))
        {
            return null;
        }

        return $"activity:{activity.ChannelId}:{activity.Conversation.Id}:{activity.Id}";
    }

    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        var key = KeyOf(activity);
        if (key is null)
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!await claims.TryClaimAsync(key, Remembered, cancellationToken).ConfigureAwait(false))
        {
            logger.LogInformation(
                "Activity {ActivityId} ({ActivityType}) in conversation {ConversationId} was already received: this copy is ignored.",
                activity.Id, activity.Type, activity.Conversation.Id);
            if (activity.Type == ActivityTypes.Invoke)
            {
                turnContext.TurnState[BotAdapter.InvokeResponseKey] = new Activity { Type = "invokeResponse", Value = new InvokeResponse { Status = 200 } };
            }

            return;
        }

        try
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // The turn failed and stored nothing: let Teams' retry of this activity be processed. CancellationToken.None
            // because the release must happen even when the turn was cancelled.
            await claims.ReleaseAsync(key, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }
}
