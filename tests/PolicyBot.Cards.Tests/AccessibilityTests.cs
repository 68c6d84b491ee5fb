using Newtonsoft.Json.Linq;
using PolicyBot.Rules.Model;
using PolicyBot.TestSupport;
using Xunit.Abstractions;

namespace PolicyBot.Cards.Tests;

/// <summary>
/// WCAG 2.1 A/AA on every card the policy can produce: rendered with Microsoft's renderer in Chromium under light,
/// dark and high-contrast Teams-like host configs and checked with axe-core, as it lands and with "Details" open (ONE
/// Node run, with planted bad cards that prove the check fails); the accessibility tree's heading order on verdict
/// cards; no sideways overflow at 360 px (a phone). Spoken length and height are written to the test output.
/// </summary>
public class AccessibilityTests(ITestOutputHelper output)
{
    private static readonly (string Name, JObject Card)[] Planted =
    [
        ("planted: low contrast", JObject.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Pale words on a pale card","color":"Light","wrap":true}]}""")),
        ("planted: unnamed action", JObject.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"A button with no name","wrap":true}],"actions":[{"type":"Action.Submit","data":{"x":1}}]}""")),
        ("planted: dark words", JObject.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Dark words on a dark card","color":"Dark","wrap":true}]}""")),
        ("planted: too wide for a phone", JObject.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"ColumnSet","columns":[{"type":"Column","width":"300px","items":[{"type":"TextBlock","text":"left"}]},{"type":"Column","width":"300px","items":[{"type":"TextBlock","text":"right"}]}]}]}""")),
    ];

    private static readonly Lazy<Task<IReadOnlyList<CardAccessibilityResult>>> Results =
        new(() => CardAccessibilityChecker.CheckAsync(AllCards.Cards.Concat(Planted)));

    private static async Task<CardAccessibilityResult> Result(string name) => (await Results.Value).Single(r => r.Name == name);

    private static async Task<List<CardAccessibilityResult>> PolicyCardResults() => [.. (await Results.Value).Take(AllCards.Cards.Count)];

    [Fact]
    public async Task Every_card_in_light_dark_and_high_contrast_has_no_serious_or_critical_WCAG_violation()
    {
        var results = await PolicyCardResults();

        Assert.Equal(AllCards.Cards.Select(c => c.Name), results.Select(r => r.Name));
        Assert.All(results, r => Assert.Equal(["dark", "high-contrast", "light"], r.Violations.Keys.Order(StringComparer.Ordinal)));
        Assert.Empty(results.SelectMany(r => r.Errors));
        var failures = results.SelectMany(r => r.Failures).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
        var minor = results.SelectMany(r => r.Violations.SelectMany(t => t.Value.Select(v => $"{r.Name} [{t.Key}] {v}"))).ToList();
        output.WriteLine($"{results.Count} cards x 3 themes, as they land and with Details open: 0 serious or critical; {minor.Count} minor or moderate");
        foreach (var line in minor.Take(20))
        {
            output.WriteLine("  " + line);
        }
    }

    [Fact]
    public async Task The_check_fails_on_a_planted_low_contrast_card()
    {
        var result = await Result("planted: low contrast");
        Assert.Contains(result.Failures, f => f.Contains("color-contrast", StringComparison.Ordinal) && f.Contains("[light]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_check_fails_on_a_planted_unnamed_action()
    {
        // Structure is checked under the light config only (the three differ only in colours); the dark and
        // high-contrast runs are the colour rules, which this card passes.
        var result = await Result("planted: unnamed action");
        Assert.Contains(result.Failures, f => f.Contains("button-name", StringComparison.Ordinal) && f.Contains("[light]", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Failures, f => f.Contains("button-name", StringComparison.Ordinal) && !f.Contains("[light]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_dark_and_high_contrast_runs_fail_a_planted_card_of_dark_words()
    {
        // "Dark" words are near-black in every theme: readable on the light card, unreadable on the dark ones. The planted
        // low-contrast card ("Light" words) proves the light run checks contrast; this one proves the other two do.
        var result = await Result("planted: dark words");
        Assert.Contains(result.Failures, f => f.Contains("color-contrast", StringComparison.Ordinal) && f.Contains("[dark]", StringComparison.Ordinal));
        Assert.Contains(result.Failures, f => f.Contains("color-contrast", StringComparison.Ordinal) && f.Contains("[high-contrast]", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Failures, f => f.Contains("[light]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_phone_check_fails_on_a_planted_card_too_wide_for_360_px()
    {
        Assert.NotEmpty((await Result("planted: too wide for a phone")).Overflow);
    }

    [Fact]
    public async Task No_card_overflows_sideways_on_a_360_px_phone()
    {
        var overflowing = (await PolicyCardResults()).Where(r => r.Overflow.Count > 0).Select(r => $"{r.Name}: {string.Join("; ", r.Overflow)}").ToList();
        Assert.True(overflowing.Count == 0, string.Join("\n", overflowing.Take(20)));
    }

    [Fact]
    public async Task On_a_verdict_card_a_screen_reader_reaches_verdict_then_conditions_or_instead_then_clause_in_three_headings()
    {
        var results = await PolicyCardResults();
        foreach (var node in AllCards.VerdictNodes())
        {
            var verdict = node.Outcome!.Verdict!;
            foreach (var name in new[] { $"verdict {AllCards.Describe(node)}", $"verdict, understood {AllCards.Describe(node)}" })
            {
                var headings = results.Single(r => r.Name == name).Headings.Select(h => h.Name).ToList();
                var expected = new List<string> { verdict.Kind == VerdictKind.NotCovered ? "Not covered: the policy does not cover this" : verdict.Kind.Words() };
                if (verdict.Conditions.Count > 0)
                {
                    expected.Add("Conditions to keep");
                }
                if (verdict.Instead is not null && verdict.Conditions.Count == 0)
                {
                    expected.Add("What to do instead");
                }
                expected.Add(verdict.Clauses.Count == 1 ? "The clause this rests on" : "The clauses this rests on");
                // The accessibility tree as the card lands: exactly these headings, in this order, so the clause is at
                // most the third "next heading"; the rest is behind "Details".
                Assert.True(expected.SequenceEqual(headings), $"{name}: headings {string.Join(" | ", headings)}");
                Assert.InRange(headings.Count, 2, 3);
                Assert.All(results.Single(r => r.Name == name).Headings, h => Assert.Equal(2, h.Level));
            }
        }
    }

    [Fact]
    public async Task Section_labels_are_headings_in_the_accessibility_tree()
    {
        var results = await PolicyCardResults();
        Assert.Equal(["How to use PolicyBot", "Commands", "In a group chat or a channel"], (await Result("help")).Headings.Select(h => h.Name));
        Assert.Equal(["Hi, I'm PolicyBot", "The policy I follow", "Try one of these"], (await Result("welcome")).Headings.Select(h => h.Name));
        Assert.All(results, r => Assert.NotEmpty(r.Headings));
    }

    [Fact]
    public async Task Spoken_length_and_height_of_each_verdict_card_as_it_lands()
    {
        var results = await PolicyCardResults();
        var verdicts = AllCards.VerdictNodes().Select(n => (Node: n, Result: results.Single(r => r.Name == $"verdict {AllCards.Describe(n)}"))).ToList();
        output.WriteLine("kind | cards | words before the first button: min / mean / max | height at 560 px: min / mean / max");
        foreach (var kind in Enum.GetValues<VerdictKind>())
        {
            var of = verdicts.Where(v => v.Node.Outcome!.Verdict!.Kind == kind).Select(v => v.Result).ToList();
            if (of.Count == 0)
            {
                continue;
            }
            output.WriteLine($"{kind.Words()} | {of.Count} | {of.Min(r => r.SpokenWords)} / {of.Average(r => r.SpokenWords):F0} / {of.Max(r => r.SpokenWords)} | " +
                $"{of.Min(r => r.Height)} / {of.Average(r => r.Height):F0} / {of.Max(r => r.Height)}");
        }
        Assert.All(verdicts, v => Assert.True(v.Result.SpokenWords > 0 && v.Result.Height > 0, v.Result.Name));
    }
}
