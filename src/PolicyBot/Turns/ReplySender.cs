using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Polly;
using Polly.Retry;
using PolicyBot.Delivery;
using PolicyBot.Hosting;
using PolicyBot.Reachability;

namespace PolicyBot.Turns;

/// <summary>
/// Sends a turn's replies, in order, so that throttling never loses one. The connector does not retry HTTP 429, so
/// each send is retried after the <c>Retry-After</c> Teams asks for (a Polly retry strategy) while the wait still
/// fits in the turn's <see cref="TurnBudget"/>. Past the budget the reply, and every reply after it in the turn, is
/// handed to the durable <see cref="IOutbox"/> (message id <c>reply:{activityId}:{index}</c>, sent to the recipient
/// the turn came from) and the call returns normally, so the turn commits its state and the person's next answer goes
/// to the question the queued card asks.
/// </summary>
/// <remarks>
/// Without an <see cref="IOutbox"/> registered (until the delivery engine is wired in) a reply still throttled past
/// the budget fails the turn as before, with the connector's exception. Other connector failures are not retried here.
/// </remarks>
public sealed class ReplySender
{
    /// <summary>Most sends of one reply within a turn (the budget usually stops it sooner).</summary>
    public const int MaxAttempts = 5;

    private static readonly ResiliencePropertyKey<DateTimeOffset> DeadlineKey = new("PolicyBot.TurnDeadline");
    private static readonly JsonSerializerSettings ActivityJson = new() { NullValueHandling = NullValueHandling.Ignore };

    private readonly TimeSpan _budget;
    private readonly TimeProvider _time;
    private readonly IOutbox? _outbox;
    private readonly IUrgentOutbox? _urgent;
    private readonly ILogger<ReplySender> _logger;
    private readonly ResiliencePipeline _pipeline;

    /// <summary>Creates the sender.</summary>
    /// <param name="settings">Supplies <see cref="BotRuntimeSettings.ReplyTimeBudget"/> for turns that carry no <see cref="TurnBudget"/>.</param>
    /// <param name="logger">Logs retries and deferrals.</param>
    /// <param name="outbox">Where replies go past the budget; null until the delivery engine is registered.</param>
    /// <param name="time">Clock (and Polly's delays); null for the system clock.</param>
    /// <param name="urgent">The outbox's front of the queue, for replies that missed their turn (ahead of any campaign); null to use <paramref name="outbox"/>.</param>
    public ReplySender(BotRuntimeSettings settings, ILogger<ReplySender> logger, IOutbox? outbox = null, TimeProvider? time = null, IUrgentOutbox? urgent = null)
    {
        _urgent = urgent;
        ArgumentNullException.ThrowIfNull(settings);
        _budget = settings.ReplyTimeBudget;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _outbox = outbox;
        _time = time ?? TimeProvider.System;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = MaxAttempts - 1,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } ex && RetryAfter.Of(ex, _time.GetUtcNow()) is { } wait
                    && _time.GetUtcNow() + wait <= args.Context.Properties.GetValue(DeadlineKey, DateTimeOffset.MinValue)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    args.Outcome.Exception is { } ex ? RetryAfter.Of(ex, _time.GetUtcNow()) ?? RetryAfter.Default : RetryAfter.Default),
                OnRetry = args =>
                {
                    _logger.LogInformation("A reply was throttled (HTTP 429); sending it again in {Delay} as Teams asks (attempt {Attempt}).",
                        args.RetryDelay, args.AttemptNumber + 2);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>Sends <paramref name="replies"/> in order as replies in <paramref name="turnContext"/>'s conversation.</summary>
    /// <param name="turnContext">The turn (its activity names the conversation, the recipient and the message ids).</param>
    /// <param name="replies">The reply activities; each is sent as its own activity.</param>
    /// <param name="cancellationToken">Cancels the sends and waits.</param>
    /// <returns>How many replies were handed to the outbox (0 when all were sent in the turn).</returns>
    /// <exception cref="Microsoft.Bot.Schema.ErrorResponseException">A send failed otherwise than by throttling, or was
    /// throttled past the budget with no outbox registered.</exception>
    public async Task<int> SendAsync(ITurnContext turnContext, IReadOnlyList<IActivity> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(replies);
        var deadline = TurnBudget.Of(turnContext, _budget, _time).Deadline;
        var deferred = new List<OutboundMessage>();
        for (var i = 0; i < replies.Count; i++)
        {
            if (deferred.Count == 0)
            {
                try
                {
                    await SendOneAsync(turnContext, replies[i], deadline, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                catch (Exception ex) when (_outbox is not null && RetryAfter.Of(ex, _time.GetUtcNow()) is not null)
                {
                    _logger.LogWarning(
                        "Teams is still throttling replies in conversation {ConversationId} past the turn's time budget: {Count} repl(ies) of activity {ActivityId} go to the outbox.",
                        turnContext.Activity.Conversation?.Id, replies.Count - i, turnContext.Activity.Id);
                }
            }

            // Keep the order: once one reply is queued, the ones after it are queued behind it.
            deferred.Add(ToOutbound(turnContext, replies[i], i));
        }

        if (deferred.Count > 0)
        {
            // A reply that missed its turn goes before any campaign under way.
            await (_urgent is not null ? _urgent.EnqueueUrgentAsync(deferred, cancellationToken) : _outbox!.EnqueueAsync(deferred, cancellationToken)).ConfigureAwait(false);
        }

        return deferred.Count;
    }

    private async Task SendOneAsync(ITurnContext turnContext, IActivity reply, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(DeadlineKey, deadline);
        try
        {
            await _pipeline.ExecuteAsync(
                static async (ctx, state) => await state.turnContext.SendActivityAsync(state.reply, ctx.CancellationToken).ConfigureAwait(false),
                context,
                (turnContext, reply)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// The reply as the outbox stores it: addressed like a reply of this turn (conversation with its thread, service
    /// URL, bot and recipient, replyToId), for the recipient the turn came from.
    /// </summary>
    private static OutboundMessage ToOutbound(ITurnContext turnContext, IActivity reply, int index)
    {
        var incoming = turnContext.Activity;
        var activity = reply as Activity ?? throw new ArgumentException("Replies must be Bot Framework Activity objects.", nameof(reply));
        activity.ApplyConversationReference(incoming.GetConversationReference());
        var messageId = $"reply:{incoming.Id ?? Guid.NewGuid().ToString("N")}:{index}";
        return new OutboundMessage(messageId, ActivityReachability.RecipientKeyOf(incoming), JsonConvert.SerializeObject(activity, ActivityJson));
    }
}
