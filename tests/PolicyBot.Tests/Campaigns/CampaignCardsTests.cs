using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;
using PolicyBot.Campaigns;
using PolicyBot.Rules.Loading;
using PolicyBot.Rules.Model;
using PolicyBot.TestSupport;
using Xunit.Abstractions;
using static PolicyBot.Tests.Conversation.Cards;

namespace PolicyBot.Tests.Campaigns;

/// <summary>
/// The campaign cards, each state of each, checked with Microsoft's Adaptive Cards renderer; the scenario check drawn
/// from the dialog tree; the chart within Teams' message size; the CSV's formula escaping.
/// </summary>
public sealed class CampaignCardsTests(ITestOutputHelper output)
{
    private static readonly Policy Policy = PolicyLoader.LoadEmbedded();
    private static readonly CampaignOptions Options = CampaignOptions.From(new ConfigurationBuilder().Build());
    private static readonly ScenarioCheck Scenarios = new(Policy);
    private static readonly CampaignCards Cards = new(Policy, Scenarios, Options);

    private static Campaign Sample(AudienceKind audience = AudienceKind.Everyone, bool ack = true, int scenarios = 3) => new(
        7, "0f8fad5b-d9cb-469f-a165-70867728950e", "Pat Principal", DateTimeOffset.Parse("2026-12-02T17:00:00Z"), CampaignStatus.Sent,
        new CampaignContent("Start of year", "Please read this before Monday.", ["2", "4"]),
        new Audience(audience, audience == AudienceKind.Channel ? "conversation:19:abc@thread.tacv2" : null, audience == AudienceKind.Channel ? "Staff › General" : null),
        ack, DateTimeOffset.Parse("2026-12-12T06:59:59Z"), scenarios == 0 ? [] : Scenarios.Pick("seed", scenarios), DateTimeOffset.Parse("2026-12-02T17:00:00Z"), 1,
        PolicyRevision.Of(Policy));

    [Fact]
    public void The_scenario_check_draws_three_clear_situations_of_different_verdicts_from_the_dialog_tree()
    {
        Assert.True(Scenarios.CandidateCount >= 10, $"only {Scenarios.CandidateCount} clear situations in the tree");
        var picked = Scenarios.Pick("campaign-1");
        Assert.Equal(3, picked.Count);
        Assert.Equal(3, picked.Select(p => p.Verdict).Distinct().Count());
        foreach (var situation in picked)
        {
            // The stored verdict is what the rules say for the path, and the description names every answer in words.
            Assert.Equal(situation.Verdict, Scenarios.Decide(situation)!.Kind);
            Assert.NotEmpty(Scenarios.Describe(situation));
            output.WriteLine($"{Scenarios.Summary(situation)} => {situation.Verdict}");
        }
        Assert.Equal(picked.Select(p => p.RuleId + string.Join(",", p.Facts)), Scenarios.Pick("campaign-1").Select(p => p.RuleId + string.Join(",", p.Facts)));
        Assert.NotEqual(picked.Select(p => p.RuleId), Enumerable.Range(2, 5).Select(i => Scenarios.Pick("campaign-" + i)).First(p => !p.Select(x => x.RuleId).SequenceEqual(picked.Select(x => x.RuleId))).Select(p => p.RuleId));
    }

    [Fact]
    public async Task Every_campaign_card_state_renders_without_errors_in_Microsofts_renderer()
    {
        var campaign = Sample();
        var ack = new Acknowledgement("x", "Lee", DateTimeOffset.Parse("2026-12-03T15:00:00Z"), PolicyRevision.Of(Policy));
        var old = ack with { Revision = new PolicyRevision(new DateOnly(2017, 10, 10), "0000000000000000") };
        var report = SampleReport(campaign);
        var chart = new ReportChart(NullLogger<ReportChart>.Instance);
        var uri = chart.DataUri(report);
        Assert.NotNull(uri);
        var cards = new List<(string, JObject)>
        {
            ("compose", Cards.Compose([new("Everyone", "everyone"), new("Staff › General", "channel:x")], new("t", "", "", "everyone", "true", "", "true"), null)),
            ("compose-problem", Cards.Compose([new("Everyone", "everyone")], new("t", "n", "2,4", "everyone", "false", "2026-12-01", "false"), "A deadline is for acknowledgements.")),
            ("preview", Cards.Reminder(campaign, 0, campaign.Deadline, CampaignCards.ReminderMode.Preview)),
            ("person", Cards.Reminder(campaign, 1, campaign.Deadline, CampaignCards.ReminderMode.Person)),
            ("person-summary", Cards.Reminder(campaign with { Content = campaign.Content with { ClauseIds = [] } }, 1, null, CampaignCards.ReminderMode.Person)),
            ("acknowledged", Cards.Reminder(campaign, 1, campaign.Deadline, CampaignCards.ReminderMode.Person, ack)),
            ("acknowledged-previous", Cards.Reminder(campaign, 1, campaign.Deadline, CampaignCards.ReminderMode.Person, old)),
            ("nudge", Cards.Reminder(campaign, 1, campaign.Deadline, CampaignCards.ReminderMode.Person, nudgeDaysLeft: 3)),
            ("announcement", Cards.Reminder(Sample(AudienceKind.Channel), 1, campaign.Deadline, CampaignCards.ReminderMode.Announcement)),
            ("scenario-start", Cards.Scenario(campaign, 1, null, 0, false)),
            ("scenario-wrong", Cards.Scenario(campaign, 1, (0, VerdictKind.Allowed), 1, false)),
            ("scenario-end", Cards.Scenario(campaign, 1, (2, campaign.Scenarios[2].Verdict), 3, false)),
            ("report", Cards.Report(report, uri, null, 15)),
            ("report-download", Cards.Report(report, null, new Uri("http://localhost:3978/downloads/abc"), 15)),
            ("list", Cards.List([campaign, campaign with { Id = 8, Status = CampaignStatus.Paused }, campaign with { Id = 9, Status = CampaignStatus.Cancelled }])),
            ("list-empty", Cards.List([])),
        };
        var results = await AdaptiveCardValidator.ValidateAsync(cards);
        foreach (var result in results)
        {
            Assert.True(result.IsClean, result.ToString());
        }
        foreach (var (name, card) in cards)
        {
            var bytes = Newtonsoft.Json.JsonConvert.SerializeObject(card).Length;
            Assert.True(bytes < PolicyBot.Cards.PolicyCards.MaxCardBytes, $"{name}: {bytes} bytes");
        }
        Assert.Contains("for a previous revision of the policy", TextOf(cards[6].Item2));
        Assert.Contains("Reminder: your acknowledgement is due in 3 days.", TextOf(cards[7].Item2));
        Assert.Contains(SubmitsOf(cards[8].Item2), s => s.Title == "Acknowledge in my chat");
        Assert.DoesNotContain(SubmitsOf(cards[5].Item2), s => s.Title == "I have read and understand this policy");
        Assert.Contains(campaign.Scenarios[0].Verdict == VerdictKind.Allowed ? "Right: Allowed." : "(you picked allowed). No harm done", TextOf(cards[10].Item2));
        Assert.Contains("Situation 2 of 3", TextOf(cards[10].Item2));
    }

    [Fact]
    public void The_chart_is_a_small_png_and_draws_text_with_the_installed_font()
    {
        var chart = new ReportChart(NullLogger<ReportChart>.Instance);
        var png = chart.Png(SampleReport(Sample()));
        Assert.NotNull(png);
        Assert.True(png!.Length < ReportChart.MaxPngBytes, $"{png.Length} bytes");
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png.Take(4).ToArray());
        var folder = Path.Combine(Path.GetTempPath(), "policybot-chart");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "report-chart.png"), png);
        output.WriteLine($"{png.Length} bytes: {Path.Combine(folder, "report-chart.png")}");
        // Text renders: a chart with labels and title differs from the same chart with no text at all far more than noise.
        Assert.True(png.Length > 3000, "a chart with its labels drawn is several KB");
    }

    [Fact]
    public void The_csv_escapes_cells_that_would_run_as_formulas_and_keeps_the_rest_as_written()
    {
        var report = SampleReport(Sample());
        var text = System.Text.Encoding.UTF8.GetString(CampaignCsv.Write(report));
        output.WriteLine(text);
        Assert.StartsWith("\uFEFFname,entra_object_id,", text);
        Assert.Contains("'=1+2", text);
        Assert.Contains("'+cmd", text);
        Assert.Contains("'-2", text);
        Assert.Contains("'@SUM(A1)", text);
        Assert.Contains("\nLee Teacher,", text);
        Assert.Contains("previous revision", text);
        Assert.DoesNotContain("\n=", text);
    }

    private static CampaignReport SampleReport(Campaign campaign)
    {
        var current = PolicyRevision.Of(Policy);
        var at = DateTimeOffset.Parse("2026-12-03T15:00:00Z");
        var people = new List<ReportPerson>
        {
            new("a", "Lee Teacher", "sent", at, current),
            new("b", "=1+2", "sent", null, null),
            new("c", "+cmd", "unreachable: 403 ConversationBlockedByUser", null, null),
            new("d", "-2", "sent", at, new PolicyRevision(new DateOnly(2017, 10, 10), "0000000000000000")),
            new("e", "@SUM(A1)", "failed: 400 BadArgument", null, null),
        };
        return new CampaignReport(campaign, 1, at, campaign.Deadline, 5, 3, 0, 1, [("400 BadArgument", 1)], 1, 1,
            [.. campaign.Scenarios.Select(s => new ScenarioResult(Scenarios.Summary(s), s.Verdict, 4, 3, VerdictKind.Allowed))], people, current, at);
    }
}
