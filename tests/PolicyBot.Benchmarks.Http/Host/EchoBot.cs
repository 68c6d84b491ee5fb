using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace PolicyBot.Benchmarks.Http.Host;

/// <summary>
/// The baseline: one reply per message and no state, so its cost is the host's (HTTP, validation, adapter,
/// connector round trip). The app's own bot is measured against it.
/// </summary>
public sealed class EchoBot : IBot
{
    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        turnContext.Activity.Type == ActivityTypes.Message
            ? turnContext.SendActivityAsync($"Echo: {turnContext.Activity.Text}", cancellationToken: cancellationToken)
            : Task.CompletedTask;
}
