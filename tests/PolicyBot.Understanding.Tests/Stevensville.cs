using PolicyBot.Rules.Evaluation;
using PolicyBot.Rules.Loading;
using PolicyBot.Rules.Model;

namespace PolicyBot.Understanding.Tests;

/// <summary>The embedded Stevensville policy and one reader for it, built once per test run.</summary>
public static class Stevensville
{
    public const string SchoolDomain = "stevensville.k12.mt.us";

    private static readonly Lazy<Policy> LoadedPolicy = new(() => PolicyLoader.LoadEmbedded());
    private static readonly Lazy<SituationReader> LoadedReader = new(() =>
        new SituationReader(LoadedPolicy.Value, new SituationReaderOptions { SchoolEmailDomains = [SchoolDomain] }));

    public static Policy Policy => LoadedPolicy.Value;

    public static SituationReader Reader => LoadedReader.Value;

    public static PolicyEvaluator Evaluator { get; } = new(LoadedPolicy.Value);

    /// <summary>Parses "fact=value fact=value" into a fact dictionary; "" is no facts.</summary>
    public static Dictionary<string, string> Facts(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('='))
            .ToDictionary(p => p[0], p => p[1]);

    /// <summary>"fact=value …" in a stable order, for comparing.</summary>
    public static string Text(IReadOnlyDictionary<string, string> facts) =>
        string.Join(" ", facts.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));

    /// <summary>
    /// Plays the dialog from <paramref name="start"/>, answering every question from <paramref name="truth"/>.
    /// Returns the verdict and the facts asked, in order; throws when a question asks a fact the truth does not hold.
    /// </summary>
    public static (Verdict Verdict, List<string> Asked) Play(IReadOnlyDictionary<string, string> start, IReadOnlyDictionary<string, string> truth)
    {
        var known = new Dictionary<string, string>(start);
        var asked = new List<string>();
        for (var turn = 0; turn <= Policy.Facts.Count; turn++)
        {
            var evaluation = Evaluator.Evaluate(known);
            if (evaluation.Verdict is { } verdict)
            {
                return (verdict, asked);
            }
            var question = evaluation.Question ?? throw new InvalidOperationException("undecided");
            asked.Add(question.Fact.Id);
            if (!truth.TryGetValue(question.Fact.Id, out var answer))
            {
                throw new InvalidOperationException($"asked '{question.Fact.Id}', which the situation does not state (known: {Text(known)})");
            }
            known[question.Fact.Id] = answer;
        }
        throw new InvalidOperationException("the dialog did not end");
    }
}
