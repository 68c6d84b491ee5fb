using CsCheck;
using PolicyBot.Rules.Model;

namespace PolicyBot.Rules.Tests;

/// <summary>
/// Properties over every combination of facts (random complete situations, and random parts of
/// them as a staff member's first message would give): the dialog always ends in a verdict,
/// never asks a known fact, never answers "allowed" where a forbidding rule applies, and reaches
/// the same verdict whatever the starting facts.
/// </summary>
public class EvaluatorPropertyTests
{
    private static readonly Policy Policy = Stevensville.Policy;

    /// <summary>A complete situation: one value for every fact.</summary>
    private static readonly Gen<Dictionary<string, string>> Situation =
        Gen.Select(Policy.Facts.Select(f => Gen.Int[0, f.Values.Count - 1]).ToArray().AsEnumerable().Aggregate(
                Gen.Const(Array.Empty<int>()),
                (acc, g) => acc.SelectMany(a => g.Select(i => a.Append(i).ToArray()))),
            picks => Policy.Facts.Select((f, i) => (f.Id, f.Values[picks[i]].Id)).ToDictionary(p => p.Item1, p => p.Item2));

    /// <summary>
    /// A situation as a person would describe it: without the facts that belong to another
    /// activity (a medium when the question is about posting), since those cannot be true of it.
    /// </summary>
    private static Dictionary<string, string> Coherent(Dictionary<string, string> all) =>
        all.Where(p => Policy.Fact(p.Key).Implies.All(i => all[i.Key] == i.Value)).ToDictionary(p => p.Key, p => p.Value);

    /// <summary>A coherent situation and a random part of it known up front.</summary>
    private static readonly Gen<(Dictionary<string, string> Truth, Dictionary<string, string> Start)> SituationAndStart =
        Situation.Select(Coherent).SelectMany(truth => Gen.Bool.Array[truth.Count].Select(keep =>
            (truth, truth.Where((_, i) => keep[i]).ToDictionary(p => p.Key, p => p.Value))));

    /// <summary>The rule that decides a complete situation by the rules' own conditions.</summary>
    private static Rule[] Matching(Dictionary<string, string> truth) =>
        Policy.Rules.Where(r => r.When.All(w => truth.TryGetValue(w.Key, out var v) && w.Value.Contains(v))).ToArray();

    [Fact]
    public void Every_complete_situation_is_decided_by_exactly_one_rule()
    {
        Situation.Sample(truth => Matching(truth).Length == 1, iter: 20_000);
    }

    [Fact]
    public void Dialog_always_reaches_a_verdict_without_asking_a_known_fact()
    {
        SituationAndStart.Sample(pair =>
        {
            // Play asserts that no question names a fact already known, and bounds the turns.
            var (verdict, asked) = Stevensville.Play(pair.Start, pair.Truth);
            Assert.Equal(asked.Count, asked.Distinct().Count());
            Assert.DoesNotContain(asked, pair.Start.ContainsKey);
            return verdict is not null;
        }, iter: 20_000);
    }

    [Fact]
    public void Never_allowed_where_a_forbidding_rule_applies()
    {
        SituationAndStart.Sample(pair =>
        {
            var (verdict, _) = Stevensville.Play(pair.Start, pair.Truth);
            var forbidding = Matching(pair.Truth).Where(r => r.Kind is VerdictKind.Forbidden or VerdictKind.NeedsAdministration);
            return !forbidding.Any() || !verdict.Kind.IsPermissive();
        }, iter: 20_000);
    }

    [Fact]
    public void Same_situation_same_verdict_whatever_is_said_first()
    {
        SituationAndStart.Sample(pair =>
        {
            var fromNothing = Stevensville.Play(new Dictionary<string, string>(), pair.Truth).Verdict;
            var fromStart = Stevensville.Play(pair.Start, pair.Truth).Verdict;
            return fromNothing.RuleId == fromStart.RuleId && fromNothing.Kind == fromStart.Kind;
        }, iter: 20_000);
    }

    [Fact]
    public void Evaluation_is_deterministic_across_threads()
    {
        var situations = Enumerable.Range(0, 2_000).Select(_ => Situation.Single()).ToList();
        var first = situations.Select(s => Stevensville.Evaluator.Evaluate(s).Verdict!.RuleId).ToList();
        var parallel = situations.AsParallel().AsOrdered().WithDegreeOfParallelism(4)
            .Select(s => Stevensville.Evaluator.Evaluate(s).Verdict!.RuleId).ToList();
        Assert.Equal(first, parallel);
    }
}
