using System.Text.RegularExpressions;
using PolicyBot.Rules.Model;

namespace PolicyBot.Rules.Evaluation;

/// <summary>
/// Decides a situation from the facts known so far, or names the one fact still needed.
/// Deterministic (same facts, same result), no I/O, and thread-safe: it keeps no state between calls.
/// </summary>
/// <remarks>
/// A rule is a candidate while no known fact contradicts it. When a candidate has all its
/// conditions known, it decides (the loader guarantees rules never overlap, so at most one can).
/// Otherwise the next question is a fact every candidate needs, else the one most candidates need,
/// ties broken by the policy's fact order. A fact no candidate mentions is never asked: it cannot
/// change the outcome (a family relationship decides a contact question without any purpose).
/// </remarks>
public sealed partial class PolicyEvaluator(Policy policy)
{
    /// <summary>The policy evaluated.</summary>
    public Policy Policy { get; } = policy;

    /// <summary>Evaluates a situation.</summary>
    /// <param name="known">Known facts: fact id → value id. May be empty.</param>
    /// <returns>A verdict or the next question.</returns>
    /// <exception cref="ArgumentException">A fact or value the policy does not define.</exception>
    public Evaluation Evaluate(IReadOnlyDictionary<string, string> known)
    {
        var facts = WithImplications(known);
        Rule? decided = null;
        var candidates = new List<Rule>();
        foreach (var rule in Policy.Rules)
        {
            if (!Compatible(rule, facts))
            {
                continue;
            }
            candidates.Add(rule);
            if (decided is null && rule.When.Keys.All(facts.ContainsKey))
            {
                decided = rule;
            }
        }
        // The dictionary is this call's own; callers see it read-only.
        var seen = facts.AsReadOnly();
        if (decided is not null)
        {
            return new Evaluation(seen, ToVerdict(decided, facts), null);
        }
        return new Evaluation(seen, null, NextQuestion(candidates, facts));
    }

    private static bool Compatible(Rule rule, Dictionary<string, string> facts)
    {
        foreach (var (factId, accepted) in rule.When)
        {
            if (facts.TryGetValue(factId, out var value) && !accepted.Contains(value))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Validates the given facts and adds what they imply, never overriding a known value.</summary>
    private Dictionary<string, string> WithImplications(IReadOnlyDictionary<string, string> known)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (factId, valueId) in known)
        {
            var fact = Policy.FindFact(factId) ?? throw new ArgumentException($"The policy has no fact '{factId}'.", nameof(known));
            if (fact.FindValue(valueId) is null)
            {
                throw new ArgumentException($"Fact '{factId}' has no value '{valueId}'.", nameof(known));
            }
            facts[factId] = valueId;
        }
        bool changed;
        do
        {
            changed = false;
            foreach (var fact in Policy.Facts)
            {
                if (!facts.ContainsKey(fact.Id))
                {
                    continue;
                }
                foreach (var (impliedFact, impliedValue) in fact.Implies)
                {
                    if (facts.TryAdd(impliedFact, impliedValue))
                    {
                        changed = true;
                    }
                }
            }
        }
        while (changed);
        return facts;
    }

    private Question? NextQuestion(List<Rule> candidates, Dictionary<string, string> facts)
    {
        if (candidates.Count == 0)
        {
            return null;
        }
        Fact? best = null;
        var bestCount = 0;
        foreach (var fact in Policy.Facts)
        {
            if (facts.ContainsKey(fact.Id))
            {
                continue;
            }
            var count = candidates.Count(r => r.When.ContainsKey(fact.Id));
            if (count > bestCount)
            {
                (best, bestCount) = (fact, count);
            }
        }
        if (best is null)
        {
            return null;
        }
        // Every value is offered: the loader's completeness check proves each one leads to a verdict.
        return new Question(best, best.Values);
    }

    private Verdict ToVerdict(Rule rule, Dictionary<string, string> facts) => new(
        rule.Kind,
        rule.Id,
        Fill(rule.Answer, facts),
        Fill(rule.Reason, facts),
        rule.ClauseIds.Select(Policy.Clause).ToList(),
        rule.Conditions,
        rule.Instead,
        rule.Ambiguity,
        Policy.Metadata);

    /// <summary>Replaces <c>{fact}</c> with the known value's phrase; the loader checks every placeholder names a condition of the rule.</summary>
    private string Fill(string template, Dictionary<string, string> facts) =>
        Placeholder().Replace(template, m => Policy.Fact(m.Groups[1].Value).FindValue(facts[m.Groups[1].Value])!.Phrase);

    [GeneratedRegex(@"\{([a-z0-9-]+)\}")]
    private static partial Regex Placeholder();
}
