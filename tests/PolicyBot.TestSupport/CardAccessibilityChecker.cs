using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PolicyBot.TestSupport;

/// <summary>One WCAG violation axe-core found on a card.</summary>
/// <param name="Rule">axe's rule id, e.g. <c>color-contrast</c>, <c>button-name</c>.</param>
/// <param name="Impact">minor, moderate, serious or critical.</param>
/// <param name="Help">What the rule asks, in axe's words.</param>
/// <param name="State">collapsed (as the card lands) or expanded (every "Details" section shown).</param>
/// <param name="Target">The element's selector.</param>
public sealed record AxeViolation(string Rule, string Impact, string Help, string State, string Target)
{
    /// <summary>Serious and critical violations fail the check.</summary>
    public bool IsSeriousOrCritical => Impact is "serious" or "critical";

    /// <inheritdoc />
    public override string ToString() => $"{Impact} {Rule} ({State}) at {Target}: {Help}";
}

/// <summary>A heading as the accessibility tree has it.</summary>
/// <param name="Level">aria-level.</param>
/// <param name="Name">Its accessible name (the text).</param>
public sealed record CardHeading(int Level, string Name);

/// <summary>What the accessibility check found on one card.</summary>
/// <param name="Name">The name the caller gave the card.</param>
/// <param name="Violations">Per theme (light, dark, high-contrast): every WCAG 2.1 A/AA violation axe reported.</param>
/// <param name="Headings">The accessibility tree's headings on the card as it lands, in order.</param>
/// <param name="SpokenWords">Words a screen reader reads before the first button, as the card lands.</param>
/// <param name="Height">The card's height in CSS pixels at the width asked (560 by default).</param>
/// <param name="Overflow">At 360 px wide, anything that sticks out of the card sideways (collapsed and expanded).</param>
/// <param name="Errors">Render failures.</param>
public sealed record CardAccessibilityResult(
    string Name,
    IReadOnlyDictionary<string, IReadOnlyList<AxeViolation>> Violations,
    IReadOnlyList<CardHeading> Headings,
    int SpokenWords,
    int Height,
    IReadOnlyList<string> Overflow,
    IReadOnlyList<string> Errors)
{
    /// <summary>The serious and critical violations of every theme, each prefixed with its theme.</summary>
    public IReadOnlyList<string> Failures =>
        [.. Violations.SelectMany(t => t.Value.Where(v => v.IsSeriousOrCritical).Select(v => $"{Name} [{t.Key}] {v}"))];
}

/// <summary>
/// Renders Adaptive Cards with Microsoft's renderer in Debian's Chromium under light, dark and high-contrast Teams-like
/// host configs and checks them with axe-core (WCAG 2.1 A and AA), reading headings, spoken length, height and phone
/// overflow too. One Node run for all cards: see tests/node-tools/a11y-cards.mjs. Needs <c>/usr/bin/chromium</c> (or
/// the <c>CHROMIUM</c> variable); .ci/run and tests/e2e/run.sh install it.
/// </summary>
public static class CardAccessibilityChecker
{
    /// <summary>The script in tests/node-tools.</summary>
    public const string Script = "a11y-cards.mjs";

    /// <summary>Checks the cards; one result per card, in the order given.</summary>
    /// <param name="cards">Each card's name and JSON.</param>
    /// <param name="width">The width the height is measured at, in CSS pixels.</param>
    /// <exception cref="InvalidOperationException">Chromium is missing, or Node or the script failed.</exception>
    public static async Task<IReadOnlyList<CardAccessibilityResult>> CheckAsync(IEnumerable<(string Name, JObject Card)> cards, int width = 560)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var list = cards.ToList();
        var folder = Directory.CreateTempSubdirectory("policybot-a11y-");
        try
        {
            var files = new List<string>(list.Count);
            for (var i = 0; i < list.Count; i++)
            {
                var file = Path.Combine(folder.FullName, $"{i:D5}.json");
                await File.WriteAllTextAsync(file, list[i].Card.ToString(Formatting.None), new UTF8Encoding(false)).ConfigureAwait(false);
                files.Add(file);
            }
            var run = await NodeTools.RunToolAsync(Script, ["--width", width.ToString(System.Globalization.CultureInfo.InvariantCulture), .. files], TimeSpan.FromMinutes(8)).ConfigureAwait(false);
            if (run.ExitCode == 3)
            {
                throw new InvalidOperationException($"The card accessibility check needs Chromium: {run.StdErr.Trim()}");
            }
            if (run.TimedOut || run.ExitCode != 0)
            {
                throw new InvalidOperationException($"{Script} failed: {run}");
            }
            var byFile = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(JObject.Parse).ToDictionary(r => (string)r["file"]!, StringComparer.Ordinal);
            return [.. list.Select((card, i) => Read(card.Name, byFile.TryGetValue(files[i], out var r)
                ? r : throw new InvalidOperationException($"{Script} printed no result for '{card.Name}'.\n{run}")))];
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

    private static CardAccessibilityResult Read(string name, JObject r)
    {
        var themes = new Dictionary<string, IReadOnlyList<AxeViolation>>(StringComparer.Ordinal);
        foreach (var (theme, value) in (JObject)r["themes"]!)
        {
            themes[theme] = [.. ((JArray)value!["violations"]!).Select(v => new AxeViolation(
                (string)v["id"]!, (string?)v["impact"] ?? "", (string?)v["help"] ?? "", (string?)v["state"] ?? "", (string?)v["targets"] ?? ""))];
        }
        return new CardAccessibilityResult(
            name,
            themes,
            [.. ((JArray)r["headings"]!).Select(h => new CardHeading((int)h["level"]!, (string)h["name"]!))],
            (int)r["spokenWords"]!,
            (int)r["height"]!,
            [.. ((JArray)r["overflow"]!).Select(o => (string)o!)],
            [.. ((JArray)r["errors"]!).Select(o => (string)o!)]);
    }
}
