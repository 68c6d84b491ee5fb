using Newtonsoft.Json.Linq;
using PolicyBot.Cards;
using PolicyBot.Delivery;
using PolicyBot.Reachability;
using PolicyBot.Roles;

namespace PolicyBot.Requests;

/// <summary>
/// Posts a request's card in its channel and keeps that one card up to date: the first run posts it and keeps the id
/// Teams gave it; every later run updates that activity in place with the request as stored now. Implemented on Bot
/// Framework's connector by <see cref="ConnectorChannelCards"/>; tests may substitute it.
/// </summary>
public interface IChannelCards
{
    /// <summary>Posts <paramref name="card"/> as a new message in the channel; returns the activity id Teams gave it.</summary>
    /// <exception cref="ChannelCardException">Teams refused or could not be reached (the job is retried).</exception>
    Task<string> PostAsync(StoredRecipient channel, JObject card, CancellationToken cancellationToken);

    /// <summary>Replaces the card of activity <paramref name="activityId"/> in the channel.</summary>
    /// <exception cref="ChannelCardException">Teams refused or could not be reached (the job is retried).</exception>
    Task UpdateAsync(StoredRecipient channel, string activityId, JObject card, CancellationToken cancellationToken);
}

/// <summary>Posting or updating a channel card failed; the message says how (HTTP status and Teams' code).</summary>
/// <param name="message">What failed.</param>
public sealed class ChannelCardException(string message) : Exception(message);

/// <summary>
/// The durable jobs of requests, run by the delivery engine's timer (at least once, retried with back-off):
/// <see cref="CardKind"/> brings a request's channel card up to date (post once, then update in place);
/// <see cref="NudgeKind"/> reminds the channel of a request still waiting for the administration after the configured
/// days, and again after as many days, until it is decided or withdrawn.
/// </summary>
public sealed class RequestJobs(
    SqliteRequestStore store,
    IRecipientRegistry directory,
    ITeamRoster roster,
    RoleAssignments roles,
    IChannelCards cards,
    IOutbox outbox,
    IDurableTimer timer,
    RequestOptions options,
    TimeProvider time,
    ILogger<RequestJobs> logger)
{
    /// <summary>Job kind: refresh a request's channel card. Payload <c>{"request":12}</c>.</summary>
    public const string CardKind = "request.card";

    /// <summary>Job kind: remind the channel of a waiting request. Payload <c>{"request":12,"round":1}</c>.</summary>
    public const string NudgeKind = "request.nudge";

    /// <summary>Posts or updates the card of the request in <paramref name="payloadJson"/>.</summary>
    /// <exception cref="ChannelCardException">Teams refused: the timer retries the job.</exception>
    public async Task RefreshCardAsync(string payloadJson, CancellationToken cancellationToken)
    {
        var id = (long?)JObject.Parse(payloadJson)["request"] ?? 0;
        var request = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (request?.ChannelKey is not { } channelKey)
        {
            return;   // a draft, or gone: nothing to show
        }

        var channel = await directory.FindAsync(channelKey, cancellationToken).ConfigureAwait(false);
        if (channel is null)
        {
            logger.LogWarning("Request {RequestId}'s channel {Channel} is not in the directory; its card is not posted.", id, channelKey);
            return;
        }

        var routes = await store.ListRoutesAsync(cancellationToken).ConfigureAwait(false);
        var teamId = routes.FirstOrDefault(r => r.ChannelKey == channelKey)?.TeamId
            ?? await RequestCardBinding.TeamOfChannelAsync(directory, channelKey, cancellationToken).ConfigureAwait(false);
        var deciders = teamId is null ? [] : await RequestCardBinding.DecidersAsync(roster, roles, teamId, request, cancellationToken).ConfigureAwait(false);
        var audit = await store.AuditAsync(request.Id, cancellationToken).ConfigureAwait(false);
        var card = RequestCards.Channel(RequestCardBinding.ChannelView(request, audit, deciders));
        if (request.ChannelActivityId is { } activityId)
        {
            await cards.UpdateAsync(channel, activityId, card, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Request {RequestId}'s card {ActivityId} updated to version {Version}.", id, activityId, request.Version);
            return;
        }

        var posted = await cards.PostAsync(channel, card, cancellationToken).ConfigureAwait(false);

        // Kept even when the host is stopping: a card posted but not recorded would be posted again.
        await store.SetChannelCardAsync(request.Id, channelKey, posted, CancellationToken.None).ConfigureAwait(false);
        logger.LogInformation("Request {RequestId}'s card posted in {Channel} as {ActivityId}.", id, channelKey, posted);

        // A change committed while the post was under way is shown by its own job; one more look keeps it certain.
        var now = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (now is not null && now.Version != request.Version)
        {
            await RefreshCardAsync(payloadJson, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reminds the channel of a request that still waits for the administration, and schedules the next reminder.</summary>
    public async Task NudgeAsync(string payloadJson, CancellationToken cancellationToken)
    {
        var payload = JObject.Parse(payloadJson);
        var id = (long?)payload["request"] ?? 0;
        var round = (int?)payload["round"] ?? 1;
        var request = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (request is null || !RequestWords.IsOpen(request.State) || request.ChannelKey is null)
        {
            return;   // decided or withdrawn: no more reminders
        }

        if (request.State != RequestState.NeedsInformation)
        {
            var days = (int)Math.Floor((time.GetUtcNow() - request.CreatedAt).TotalDays);
            var text = $"Reminder: request {request.Number} ({RequestWords.Of(request.Kind)}: {request.Title}) from {request.Requester.Name} has been open for " +
                $"{days} {(days == 1 ? "day" : "days")} and is {RequestWords.Of(request.State)}{(request.Assignee is { } a ? $", assigned to {a.Name}" : ", with nobody assigned")}. Its card is above in this channel.";
            var activity = new JObject { ["type"] = "message", ["text"] = text, ["textFormat"] = "plain" };
            await outbox.EnqueueAsync([new OutboundMessage($"request:{id}:nudge:{round}", request.ChannelKey, activity.ToString(Newtonsoft.Json.Formatting.None))], cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Request {RequestId} nudged in its channel (round {Round}).", id, round);
        }

        await timer.ScheduleAsync(NudgeKind, RequestService.NudgePayload(id, round + 1), time.GetUtcNow() + options.NudgeAfter, $"request:{id}:nudge:{round + 1}", cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The durable timer's handler of <see cref="RequestJobs.CardKind"/>.</summary>
public sealed class RequestCardJobHandler(RequestJobs jobs) : IDurableJobHandler
{
    /// <inheritdoc />
    public string Kind => RequestJobs.CardKind;

    /// <inheritdoc />
    public Task HandleAsync(DurableJob job, CancellationToken cancellationToken) => jobs.RefreshCardAsync(job.PayloadJson, cancellationToken);
}

/// <summary>The durable timer's handler of <see cref="RequestJobs.NudgeKind"/>.</summary>
public sealed class RequestNudgeJobHandler(RequestJobs jobs) : IDurableJobHandler
{
    /// <inheritdoc />
    public string Kind => RequestJobs.NudgeKind;

    /// <inheritdoc />
    public Task HandleAsync(DurableJob job, CancellationToken cancellationToken) => jobs.NudgeAsync(job.PayloadJson, cancellationToken);
}
