using System.Globalization;
using Newtonsoft.Json.Linq;
using PolicyBot.Cards;
using PolicyBot.Rules.Evaluation;
using PolicyBot.Rules.Model;

namespace PolicyBot.Campaigns;

/// <summary>
/// Binds the campaign cards (<c>cards/campaign-*.json</c>) from plain data: the compose card, the reminder card (also
/// its preview and its channel announcement), the scenario check, the report and the list. Buttons carry
/// <see cref="CampaignSubmit"/> data only. Thread-safe.
/// </summary>
public sealed class CampaignCards(Policy policy, ScenarioCheck scenarios, CampaignOptions options)
{
    /// <summary>How a reminder card is shown.</summary>
    public enum ReminderMode
    {
        /// <summary>To a person in their 1:1 chat.</summary>
        Person,

        /// <summary>To the author, before sending.</summary>
        Preview,

        /// <summary>As a post in a channel.</summary>
        Announcement,
    }

    /// <summary>One audience choice on the compose card.</summary>
    /// <param name="Title">What the author reads.</param>
    /// <param name="Value">The value sent back, e.g. <c>everyone</c>, <c>team:{teamId}</c>, <c>channel:{key}</c>.</param>
    public sealed record AudienceChoice(string Title, string Value);

    /// <summary>Values the compose card starts with (a card sent back with a problem keeps what the author typed).</summary>
    /// <param name="Title">Title.</param>
    /// <param name="Note">Note.</param>
    /// <param name="Clauses">Comma-separated clause ids.</param>
    /// <param name="Audience">Audience value.</param>
    /// <param name="Acknowledge">"true"/"false".</param>
    /// <param name="Deadline">yyyy-MM-dd or empty.</param>
    /// <param name="Scenario">"true"/"false".</param>
    public sealed record ComposeValues(string Title, string Note, string Clauses, string Audience, string Acknowledge, string Deadline, string Scenario);

    /// <summary>The compose card.</summary>
    /// <param name="audiences">Who the author may send to (everyone, each team, each channel, those not acknowledged).</param>
    /// <param name="values">What the inputs start with.</param>
    /// <param name="problem">Why the last attempt was sent back, or null.</param>
    public JObject Compose(IReadOnlyList<AudienceChoice> audiences, ComposeValues values, string? problem)
    {
        var data = new JObject
        {
            ["intro"] = $"A reminder of {policy.Metadata.District}'s policy \"{policy.Metadata.Title}\" to staff, a team or a channel. You see a preview before anything is sent.",
            ["hasProblem"] = problem is not null,
            ["problem"] = problem ?? "",
            ["title"] = values.Title,
            ["note"] = values.Note,
            ["clausesValue"] = values.Clauses,
            ["clauses"] = new JArray(policy.Clauses.Select(c => new JObject { ["title"] = $"{c.Id}. {c.Heading}", ["value"] = c.Id })),
            ["audienceValue"] = values.Audience,
            ["audiences"] = new JArray(audiences.Select(a => new JObject { ["title"] = a.Title, ["value"] = a.Value })),
            ["ackValue"] = values.Acknowledge,
            ["deadlineValue"] = values.Deadline,
            ["nudgeDays"] = options.NudgeDaysWords(),
            ["scenarioValue"] = values.Scenario,
            ["previewData"] = CampaignSubmit.Data(CampaignSubmit.Ops.Preview),
        };
        return CardTemplateBinder.Bind("campaign-compose.json", data);
    }

    /// <summary>The reminder card.</summary>
    /// <param name="campaign">The campaign.</param>
    /// <param name="round">The round the card belongs to (0 for a preview).</param>
    /// <param name="deadline">The round's deadline, or null.</param>
    /// <param name="mode">Who sees it, where.</param>
    /// <param name="acknowledged">The person's acknowledgement, when they gave one (the card then shows it instead of the button).</param>
    /// <param name="nudgeDaysLeft">For a nudge: days left before the deadline; else null.</param>
    /// <param name="scenarioDone">True when the person finished the scenario check (the start button is then left out).</param>
    /// <param name="scheduleConfirm">Preview only: the schedule understood from the author's words, repeated back before saving, or null.</param>
    public JObject Reminder(Campaign campaign, int round, DateTimeOffset? deadline, ReminderMode mode, Acknowledgement? acknowledged = null,
        int? nudgeDaysLeft = null, bool scenarioDone = false, string? scheduleConfirm = null)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var current = PolicyRevision.Of(policy);
        var person = mode == ReminderMode.Person;
        var quoted = campaign.Content.ClauseIds.Select(id => policy.Clauses.FirstOrDefault(c => c.Id == id)).OfType<Clause>().ToList();
        var clauses = quoted.Count > 0
            ? new JArray(quoted.Select(c => new JObject { ["heading"] = $"{c.Id}. {c.Heading}", ["hasText"] = true, ["text"] = c.Text }))
            : new JArray(policy.Clauses.Select(c => new JObject { ["heading"] = "• " + c.Heading, ["hasText"] = false, ["text"] = "" }));
        var ackLine = acknowledged is null
            ? ""
            : $"You acknowledged this on {Local(acknowledged.At)}" + (acknowledged.Revision.Hash == current.Hash
                ? $" (the policy as revised {acknowledged.Revision.Date:MMMM d, yyyy})."
                : $", for a previous revision of the policy ({acknowledged.Revision.Date:MMMM d, yyyy}); the policy has changed since.");
        var data = new JObject
        {
            ["title"] = campaign.Content.Title,
            ["fallback"] = campaign.Content.Note.Length > 0 ? campaign.Content.Note : $"a reminder of the policy \"{policy.Metadata.Title}\".",
            ["isPreview"] = mode == ReminderMode.Preview,
            ["previewLine"] = campaign.AcknowledgementRequired ? "Staff will see the buttons below the policy; yours are at the bottom." : "",
            ["hasNudge"] = nudgeDaysLeft is not null,
            ["nudgeLine"] = nudgeDaysLeft switch
            {
                null => "",
                <= 0 => "Reminder: your acknowledgement is due today.",
                1 => "Reminder: your acknowledgement is due tomorrow.",
                var d => $"Reminder: your acknowledgement is due in {d} days.",
            },
            ["fromLine"] = $"From {campaign.AuthorName ?? "your administration"}, through PolicyBot",
            ["hasNote"] = campaign.Content.Note.Length > 0,
            ["note"] = campaign.Content.Note,
            ["contentHeading"] = quoted.Count > 0 ? "From the policy:" : $"\"{policy.Metadata.Title}\" covers:",
            ["clauses"] = clauses,
            ["policyLine"] = $"{policy.Metadata.District}, \"{policy.Metadata.Title}\", adopted {policy.Metadata.Adopted:MMMM d, yyyy}"
                + (policy.Metadata.Revised is { } r ? $", revised {r:MMMM d, yyyy}" : "") + ". Ask me about any situation in this chat.",
            ["hasDeadline"] = campaign.AcknowledgementRequired && deadline is not null,
            ["deadlineLine"] = deadline is { } d2 ? $"Please acknowledge by {Local(d2, withTime: false)}." : "",
            ["hasScenarioLine"] = campaign.Scenarios.Count > 0 && mode != ReminderMode.Announcement && acknowledged is null,
            ["scenarioLine"] = $"Before you acknowledge, try the scenario check: {campaign.Scenarios.Count} situations from the policy, a minute or two. Only totals are kept, never your answers.",
            ["isAcknowledged"] = acknowledged is not null,
            ["acknowledgedLine"] = ackLine,
            ["audienceLine"] = campaign.Audience.Describe(),
            ["timeZone"] = options.TimeZone.Id,
            ["sendDateValue"] = "",
            ["sendTimeValue"] = "",
            ["showScenario"] = person && campaign.Scenarios.Count > 0 && acknowledged is null && !scenarioDone,
            ["scenarioData"] = CampaignSubmit.Data(CampaignSubmit.Ops.ScenarioStart, campaign.Id, round, situation: 0),
            ["showAck"] = person && campaign.AcknowledgementRequired && acknowledged is null,
            ["ackData"] = CampaignSubmit.Data(CampaignSubmit.Ops.Acknowledge, campaign.Id, round),
            ["isAnnouncement"] = mode == ReminderMode.Announcement,
            ["openData"] = CampaignSubmit.Data(CampaignSubmit.Ops.Open, campaign.Id, round),
            ["sendNowData"] = CampaignSubmit.Data(CampaignSubmit.Ops.SendNow, campaign.Id),
            ["scheduleData"] = CampaignSubmit.Data(CampaignSubmit.Ops.Schedule, campaign.Id),
            ["discardData"] = CampaignSubmit.Data(CampaignSubmit.Ops.Discard, campaign.Id),
            ["isScheduleConfirm"] = mode == ReminderMode.Preview && scheduleConfirm is not null,
            ["scheduleConfirmLine"] = scheduleConfirm is null ? "" : $"I understood: {scheduleConfirm}. Save it?",
            ["confirmScheduleData"] = CampaignSubmit.Data(CampaignSubmit.Ops.ConfirmSchedule, campaign.Id),
        };
        return CardTemplateBinder.Bind("campaign-reminder.json", data);
    }

    /// <summary>
    /// A scenario check card: the result of the situation just answered (when <paramref name="answered"/> is set) and the
    /// next situation (when <paramref name="next"/> is below the count), else the end with the acknowledgement button.
    /// </summary>
    /// <param name="campaign">The campaign.</param>
    /// <param name="round">The round.</param>
    /// <param name="answered">The situation answered and the verdict picked, or null at the start.</param>
    /// <param name="next">The index of the situation to ask next.</param>
    /// <param name="acknowledged">True when the person acknowledged already (no button at the end).</param>
    public JObject Scenario(Campaign campaign, int round, (int Index, VerdictKind Picked)? answered, int next, bool acknowledged)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var total = campaign.Scenarios.Count;
        var data = new JObject
        {
            ["campaignTitle"] = campaign.Content.Title,
            ["total"] = total,
            ["number"] = next + 1,
            ["hasResult"] = false,
            ["resultStyle"] = "emphasis",
            ["resultHeadline"] = "",
            ["resultAnswer"] = "",
            ["resultClauseHeading"] = "",
            ["resultClauseText"] = "",
        };
        var fallback = "";
        if (answered is { } a && a.Index < total)
        {
            var situation = campaign.Scenarios[a.Index];
            var verdict = scenarios.Decide(situation);
            var right = verdict?.Kind ?? situation.Verdict;
            var clause = verdict?.Clauses.FirstOrDefault();
            data["hasResult"] = true;
            data["resultStyle"] = a.Picked == right ? "good" : "attention";
            data["resultHeadline"] = a.Picked == right
                ? $"Right: {right.Words()}."
                : $"The policy says: {right.Words()} (you picked {a.Picked.Words().ToLowerInvariant()}). No harm done: this is what the check is for.";
            data["resultAnswer"] = verdict is null ? "" : $"{verdict.Answer} {verdict.Reason}";
            data["resultClauseHeading"] = clause is null ? "" : $"Clause {clause.Id}: {clause.Heading}";
            data["resultClauseText"] = clause?.Text ?? "";
            fallback = (string)data["resultHeadline"]!;
        }
        var hasSituation = next < total;
        data["hasSituation"] = hasSituation;
        data["facts"] = hasSituation
            ? new JArray(scenarios.Describe(campaign.Scenarios[next]).Select(d => new JObject { ["title"] = d.Question, ["value"] = d.Answer }))
            : new JArray();
        data["choices"] = new JArray(Enum.GetValues<VerdictKind>().Select(k => new JObject
        {
            ["title"] = k.Words(),
            ["data"] = CampaignSubmit.Data(CampaignSubmit.Ops.ScenarioAnswer, campaign.Id, round, next, k.Id()),
        }));
        data["isDone"] = !hasSituation;
        data["doneLine"] = acknowledged
            ? "That was the last situation. Thank you: you had already acknowledged the policy."
            : campaign.AcknowledgementRequired
                ? "That was the last situation. When you are ready, acknowledge the policy below."
                : "That was the last situation. Thank you!";
        data["showAck"] = !hasSituation && !acknowledged && campaign.AcknowledgementRequired;
        data["ackData"] = CampaignSubmit.Data(CampaignSubmit.Ops.Acknowledge, campaign.Id, round);
        data["fallback"] = hasSituation ? $"situation {next + 1} of {total}. {fallback}" : $"done. {fallback}";
        return CardTemplateBinder.Bind("campaign-scenario.json", data);
    }

    /// <summary>The report card.</summary>
    /// <param name="report">The figures.</param>
    /// <param name="chartDataUri">The chart as a <c>data:image/png;base64,…</c> URI, or null when it could not be drawn or is too large.</param>
    /// <param name="downloadUrl">An export's download link, or null.</param>
    /// <param name="downloadMinutes">How long the link works.</param>
    public JObject Report(CampaignReport report, string? chartDataUri, Uri? downloadUrl, int downloadMinutes)
    {
        ArgumentNullException.ThrowIfNull(report);
        var c = report.Campaign;
        static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
        var totals = new List<(string, string)>
        {
            ("Targeted", N(report.Targeted)),
            ("Delivered", N(report.Delivered)),
            ("Waiting to be sent", N(report.Waiting)),
            ("Unreachable", N(report.Unreachable)),
        };
        totals.AddRange(report.FailedByReason.Select(f => ($"Failed: {f.Reason}", N(f.Count))));
        if (c.AcknowledgementRequired)
        {
            totals.Add(("Acknowledged", $"{N(report.Acknowledged)} ({report.AcknowledgedPercent.ToString("0.#", CultureInfo.InvariantCulture)} %)"));
            if (report.AcknowledgedPreviousRevision > 0)
            {
                totals.Add(("… of a previous revision", N(report.AcknowledgedPreviousRevision)));
            }
            totals.Add(("Pending", N(report.Pending.Count)));
        }
        var scenarioRows = report.Scenarios.Select((s, i) => new JObject
        {
            ["title"] = $"{i + 1}. {s.Summary}",
            ["value"] = s.Answered == 0
                ? $"no answers yet (right: {s.Right.Words().ToLowerInvariant()})"
                : $"{N(s.Correct)} of {N(s.Answered)} right ({s.Right.Words().ToLowerInvariant()})" + (s.MostCommonWrong is { } w ? $"; most common other answer: {w.Words().ToLowerInvariant()}" : ""),
        });
        var pendingShown = report.Pending.Take(30).Select(p => p.Name ?? p.AadObjectId).ToList();
        var data = new JObject
        {
            ["title"] = c.Content.Title,
            ["headline"] = $"Campaign {c.Id}, round {report.Round}: {c.Audience.Describe()}; {StatusWords(c.Status)}"
                + (report.SentAt is { } sent ? $" (round sent {Local(sent)})" : "")
                + (report.Deadline is { } dl ? $"; due {Local(dl, withTime: false)}" : "") + ".",
            ["hasChart"] = chartDataUri is not null,
            ["chartUrl"] = chartDataUri ?? "",
            ["chartAlt"] = $"Chart: {report.Targeted} targeted, {report.Delivered} delivered, {report.Acknowledged} acknowledged, {report.Pending.Count} pending.",
            ["totals"] = new JArray(totals.Select(t => new JObject { ["title"] = t.Item1, ["value"] = t.Item2 })),
            ["hasScenarios"] = report.Scenarios.Count > 0,
            ["scenarios"] = new JArray(scenarioRows),
            ["hasPending"] = c.AcknowledgementRequired && report.Pending.Count > 0,
            ["pendingHeading"] = $"Still pending ({N(report.Pending.Count)})",
            ["pendingLine"] = string.Join(", ", pendingShown) + (report.Pending.Count > pendingShown.Count ? $" … and {N(report.Pending.Count - pendingShown.Count)} more (in the CSV)." : "."),
            ["footer"] = $"Policy revision now: {report.CurrentRevision}. Figures as of {Local(report.At)}.",
            ["hasDownload"] = downloadUrl is not null,
            ["downloadUrl"] = downloadUrl?.ToString() ?? "",
            ["downloadMinutes"] = downloadMinutes,
            ["refreshData"] = CampaignSubmit.Data(CampaignSubmit.Ops.Report, c.Id, report.Round),
            ["canExport"] = downloadUrl is null,
            ["exportData"] = CampaignSubmit.Data(CampaignSubmit.Ops.Export, c.Id, report.Round),
        };
        return CardTemplateBinder.Bind("campaign-report.json", data);
    }

    /// <summary>The list of campaigns with their buttons.</summary>
    /// <param name="campaigns">Newest first.</param>
    public JObject List(IReadOnlyList<Campaign> campaigns)
    {
        ArgumentNullException.ThrowIfNull(campaigns);
        var items = campaigns.Select(c =>
        {
            var buttons = new List<(string, JObject)>();
            if (c.Round > 0)
            {
                buttons.Add(("Report", CampaignSubmit.Data(CampaignSubmit.Ops.Report, c.Id, c.Round)));
            }
            if (c.Status is CampaignStatus.Scheduled or CampaignStatus.Sent && (c.Status == CampaignStatus.Scheduled || c.AcknowledgementRequired || c.ScheduleJson is not null))
            {
                buttons.Add(("Pause", CampaignSubmit.Data(CampaignSubmit.Ops.Pause, c.Id)));
            }
            if (c.Status == CampaignStatus.Paused)
            {
                buttons.Add(("Resume", CampaignSubmit.Data(CampaignSubmit.Ops.Resume, c.Id)));
            }
            if (c.Status is not CampaignStatus.Cancelled)
            {
                buttons.Add(("Cancel", CampaignSubmit.Data(CampaignSubmit.Ops.Cancel, c.Id)));
            }
            var line = $"#{c.Id} · {StatusWords(c.Status)} · {c.Audience.Describe()}"
                + (c.ScheduleDescription is { } s ? $" · {s}" : "")
                + (c.Status == CampaignStatus.Scheduled && c.SendAt is { } at ? $" · sends {Local(at)}" : "")
                + (c.AcknowledgementRequired ? " · acknowledgement" + (c.Deadline is { } d ? $" by {Local(d, withTime: false)}" : "") : "")
                + (c.Scenarios.Count > 0 ? " · scenario check" : "");
            return new JObject
            {
                ["title"] = c.Content.Title,
                ["line"] = line,
                ["buttons"] = new JArray(buttons.Select(b => new JObject { ["title"] = b.Item1, ["data"] = b.Item2 })),
            };
        });
        var data = new JObject
        {
            ["headline"] = campaigns.Count == 0 ? "No reminders yet. Tap \"New policy reminder\" to compose one." : $"The latest {campaigns.Count}, newest first.",
            ["campaigns"] = new JArray(items),
            ["newData"] = CampaignSubmit.Data(CampaignSubmit.Ops.New),
        };
        return CardTemplateBinder.Bind("campaign-list.json", data);
    }

    /// <summary>A status in words.</summary>
    public static string StatusWords(CampaignStatus status) => status switch
    {
        CampaignStatus.Draft => "draft",
        CampaignStatus.Scheduled => "scheduled",
        CampaignStatus.Sent => "sent",
        CampaignStatus.Paused => "paused",
        CampaignStatus.Cancelled => "cancelled",
        _ => status.ToString(),
    };

    /// <summary>A time in the district's zone, e.g. "Monday, December 7, 2026 at 8:00 AM (America/Denver)".</summary>
    /// <param name="at">The instant.</param>
    /// <param name="withTime">False for the date only.</param>
    public string Local(DateTimeOffset at, bool withTime = true)
    {
        var local = TimeZoneInfo.ConvertTime(at, options.TimeZone);
        return withTime
            ? local.ToString("dddd, MMMM d, yyyy 'at' h:mm tt", CultureInfo.InvariantCulture) + $" ({options.TimeZone.Id})"
            : local.ToString("dddd, MMMM d, yyyy", CultureInfo.InvariantCulture);
    }
}
