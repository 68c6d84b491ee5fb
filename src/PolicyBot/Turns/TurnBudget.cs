using Microsoft.Bot.Builder;

namespace PolicyBot.Turns;

/// <summary>
/// When the current turn must have answered: its start plus the configured reply time budget
/// (<see cref="Hosting.SettingsKeys.ReplyTimeBudgetSeconds"/>). Teams re-sends an activity whose turn takes about
/// 15 s, so a turn may wait for a throttled reply only until then; past it the reply goes to the outbox.
/// Set on every turn by <see cref="TurnBudgetMiddleware"/>, read with <see cref="Of"/>.
/// </summary>
/// <param name="Deadline">The latest time (UTC) a reply may still be attempted within the turn.</param>
public sealed record TurnBudget(DateTimeOffset Deadline)
{
    /// <summary>The budget of <paramref name="turnContext"/>'s turn; when none was set (a turn started by other code), one starting now.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="budget">The configured budget, used when the turn carries none.</param>
    /// <param name="time">The clock.</param>
    public static TurnBudget Of(ITurnContext turnContext, TimeSpan budget, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(time);
        return turnContext.TurnState.Get<TurnBudget>() ?? new TurnBudget(time.GetUtcNow() + budget);
    }
}

/// <summary>Starts each turn's clock: puts a <see cref="TurnBudget"/> into the turn state. First in the adapter's pipeline.</summary>
/// <param name="budget">The reply time budget (0 or more).</param>
/// <param name="time">The clock.</param>
public sealed class TurnBudgetMiddleware(TimeSpan budget, TimeProvider time) : Microsoft.Bot.Builder.IMiddleware
{
    /// <inheritdoc />
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        turnContext.TurnState.Set(new TurnBudget(time.GetUtcNow() + budget));
        return next(cancellationToken);
    }
}
