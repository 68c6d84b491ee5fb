using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace PolicyBot.Hosting;

/// <summary>
/// Stand-in <see cref="IBot"/> until the conversation handler is registered: echoes a message's text (or a card
/// submit's value) so the host, the storage and the Teams plumbing can be exercised end to end.
/// </summary>
public sealed class EchoPlaceholderBot : IBot
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
