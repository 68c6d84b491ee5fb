using Newtonsoft.Json.Linq;

namespace PolicyBot.Cards;

/// <summary>
/// The submit data contract between PolicyBot's cards and the bot. Every button on every card is a plain
/// <c>Action.Submit</c> whose <c>data</c> is a JSON object; Teams posts it back as a message activity whose
/// <c>Value</c> is that object (and whose <c>Text</c> is null). The bot reads it with <see cref="TryRead"/>.
/// </summary>
/// <remarks>
/// <para>Shapes (every field a string unless noted; <c>situation</c> is opaque to the cards):</para>
/// <list type="bullet">
/// <item><description><c>{"policybot":"answer","situation":"…","step":2,"fact":"medium","value":"text"}</c>: a choice
/// on a question card. <c>step</c> (a number) is how many answers had been given before that question, so the bot
/// can ignore a tap on an old card.</description></item>
/// <item><description><c>{"policybot":"ask","text":"Can I text a student?"}</c>: an example question, to be read as if
/// the user had typed it.</description></item>
/// <item><description><c>{"policybot":"start-over"}</c>, with <c>"situation"</c> and <c>"step"</c> when the card
/// belongs to a situation: "Start over" and "Ask another question".</description></item>
/// <item><description><c>{"policybot":"help"}</c>: show the help card.</description></item>
/// <item><description><c>{"policybot":"confirm","situation":"…","step":2}</c>: "Yes, that's right" on a confirmation
/// card: everything the card says the bot understood is confirmed.</description></item>
/// <item><description><c>{"policybot":"change","situation":"…","step":2,"fact":"relationship"}</c>: change one thing the
/// bot understood (the bot asks that fact's question); without <c>fact</c>, list what can be changed.</description></item>
/// <item><description><c>{"policybot":"test-message"}</c>: an administrator's "Send a test message" (roles card). The
/// bot decides who may by the activity's sender, never by anything in the data.</description></item>
/// <item><description><c>{"policybot":"test-status","value":"test:…"}</c>: that send's per-recipient delivery status
/// (campaign authors only, by the sender).</description></item>
/// <item><description><c>{"policybot":"forget-ask"}</c>, <c>{"policybot":"forget-me"}</c>, <c>{"policybot":"forget-keep"}</c>:
/// "Forget me…", "Yes, forget me" and "Keep my data" on the "my data" cards. They carry no identity: the bot acts on the
/// activity's sender.</description></item>
/// <item><description><c>{"policybot":"feedback","situation":"…","step":3,"value":"helpful"}</c>: feedback on the verdict
/// card of that situation: <c>helpful</c> or <c>not-right</c> (verdict card), or what was wrong (the card that follows
/// "Not right"): <c>wrong-verdict</c>, <c>wrong-understood</c>, <c>wrong-clause</c>, <c>wrong-other</c>. The bot takes the
/// verdict, its rule and facts from its own record of that situation and the person from the activity's sender, never
/// from the data.</description></item>
/// </list>
/// <para>No <c>msteams</c> property (messageBack/imBack) on purpose. For a plain <c>Action.Submit</c> Teams does not
/// echo the button's title into the chat; <c>msteams.displayText</c> would, but in a channel every tap would then
/// post a visible message for everyone. The question card the user answered is instead followed by the next card,
/// whose "So far" line (or "What I understood" list) repeats the answers; the bot may also update the answered card
/// (UpdateActivityAsync with the submit's ReplyToId).</para>
/// </remarks>
public static class CardActions
{
    /// <summary>The property naming the action in every submit's data: <c>"policybot"</c>.</summary>
    public const string ActionField = "policybot";

    /// <summary>Opaque id of the situation (the conversation's current question) a card belongs to.</summary>
    public const string SituationField = "situation";

    /// <summary>A number: how many answers had been given before the question the card asks.</summary>
    public const string StepField = "step";

    /// <summary>The fact id a choice answers, e.g. <c>medium</c>.</summary>
    public const string FactField = "fact";

    /// <summary>The chosen value id, e.g. <c>text</c>.</summary>
    public const string ValueField = "value";

    /// <summary>The question text of an <see cref="Ask"/>.</summary>
    public const string TextField = "text";

    /// <summary>A choice on a question card: <c>situation</c>, <c>step</c>, <c>fact</c>, <c>value</c>.</summary>
    public const string Answer = "answer";

    /// <summary>An example question to ask: <c>text</c>.</summary>
    public const string Ask = "ask";

    /// <summary>Forget the current situation and start a new question; <c>situation</c> and <c>step</c> when known.</summary>
    public const string StartOver = "start-over";

    /// <summary>Show the help card.</summary>
    public const string Help = "help";

    /// <summary>Confirm what a confirmation card says the bot understood: <c>situation</c>, <c>step</c>.</summary>
    public const string Confirm = "confirm";

    /// <summary>Change something the bot understood: <c>situation</c>, <c>step</c>, and <c>fact</c> (optional).</summary>
    public const string Change = "change";

    /// <summary>Queue a test message to everyone reachable (campaign authors only; checked against the sender).</summary>
    public const string TestMessage = "test-message";

    /// <summary>Show the per-recipient delivery status of a test message: <c>value</c> = its send id (campaign authors only).</summary>
    public const string TestStatus = "test-status";

    /// <summary>"Forget me…" on the "my data" card: shows what would be deleted and asks to confirm. Acts on the sender only.</summary>
    public const string AskForget = "forget-ask";

    /// <summary>"Yes, forget me" on that confirmation: deletes the sender's situations and feedback links. Acts on the sender only.</summary>
    public const string Forget = "forget-me";

    /// <summary>"Keep my data" on that confirmation: nothing is deleted.</summary>
    public const string KeepData = "forget-keep";

    /// <summary>The data of a privacy button (<see cref="AskForget"/>, <see cref="Forget"/>, <see cref="KeepData"/>): the action only, never who.</summary>
    /// <param name="action">One of the three actions.</param>
    /// <exception cref="ArgumentException">Another action.</exception>
    public static JObject PrivacyData(string action) => action is AskForget or Forget or KeepData
        ? new JObject { [ActionField] = action }
        : throw new ArgumentException($"'{action}' is not a privacy action.", nameof(action));
    /// <summary>Feedback on a verdict: <c>situation</c>, <c>step</c>, <c>value</c> (one of <see cref="FeedbackValues"/>).</summary>
    public const string Feedback = "feedback";

    /// <summary>Feedback value: the verdict card's "Helpful".</summary>
    public const string FeedbackHelpful = "helpful";

    /// <summary>Feedback value: the verdict card's "Not right" (what was wrong is asked next).</summary>
    public const string FeedbackNotRight = "not-right";

    /// <summary>Feedback value: not right, the verdict itself.</summary>
    public const string FeedbackWrongVerdict = "wrong-verdict";

    /// <summary>Feedback value: not right, what the bot understood.</summary>
    public const string FeedbackWrongUnderstood = "wrong-understood";

    /// <summary>Feedback value: not right, the clause quoted.</summary>
    public const string FeedbackWrongClause = "wrong-clause";

    /// <summary>Feedback value: not right, something else.</summary>
    public const string FeedbackWrongOther = "wrong-other";

    /// <summary>Every feedback value, "Helpful" first.</summary>
    public static IReadOnlyList<string> FeedbackValues { get; } =
        [FeedbackHelpful, FeedbackNotRight, FeedbackWrongVerdict, FeedbackWrongUnderstood, FeedbackWrongClause, FeedbackWrongOther];

    /// <summary>Every action name above.</summary>
    public static IReadOnlyList<string> All { get; } = [Answer, Ask, StartOver, Help, Confirm, Change, TestMessage, TestStatus, AskForget, Forget, KeepData, Feedback];

    /// <summary>The data of a feedback button.</summary>
    /// <param name="context">The situation (and step) of the verdict the feedback is about.</param>
    /// <param name="value">One of <see cref="FeedbackValues"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a feedback value.</exception>
    public static JObject FeedbackData(SubmitContext context, string value)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!FeedbackValues.Contains(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Not a feedback value.");
        }
        return new JObject { [ActionField] = Feedback, [SituationField] = context.Situation, [StepField] = context.Step, [ValueField] = value };
    }

    /// <summary>The data of "Check delivery status" on a test-message card.</summary>
    /// <param name="messageId">The send id (e.g. <c>test:…</c>).</param>
    public static JObject TestStatusData(string messageId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        return new JObject { [ActionField] = TestStatus, [ValueField] = messageId };
    }

    /// <summary>The data of "Yes, that's right" on a confirmation card.</summary>
    /// <param name="context">The situation and step the card belongs to.</param>
    public static JObject ConfirmData(SubmitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new JObject { [ActionField] = Confirm, [SituationField] = context.Situation, [StepField] = context.Step };
    }

    /// <summary>The data of a "Change" button: one understood fact, or (null) the list of what can be changed.</summary>
    /// <param name="context">The situation and step the card belongs to.</param>
    /// <param name="fact">The fact id to change, or null.</param>
    /// <param name="value">The value the card showed for it (for the record; the bot acts on its own state).</param>
    public static JObject ChangeData(SubmitContext context, string? fact, string? value = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = new JObject { [ActionField] = Change, [SituationField] = context.Situation, [StepField] = context.Step };
        if (fact is not null)
        {
            data[FactField] = fact;
        }
        if (value is not null)
        {
            data[ValueField] = value;
        }
        return data;
    }

    /// <summary>The data of a choice on a question card.</summary>
    /// <param name="context">The situation and step the question belongs to.</param>
    /// <param name="fact">The fact id asked.</param>
    /// <param name="value">The value id this button chooses.</param>
    public static JObject AnswerData(SubmitContext context, string fact, string value)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(fact);
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return new JObject
        {
            [ActionField] = Answer,
            [SituationField] = context.Situation,
            [StepField] = context.Step,
            [FactField] = fact,
            [ValueField] = value,
        };
    }

    /// <summary>The data of an example-question button.</summary>
    /// <param name="text">The question, as the user would type it.</param>
    public static JObject AskData(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return new JObject { [ActionField] = Ask, [TextField] = text };
    }

    /// <summary>The data of a "Start over" / "Ask another question" button.</summary>
    /// <param name="context">The situation the card belongs to, or null for a card outside any situation.</param>
    public static JObject StartOverData(SubmitContext? context)
    {
        var data = new JObject { [ActionField] = StartOver };
        if (context is not null)
        {
            data[SituationField] = context.Situation;
            data[StepField] = context.Step;
        }
        return data;
    }

    /// <summary>The data of a "Help" button.</summary>
    public static JObject HelpData() => new() { [ActionField] = Help };

    /// <summary>The data of a "Send a test message" button.</summary>
    public static JObject TestMessageData() => new() { [ActionField] = TestMessage };

    /// <summary>
    /// Reads a submit's data (an activity's <c>Value</c>). True only for data in the shapes above, with every
    /// field the action needs; anything else (another app's card, a tampered payload) is false.
    /// </summary>
    /// <param name="value">The activity's <c>Value</c>, usually a <see cref="JObject"/>.</param>
    /// <param name="submit">The parsed submit, or null.</param>
    public static bool TryRead(object? value, out CardSubmit? submit)
    {
        submit = null;
        if (value is not JObject data || data[ActionField] is not JValue { Type: JTokenType.String } action)
        {
            return false;
        }
        var situation = Text(data, SituationField);
        var step = WholeNumber(data[StepField]) is { } s && s is >= 0 and <= int.MaxValue ? (int?)(int)s : null;
        var fact = Text(data, FactField);
        var chosen = Text(data, ValueField);
        var text = Text(data, TextField);
        submit = (string)action! switch
        {
            Answer when situation is not null && step is not null && fact is not null && chosen is not null =>
                new CardSubmit(Answer, situation, step, fact, chosen, null),
            Ask when text is not null => new CardSubmit(Ask, null, null, null, null, text),
            StartOver => new CardSubmit(StartOver, situation, step, null, null, null),
            Help => new CardSubmit(Help, null, null, null, null, null),
            Confirm when situation is not null && step is not null => new CardSubmit(Confirm, situation, step, null, null, null),
            Change when situation is not null && step is not null => new CardSubmit(Change, situation, step, fact, null, null),
            TestMessage => new CardSubmit(TestMessage, null, null, null, null, null),
            TestStatus when chosen is not null => new CardSubmit(TestStatus, null, null, null, chosen, null),
            AskForget or Forget or KeepData => new CardSubmit((string)action!, null, null, null, null, null),
            Feedback when situation is not null && step is not null && chosen is not null && FeedbackValues.Contains(chosen) =>
                new CardSubmit(Feedback, situation, step, null, chosen, null),
            _ => null,
        };
        return submit is not null;
    }

    private static string? Text(JObject data, string field) =>
        data[field] is JValue { Type: JTokenType.String } v && !string.IsNullOrWhiteSpace((string?)v) ? (string)v! : null;

    /// <summary>
    /// A field of card data as a whole number, or null when it is absent, not an integer, or beyond 64 bits. Never
    /// throws: card data comes from the client, and a forged 99999999999999999999 must not fail the turn.
    /// </summary>
    /// <param name="token">The field's token, e.g. <c>data["request"]</c>.</param>
    public static long? WholeNumber(JToken? token) => token is JValue { Type: JTokenType.Integer, Value: long n } ? n : null;

    /// <summary>A field of card data as text, or null when it is absent or not a string (an array or object, say). Never throws.</summary>
    /// <param name="token">The field's token, e.g. <c>data["act"]</c>.</param>
    public static string? TextValue(JToken? token) => token is JValue { Type: JTokenType.String, Value: string text } ? text : null;
}

/// <summary>Which situation, and which step of it, a card's buttons belong to.</summary>
/// <param name="Situation">Opaque id of the situation (the bot's; the cards only carry it).</param>
/// <param name="Step">How many answers had been given when the card was made (0 for the first question).</param>
public sealed record SubmitContext(string Situation, int Step)
{
    /// <summary>The situation id; must not be blank.</summary>
    public string Situation { get; } = string.IsNullOrWhiteSpace(Situation)
        ? throw new ArgumentException("A situation id must not be blank.", nameof(Situation))
        : Situation;

    /// <summary>The step; must not be negative.</summary>
    public int Step { get; } = Step >= 0 ? Step : throw new ArgumentOutOfRangeException(nameof(Step), Step, "A step must not be negative.");
}

/// <summary>A card button's data as the bot received it (see <see cref="CardActions"/>).</summary>
/// <param name="Action">One of <see cref="CardActions.All"/>.</param>
/// <param name="Situation">The situation id (answer; start-over when the card had one).</param>
/// <param name="Step">The step (answer; start-over when the card had one).</param>
/// <param name="Fact">The fact id (answer).</param>
/// <param name="Value">The value id (answer).</param>
/// <param name="Text">The question text (ask).</param>
public sealed record CardSubmit(string Action, string? Situation, int? Step, string? Fact, string? Value, string? Text);
