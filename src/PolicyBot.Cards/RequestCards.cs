using Newtonsoft.Json.Linq;

namespace PolicyBot.Cards;

/// <summary>A title and a value (a FactSet line, or a choice's title and value).</summary>
/// <param name="Title">The title.</param>
/// <param name="Value">The value.</param>
public sealed record TitledValue(string Title, string Value);

/// <summary>A button: its title, its submit data and whether it is the card's main (positive) or a destructive one.</summary>
/// <param name="Title">The button's title.</param>
/// <param name="Data">The Action.Submit data.</param>
/// <param name="Style"><c>default</c>, <c>positive</c> or <c>destructive</c>.</param>
public sealed record CardButton(string Title, JObject Data, string Style = "default");

/// <summary>The request form as the requester fills it in.</summary>
/// <param name="Presence">True for a social media presence; false for a question about an unclear case.</param>
/// <param name="DraftId">The draft's request id (the form's buttons carry it).</param>
/// <param name="Heading">E.g. "Ask administration: a class or team account".</param>
/// <param name="Intro">What happens with it.</param>
/// <param name="Errors">Validation messages from the last check (empty on first show).</param>
/// <param name="Values">Input values to show (input id → value); missing ids are empty.</param>
/// <param name="Administrators">Roster members to pick as the district administrator (title: name, value: object id).</param>
/// <param name="Schools">Schools (teams) to pick, with <c>district</c> for none; empty to leave the choice out.</param>
/// <param name="Context">What goes with the request: the facts, the verdict and its clauses, as lines.</param>
public sealed record RequestFormView(
    bool Presence,
    long DraftId,
    string Heading,
    string Intro,
    IReadOnlyList<string> Errors,
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyList<TitledValue> Administrators,
    IReadOnlyList<TitledValue> Schools,
    IReadOnlyList<string> Context);

/// <summary>One request on a requester's card: a title, its facts, an optional answer box and buttons.</summary>
/// <param name="Title">E.g. "#12 Instagram — @room12"; empty for none.</param>
/// <param name="Facts">Its lines.</param>
/// <param name="InputId">An answer box's input id, or null.</param>
/// <param name="InputLabel">Its label.</param>
/// <param name="Buttons">Its buttons.</param>
public sealed record RequestSummaryView(string Title, IReadOnlyList<TitledValue> Facts, string? InputId, string? InputLabel, IReadOnlyList<CardButton> Buttons);

/// <summary>The administration's card of one request, posted in its channel and updated in place at every change.</summary>
/// <param name="Heading">E.g. "Request #12 · social media presence".</param>
/// <param name="StateLine">E.g. "In review · assigned to Dana Dean".</param>
/// <param name="StateStyle">Container style for the state (<c>accent</c>, <c>warning</c>, <c>good</c>, <c>attention</c>, <c>default</c>).</param>
/// <param name="Details">Requester, school, the form's fields or the question.</param>
/// <param name="Facts">The situation's facts as the bot understood them.</param>
/// <param name="VerdictLine">"PolicyBot's answer: …", or empty.</param>
/// <param name="Ambiguity">The policy's ambiguity note, or empty.</param>
/// <param name="Clauses">The clauses (id, heading, verbatim text).</param>
/// <param name="History">Audit lines, oldest first: "Dec 2, 09:14 UTC · Dana Dean · assigned to Dana Dean".</param>
/// <param name="Deciders">Administrators who may take it (title: name, value: object id), for "Assign to another administrator" (left out when empty).</param>
/// <param name="RequestId">The request.</param>
/// <param name="Version">The version the card shows.</param>
/// <param name="CanAssign">Offer Assign to me / to another administrator.</param>
/// <param name="CanApprove">Offer Approve and Decline (a presence, open).</param>
/// <param name="CanAnswer">Offer Answer (a question, open).</param>
/// <param name="CanAsk">Offer Ask for more information.</param>
/// <param name="CanRevoke">Offer Revoke approval (an approved presence).</param>
public sealed record RequestChannelView(
    string Heading,
    string StateLine,
    string StateStyle,
    IReadOnlyList<TitledValue> Details,
    IReadOnlyList<string> Facts,
    string VerdictLine,
    string Ambiguity,
    IReadOnlyList<(string Id, string Heading, string Text)> Clauses,
    IReadOnlyList<string> History,
    IReadOnlyList<TitledValue> Deciders,
    long RequestId,
    int Version,
    bool CanAssign,
    bool CanApprove,
    bool CanAnswer,
    bool CanAsk,
    bool CanRevoke);

/// <summary>One registry entry on a card.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Title">"Instagram — @room12".</param>
/// <param name="Facts">Owner, district administrator, conditions, approval and review dates, status.</param>
/// <param name="Active">True while approved (shown in the "good" style).</param>
/// <param name="Buttons">Its buttons.</param>
/// <param name="CanRevoke">Offer "Revoke" with a reason box.</param>
public sealed record RegistryEntryView(long Id, string Title, IReadOnlyList<TitledValue> Facts, bool Active, IReadOnlyList<CardButton> Buttons, bool CanRevoke);

/// <summary>
/// The cards of requests to the administration (<c>cards/request-form.json</c>, <c>request-notice.json</c>,
/// <c>request-channel.json</c>, <c>registry-entry.json</c>): plain data in, a bound Adaptive Card (schema 1.5) out, like
/// <see cref="AdminCards"/>. Buttons carry <see cref="RequestCardActions"/> data. Thread-safe.
/// </summary>
public static class RequestCards
{
    /// <summary>The ids of the presence form's inputs, in the form's order.</summary>
    public static IReadOnlyList<string> PresenceInputs { get; } = ["platform", "accountName", "purpose", "audience", "administrator", "administratorTyped", "posts", "startDate", "note", "school"];

    /// <summary>The ids of the question form's inputs.</summary>
    public static IReadOnlyList<string> QuestionInputs { get; } = ["ownWords", "school"];

    /// <summary>What can be posted (the form's multi-select): value and title.</summary>
    public static IReadOnlyList<TitledValue> PostKinds { get; } =
    [
        new("Student photos", "student-photos"),
        new("Student names", "student-names"),
        new("District or school logos", "district-logos"),
        new("Documents (newsletters, handouts, schedules)", "documents"),
        new("Announcements and reminders only", "announcements"),
    ];

    /// <summary>The request form (presence or question), with the last check's messages and the values given so far.</summary>
    /// <param name="view">What to show.</param>
    public static JObject Form(RequestFormView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var values = new JObject();
        foreach (var id in view.Presence ? PresenceInputs : QuestionInputs)
        {
            values[id] = view.Values.TryGetValue(id, out var v) ? v : "";
        }

        var data = new JObject
        {
            ["heading"] = view.Heading,
            ["intro"] = view.Intro,
            ["fallback"] = $"{view.Heading}. {view.Intro}",
            ["hasErrors"] = view.Errors.Count > 0,
            ["errors"] = new JArray(view.Errors),
            ["hasContext"] = view.Context.Count > 0,
            ["context"] = new JArray(view.Context),
            ["isPresence"] = view.Presence,
            ["isQuestion"] = !view.Presence,
            ["values"] = values,
            ["hasAdministrators"] = view.Presence && view.Administrators.Count > 0,
            ["administrators"] = Choices(view.Administrators),
            ["administratorTypedLabel"] = view.Administrators.Count > 0
                ? "… or type their name or school e-mail"
                : "The approved district person who will administer it: their name or school e-mail",
            ["postKinds"] = Choices(PostKinds),
            ["hasSchools"] = view.Schools.Count > 0,
            ["schools"] = Choices(view.Schools),
            ["checkData"] = RequestCardActions.DraftData(RequestCardActions.Form, view.DraftId),
            ["discardData"] = RequestCardActions.DraftData(RequestCardActions.Discard, view.DraftId),
        };
        return CardTemplateBinder.Bind("request-form.json", data);
    }

    /// <summary>
    /// A card for the requester: a heading and intro in a coloured band, then one block per request (facts, an optional
    /// answer box, buttons). Used for "check before sending", each notification, and "my requests".
    /// </summary>
    /// <param name="heading">The heading.</param>
    /// <param name="intro">One or two sentences.</param>
    /// <param name="style">Band style: <c>default</c>, <c>accent</c>, <c>good</c>, <c>warning</c>, <c>attention</c>.</param>
    /// <param name="requests">The requests shown (may be empty).</param>
    public static JObject Notice(string heading, string intro, string style, IReadOnlyList<RequestSummaryView> requests)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(heading);
        ArgumentNullException.ThrowIfNull(requests);
        var data = new JObject
        {
            ["heading"] = heading,
            ["intro"] = intro ?? "",
            ["style"] = style,
            ["fallback"] = $"{heading}. {intro}",
            ["requests"] = new JArray(requests.Select(r => new JObject
            {
                ["hasTitle"] = !string.IsNullOrWhiteSpace(r.Title),
                ["title"] = r.Title ?? "",
                ["facts"] = Facts(r.Facts),
                ["hasInput"] = r.InputId is not null,
                ["input"] = new JObject { ["id"] = r.InputId ?? "", ["label"] = r.InputLabel ?? "" },
                ["hasActions"] = r.Buttons.Count > 0,
                ["actions"] = Buttons(r.Buttons),
            })),
        };
        return CardTemplateBinder.Bind("request-notice.json", data);
    }

    /// <summary>
    /// The administration's card of one request (its channel card). Every text the requester and the deciders typed
    /// may be 2,000 characters, and questions and answers add up, so when the card would pass Teams' message size
    /// (<see cref="PolicyCards.MaxCardBytes"/>) each long text is shortened (to 600, then 300, then 150 characters) and
    /// the card says so; the request's record keeps them whole.
    /// </summary>
    /// <param name="view">What to show.</param>
    public static JObject Channel(RequestChannelView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var card = BindChannel(view);
        foreach (var limit in new[] { 600, 300, 150 })
        {
            if (PolicyCards.SizeInBytes(card) < PolicyCards.MaxCardBytes)
            {
                break;
            }
            card = BindChannel(view with
            {
                Details = [.. view.Details.Select(d => d with { Value = Shorten(d.Value, limit) })],
                History = [.. view.History.Select(h => Shorten(h, limit)), $"Long texts are shortened here to {limit} characters to fit a Teams card; the request keeps them whole."],
            });
        }
        return card;
    }

    private static string Shorten(string text, int limit) => text.Length <= limit ? text : text[..limit].TrimEnd() + "…";

    private static JObject BindChannel(RequestChannelView view)
    {
        JObject Act(string act) => RequestCardActions.ActData(view.RequestId, view.Version, act);
        var data = new JObject
        {
            ["heading"] = view.Heading,
            ["state"] = new JObject { ["line"] = view.StateLine, ["style"] = view.StateStyle },
            ["fallback"] = $"{view.Heading}: {view.StateLine}",
            ["details"] = Facts(view.Details),
            ["hasFacts"] = view.Facts.Count > 0,
            ["facts"] = new JArray(view.Facts),
            ["hasVerdict"] = !string.IsNullOrWhiteSpace(view.VerdictLine),
            ["verdictLine"] = view.VerdictLine ?? "",
            ["hasAmbiguity"] = !string.IsNullOrWhiteSpace(view.Ambiguity),
            ["ambiguity"] = view.Ambiguity ?? "",
            ["clauses"] = new JArray(view.Clauses.Select(c => new JObject { ["heading"] = $"Clause {c.Id}: {c.Heading}", ["text"] = c.Text })),
            ["history"] = new JArray(view.History),
            ["deciders"] = Choices(view.Deciders),
            ["noteLabel"] = view.CanRevoke
                ? "Reason to revoke the approval (the requester sees it)"
                : view.CanAnswer
                    ? "Your answer, or a question for the requester (the requester sees it)"
                    : view.CanApprove
                        ? "Conditions to approve, the reason to decline, or a question for the requester (the requester sees it)"
                        : "A question for the requester (they see it)",
            ["can"] = new JObject
            {
                ["assign"] = view.CanAssign,
                ["pick"] = view.CanAssign && view.Deciders.Count > 0,
                ["note"] = view.CanApprove || view.CanAnswer || view.CanAsk || view.CanRevoke,
                ["approve"] = view.CanApprove,
                ["answer"] = view.CanAnswer,
                ["ask"] = view.CanAsk,
                ["revoke"] = view.CanRevoke,
            },
            ["data"] = new JObject
            {
                ["assignMe"] = Act("assign-me"),
                ["assign"] = Act("assign"),
                ["approve"] = Act("approve"),
                ["decline"] = Act("decline"),
                ["answer"] = Act("answer"),
                ["ask"] = Act("ask"),
                ["revoke"] = Act("revoke"),
            },
        };
        return CardTemplateBinder.Bind("request-channel.json", data);
    }

    /// <summary>Registry entries (the approved accounts list, or "is it this account?"), each with its buttons, and footer buttons.</summary>
    /// <param name="heading">The heading.</param>
    /// <param name="intro">One or two sentences.</param>
    /// <param name="entries">The entries.</param>
    /// <param name="footer">Buttons under the entries (e.g. "None of these").</param>
    public static JObject Registry(string heading, string intro, IReadOnlyList<RegistryEntryView> entries, IReadOnlyList<CardButton> footer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(heading);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(footer);
        var data = new JObject
        {
            ["heading"] = heading,
            ["intro"] = intro ?? "",
            ["fallback"] = $"{heading}. {intro} " + string.Join("; ", entries.Select(e => e.Title)),
            ["entries"] = new JArray(entries.Select(e => new JObject
            {
                ["title"] = e.Title,
                ["style"] = e.Active ? "good" : "default",
                ["facts"] = Facts(e.Facts),
                ["hasActions"] = e.Buttons.Count > 0,
                ["actions"] = Buttons(e.Buttons),
                ["canRevoke"] = e.CanRevoke,
                ["reasonId"] = "reason-" + e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["revokeData"] = RequestCardActions.AccountData(e.Id, "revoke"),
            })),
            ["hasFooter"] = footer.Count > 0,
            ["footer"] = Buttons(footer),
        };
        return CardTemplateBinder.Bind("registry-entry.json", data);
    }

    private static JArray Facts(IEnumerable<TitledValue> facts) =>
        new(facts.Select(f => new JObject { ["title"] = f.Title, ["value"] = f.Value }));

    private static JArray Choices(IEnumerable<TitledValue> choices) =>
        new(choices.Select(c => new JObject { ["title"] = c.Title, ["value"] = c.Value }));

    private static JArray Buttons(IEnumerable<CardButton> buttons) =>
        new(buttons.Select(b => new JObject { ["title"] = b.Title, ["style"] = b.Style, ["data"] = b.Data }));
}
