using System.Globalization;
using System.Text.Json;
using Newtonsoft.Json.Linq;
using PolicyBot.Campaigns.Scheduling;
using PolicyBot.Cards;
using PolicyBot.Delivery;
using PolicyBot.Reachability;
using PolicyBot.Rules.Model;

namespace PolicyBot.Campaigns;

/// <summary>
/// The durable timer's campaign jobs: <see cref="SendKind"/> sends a round (resolves the audience, records the targets,
/// queues one reminder card per person, or the announcement in the channel, and schedules the round's nudges) and
/// <see cref="NudgeKind"/> reminds those of a round who have not acknowledged the current revision. Both are idempotent:
/// a job run again after a crash finds its round, targets and outbox rows already there and adds nothing twice.
/// A send found more than <see cref="CampaignOptions.MissedSendGrace"/> late (the bot was down) is not sent: the campaign
/// is paused and its author told, so "Resume" sends it.
/// </summary>
public sealed class CampaignJobs(
    SqliteCampaignStore store,
    CampaignCards cards,
    CampaignOptions options,
    Policy policy,
    IRecipientRegistry directory,
    ITeamRoster roster,
    IOutbox outbox,
    IUrgentOutbox urgent,
    IDurableTimer timer,
    TimeProvider time,
    ILogger<CampaignJobs> logger)
{
    /// <summary>The send job's kind.</summary>
    public const string SendKind = "campaign.send";

    /// <summary>The nudge job's kind.</summary>
    public const string NudgeKind = "campaign.nudge";

    /// <summary>A job's payload.</summary>
    /// <param name="Campaign">The campaign id.</param>
    /// <param name="Round">The round.</param>
    /// <param name="DaysBefore">For a nudge: days before the deadline; else null.</param>
    public sealed record Payload(long Campaign, int Round, int? DaysBefore);

    /// <summary>A message activity carrying <paramref name="card"/>, as the outbox stores it.</summary>
    public static string CardActivity(JObject card) => new JObject
    {
        ["type"] = "message",
        ["attachments"] = new JArray(new JObject { ["contentType"] = PolicyCards.ContentType, ["content"] = card }),
    }.ToString(Newtonsoft.Json.Formatting.None);

    /// <summary>Runs a send job.</summary>
    public async Task SendAsync(DurableJob job, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<Payload>(job.PayloadJson)!;
        var campaign = await store.FindAsync(payload.Campaign, cancellationToken).ConfigureAwait(false);
        if (campaign is null || campaign.Status is CampaignStatus.Cancelled or CampaignStatus.Draft)
        {
            return;
        }
        var now = time.GetUtcNow();
        var existing = await store.FindRoundAsync(campaign.Id, payload.Round, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            if (campaign.Status == CampaignStatus.Paused)
            {
                logger.LogInformation("Campaign {CampaignId} is paused: its send due {DueAt:o} is held until it is resumed.", campaign.Id, job.DueAt);
                return;
            }
            var due = campaign.SendAt is { } planned && planned > job.DueAt && payload.Round == 1 ? planned : job.DueAt;
            if (new MissedSendRule(options.MissedSendGrace).Judge(due, now) == MissedSendVerdict.Missed)
            {
                await ReportMissedAsync(campaign, now - due, cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        // Each round of a repeating campaign has its own deadline, as far after its send as the first one's.
        var deadline = existing?.Deadline ?? (payload.Round == 1 || campaign.Deadline is null || campaign.SendAt is null
            ? campaign.Deadline
            : job.DueAt + (campaign.Deadline.Value - campaign.SendAt.Value));
        var round = existing ?? await store.StartRoundAsync(campaign.Id, payload.Round, now, deadline, PolicyRevision.Of(policy), cancellationToken).ConfigureAwait(false);
        var messageId = campaign.MessageId(round.Round);
        if (campaign.Audience.Kind == AudienceKind.Channel)
        {
            var post = cards.Reminder(campaign, round.Round, round.Deadline, CampaignCards.ReminderMode.Announcement);
            await outbox.EnqueueAsync([new OutboundMessage(messageId, campaign.Audience.Id!, CardActivity(post))], cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var targets = await TargetsAsync(campaign, cancellationToken).ConfigureAwait(false);
            await store.AddTargetsAsync(campaign.Id, round.Round, targets, cancellationToken).ConfigureAwait(false);
            // The targets as first recorded (a job run again keeps the first run's list).
            var recorded = await store.ListTargetsAsync(campaign.Id, round.Round, cancellationToken).ConfigureAwait(false);
            var body = CardActivity(cards.Reminder(campaign, round.Round, round.Deadline, CampaignCards.ReminderMode.Person));
            var queued = await outbox.EnqueueAsync(recorded.Where(t => t.UnreachableReason is null).Select(t => new OutboundMessage(messageId, t.RecipientKey, body)), cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Campaign {CampaignId} round {Round}: {Targets} targeted, {Queued} queued, {Unreachable} unreachable.",
                campaign.Id, round.Round, recorded.Count, queued, recorded.Count(t => t.UnreachableReason is not null));
        }
        await store.MoveAsync(campaign.Id, CampaignStatus.Sent, [CampaignStatus.Scheduled], null, cancellationToken).ConfigureAwait(false);
        await ScheduleNudgesAsync(campaign, round, cancellationToken).ConfigureAwait(false);
        await ScheduleNextRoundAsync(campaign, round.Round, job.DueAt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A repeating campaign: the next occurrence after this one becomes the next round's send job (idempotent by key).</summary>
    private async Task ScheduleNextRoundAsync(Campaign campaign, int round, DateTimeOffset due, CancellationToken cancellationToken)
    {
        if (campaign.ScheduleJson is null || !Schedule.TryParse(campaign.ScheduleJson, out var schedule, out _) || !schedule!.IsRecurring)
        {
            return;
        }
        // After both the occurrence just sent and now, so a late round never schedules one already past.
        var after = due > time.GetUtcNow() ? due : time.GetUtcNow();
        if (schedule.Next(after) is not { } next)
        {
            return;
        }
        var payload = JsonSerializer.Serialize(new Payload(campaign.Id, round + 1, null));
        var job = await timer.ScheduleAsync(SendKind, payload, next, $"campaign:{campaign.Id}:round:{round + 1}:send", cancellationToken).ConfigureAwait(false);
        await store.AddJobAsync(campaign.Id, job, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a nudge job: the reminder card, marked as a reminder, to each target without a current acknowledgement.</summary>
    public async Task NudgeAsync(DurableJob job, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<Payload>(job.PayloadJson)!;
        var campaign = await store.FindAsync(payload.Campaign, cancellationToken).ConfigureAwait(false);
        if (campaign is not { Status: CampaignStatus.Sent } || !campaign.AcknowledgementRequired
            || await store.FindRoundAsync(campaign.Id, payload.Round, cancellationToken).ConfigureAwait(false) is not { Deadline: { } deadline } round)
        {
            logger.LogInformation("Campaign {CampaignId} round {Round}: nudge skipped (campaign {Status}).", payload.Campaign, payload.Round, campaign?.Status.ToString() ?? "gone");
            return;
        }
        var current = PolicyRevision.Of(policy);
        var acks = (await store.ListAcknowledgementsAsync(campaign.Id, round.Round, null, cancellationToken).ConfigureAwait(false))
            .Where(a => a.Revision.Hash == current.Hash)
            .Select(a => a.AadObjectId)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var pending = (await store.ListTargetsAsync(campaign.Id, round.Round, cancellationToken).ConfigureAwait(false))
            .Where(t => t.UnreachableReason is null && !acks.Contains(t.AadObjectId))
            .ToList();
        // Calendar days in the district: a deadline at the end of Monday is "in 3 days" on Friday morning.
        var daysLeft = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(deadline, options.TimeZone).DateTime).DayNumber
            - DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), options.TimeZone).DateTime).DayNumber;
        var body = CardActivity(cards.Reminder(campaign, round.Round, deadline, CampaignCards.ReminderMode.Person, nudgeDaysLeft: Math.Max(daysLeft, 0)));
        var queued = await outbox.EnqueueAsync(pending.Select(t => new OutboundMessage(campaign.NudgeMessageId(round.Round, payload.DaysBefore ?? 0), t.RecipientKey, body)), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Campaign {CampaignId} round {Round}: nudge {Days} day(s) before the deadline queued for {Queued} pending of {Acked} acknowledged.",
            campaign.Id, round.Round, payload.DaysBefore, queued, acks.Count);
    }

    private async Task ScheduleNudgesAsync(Campaign campaign, CampaignRound round, CancellationToken cancellationToken)
    {
        if (!campaign.AcknowledgementRequired || round.Deadline is not { } deadline)
        {
            return;
        }
        var deadlineDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(deadline, options.TimeZone).DateTime);
        foreach (var days in options.NudgeDays)
        {
            var local = deadlineDay.AddDays(-days).ToDateTime(new TimeOnly(options.NudgeHour, 0));
            var at = ZoneClock.Resolve(local, options.TimeZone);   // the schedules' rules for a nudge hour in a daylight-saving gap or overlap
            if (at <= round.SentAt)
            {
                continue;   // too close to the send: they just got the card
            }
            var payload = JsonSerializer.Serialize(new Payload(campaign.Id, round.Round, days));
            var job = await timer.ScheduleAsync(NudgeKind, payload, at, $"campaign:{campaign.Id}:round:{round.Round}:nudge:{days}", cancellationToken).ConfigureAwait(false);
            await store.AddJobAsync(campaign.Id, job, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<List<CampaignTarget>> TargetsAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        switch (campaign.Audience.Kind)
        {
            case AudienceKind.Everyone or AudienceKind.NotAcknowledgedCurrentRevision:
                var people = await directory.ListReachablePeopleAsync(cancellationToken).ConfigureAwait(false);
                var skip = campaign.Audience.Kind == AudienceKind.NotAcknowledgedCurrentRevision
                    ? await store.AcknowledgedRevisionAsync(PolicyRevision.Of(policy), cancellationToken).ConfigureAwait(false)
                    : new HashSet<string>();
                return [.. people
                    .Where(p => p.AadObjectId is { Length: > 0 } && !skip.Contains(p.AadObjectId.ToLowerInvariant()))
                    .Select(p => new CampaignTarget(p.Key, p.AadObjectId!, p.Name, null))];
            case AudienceKind.TeamMembers:
                var team = await directory.FindTeamAsync(campaign.Audience.Id!, cancellationToken).ConfigureAwait(false);
                var list = new List<CampaignTarget>();
                try
                {
                    await foreach (var member in roster.ListMembersAsync(campaign.Audience.Id!, cancellationToken: cancellationToken).ConfigureAwait(false))
                    {
                        if (member.AadObjectId is not { Length: > 0 } aad)
                        {
                            continue;   // a guest without an Entra object id cannot be told apart across chats
                        }
                        // Teams may give a member an empty tenant: the team's is theirs.
                        var key = RecipientKeys.Person(string.IsNullOrEmpty(member.TenantId) ? team?.TenantId : member.TenantId, aad);
                        var found = await directory.FindAsync(key, cancellationToken).ConfigureAwait(false);
                        list.Add(new CampaignTarget(key, aad, member.Name ?? found?.Name, found is null ? "PolicyBot not installed for them" : found.UnreachableReason));
                    }
                }
                catch (TeamNotReachableException e)
                {
                    logger.LogWarning("Campaign {CampaignId}: {Message}", campaign.Id, e.Message);
                    await TellAuthorAsync(campaign, $"\"{campaign.Content.Title}\" could not go to {campaign.Audience.Name}: PolicyBot is no longer installed in that team, so I can't read its members. Add the app to the team and send the reminder again.", cancellationToken).ConfigureAwait(false);
                }
                return list;
            default:
                return [];
        }
    }

    private async Task ReportMissedAsync(Campaign campaign, TimeSpan late, CancellationToken cancellationToken)
    {
        await store.MoveAsync(campaign.Id, CampaignStatus.Paused, [CampaignStatus.Scheduled], null, cancellationToken).ConfigureAwait(false);
        logger.LogWarning("Campaign {CampaignId}: its send was missed ({Late} late, more than {Grace}); paused and reported to its author.", campaign.Id, late, options.MissedSendGrace);
        await TellAuthorAsync(campaign,
            $"\"{campaign.Content.Title}\" was due {cards.Local(campaign.SendAt ?? time.GetUtcNow())} but PolicyBot was not running then; it is {Math.Round(late.TotalMinutes).ToString(CultureInfo.InvariantCulture)} minutes late, " +
            $"more than the {Math.Round(options.MissedSendGrace.TotalMinutes).ToString(CultureInfo.InvariantCulture)} allowed, so it was NOT sent. Type \"reminders\" and tap Resume to send it now, or Cancel.",
            cancellationToken).ConfigureAwait(false);
    }

    private async Task TellAuthorAsync(Campaign campaign, string text, CancellationToken cancellationToken)
    {
        var authorKey = (await directory.ListReachablePeopleAsync(cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(p => string.Equals(p.AadObjectId, campaign.AuthorAadObjectId, StringComparison.OrdinalIgnoreCase))?.Key;
        if (authorKey is null)
        {
            return;
        }
        var activity = new JObject { ["type"] = "message", ["text"] = text, ["textFormat"] = "plain" }.ToString(Newtonsoft.Json.Formatting.None);
        await urgent.EnqueueUrgentAsync([new OutboundMessage($"campaign:{campaign.Id}:notice:{time.GetUtcNow().ToUnixTimeMilliseconds()}", authorKey, activity)], cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Runs <see cref="CampaignJobs.SendKind"/> jobs.</summary>
public sealed class CampaignSendJobHandler(CampaignJobs jobs) : IDurableJobHandler
{
    /// <inheritdoc />
    public string Kind => CampaignJobs.SendKind;

    /// <inheritdoc />
    public Task HandleAsync(DurableJob job, CancellationToken cancellationToken) => jobs.SendAsync(job, cancellationToken);
}

/// <summary>Runs <see cref="CampaignJobs.NudgeKind"/> jobs.</summary>
public sealed class CampaignNudgeJobHandler(CampaignJobs jobs) : IDurableJobHandler
{
    /// <inheritdoc />
    public string Kind => CampaignJobs.NudgeKind;

    /// <inheritdoc />
    public Task HandleAsync(DurableJob job, CancellationToken cancellationToken) => jobs.NudgeAsync(job, cancellationToken);
}
