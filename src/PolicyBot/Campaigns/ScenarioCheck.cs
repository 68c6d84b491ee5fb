using System.Security.Cryptography;
using System.Text;
using PolicyBot.Rules.Evaluation;
using PolicyBot.Rules.Model;

namespace PolicyBot.Campaigns;

/// <summary>
/// The scenario check: situations drawn from the policy's own dialog tree (<see cref="DialogTree"/>), each a path the
/// conversation can take ending in a verdict, described in plain words by the facts' questions and answers. The right
/// answer is the verdict the rules give for that path, with its clause; nothing here is written by hand.
/// </summary>
public sealed class ScenarioCheck
{
    private readonly Policy _policy;
    private readonly PolicyEvaluator _evaluator;
    private readonly IReadOnlyList<DialogTree.Node> _candidates;

    /// <summary>Reads the dialog tree of <paramref name="policy"/> once.</summary>
    /// <param name="policy">The policy served.</param>
    public ScenarioCheck(Policy policy)
    {
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _evaluator = new PolicyEvaluator(policy);
        // Clear teaching cases only: a verdict the text decides plainly (no ambiguity note) on a path of ordinary answers
        // (no value that opens an exception, which a person must pick for themselves).
        _candidates = DialogTree.Build(policy).Leaves()
            .Where(leaf => leaf.Outcome?.Verdict is { Ambiguity: null } && leaf.Path.Count > 1 && leaf.Path.All(step => !step.Value.Confirm))
            .ToList();
    }

    /// <summary>How many situations the tree offers.</summary>
    public int CandidateCount => _candidates.Count;

    /// <summary>
    /// Picks <paramref name="count"/> situations for a campaign: spread over different verdicts and different subjects
    /// (the first answer of the path), in an order fixed by <paramref name="seed"/> (so each campaign differs, and the same
    /// seed gives the same check).
    /// </summary>
    /// <param name="seed">Any text, e.g. the campaign's creation time and author.</param>
    /// <param name="count">How many (default <see cref="CampaignLimits.Situations"/>).</param>
    public IReadOnlyList<ScenarioSituation> Pick(string seed, int count = CampaignLimits.Situations)
    {
        var ordered = _candidates
            .OrderBy(leaf => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(seed + "|" + leaf.Outcome!.Verdict!.RuleId + "|" + string.Join(",", leaf.Path.Select(s => s.Value.Id))))))
            .ToList();
        var picked = new List<DialogTree.Node>();
        // First pass: a new verdict and a new subject each; then a new verdict; then anything of a new rule.
        foreach (var accept in new Func<DialogTree.Node, bool>[]
                 {
                     leaf => picked.All(p => p.Outcome!.Verdict!.Kind != leaf.Outcome!.Verdict!.Kind && p.Path[0].Value.Id != leaf.Path[0].Value.Id),
                     leaf => picked.All(p => p.Outcome!.Verdict!.Kind != leaf.Outcome!.Verdict!.Kind),
                     leaf => picked.All(p => p.Outcome!.Verdict!.RuleId != leaf.Outcome!.Verdict!.RuleId),
                 })
        {
            foreach (var leaf in ordered.Where(l => !picked.Contains(l)))
            {
                if (picked.Count < count && accept(leaf))
                {
                    picked.Add(leaf);
                }
            }
        }
        return [.. picked.Select(leaf => new ScenarioSituation(
            [.. leaf.Path.Select(s => new KeyValuePair<string, string>(s.Fact.Id, s.Value.Id))], leaf.Outcome!.Verdict!.RuleId, leaf.Outcome.Verdict.Kind))];
    }

    /// <summary>
    /// The situation in plain words: each question of its path with the answer, e.g. ("Who is the person?", "A current
    /// student"). The first step (the subject) is left out when a later answer implies it.
    /// </summary>
    /// <param name="situation">A situation from <see cref="Pick"/>.</param>
    public IReadOnlyList<(string Question, string Answer)> Describe(ScenarioSituation situation)
    {
        ArgumentNullException.ThrowIfNull(situation);
        var steps = situation.Facts
            .Select(f => (Fact: _policy.FindFact(f.Key), ValueId: f.Value))
            .Where(s => s.Fact is not null)
            .ToList();
        var implied = steps.SelectMany(s => s.Fact!.Implies.Keys).ToHashSet(StringComparer.Ordinal);
        return [.. steps
            .Where(s => !(implied.Contains(s.Fact!.Id) && steps.Count > 1))
            .Select(s => (s.Fact!.Question, Describe(s.Fact!.FindValue(s.ValueId))))];
    }

    /// <summary>One line, e.g. "A current student · Text messages · Personal or social".</summary>
    /// <param name="situation">A situation from <see cref="Pick"/>.</param>
    public string Summary(ScenarioSituation situation) => string.Join(" · ", Describe(situation).Select(d => d.Answer.Split(" (")[0]));

    /// <summary>The verdict the policy gives the situation today (re-evaluated, so a revised policy answers as revised).</summary>
    /// <param name="situation">A situation from <see cref="Pick"/>.</param>
    /// <returns>The verdict, or null when the policy no longer decides it (a changed policy file).</returns>
    public Verdict? Decide(ScenarioSituation situation)
    {
        ArgumentNullException.ThrowIfNull(situation);
        try
        {
            return _evaluator.Evaluate(situation.Facts.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal)).Verdict;
        }
        catch (ArgumentException)
        {
            return null;   // a fact or value the current policy no longer has
        }
    }

    private static string Describe(FactValue? value) => value is null ? "?" : $"{value.Label} ({value.Description})";
}
