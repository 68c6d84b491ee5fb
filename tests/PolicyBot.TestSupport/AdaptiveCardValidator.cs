using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PolicyBot.TestSupport;

/// <summary>What Microsoft's Adaptive Cards renderer said about one card.</summary>
/// <param name="Name">The name the caller gave the card.</param>
/// <param name="Rendered">True when <c>render()</c> returned an element.</param>
/// <param name="Errors">Problems: unknown element, action or property; a feature above schema 1.5; an invalid value;
/// more than 6 actions in a set; a template left unbound; a render failure; …</param>
/// <param name="Warnings">Hints, deprecations and anything the renderer wrote to its console.</param>
public sealed record CardValidationResult(string Name, bool Rendered, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    /// <summary>True when the card rendered with no error and no warning.</summary>
    public bool IsClean => Rendered && Errors.Count == 0 && Warnings.Count == 0;

    /// <summary>The name and every problem, one per line.</summary>
    public override string ToString()
    {
        var text = new StringBuilder($"{Name}: {(Rendered ? "rendered" : "NOT rendered")}, {Errors.Count} error(s), {Warnings.Count} warning(s)");
        foreach (var error in Errors)
        {
            text.Append("\n  error: ").Append(error);
        }
        foreach (var warning in Warnings)
        {
            text.Append("\n  warning: ").Append(warning);
        }
        return text.ToString();
    }
}

/// <summary>
/// Checks Adaptive Cards with Microsoft's own JavaScript renderer (npm <c>adaptivecards</c> in jsdom), as Teams would
/// see them: schema 1.5, at most 6 actions per action set. One Node process checks every card given, so call it once
/// with all the cards of a test run (the bot's integration tests can pass every card the bot sent).
/// See tests/node-tools/validate-cards.mjs for exactly what counts as an error and as a warning.
/// </summary>
public static class AdaptiveCardValidator
{
    /// <summary>The script in tests/node-tools that does the checking.</summary>
    public const string Script = "validate-cards.mjs";

    /// <summary>Validates cards; returns one result per card, in the order given.</summary>
    /// <param name="cards">Each card's name (for messages; need not be unique) and JSON.</param>
    /// <exception cref="InvalidOperationException">Node or npm failed, or the script's output could not be read.</exception>
    public static async Task<IReadOnlyList<CardValidationResult>> ValidateAsync(IEnumerable<(string Name, JObject Card)> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var list = cards.ToList();
        if (list.Count == 0)
        {
            return [];
        }

        var folder = Directory.CreateTempSubdirectory("policybot-cards-");
        try
        {
            var files = new List<string>(list.Count);
            for (var i = 0; i < list.Count; i++)
            {
                var file = Path.Combine(folder.FullName, $"{i:D5}.json");
                await File.WriteAllTextAsync(file, list[i].Card.ToString(Formatting.Indented), new UTF8Encoding(false)).ConfigureAwait(false);
                files.Add(file);
            }

            var run = await NodeTools.RunToolAsync(Script, files).ConfigureAwait(false);
            // Exit code 1 only means some card has errors; anything else is the check itself failing.
            if (run.TimedOut || run.ExitCode is not (0 or 1))
            {
                throw new InvalidOperationException($"{Script} failed: {run}");
            }

            var byFile = new Dictionary<string, JObject>(StringComparer.Ordinal);
            foreach (var line in run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                JObject report;
                try
                {
                    report = JObject.Parse(line);
                }
                catch (JsonReaderException e)
                {
                    throw new InvalidOperationException($"{Script} printed a line that is not JSON ({e.Message}): {line}\n{run}", e);
                }
                byFile[(string?)report["file"] ?? ""] = report;
            }

            var results = new List<CardValidationResult>(list.Count);
            for (var i = 0; i < list.Count; i++)
            {
                if (!byFile.TryGetValue(files[i], out var report))
                {
                    throw new InvalidOperationException($"{Script} printed no result for card '{list[i].Name}' ({files[i]}).\n{run}");
                }
                results.Add(new CardValidationResult(
                    list[i].Name,
                    (bool?)report["rendered"] ?? false,
                    Strings(report["errors"]),
                    Strings(report["warnings"])));
            }
            return results;
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    /// <summary>Validates one card.</summary>
    /// <param name="name">The card's name, for messages.</param>
    /// <param name="card">The card's JSON.</param>
    public static async Task<CardValidationResult> ValidateAsync(string name, JObject card) =>
        (await ValidateAsync([(name, card)]).ConfigureAwait(false))[0];

    private static IReadOnlyList<string> Strings(JToken? array) =>
        array is JArray items ? items.Select(item => (string?)item ?? "").ToList() : [];
}
