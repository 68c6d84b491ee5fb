using PolicyBot.Rules.Model;

namespace PolicyBot.Rules.Tests;

/// <summary>
/// Every ban checked on every path: for each permissive rule (a go-ahead, "not covered" included), the forbidding clauses whose facts its path never
/// establishes (clauses of forbidden rules on another activity) must be listed, with a justification, in the policy
/// file's <c>unasked</c> section; and the section names no clause that the path does ask about.
/// </summary>
public class UnaskedBansTests
{
    private static readonly Policy Policy = Stevensville.Policy;

    private static IEnumerable<Rule> Forbidding => Policy.Rules.Where(r => r.Kind == VerdictKind.Forbidden);

    /// <summary>The clauses forbidden rules on the paths of <paramref name="activity"/> cite.</summary>
    private static HashSet<string> AskedOn(string activity) =>
        Forbidding.Where(r => r.When["activity"].Contains(activity)).SelectMany(r => r.ClauseIds).ToHashSet();

    private static HashSet<string> Unasked(string activity) =>
        Forbidding.SelectMany(r => r.ClauseIds).Where(c => !AskedOn(activity).Contains(c)).ToHashSet();

    /// <summary>Rules a person would act on as a go-ahead: allowed, allowed with conditions, and "not covered".</summary>
    public static TheoryData<string> PermissiveRules() =>
        [.. Policy.Rules.Where(r => r.Kind is VerdictKind.Allowed or VerdictKind.AllowedWithConditions or VerdictKind.NotCovered).Select(r => r.Id)];

    [Theory]
    [MemberData(nameof(PermissiveRules))]
    public void Every_forbidding_clause_a_permissive_path_never_asks_about_is_justified(string ruleId)
    {
        var rule = Policy.Rules.Single(r => r.Id == ruleId);
        foreach (var activity in rule.When["activity"])
        {
            var listed = Policy.Unasked.Where(u => u.When.GetValueOrDefault("activity") == activity).SelectMany(u => u.ClauseIds).ToHashSet();
            var missing = Unasked(activity).Where(c => !listed.Contains(c)).Order().ToList();
            Assert.True(missing.Count == 0,
                $"rule '{ruleId}' ({activity}) never asks the facts of clauses {string.Join(", ", missing)}: close them with a fact, or justify them in 'unasked'.");
        }
    }

    [Fact]
    public void The_unasked_section_names_only_clauses_the_path_really_leaves_unasked()
    {
        Assert.NotEmpty(Policy.Unasked);
        Assert.All(Policy.Unasked, u =>
        {
            var activity = u.When["activity"];
            var asked = u.ClauseIds.Where(AskedOn(activity).Contains).ToList();
            Assert.True(asked.Count == 0, $"'unasked' for {activity} lists {string.Join(", ", asked)}, which its paths do ask about.");
            Assert.False(string.IsNullOrWhiteSpace(u.Why));
        });
    }

    [Fact]
    public void An_approved_account_is_asked_what_it_is_used_for_before_any_permissive_verdict()
    {
        // The branch that used to stop checking: "approved" alone no longer decides.
        var evaluation = Stevensville.Evaluator.Evaluate(Stevensville.Facts("activity=school-account account-stage=approved"));
        Assert.Null(evaluation.Verdict);
        Assert.Equal("account-use", evaluation.Question!.Fact.Id);
        Assert.Equal(VerdictKind.Forbidden, Stevensville.Evaluator.Evaluate(Stevensville.Facts("activity=school-account account-stage=approved account-use=confidential")).Verdict!.Kind);
        Assert.Equal(VerdictKind.Forbidden, Stevensville.Evaluator.Evaluate(Stevensville.Facts("activity=school-account account-stage=approved account-use=personal-contact")).Verdict!.Kind);
    }
}
