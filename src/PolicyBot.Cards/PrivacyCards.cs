using Newtonsoft.Json.Linq;

namespace PolicyBot.Cards;

/// <summary>
/// The "my data" card (<c>cards/my-data.json</c>): what is stored about a person, store by store, and what "forget me"
/// does with each; the same card asks to confirm "forget me" and reports what it did. Plain data in, a bound Adaptive
/// Card (schema 1.5) out. Thread-safe.
/// </summary>
public static class PrivacyCards
{
    /// <summary>One store's part of the card.</summary>
    /// <param name="Heading">What it is, e.g. "Your questions".</param>
    /// <param name="Lines">What is stored (shown as a list); empty shows "Nothing stored."</param>
    /// <param name="Note">What "forget me" does with it, or did (small text).</param>
    public sealed record Section(string Heading, IReadOnlyList<string> Lines, string Note);

    /// <summary>What the buttons offer.</summary>
    public enum Buttons
    {
        /// <summary>No buttons (the result of "forget me", or "keep my data").</summary>
        None,

        /// <summary>"Forget me…" (the "my data" card).</summary>
        OfferForget,

        /// <summary>"Yes, forget me" and "Keep my data" (the confirmation).</summary>
        Confirm,
    }

    /// <summary>Binds the card.</summary>
    /// <param name="title">The heading, e.g. "What I keep about you".</param>
    /// <param name="intro">One or two sentences under it.</param>
    /// <param name="sections">One per store.</param>
    /// <param name="footer">Small text at the end (what is logged, who to ask).</param>
    /// <param name="buttons">Which buttons to show.</param>
    public static JObject MyData(string title, string intro, IReadOnlyList<Section> sections, string footer, Buttons buttons)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(intro);
        ArgumentNullException.ThrowIfNull(sections);
        ArgumentException.ThrowIfNullOrWhiteSpace(footer);
        var data = new JObject
        {
            ["title"] = title,
            ["intro"] = intro,
            ["sections"] = new JArray(sections.Select(s => new JObject
            {
                ["heading"] = s.Heading,
                ["lines"] = new JArray(s.Lines.Count == 0 ? ["Nothing stored."] : s.Lines.ToArray()),
                ["note"] = s.Note,
            })),
            ["footer"] = footer,
            ["confirm"] = buttons == Buttons.Confirm,
            ["offerForget"] = buttons == Buttons.OfferForget,
            ["forgetData"] = CardActions.PrivacyData(CardActions.Forget),
            ["keepData"] = CardActions.PrivacyData(CardActions.KeepData),
            ["askForgetData"] = CardActions.PrivacyData(CardActions.AskForget),
        };
        return CardTemplateBinder.Bind("my-data.json", data);
    }
}
