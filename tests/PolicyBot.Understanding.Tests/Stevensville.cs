using PolicyBot.Rules.Evaluation;
using PolicyBot.Rules.Model;
using PolicyBot.TestSupport;

namespace PolicyBot.Understanding.Tests;

/// <summary>The embedded Stevensville policy and one reader for it, built once per test run.</summary>
public static class Stevensville
{
    public const string SchoolDomain = "stevensville.k12.mt.us";

    // On a school day whatever day the suite runs: "in the middle of the day" is a school day's on a Saturday too.
    private static readonly Lazy<SituationReader> LoadedReader = new(() =>
        new SituationReader(Policy, new SituationReaderOptions { SchoolEmailDomains = [SchoolDomain], Clock = SchoolDayClock.Instance }));

    public static Policy Policy => PolicyBot.Rules.Tests.Stevensville.Policy;

    public static SituationReader Reader => LoadedReader.Value;

    public static PolicyEvaluator Evaluator => PolicyBot.Rules.Tests.Stevensville.Evaluator;

    /// <summary>Parses "fact=value fact=value" into a fact dictionary; "" is no facts.</summary>
    public static Dictionary<string, string> Facts(string text) => PolicyBot.Rules.Tests.Stevensville.Facts(text);

    /// <summary>"fact=value …" in a stable order, for comparing.</summary>
    public static string Text(IReadOnlyDictionary<string, string> facts) =>
        string.Join(" ", facts.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));

    /// <summary>Plays the dialog answering from the truth: the rules tests' player (linked), so both suites play alike.</summary>
    public static (Verdict Verdict, List<string> Asked) Play(IReadOnlyDictionary<string, string> start, IReadOnlyDictionary<string, string> truth) =>
        PolicyBot.Rules.Tests.Stevensville.Play(start, truth);
}
