using PolicyBot.Rules.Evaluation;
using PolicyBot.Rules.Loading;
using PolicyBot.Rules.Model;

namespace PolicyBot.Rules.Tests;

/// <summary>The embedded Stevensville policy, loaded once per test run.</summary>
public static class Stevensville
{
    private static readonly Lazy<Policy> Loaded = new(() => PolicyLoader.LoadEmbedded());

    public static Policy Policy => Loaded.Value;

    public static PolicyEvaluator Evaluator { get; } = new(Loaded.Value);

    /// <summary>Parses "fact=value fact=value" into a fact dictionary.</summary>
    public static Dictionary<string, string> Facts(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('='))
            .ToDictionary(p => p[0], p => p[1]);

    /// <summary>
    /// Plays the dialog: starts from <paramref name="start"/> and answers every question from
    /// <paramref name="truth"/>, as a truthful staff member would. Returns the verdict and the
    /// facts asked, in order. Fails if a question asks a fact the truth does not hold.
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
            Assert.DoesNotContain(question.Fact.Id, evaluation.Facts.Keys);
            asked.Add(question.Fact.Id);
            if (!truth.TryGetValue(question.Fact.Id, out var answer))
            {
                throw new InvalidOperationException($"asked '{question.Fact.Id}', which the situation does not state (known: {string.Join(" ", known.Select(k => k.Key + "=" + k.Value))})");
            }
            known[question.Fact.Id] = answer;
        }
        throw new InvalidOperationException("the dialog did not end");
    }
}
