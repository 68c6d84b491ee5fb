using System.Globalization;
using CsvHelper;
using PolicyBot.Delivery;
using PolicyBot.Rules.Model;

namespace PolicyBot.Campaigns;

/// <summary>One situation's totals in a report.</summary>
/// <param name="Summary">The situation in one line.</param>
/// <param name="Right">The right verdict.</param>
/// <param name="Answered">Answers counted.</param>
/// <param name="Correct">Of those, right.</param>
/// <param name="MostCommonWrong">The most picked wrong verdict, or null.</param>
public sealed record ScenarioResult(string Summary, VerdictKind Right, int Answered, int Correct, VerdictKind? MostCommonWrong);

/// <summary>A person in a report (the CSV has one row per person).</summary>
/// <param name="AadObjectId">Entra object id.</param>
/// <param name="Name">Display name, when known.</param>
/// <param name="Delivery">Delivery in words: sent, waiting, unreachable (reason), failed (reason).</param>
/// <param name="Acknowledged">When they acknowledged, or null.</param>
/// <param name="Revision">The revision they acknowledged, or null.</param>
public sealed record ReportPerson(string AadObjectId, string? Name, string Delivery, DateTimeOffset? Acknowledged, PolicyRevision? Revision);

/// <summary>
/// A campaign round's figures: targeted, delivered, waiting, unreachable, failed by reason, acknowledged (count and share
/// of those targeted; those of a previous revision counted apart), the scenario check per situation, who is pending.
/// </summary>
/// <param name="Campaign">The campaign.</param>
/// <param name="Round">The round (0 when it has not been sent).</param>
/// <param name="SentAt">When the round was sent.</param>
/// <param name="Deadline">The round's deadline.</param>
/// <param name="Targeted">People the round was meant for (for a channel post: those who opened it).</param>
/// <param name="Delivered">Messages Teams accepted (for a channel post, the post itself counts once).</param>
/// <param name="Waiting">Messages still queued or being sent.</param>
/// <param name="Unreachable">People who could not be reached (not installed, blocked, uninstalled, …).</param>
/// <param name="FailedByReason">Failed or dead-lettered messages per reason.</param>
/// <param name="Acknowledged">People who acknowledged the current revision.</param>
/// <param name="AcknowledgedPreviousRevision">People whose acknowledgement is of a previous revision.</param>
/// <param name="Scenarios">Per situation.</param>
/// <param name="People">Every targeted person.</param>
/// <param name="CurrentRevision">The policy revision served now.</param>
/// <param name="At">When the figures were read.</param>
public sealed record CampaignReport(
    Campaign Campaign,
    int Round,
    DateTimeOffset? SentAt,
    DateTimeOffset? Deadline,
    int Targeted,
    int Delivered,
    int Waiting,
    int Unreachable,
    IReadOnlyList<(string Reason, int Count)> FailedByReason,
    int Acknowledged,
    int AcknowledgedPreviousRevision,
    IReadOnlyList<ScenarioResult> Scenarios,
    IReadOnlyList<ReportPerson> People,
    PolicyRevision CurrentRevision,
    DateTimeOffset At)
{
    /// <summary>Acknowledged (current revision) as a percentage of those targeted; 0 when nobody was targeted.</summary>
    public double AcknowledgedPercent => Targeted == 0 ? 0 : 100.0 * Acknowledged / Targeted;

    /// <summary>Targeted people who have not acknowledged the current revision.</summary>
    public IReadOnlyList<ReportPerson> Pending => [.. People.Where(p => p.Acknowledged is null || p.Revision?.Hash != CurrentRevision.Hash)];
}

/// <summary>Builds <see cref="CampaignReport"/>s from the campaign store and the outbox.</summary>
public sealed class CampaignReports(SqliteCampaignStore store, IOutboxStatus outbox, ScenarioCheck scenarios, Policy policy, TimeProvider time)
{
    /// <summary>The report of <paramref name="campaign"/>'s round <paramref name="round"/> (its latest when null or out of range).</summary>
    public async Task<CampaignReport> BuildAsync(Campaign campaign, int? round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var r = round is { } asked && asked >= 1 && asked <= campaign.Round ? asked : campaign.Round;
        var current = PolicyRevision.Of(policy);
        var info = r == 0 ? null : await store.FindRoundAsync(campaign.Id, r, cancellationToken).ConfigureAwait(false);
        var targets = r == 0 ? [] : await store.ListTargetsAsync(campaign.Id, r, cancellationToken).ConfigureAwait(false);
        var acks = r == 0 ? [] : await store.ListAcknowledgementsAsync(campaign.Id, r, null, cancellationToken).ConfigureAwait(false);
        var rows = r == 0 ? [] : await outbox.ListRecipientsAsync(campaign.MessageId(r), null, cancellationToken).ConfigureAwait(false);
        var byKey = rows.ToDictionary(x => x.RecipientKey, StringComparer.Ordinal);
        var ackBy = acks.ToDictionary(a => a.AadObjectId, StringComparer.OrdinalIgnoreCase);

        var people = new List<ReportPerson>();
        var unreachable = 0;
        foreach (var t in targets)
        {
            string delivery;
            if (t.UnreachableReason is { } why)
            {
                delivery = "unreachable: " + why;
                unreachable++;
            }
            else if (byKey.TryGetValue(t.RecipientKey, out var row))
            {
                delivery = row.Status switch
                {
                    DeliveryStatus.Sent => "sent",
                    DeliveryStatus.Queued or DeliveryStatus.Sending => "waiting",
                    DeliveryStatus.Unreachable => "unreachable: " + row.Reason,
                    DeliveryStatus.Failed => "failed: " + row.Reason,
                    DeliveryStatus.DeadLettered => "gave up after retries: " + row.Reason,
                    _ => row.Status.ToString(),
                };
                if (row.Status == DeliveryStatus.Unreachable)
                {
                    unreachable++;
                }
            }
            else
            {
                delivery = campaign.Audience.Kind == AudienceKind.Channel ? "opened from the channel post" : "not queued";
            }
            ackBy.TryGetValue(t.AadObjectId, out var ack);
            people.Add(new ReportPerson(t.AadObjectId, t.Name, delivery, ack?.At, ack?.Revision));
        }

        var failed = rows.Where(x => x.Status is DeliveryStatus.Failed or DeliveryStatus.DeadLettered)
            .GroupBy(x => x.Reason ?? "unknown")
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(g => g.Item2)
            .ToList();
        var totals = r == 0 ? [] : await store.ScenarioTotalsAsync(campaign.Id, r, cancellationToken).ConfigureAwait(false);
        var results = campaign.Scenarios.Select((s, i) =>
        {
            var right = scenarios.Decide(s)?.Kind ?? s.Verdict;
            var mine = totals.Where(t => t.Situation == i).ToList();
            var correct = mine.Where(t => t.Answer == right.Id()).Sum(t => t.Count);
            var wrong = mine.Where(t => t.Answer != right.Id()).OrderByDescending(t => t.Count).FirstOrDefault();
            VerdictKind? wrongKind = wrong.Answer is not null && VerdictKinds.TryParse(wrong.Answer, out var k) ? k : null;
            return new ScenarioResult(scenarios.Summary(s), right, mine.Sum(t => t.Count), correct, wrongKind);
        }).ToList();

        var targetedAcks = people.Where(p => p.Acknowledged is not null).ToList();
        return new CampaignReport(
            campaign, r, info?.SentAt, info?.Deadline,
            targets.Count,
            rows.Count(x => x.Status == DeliveryStatus.Sent),
            rows.Count(x => x.Status is DeliveryStatus.Queued or DeliveryStatus.Sending),
            unreachable,
            failed,
            targetedAcks.Count(p => p.Revision?.Hash == current.Hash),
            targetedAcks.Count(p => p.Revision?.Hash != current.Hash),
            results,
            people,
            current,
            time.GetUtcNow());
    }
}

/// <summary>
/// The report as CSV (CsvHelper): one row per targeted person (name, object id, delivery, acknowledged at, revision,
/// status), then the scenario totals. A cell that begins with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> (or a tab or
/// carriage return, CsvHelper's own list) is prefixed with a single quote, so a spreadsheet never runs a display name as a formula.
/// </summary>
public static class CampaignCsv
{
    /// <summary>The CSV bytes (UTF-8 with a byte order mark, so Excel reads names with accents right).</summary>
    /// <param name="report">The report.</param>
    public static byte[] Write(CampaignReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var options = new CsvWriterOptions
        {
            Injection = CsvInjection.Escape,
            InjectionEscape = '\'',
            WriteByteOrderMark = true,
            ValidateFieldCount = false,   // the people table, a blank line, then the scenario table
        };
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, options, true))
        {
            csv.WriteRecord(["name", "entra_object_id", "delivery", "acknowledged_at_utc", "acknowledged_revision", "status"]);
            foreach (var p in report.People)
            {
                csv.WriteRecord([
                    p.Name ?? "",
                    p.AadObjectId,
                    p.Delivery,
                    p.Acknowledged?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "",
                    p.Revision?.ToString() ?? "",
                    p.Acknowledged is null ? "pending" : p.Revision?.Hash == report.CurrentRevision.Hash ? "acknowledged" : "previous revision",
                ]);
            }
            if (report.Scenarios.Count > 0)
            {
                csv.WriteRecord(["situation", "right_verdict", "answered", "right"]);
                foreach (var s in report.Scenarios)
                {
                    csv.WriteRecord([s.Summary, s.Right.Words(), s.Answered.ToString(CultureInfo.InvariantCulture), s.Correct.ToString(CultureInfo.InvariantCulture)]);
                }
            }
        }
        return buffer.ToArray();
    }
}
