using PolicyBot.Conversation;
using PolicyBot.Rules.Evaluation;
using PolicyBot.Rules.Model;

namespace PolicyBot.Requests;

/// <summary>
/// Turns a verdict the bot gave (a <see cref="RecentVerdict"/> kept in the person's state) into the
/// <see cref="RequestContext"/> a request carries: the facts in words, the verdict, its ambiguity note and the clauses
/// verbatim, evaluated again from the stored facts (never taken from the card). No Bot Framework types.
/// </summary>
public sealed class RequestContextBuilder(PolicyEvaluator evaluator)
{
    /// <summary>The policy served.</summary>
    public Policy Policy => evaluator.Policy;

    /// <summary>The context of <paramref name="record"/>, or <see cref="RequestContext.None"/> when its facts no longer decide anything.</summary>
    /// <param name="record">The verdict as kept.</param>
    public RequestContext Build(RecentVerdict record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var believed = record.Facts;

        var lines = Policy.Facts
            .Where(f => believed.ContainsKey(f.Id) && f.FindValue(believed[f.Id]) is not null)
            .Select(f => $"{f.Question} {f.FindValue(believed[f.Id])!.Label}{(record.Understood.Contains(f.Id) ? " (from their words)" : "")}")
            .ToList();
        if (evaluator.Evaluate(believed).Verdict is not { } verdict)
        {
            return RequestContext.None with { Facts = lines };
        }

        return new RequestContext(
            lines,
            verdict.Kind.Words(),
            verdict.Answer,
            string.IsNullOrWhiteSpace(verdict.Ambiguity) ? null : verdict.Ambiguity,
            verdict.Clauses.Select(c => new RequestClause(c.Id, c.Heading, c.Text)).ToList(),
            verdict.RuleId);
    }

    /// <summary>
    /// True when the verdict is about a class, team or school account (a group, page or presence on social media), so
    /// "Ask administration" opens the presence form rather than a question.
    /// </summary>
    /// <param name="record">The verdict as kept.</param>
    public bool IsAboutAnAccount(RecentVerdict record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var believed = record.Facts;

        var implied = evaluator.Evaluate(believed).Facts;
        return implied.TryGetValue(AccountFacts.Activity, out var activity) && activity == AccountFacts.SchoolAccount
            && !(implied.TryGetValue(AccountFacts.Stage, out var stage) && stage == AccountFacts.Approved);
    }
}

/// <summary>
/// The facts of the policy file the requests feature knows by id (<c>stevensville.policy.yaml</c>): a school account
/// (<c>activity=school-account</c>) and whether administration approved it with an approved district person as its
/// administrator (<c>account-stage</c>).
/// </summary>
public static class AccountFacts
{
    /// <summary>The activity fact.</summary>
    public const string Activity = "activity";

    /// <summary>The activity value of a class, team or school account.</summary>
    public const string SchoolAccount = "school-account";

    /// <summary>"Has administration approved it, with an approved district person as administrator?"</summary>
    public const string Stage = "account-stage";

    /// <summary>Approved: answered from the registry, never from the person's word alone.</summary>
    public const string Approved = "approved";

    /// <summary>Not yet: the person wants to start one.</summary>
    public const string New = "new";
}
