using PolicyBot.TestSupport;

namespace PolicyBot.Tests.Conversation;

/// <summary>
/// The unseen-questions corpus (<c>tests/corpus</c>, see its README): staff questions written from the policy text alone,
/// each with the expected verdict, the other acceptable ones, and the facts in the writer's own words.
/// </summary>
public static class UnseenCorpus
{
    /// <summary>One question of the corpus.</summary>
    /// <param name="Id">e.g. <c>A017</c>.</param>
    /// <param name="Verdict">The expected verdict id, or <c>off-topic</c>.</param>
    /// <param name="Acceptable">Other verdicts a careful reader may give (never a permissive one where a restrictive one is expected).</param>
    /// <param name="Kind"><c>single</c>, <c>multi</c> or <c>off-topic</c>.</param>
    /// <param name="Question">As typed.</param>
    /// <param name="Lines">What the writer would type when asked about each fact: key (<c>who</c>, <c>how</c> …) → line.</param>
    public sealed record Row(string Id, string Verdict, IReadOnlySet<string> Acceptable, string Kind, string Question, IReadOnlyDictionary<string, string> Lines)
    {
        /// <summary>True when <paramref name="got"/> is the expected verdict or an acceptable one.</summary>
        public bool Accepts(string? got) => got is not null && (got == Verdict || Acceptable.Contains(got));

        /// <summary>A permissive verdict where the row expects a restrictive one: the failure that must never happen.</summary>
        public bool IsFalseAllowed(string? got) =>
            got is "allowed" or "allowed-with-conditions" && Verdict is "forbidden" or "needs-administration";
    }

    /// <summary>
    /// Which of the writer's keys answers each of the policy's facts (the harness types that line when the bot asks the
    /// fact). Keys are the corpus's, fact ids the Stevensville policy's.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> KeysForFact = new Dictionary<string, string[]>
    {
        ["activity"] = ["about"],
        ["relationship"] = ["who"],
        ["medium"] = ["how"],
        ["purpose"] = ["why"],
        ["site-kind"] = ["how", "where"],
        ["time"] = ["when"],
        ["access-reason"] = ["why"],
        ["device"] = ["device"],
        ["content"] = ["what"],
        // Writers give the place posted to under `how` as often as under `where` ("how: my personal twitter"), or under
        // `account` ("account: my own Facebook"): the corpus README's keys overlap there (`how`: the medium, app or account;
        // `where`: which site or account; `account`: own personal account, or a class account approved or not).
        ["site"] = ["where", "how", "account"],
        ["account-stage"] = ["account"],
        ["account-use"] = ["what", "why"],
    };

    /// <summary>Reads a corpus file of <c>tests/corpus</c> (tab-separated, with a header).</summary>
    /// <param name="fileName">e.g. <c>unseen-tuning.tsv</c>.</param>
    public static IReadOnlyList<Row> Read(string fileName) =>
        File.ReadAllLines(Path.Combine(RepoPaths.Corpus, fileName))
            .Skip(1)
            .Where(l => l.Trim().Length > 0)
            .Select(l => l.Split('\t'))
            .Select(c => new Row(
                c[0],
                c[1].Trim(),
                c[2].Trim() == "-" ? new HashSet<string>() : c[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(),
                c[4].Trim(),
                c[5].Trim(),
                Lines(c[6])))
            .ToList();

    /// <summary>Reads a two- or three-column file of <c>tests/corpus</c> as (id, text) rows: the first and last columns.</summary>
    public static IReadOnlyList<(string Id, string Text)> ReadTexts(string fileName) =>
        File.ReadAllLines(Path.Combine(RepoPaths.Corpus, fileName))
            .Skip(1)
            .Where(l => l.Trim().Length > 0)
            .Select(l => l.Split('\t'))
            .Select(c => (c[0], c.Length >= 3 && fileName.StartsWith("paraphrases", StringComparison.Ordinal) ? c[2] : c[1]))
            .ToList();

    private static Dictionary<string, string> Lines(string facts)
    {
        var lines = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in facts.Split(" | ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                lines.TryAdd(pair[..colon].Trim().ToLowerInvariant(), pair[(colon + 1)..].Trim());
            }
        }
        return lines;
    }
}
