using Newtonsoft.Json.Linq;

namespace PolicyBot.Cards;

/// <summary>
/// The submit data of the request cards (escalation to administration), beside <see cref="CardActions"/>: the same
/// <c>"policybot"</c> field names the action. The bot reads identity from the activity's sender and a request's state from
/// its store, never from these fields; <c>version</c> only tells it which state the tapped card showed, so a stale card is
/// answered with the current state.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><description><c>{"policybot":"request-start","situation":"…","step":3}</c>: "Ask administration" / "Contact
/// administration" on a verdict card.</description></item>
/// <item><description><c>{"policybot":"request-new","kind":"presence"|"question"}</c>: start a request with no verdict behind it.</description></item>
/// <item><description><c>{"policybot":"request-form","request":12}</c> plus the form's inputs: check a draft's form.</description></item>
/// <item><description><c>{"policybot":"request-send","request":12}</c> / <c>request-edit</c> / <c>request-discard</c>: the requester's
/// confirmation of a checked draft.</description></item>
/// <item><description><c>{"policybot":"request-act","request":12,"version":4,"act":"approve"}</c> plus inputs
/// (<c>conditions</c>, <c>reason</c>, <c>question</c>, <c>answer</c>, <c>info</c>, <c>assignee</c>): a change on a request.</description></item>
/// <item><description><c>{"policybot":"account-act","account":3,"act":"review"|"revoke"|"retire"}</c> plus <c>reason</c>: a
/// registry entry's administration.</description></item>
/// <item><description><c>{"policybot":"account-confirm","situation":"…","step":2,"account":3}</c> (or <c>"account":0</c> for
/// "none of these"): the person says which registered account they mean.</description></item>
/// </list>
/// </remarks>
public static class RequestCardActions
{
    /// <summary>"Ask administration" on a verdict card.</summary>
    public const string Start = "request-start";

    /// <summary>A request without a verdict (typed "new request").</summary>
    public const string New = "request-new";

    /// <summary>Check a draft's form.</summary>
    public const string Form = "request-form";

    /// <summary>Send a checked draft.</summary>
    public const string Send = "request-send";

    /// <summary>Edit a draft again.</summary>
    public const string Edit = "request-edit";

    /// <summary>Throw a draft away.</summary>
    public const string Discard = "request-discard";

    /// <summary>A change on a request (<c>act</c>).</summary>
    public const string Act = "request-act";

    /// <summary>A registry entry's administration (<c>act</c>).</summary>
    public const string Account = "account-act";

    /// <summary>Which registered account a person means.</summary>
    public const string AccountConfirm = "account-confirm";

    /// <summary>Every request action name.</summary>
    public static IReadOnlyList<string> All { get; } = [Start, New, Form, Send, Edit, Discard, Act, Account, AccountConfirm];

    /// <summary>The data of "Ask administration" on a verdict card.</summary>
    /// <param name="context">The situation the verdict decided.</param>
    public static JObject StartData(SubmitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new JObject { [CardActions.ActionField] = Start, [CardActions.SituationField] = context.Situation, [CardActions.StepField] = context.Step };
    }

    /// <summary>The data of "new request" of a kind (<c>presence</c> or <c>question</c>).</summary>
    public static JObject NewData(string kind) => new() { [CardActions.ActionField] = New, ["kind"] = kind };

    /// <summary>The data of a draft's buttons (<see cref="Form"/>, <see cref="Send"/>, <see cref="Edit"/>, <see cref="Discard"/>).</summary>
    public static JObject DraftData(string action, long request) => new() { [CardActions.ActionField] = action, ["request"] = request };

    /// <summary>The data of a change on a request as the card showed it at <paramref name="version"/>.</summary>
    public static JObject ActData(long request, int version, string act) =>
        new() { [CardActions.ActionField] = Act, ["request"] = request, ["version"] = version, ["act"] = act };

    /// <summary>The data of a registry entry's button.</summary>
    public static JObject AccountData(long account, string act) => new() { [CardActions.ActionField] = Account, ["account"] = account, ["act"] = act };

    /// <summary>The data of "it's this account" (or, with account 0, "none of these") on an account check card.</summary>
    public static JObject AccountConfirmData(SubmitContext context, long account)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new JObject
        {
            [CardActions.ActionField] = AccountConfirm,
            [CardActions.SituationField] = context.Situation,
            [CardActions.StepField] = context.Step,
            ["account"] = account,
        };
    }

    /// <summary>The action name when <paramref name="value"/> is a request card's data, else null.</summary>
    /// <param name="value">An activity's <c>Value</c>.</param>
    public static string? ActionOf(object? value) =>
        value is JObject data && data[CardActions.ActionField] is JValue { Type: JTokenType.String } action && All.Contains((string)action!)
            ? (string)action!
            : null;
}
