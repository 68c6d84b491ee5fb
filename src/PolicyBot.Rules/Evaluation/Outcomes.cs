using PolicyBot.Rules.Model;

namespace PolicyBot.Rules.Evaluation;

/// <summary>
/// The result of evaluating a situation: either a <see cref="Verdict"/> or the next
/// <see cref="Question"/> to ask (exactly one is set for a loaded policy).
/// </summary>
/// <param name="Facts">The facts evaluated: those given plus those they imply (fact id → value id).</param>
/// <param name="Verdict">The verdict, when the facts decide one.</param>
/// <param name="Question">The single fact still needed, when they do not.</param>
public sealed record Evaluation(IReadOnlyDictionary<string, string> Facts, Verdict? Verdict, Question? Question)
{
    /// <summary>True when neither a verdict nor a question could be found: only for a policy that failed its completeness check.</summary>
    public bool IsUndecided => Verdict is null && Question is null;
}

/// <summary>What the policy says about a fully described situation.</summary>
/// <param name="Kind">Allowed, allowed with conditions, forbidden, needs administration or not covered.</param>
/// <param name="RuleId">The deciding rule.</param>
/// <param name="Answer">One line for the person asking.</param>
/// <param name="Reason">Why, for these facts.</param>
/// <param name="Clauses">The deciding clauses, verbatim, most decisive first.</param>
/// <param name="Conditions">What must keep holding; empty unless the rule states conditions.</param>
/// <param name="Instead">What to do instead, or null.</param>
/// <param name="Ambiguity">Where the policy text is unclear: what, and the careful reading taken; else null.</param>
/// <param name="Policy">The policy's metadata (title, district, revision date) for citing.</param>
public sealed record Verdict(
    VerdictKind Kind,
    string RuleId,
    string Answer,
    string Reason,
    IReadOnlyList<Clause> Clauses,
    IReadOnlyList<string> Conditions,
    string? Instead,
    string? Ambiguity,
    PolicyMetadata Policy);

/// <summary>The next thing to ask: one fact and its possible answers.</summary>
/// <param name="Fact">The fact needed (its <see cref="Fact.Question"/> is the wording).</param>
/// <param name="Choices">The values to offer, in the policy's order (all of the fact's values).</param>
public sealed record Question(Fact Fact, IReadOnlyList<FactValue> Choices);
