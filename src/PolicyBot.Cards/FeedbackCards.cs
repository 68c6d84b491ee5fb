using Newtonsoft.Json.Linq;

namespace PolicyBot.Cards;

/// <summary>
/// The cards of verdict feedback (<c>cards/feedback.json</c>, <c>cards/feedback-report.json</c>): what was not right,
/// asked after "Not right" on a verdict card, and the request deciders' list of "not right" answers. Thread-safe.
/// </summary>
public static class FeedbackCards
{
    /// <summary>One "not right" answer as the report shows it: a title line and its facts, with no person.</summary>
    /// <param name="Title">E.g. "May 3, 2026 · Forbidden (rule text-personal)".</param>
    /// <param name="Facts">(label, value) lines: what was wrong, then each question of the situation and its answer.</param>
    public sealed record ReportItem(string Title, IReadOnlyList<(string Label, string Value)> Facts);

    /// <summary>The choices after "Not right", each with its feedback value, in the order shown.</summary>
    public static IReadOnlyList<(string Title, string Value)> WrongChoices { get; } =
    [
        ("The verdict", CardActions.FeedbackWrongVerdict),
        ("What I understood", CardActions.FeedbackWrongUnderstood),
        ("The clause", CardActions.FeedbackWrongClause),
        ("Something else", CardActions.FeedbackWrongOther),
    ];

    /// <summary>"What was not right?": one button per choice (each its own row, so a phone shows them all).</summary>
    /// <param name="context">The verdict card's situation and step (the buttons carry them back).</param>
    public static JObject WhatWasWrong(SubmitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = new JObject
        {
            ["intro"] = "Thanks for telling me. Which part was wrong? The district's request deciders review these answers.",
            ["fallback"] = "Thanks for telling me the answer was not right. Which part was wrong: " +
                string.Join(", ", WrongChoices.Select(c => c.Title.ToLowerInvariant())) + "? Tap one on the card.",
            ["choices"] = new JArray(WrongChoices.Select(c => new JObject { ["title"] = c.Title, ["data"] = CardActions.FeedbackData(context, c.Value) })),
            ["privacy"] = "I keep your pick with the situation's facts, the rule and the verdict, never what you typed.",
        };
        return CardTemplateBinder.Bind("feedback.json", data);
    }

    /// <summary>The "not right" answers for request deciders: newest first, without names.</summary>
    /// <param name="items">The answers shown.</param>
    /// <param name="total">How many "not right" answers there are in all.</param>
    public static JObject Report(IReadOnlyList<ReportItem> items, int total)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        var headline = total switch
        {
            0 => "No answer has been marked \"not right\" yet.",
            1 => "1 answer was marked \"not right\".",
            _ when items.Count < total => $"{total} answers were marked \"not right\"; the newest {items.Count} are below.",
            _ => $"{total} answers were marked \"not right\", newest first.",
        };
        var data = new JObject
        {
            ["headline"] = headline,
            ["items"] = new JArray(items.Select(i => new JObject
            {
                ["title"] = i.Title,
                ["facts"] = new JArray(i.Facts.Select(f => new JObject { ["title"] = f.Label, ["value"] = f.Value })),
            })),
            ["note"] = "No names are kept with feedback: only the situation's answers, the rule and the verdict.",
        };
        return CardTemplateBinder.Bind("feedback-report.json", data);
    }
}
