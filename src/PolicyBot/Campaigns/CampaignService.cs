using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using PolicyBot.Campaigns.Scheduling;
using PolicyBot.Cards;
using PolicyBot.Conversation;
using PolicyBot.Delivery;
using PolicyBot.Reachability;
using PolicyBot.Roles;
using PolicyBot.Rules.Model;

namespace PolicyBot.Campaigns;


/// <summary>What a campaign action answers: replies to send, and optionally a new version of the card that was tapped.</summary>
/// <param name="Replies">Sent in order in the conversation of the turn.</param>
/// <param name="UpdateTapped">Replaces the tapped card (UpdateActivity with the submit's ReplyToId), or null.</param>
public sealed record CampaignOutcome(IReadOnlyList<Reply> Replies, JObject? UpdateTapped = null)
{
    /// <summary>One plain reply.</summary>
    public static CampaignOutcome Say(string text) => new([new NoticeReply(text)]);

    /// <summary>One card.</summary>
    public static CampaignOutcome Show(JObject card) => new([new CardReply(card)]);
}

/// <summary>Who tapped or typed, as the turn's activity says (never the card).</summary>
/// <param name="Actor">The sender.</param>
/// <param name="TenantId">The tenant of the activity.</param>
/// <param name="InPersonalChat">True in the sender's 1:1 chat with the bot.</param>
/// <param name="BaseUrl">The address the activity came in on (for download links when <c>PublicBaseUrl</c> is not set), or null.</param>
public sealed record CampaignCaller(Actor Actor, string? TenantId, bool InPersonalChat, Uri? BaseUrl);

/// <summary>
/// Policy reminders: compose (campaign authors, personal chat) → preview → send now or schedule (a durable timer job,
/// <see cref="CampaignJobs"/>); each person's acknowledgement and scenario check; report and CSV export; list, pause,
/// resume, cancel. Every author action is authorized by the activity's sender (<see cref="Authorizer"/>); card data
/// names only the campaign and the button, and what the campaign is comes from <see cref="SqliteCampaignStore"/>. No Bot
/// Framework types.
/// </summary>
public sealed partial class CampaignService(
    SqliteCampaignStore store,
    CampaignCards cards,
    CampaignReports reports,
    ReportChart chart,
    ScenarioCheck scenarios,
    CampaignOptions options,
    Policy policy,
    Authorizer authorizer,
    IRecipientRegistry directory,
    IDurableTimer timer,
    IUrgentOutbox urgent,
    IDownloadLinks downloads,
    DeliveryOptions deliveryOptions,
    ScheduleReader reader,
    TimeProvider time,
    ILogger<CampaignService> logger)
{
    /// <summary>The typed commands, by words (case and punctuation ignored).</summary>
    public static string? Recognize(string text)
    {
        var words = NonLetters().Replace(text.ToLowerInvariant(), " ").Trim();
        return words switch
        {
            "new reminder" or "new policy reminder" or "policy reminder" or "new campaign" or "send a reminder" or "send reminder" or "compose reminder" => CampaignSubmit.Ops.New,
            "campaigns" or "reminders" or "list campaigns" or "list reminders" or "my campaigns" or "policy reminders" => CampaignSubmit.Ops.List,
            _ when ReportCommand().Match(words) is { Success: true } => CampaignSubmit.Ops.Report,
            _ => null,
        };
    }

    /// <summary>Carries out a typed command from <see cref="Recognize"/>.</summary>
    public Task<CampaignOutcome> HandleTypedAsync(string text, CampaignCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var op = Recognize(text) ?? throw new ArgumentException("Not a campaign command.", nameof(text));
        long? id = null;
        if (op == CampaignSubmit.Ops.Report && ReportCommand().Match(NonLetters().Replace(text.ToLowerInvariant(), " ").Trim()) is { Groups: var g } && g[1].Success)
        {
            // "report -1" names no reminder (the minus would otherwise be dropped with the other punctuation).
            id = NegativeNumber().IsMatch(text) ? 0 : long.Parse(g[1].Value, CultureInfo.InvariantCulture);
        }
        return HandleAsync(new CampaignSubmit(op, id, null, null, null, new JObject()), caller, cancellationToken);
    }

    /// <summary>Carries out a campaign button (or a typed command turned into one). Never throws on bad data: says what is wrong.</summary>
    public async Task<CampaignOutcome> HandleAsync(CampaignSubmit submit, CampaignCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submit);
        ArgumentNullException.ThrowIfNull(caller);
        if (CampaignSubmit.AuthorOps.Contains(submit.Op))
        {
            var decision = authorizer.Authorize(caller.Actor, AdministratorAction.SendPolicyReminder);
            if (!decision.Allowed)
            {
                return CampaignOutcome.Say(decision.Refusal!);
            }
            if (!caller.InPersonalChat)
            {
                return CampaignOutcome.Say("Policy reminders are composed and managed in your personal chat with me, so this chat doesn't see them. Open PolicyBot's chat and type \"new reminder\" or \"reminders\".");
            }
        }
        return submit.Op switch
        {
            CampaignSubmit.Ops.New => await ComposeAsync(null, null, cancellationToken).ConfigureAwait(false),
            CampaignSubmit.Ops.Preview => await PreviewAsync(submit, caller, cancellationToken).ConfigureAwait(false),
            CampaignSubmit.Ops.SendNow => await ScheduleAsync(submit, caller, now: true, cancellationToken).ConfigureAwait(false),
            CampaignSubmit.Ops.Schedule => await ScheduleAsync(submit, caller, now: false, cancellationToken).ConfigureAwait(false),
            CampaignSubmit.Ops.ConfirmSchedule => await ConfirmScheduleAsync(submit, caller, cancellationToken).ConfigureAwait(false),
            CampaignSubmit.Ops.Discard => await DiscardAsync(submit, cancellationToken).ConfigureAwait(false),
            CampaignSubmit.Ops.List => CampaignOutcome.Show(cards.List(await store.ListAsync(10, cancellationToken).ConfigureAwait(false))),
            CampaignSubmit.Ops.Report => await ReportAsync(submit, caller, export: false, cancellationToken).ConfigureAwait(false),
            CampaignSubmit.Ops.Export => await ReportAsync(submit, caller, export: true, cancellationToken).ConfigureAwait(false),
            CampaignSubmit.Ops.Pause or CampaignSubmit.Ops.Resume or CampaignSubmit.Ops.Cancel => await ChangeAsync(submit, caller, cancellationToken).ConfigureAwait(false),
            CampaignSubmit.Ops.Acknowledge => await AcknowledgeAsync(submit, caller, cancellationToken).ConfigureAwait(false),
            CampaignSubmit.Ops.Open => await OpenAsync(submit, caller, cancellationToken).ConfigureAwait(false),
            CampaignSubmit.Ops.ScenarioStart or CampaignSubmit.Ops.ScenarioAnswer => await ScenarioAsync(submit, caller, cancellationToken).ConfigureAwait(false),
            _ => CampaignOutcome.Say("I couldn't tell what that button is for. It may come from an older version of me: type \"reminders\" to see the policy reminders."),
        };
    }

    private async Task<CampaignOutcome> ComposeAsync(CardsValues? values, string? problem, CancellationToken cancellationToken)
    {
        var audiences = new List<CampaignCards.AudienceChoice>
        {
            new("Everyone who can be reached (each in their own chat)", "everyone"),
            new("Everyone who has not acknowledged the current revision", "pending-revision"),
        };
        foreach (var team in await directory.ListTeamsAsync(includeUnreachable: false, cancellationToken).ConfigureAwait(false))
        {
            audiences.Add(new($"Members of {team.Name ?? team.TeamId} (each in their own chat)", "team:" + team.TeamId));
            foreach (var channel in team.Channels)
            {
                audiences.Add(new($"A post in {team.Name ?? team.TeamId} › {channel.Name ?? "a channel"}", "channel:" + channel.Recipient.Key));
            }
        }
        var v = values ?? new CardsValues($"Policy reminder: {policy.Metadata.Title}", "", "", "everyone", "true", "", "true");
        return CampaignOutcome.Show(cards.Compose(audiences, new CampaignCards.ComposeValues(v.Title, v.Note, v.Clauses, v.Audience, v.Ack, v.Deadline, v.Scenario), problem));
    }

    private sealed record CardsValues(string Title, string Note, string Clauses, string Audience, string Ack, string Deadline, string Scenario);

    private async Task<CampaignOutcome> PreviewAsync(CampaignSubmit submit, CampaignCaller caller, CancellationToken cancellationToken)
    {
        var values = new CardsValues(
            submit.Input("campaignTitle") ?? "", submit.Input("campaignNote") ?? "", submit.Input("campaignClauses") ?? "",
            submit.Input("campaignAudience") ?? "", submit.Input("campaignAck") ?? "false", submit.Input("campaignDeadline") ?? "", submit.Input("campaignScenario") ?? "false");
        if (values.Title.Length == 0)
        {
            return await ComposeAsync(values, "Please give the reminder a title.", cancellationToken).ConfigureAwait(false);
        }
        if (values.Title.Length > CampaignLimits.TitleLength || values.Note.Length > CampaignLimits.NoteLength)
        {
            // Echo only what fits: a pasted 50,000-character note must not make a card Teams refuses.
            var cut = values with { Title = values.Title[..Math.Min(values.Title.Length, CampaignLimits.TitleLength)], Note = values.Note[..Math.Min(values.Note.Length, CampaignLimits.NoteLength)] };
            return await ComposeAsync(cut, $"The title can be up to {CampaignLimits.TitleLength} characters and the note up to {CampaignLimits.NoteLength}; I kept the first ones. Please check the ends and preview again.", cancellationToken).ConfigureAwait(false);
        }
        var clauseIds = values.Clauses.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (clauseIds.FirstOrDefault(id => policy.Clauses.All(c => c.Id != id)) is { } unknown)
        {
            return await ComposeAsync(values with { Clauses = "" }, $"The policy has no clause \"{unknown}\"; pick clauses from the list.", cancellationToken).ConfigureAwait(false);
        }
        var audience = await ReadAudienceAsync(values.Audience, cancellationToken).ConfigureAwait(false);
        if (audience is null)
        {
            return await ComposeAsync(values with { Audience = "everyone" }, "I don't know that audience any more (a team or channel may have removed PolicyBot). Please pick who gets the reminder again.", cancellationToken).ConfigureAwait(false);
        }
        var ack = values.Ack == "true";
        DateTimeOffset? deadline = null;
        if (values.Deadline.Length > 0)
        {
            if (!DateOnly.TryParseExact(values.Deadline, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return await ComposeAsync(values with { Deadline = "" }, $"\"{values.Deadline}\" is not a date I can read; pick one with the date picker.", cancellationToken).ConfigureAwait(false);
            }
            if (!ack)
            {
                return await ComposeAsync(values, "A deadline is for acknowledgements: switch on \"Ask each person to acknowledge it\", or clear the date.", cancellationToken).ConfigureAwait(false);
            }
            if (day > LatestDay())
            {
                return await ComposeAsync(values with { Deadline = "" }, $"{day:MMMM d, yyyy} is too far ahead: pick a deadline within {MaxYearsAhead} years.", cancellationToken).ConfigureAwait(false);
            }
            deadline = EndOfDay(day);
            if (deadline <= time.GetUtcNow())
            {
                return await ComposeAsync(values, $"The deadline {day:MMMM d, yyyy} has passed; pick a later day.", cancellationToken).ConfigureAwait(false);
            }
        }
        var scenario = values.Scenario == "true";
        var now = time.GetUtcNow();
        var draft = new Campaign(0, caller.Actor.AadObjectId!, caller.Actor.Name, now, CampaignStatus.Draft,
            new CampaignContent(values.Title, values.Note, clauseIds), audience, ack, deadline,
            scenario ? scenarios.Pick($"{now.ToUnixTimeMilliseconds()}|{caller.Actor.AadObjectId}") : [],
            null, 0, PolicyRevision.Of(policy));
        var id = await store.CreateAsync(draft, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Campaign {CampaignId} drafted by {AadObjectId} for {Audience}.", id, caller.Actor.AadObjectId, audience.Describe());
        return CampaignOutcome.Show(cards.Reminder(draft with { Id = id }, 0, deadline, CampaignCards.ReminderMode.Preview));
    }

    private async Task<Audience?> ReadAudienceAsync(string value, CancellationToken cancellationToken)
    {
        switch (value)
        {
            case "everyone":
                return new Audience(AudienceKind.Everyone, null, null);
            case "pending-revision":
                return new Audience(AudienceKind.NotAcknowledgedCurrentRevision, null, null);
        }
        if (value.StartsWith("team:", StringComparison.Ordinal))
        {
            var team = await directory.FindTeamAsync(value[5..], cancellationToken).ConfigureAwait(false);
            return team is null ? null : new Audience(AudienceKind.TeamMembers, team.TeamId, team.Name ?? team.TeamId);
        }
        if (value.StartsWith("channel:", StringComparison.Ordinal))
        {
            var key = value[8..];
            foreach (var team in await directory.ListTeamsAsync(includeUnreachable: false, cancellationToken).ConfigureAwait(false))
            {
                if (team.Channels.FirstOrDefault(c => c.Recipient.Key == key) is { } channel)
                {
                    return new Audience(AudienceKind.Channel, key, $"{team.Name ?? team.TeamId} › {channel.Name ?? "a channel"}");
                }
            }
        }
        return null;
    }

    /// <summary>The end (23:59:59) of <paramref name="day"/> in the district's time zone.</summary>
    public DateTimeOffset EndOfDay(DateOnly day) => LocalToUtc(day.ToDateTime(new TimeOnly(23, 59, 59)));

    /// <summary>
    /// A local time in the district's zone as UTC: a time in the spring-forward gap is shifted by the gap (02:30 → 03:30),
    /// a time that happens twice (fall-back) is the first of the two.
    /// </summary>
    public DateTimeOffset LocalToUtc(DateTime local) => ZoneClock.Resolve(local, options.TimeZone);

    private async Task<CampaignOutcome> ScheduleAsync(CampaignSubmit submit, CampaignCaller caller, bool now, CancellationToken cancellationToken)
    {
        if (await FindAsync(submit, cancellationToken).ConfigureAwait(false) is not { } campaign)
        {
            return UnknownCampaign();
        }
        if (campaign.Status != CampaignStatus.Draft)
        {
            return CampaignOutcome.Say($"\"{campaign.Content.Title}\" is {CampaignCards.StatusWords(campaign.Status)} already; nothing changed. Type \"reminders\" to see it.");
        }
        var at = time.GetUtcNow();
        if (!now && submit.Input("sendWhen") is { } words)
        {
            // In plain words: read, repeat back, and save only when the author confirms what was understood.
            var reading = reader.Read(words, at, options.TimeZone);
            if (reading.Schedule is not { } schedule)
            {
                return CampaignOutcome.Say(reading.Refusal!);
            }
            if (schedule.Next(at) is not { } first)
            {
                return CampaignOutcome.Say("That schedule has no time ahead. Type another, or tap \"Send now\".");
            }
            if (campaign.Deadline is { } due && due <= first)
            {
                return CampaignOutcome.Say($"The first send ({cards.Local(first)}) is after the acknowledgement deadline ({cards.Local(due, withTime: false)}). Type an earlier time, or compose the reminder again with a later deadline.");
            }
            await store.SetScheduleAsync(campaign.Id, schedule.Serialize(), schedule.DescribeRule(), cancellationToken).ConfigureAwait(false);
            var described = reading.Describe(at);   // with its note when the clocks skip or repeat that time
            return CampaignOutcome.Show(cards.Reminder(campaign, 0, campaign.Deadline, CampaignCards.ReminderMode.Preview, scheduleConfirm: described));
        }
        if (!now)
        {
            var dateText = submit.Input("sendDate");
            var timeText = submit.Input("sendTime");
            if (dateText is null || timeText is null
                || !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || !TimeOnly.TryParseExact(timeText, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
            {
                return CampaignOutcome.Say("To schedule it, type when (e.g. \"tomorrow at 7:30\" or \"every first Monday of the month at 8am\") or pick a date and a time on the preview card, then tap \"Schedule\" (or tap \"Send now\").");
            }
            if (date > LatestDay())
            {
                return CampaignOutcome.Say($"{date:MMMM d, yyyy} is too far ahead: pick a day within {MaxYearsAhead} years on the preview card.");
            }
            at = LocalToUtc(date.ToDateTime(clock));
            if (at <= time.GetUtcNow())
            {
                return CampaignOutcome.Say($"{cards.Local(at)} has passed. Pick a later time on the preview card, or tap \"Send now\".");
            }
            if (campaign.Deadline is { } deadline && deadline <= at)
            {
                return CampaignOutcome.Say($"That is after the acknowledgement deadline ({cards.Local(deadline, withTime: false)}). Pick an earlier time, or compose the reminder again with a later deadline.");
            }
        }
        if (!await store.MoveAsync(campaign.Id, CampaignStatus.Scheduled, [CampaignStatus.Draft], at, cancellationToken).ConfigureAwait(false))
        {
            return CampaignOutcome.Say($"\"{campaign.Content.Title}\" was sent or scheduled already; nothing changed.");
        }
        await ScheduleSendAsync(campaign.Id, 1, at, "", cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Campaign {CampaignId} scheduled for {SendAt:o} by {AadObjectId}.", campaign.Id, at, caller.Actor.AadObjectId);
        return CampaignOutcome.Say(now
            ? $"Sending \"{campaign.Content.Title}\" to {campaign.Audience.Describe()} now. Type \"reminders\" to follow it, or \"report {campaign.Id}\" for its report."
            : $"Scheduled \"{campaign.Content.Title}\" for {cards.Local(at)}, to {campaign.Audience.Describe()}. Type \"reminders\" to pause or cancel it.");
    }

    private async Task<CampaignOutcome> ConfirmScheduleAsync(CampaignSubmit submit, CampaignCaller caller, CancellationToken cancellationToken)
    {
        if (await FindAsync(submit, cancellationToken).ConfigureAwait(false) is not { } campaign)
        {
            return UnknownCampaign();
        }
        if (campaign.Status != CampaignStatus.Draft || campaign.ScheduleJson is null || !Schedule.TryParse(campaign.ScheduleJson, out var schedule, out _))
        {
            return CampaignOutcome.Say($"\"{campaign.Content.Title}\" has no schedule waiting to be saved (it may be scheduled already). Type \"reminders\" to see it.");
        }
        var now = time.GetUtcNow();
        if (schedule!.Next(now) is not { } first)
        {
            return CampaignOutcome.Say("That time has passed since you typed it. Type the schedule again on the preview card.");
        }
        if (!await store.MoveAsync(campaign.Id, CampaignStatus.Scheduled, [CampaignStatus.Draft], first, cancellationToken).ConfigureAwait(false))
        {
            return CampaignOutcome.Say($"\"{campaign.Content.Title}\" was sent or scheduled already; nothing changed.");
        }
        await ScheduleSendAsync(campaign.Id, 1, first, "", cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Campaign {CampaignId} scheduled ({Schedule}) by {AadObjectId}; first send {SendAt:o}.", campaign.Id, campaign.ScheduleJson, caller.Actor.AadObjectId, first);
        return CampaignOutcome.Say(schedule.IsRecurring
            ? $"Saved: \"{campaign.Content.Title}\" goes to {campaign.Audience.Describe()} {schedule.Describe(now)}." + (campaign.AcknowledgementRequired ? " Each send is a round with its own deadline." : "") + " Type \"reminders\" to pause or cancel it."
            : $"Scheduled \"{campaign.Content.Title}\" for {cards.Local(first)}, to {campaign.Audience.Describe()}. Type \"reminders\" to pause or cancel it.");
    }

    /// <summary>Schedules round <paramref name="round"/>'s send job (idempotent by key) and remembers it for cancelling.</summary>
    internal async Task ScheduleSendAsync(long campaignId, int round, DateTimeOffset at, string keySuffix, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Serialize(new CampaignJobs.Payload(campaignId, round, null));
        var job = await timer.ScheduleAsync(CampaignJobs.SendKind, payload, at, $"campaign:{campaignId}:round:{round}:send{keySuffix}", cancellationToken).ConfigureAwait(false);
        await store.AddJobAsync(campaignId, job, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CampaignOutcome> DiscardAsync(CampaignSubmit submit, CancellationToken cancellationToken)
    {
        if (await FindAsync(submit, cancellationToken).ConfigureAwait(false) is not { } campaign)
        {
            return UnknownCampaign();
        }
        return await store.MoveAsync(campaign.Id, CampaignStatus.Cancelled, [CampaignStatus.Draft], null, cancellationToken).ConfigureAwait(false)
            ? CampaignOutcome.Say($"Discarded the draft \"{campaign.Content.Title}\". Nothing was sent.")
            : CampaignOutcome.Say($"\"{campaign.Content.Title}\" is {CampaignCards.StatusWords(campaign.Status)}, not a draft, so it was not discarded. Type \"reminders\" to pause or cancel it.");
    }

    private async Task<CampaignOutcome> ChangeAsync(CampaignSubmit submit, CampaignCaller caller, CancellationToken cancellationToken)
    {
        if (await FindAsync(submit, cancellationToken).ConfigureAwait(false) is not { } campaign)
        {
            return UnknownCampaign();
        }
        var title = campaign.Content.Title;
        switch (submit.Op)
        {
            case CampaignSubmit.Ops.Pause:
                if (!await store.MoveAsync(campaign.Id, CampaignStatus.Paused, [CampaignStatus.Scheduled, CampaignStatus.Sent], null, cancellationToken).ConfigureAwait(false))
                {
                    return CampaignOutcome.Say($"\"{title}\" is {CampaignCards.StatusWords(campaign.Status)}; only a scheduled or sent reminder can be paused.");
                }
                logger.LogInformation("Campaign {CampaignId} paused by {AadObjectId}.", campaign.Id, caller.Actor.AadObjectId);
                return CampaignOutcome.Say($"Paused \"{title}\": no send or reminder goes out until you resume it (reminders that fall due while paused are skipped). Acknowledgements are still recorded.");
            case CampaignSubmit.Ops.Resume:
                var unsent = campaign.Round == 0;
                if (!await store.MoveAsync(campaign.Id, unsent ? CampaignStatus.Scheduled : CampaignStatus.Sent, [CampaignStatus.Paused], null, cancellationToken).ConfigureAwait(false))
                {
                    return CampaignOutcome.Say($"\"{title}\" is {CampaignCards.StatusWords(campaign.Status)}, not paused; nothing changed.");
                }
                if (unsent)
                {
                    var at = campaign.SendAt is { } due && due > time.GetUtcNow() ? due : time.GetUtcNow();
                    await ScheduleSendAsync(campaign.Id, 1, at, ":resumed:" + time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
                    logger.LogInformation("Campaign {CampaignId} resumed by {AadObjectId}; sends {SendAt:o}.", campaign.Id, caller.Actor.AadObjectId, at);
                    return CampaignOutcome.Say($"Resumed \"{title}\": it goes out {(at <= time.GetUtcNow() ? "now" : cards.Local(at))}.");
                }
                if (campaign.ScheduleJson is not null && Schedule.TryParse(campaign.ScheduleJson, out var repeating, out _) && repeating!.IsRecurring
                    && repeating.Next(time.GetUtcNow()) is { } next)
                {
                    // A round that fell due while paused was held: the next occurrence from now is the next round.
                    // A new key (the held job is done under the round's own key); should that job still be pending, both
                    // runs find the same round and the outbox queues each person once.
                    await ScheduleSendAsync(campaign.Id, campaign.Round + 1, next, ":resumed:" + time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
                    logger.LogInformation("Campaign {CampaignId} resumed by {AadObjectId}; next round {SendAt:o}.", campaign.Id, caller.Actor.AadObjectId, next);
                    return CampaignOutcome.Say($"Resumed \"{title}\": the next send is {cards.Local(next)}.");
                }
                logger.LogInformation("Campaign {CampaignId} resumed by {AadObjectId}.", campaign.Id, caller.Actor.AadObjectId);
                return CampaignOutcome.Say($"Resumed \"{title}\": reminders before the deadline go out again.");
            default:
                if (!await store.MoveAsync(campaign.Id, CampaignStatus.Cancelled, [CampaignStatus.Draft, CampaignStatus.Scheduled, CampaignStatus.Sent, CampaignStatus.Paused], null, cancellationToken).ConfigureAwait(false))
                {
                    return CampaignOutcome.Say($"\"{title}\" was cancelled already.");
                }
                foreach (var job in await store.ListJobsAsync(campaign.Id, cancellationToken).ConfigureAwait(false))
                {
                    await timer.CancelAsync(job, cancellationToken).ConfigureAwait(false);
                }
                logger.LogInformation("Campaign {CampaignId} cancelled by {AadObjectId}.", campaign.Id, caller.Actor.AadObjectId);
                return CampaignOutcome.Say(campaign.Round == 0
                    ? $"Cancelled \"{title}\" before it was sent: nothing goes out."
                    : $"Cancelled \"{title}\": no more reminders go out. Messages already handed to Teams stay; its report stays available (\"report {campaign.Id}\").");
        }
    }

    private async Task<CampaignOutcome> ReportAsync(CampaignSubmit submit, CampaignCaller caller, bool export, CancellationToken cancellationToken)
    {
        var campaign = submit.CampaignId is null
            ? (await store.ListAsync(1, cancellationToken).ConfigureAwait(false)).FirstOrDefault()
            : await store.FindAsync(submit.CampaignId.Value, cancellationToken).ConfigureAwait(false);
        if (campaign is null || campaign.Status == CampaignStatus.Draft)
        {
            return submit.CampaignId is null ? CampaignOutcome.Say("There is no policy reminder yet. Type \"new reminder\" to compose one.") : UnknownCampaign();
        }
        if (submit.Round is { } asked && (asked < 1 || asked > Math.Max(campaign.Round, 1)))
        {
            return CampaignOutcome.Say($"Reminder {campaign.Id} has no round {asked}: it has gone out {campaign.Round} time{(campaign.Round == 1 ? "" : "s")}.");
        }
        var report = await reports.BuildAsync(campaign, submit.Round, cancellationToken).ConfigureAwait(false);
        Uri? link = null;
        if (export)
        {
            var csv = CampaignCsv.Write(report);
            var made = await downloads.CreateAsync(csv, "text/csv; charset=utf-8", $"policy-reminder-{campaign.Id}-round-{report.Round}.csv", caller.Actor.AadObjectId!, cancellationToken).ConfigureAwait(false);
            var root = options.PublicBaseUrl ?? caller.BaseUrl;
            if (root is null)
            {
                return CampaignOutcome.Say("I made the CSV, but I don't know my public address to link to it. Ask your IT administrator to set PublicBaseUrl.");
            }
            link = new Uri(root, made.Path);
            logger.LogInformation("Campaign {CampaignId} report exported by {AadObjectId} ({Bytes} bytes).", campaign.Id, caller.Actor.AadObjectId, csv.Length);
        }
        var card = cards.Report(report, chart.DataUri(report), link, (int)Math.Round(deliveryOptions.DownloadLinkLifetime.TotalMinutes));
        return CampaignOutcome.Show(card);
    }

    private async Task<CampaignOutcome> AcknowledgeAsync(CampaignSubmit submit, CampaignCaller caller, CancellationToken cancellationToken)
    {
        var (campaign, round, refusal) = await ForPersonAsync(submit, caller, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!campaign!.AcknowledgementRequired)
        {
            return CampaignOutcome.Say("This reminder does not ask for an acknowledgement; there is nothing to do. Thank you for reading it!");
        }
        var (stored, recorded) = await store.AcknowledgeAsync(campaign.Id, round!.Round,
            new Acknowledgement(caller.Actor.AadObjectId!, caller.Actor.Name, time.GetUtcNow(), PolicyRevision.Of(policy)), cancellationToken).ConfigureAwait(false);
        if (recorded)
        {
            logger.LogInformation("Campaign {CampaignId} round {Round} acknowledged by {AadObjectId}.", campaign.Id, round.Round, caller.Actor.AadObjectId);
        }
        // The tapped card (the reminder, or the scenario check's last card) becomes the acknowledged reminder.
        var card = cards.Reminder(campaign, round.Round, round.Deadline, CampaignCards.ReminderMode.Person, stored);
        return new CampaignOutcome(recorded ? [new NoticeReply($"Thank you: your acknowledgement is recorded ({cards.Local(stored.At)}).")] : [], card);
    }

    private async Task<CampaignOutcome> OpenAsync(CampaignSubmit submit, CampaignCaller caller, CancellationToken cancellationToken)
    {
        if (await FindAsync(submit, cancellationToken).ConfigureAwait(false) is not { Audience.Kind: AudienceKind.Channel } campaign
            || submit.Round is not { } r || r < 1 || r > campaign.Round
            || await store.FindRoundAsync(campaign.Id, r, cancellationToken).ConfigureAwait(false) is not { } round)
        {
            return CampaignOutcome.Say("I couldn't find that reminder. It may have been withdrawn.");
        }
        if (caller.Actor.AadObjectId is not { Length: > 0 } aad)
        {
            return CampaignOutcome.Say("Sorry, I can't tell who you are from this chat, so I can't open the reminder for you. Open PolicyBot's chat and type \"help\".");
        }
        // Only a tap on the post itself, in its channel: the same data sent from anywhere else would add someone the
        // reminder never reached to its report.
        if (caller.Actor.ConversationId is not { Length: > 0 } conversation || RecipientKeys.Conversation(conversation) != campaign.Audience.Id)
        {
            return CampaignOutcome.Say($"This button works on the reminder's post in {campaign.Audience.Name ?? "its channel"}: tap \"Acknowledge in my chat\" there.");
        }
        var key = RecipientKeys.Person(caller.TenantId, aad);
        var me = await directory.FindAsync(key, cancellationToken).ConfigureAwait(false);
        if (me is null || me.UnreachableReason is not null)
        {
            return CampaignOutcome.Say($"{caller.Actor.Name ?? "Hi"}, I can't reach you in a personal chat yet. Open PolicyBot in Teams (Apps → PolicyBot → Open), say hello, then tap \"Acknowledge in my chat\" again.");
        }
        await store.AddTargetsAsync(campaign.Id, r, [new CampaignTarget(key, aad, caller.Actor.Name, null)], cancellationToken).ConfigureAwait(false);
        var acked = (await store.ListAcknowledgementsAsync(campaign.Id, r, aad, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
        var card = cards.Reminder(campaign, r, round.Deadline, CampaignCards.ReminderMode.Person, acked);
        // The same message id as the round's: tapping twice queues it once.
        await urgent.EnqueueUrgentAsync([new OutboundMessage(campaign.MessageId(r), key, CampaignJobs.CardActivity(card))], cancellationToken).ConfigureAwait(false);
        return new CampaignOutcome([]);
    }

    private async Task<CampaignOutcome> ScenarioAsync(CampaignSubmit submit, CampaignCaller caller, CancellationToken cancellationToken)
    {
        var found = await ForPersonAsync(submit, caller, cancellationToken).ConfigureAwait(false);
        if (found.Refusal is not null)
        {
            return found.Refusal;
        }
        var (campaign, round, _) = found;
        if (campaign!.Scenarios.Count == 0)
        {
            return CampaignOutcome.Say("This reminder has no scenario check.");
        }
        var acked = (await store.ListAcknowledgementsAsync(campaign.Id, round!.Round, caller.Actor.AadObjectId!, cancellationToken).ConfigureAwait(false)).Count > 0;
        if (submit.Op == CampaignSubmit.Ops.ScenarioStart)
        {
            return CampaignOutcome.Show(cards.Scenario(campaign, round.Round, null, 0, acked));
        }
        if (submit.Situation is not { } index || index >= campaign.Scenarios.Count || !VerdictKinds.TryParse(submit.Answer, out var picked))
        {
            return CampaignOutcome.Say("I couldn't read that answer. Tap one of the buttons on the situation's card.");
        }
        await store.CountScenarioAnswerAsync(campaign.Id, round.Round, index, picked.Id(), caller.Actor.AadObjectId!, cancellationToken).ConfigureAwait(false);
        return CampaignOutcome.Show(cards.Scenario(campaign, round.Round, (index, picked), index + 1, acked));
    }

    /// <summary>
    /// The campaign and round a person's button belongs to, when the round reached them (or they opened it from the
    /// channel post); else a refusal that says why.
    /// </summary>
    private async Task<(Campaign? Campaign, CampaignRound? Round, CampaignOutcome? Refusal)> ForPersonAsync(CampaignSubmit submit, CampaignCaller caller, CancellationToken cancellationToken)
    {
        if (caller.Actor.AadObjectId is not { Length: > 0 } aad)
        {
            return (null, null, CampaignOutcome.Say("Sorry, I can't tell which Microsoft Entra account you are using, so I can't record this. Please try again from Microsoft Teams."));
        }
        if (!caller.InPersonalChat)
        {
            return (null, null, CampaignOutcome.Say("Acknowledgements happen in your personal chat with me: tap \"Acknowledge in my chat\" on the post."));
        }
        var campaign = await FindAsync(submit, cancellationToken).ConfigureAwait(false);
        if (campaign is null || submit.Round is not { } r || r < 1 || r > campaign.Round
            || await store.FindRoundAsync(campaign.Id, r, cancellationToken).ConfigureAwait(false) is not { } round)
        {
            return (null, null, CampaignOutcome.Say("I couldn't find that reminder. It may have been withdrawn."));
        }
        if (!await store.IsTargetAsync(campaign.Id, r, aad, cancellationToken).ConfigureAwait(false))
        {
            logger.LogWarning("Campaign {CampaignId} round {Round}: a button from {AadObjectId}, who was not sent it, refused.", campaign.Id, r, aad);
            return (null, null, CampaignOutcome.Say("This reminder wasn't sent to you, so there is nothing for you to acknowledge here."));
        }
        return (campaign, round, null);
    }

    private async Task<Campaign?> FindAsync(CampaignSubmit submit, CancellationToken cancellationToken) =>
        submit.CampaignId is { } id ? await store.FindAsync(id, cancellationToken).ConfigureAwait(false) : null;

    /// <summary>How far ahead a deadline or a send date may be, in years (a date beyond the calendar's end cannot be stored).</summary>
    public const int MaxYearsAhead = 2;

    private DateOnly LatestDay() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddYears(MaxYearsAhead);

    private static CampaignOutcome UnknownCampaign() =>
        CampaignOutcome.Say("I couldn't find that policy reminder. Type \"reminders\" to see them.");

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NonLetters();

    [GeneratedRegex(@"-\s*\d")]
    private static partial Regex NegativeNumber();

    [GeneratedRegex(@"^(?:campaign |reminder )?report(?: (\d{1,9}))?$")]
    private static partial Regex ReportCommand();
}
