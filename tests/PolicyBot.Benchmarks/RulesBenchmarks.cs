using BenchmarkDotNet.Attributes;
using PolicyBot.Rules.Evaluation;
using PolicyBot.Rules.Loading;
using PolicyBot.Rules.Model;

namespace PolicyBot.Benchmarks;

/// <summary>
/// Decisions per second for complete and partial facts, and policy load time. The baseline is a
/// dictionary lookup of a precomputed verdict for the same facts (the fastest a decision could be),
/// so the ratio column says what the evaluator's generality costs.
/// </summary>
[MemoryDiagnoser]
public class RulesBenchmarks
{
    private PolicyEvaluator _evaluator = null!;
    private Dictionary<string, string>[] _complete = null!;
    private Dictionary<string, string>[] _partial = null!;
    private Dictionary<string, Verdict> _table = null!;

    [GlobalSetup]
    public void Setup()
    {
        var policy = PolicyLoader.LoadEmbedded();
        _evaluator = new PolicyEvaluator(policy);
        // Every path of the dialog tree: its complete facts, and the same facts with the last answer missing.
        var leaves = DialogTree.Build(policy).Leaves().ToList();
        _complete = leaves.Select(l => l.Path.ToDictionary(s => s.Fact.Id, s => s.Value.Id)).ToArray();
        _partial = leaves.Select(l => l.Path.SkipLast(1).ToDictionary(s => s.Fact.Id, s => s.Value.Id)).ToArray();
        _table = _complete.ToDictionary(Key, f => _evaluator.Evaluate(f).Verdict!);
    }

    private static string Key(Dictionary<string, string> facts) =>
        string.Join('&', facts.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value));

    // Each call decides one situation, cycling through every path, so a call is one decision.
    private int _next;

    private int Next(int count) => _next = (_next + 1) % count;

    /// <summary>Baseline: look up a precomputed verdict.</summary>
    [Benchmark(Baseline = true)]
    public VerdictKind LookupTable() => _table[Key(_complete[Next(_complete.Length)])].Kind;

    /// <summary>Evaluate complete facts → verdict.</summary>
    [Benchmark]
    public VerdictKind DecideComplete() => _evaluator.Evaluate(_complete[Next(_complete.Length)]).Verdict!.Kind;

    /// <summary>Evaluate partial facts (a path without its last answer) → next question.</summary>
    [Benchmark]
    public string DecidePartial() => _evaluator.Evaluate(_partial[Next(_partial.Length)]).Question!.Fact.Id;

    /// <summary>Load and fully validate the embedded policy (YAML parse, quotes, overlaps, completeness).</summary>
    [Benchmark]
    public Policy LoadPolicy() => PolicyLoader.LoadEmbedded();
}
