using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PolicyBot.Rules.Evaluation;
using PolicyBot.Rules.Model;
using PolicyBot.Rules.Safety;

namespace PolicyBot.Cards;

/// <summary>
/// Builds PolicyBot's Adaptive Cards (schema 1.5, what Teams renders) from the templates in <c>cards/</c>. Each
/// method returns the card as a <see cref="JObject"/> for <c>Attachment.Content</c> (content type
/// <see cref="ContentType"/>). Buttons carry the data described in <see cref="CardActions"/>. Thread-safe.
/// </summary>
/// <remarks>
/// Layout for choices: every choice (and every example question) is its own one-button ActionSet, with its
/// description in small text under it. Teams shows at most 6 actions per action set and hides or overflows the
/// rest (its host config's <c>actions.maxActions</c> is 6), so a question with up to 11 or more choices keeps every
/// one visible and tappable, also on a phone where a row of buttons would be cut.
/// </remarks>
public static class PolicyCards
{
    /// <summary>The attachment content type of an Adaptive Card.</summary>
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>Teams refuses a message over about 28 KB; a card must stay below this many bytes of compact JSON.</summary>
    public const int MaxCardBytes = 28 * 1024;

    /// <summary>The bot's name as the cards use it (greeting, @mention examples).</summary>
    public const string DefaultBotName = "PolicyBot";

    /// <summary>The commands the help card lists by default, with what each does (the bot's command words).</summary>
    public static IReadOnlyList<(string Command, string Description)> DefaultCommands { get; } =
    [
        ("help", "Show this card."),
        ("ask …", "Ask about the policy, e.g. \"ask can I text a student about homework?\". You can also just type the question."),
        ("start over", "Forget the question we are on and start a new one."),
        ("cancel", "Stop the current question without a verdict."),
        ("policy", "Show the policy I follow: title, district, dates and sections."),
        ("roles", "See which administrator roles you hold, if any, and what they let you do."),
    ];

    /// <summary>The first card a person sees: what the bot does, for whom, which policy, and example questions.</summary>
    /// <param name="policy">The policy served.</param>
    /// <param name="exampleQuestions">Questions offered as buttons (each sends <see cref="CardActions.Ask"/>); keep
    /// them short (about 40 characters), as Teams cuts a button title to one line.</param>
    /// <param name="botName">The bot's name.</param>
    public static JObject Welcome(PolicyMetadata policy, IReadOnlyList<string> exampleQuestions, string botName = DefaultBotName)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(exampleQuestions);
        var data = new JObject
        {
            ["botName"] = botName,
            ["policy"] = PolicyData(policy),
            ["hasExamples"] = exampleQuestions.Count > 0,
            ["examples"] = new JArray(exampleQuestions.Select(q => new JObject { ["text"] = q, ["data"] = CardActions.AskData(q) })),
            ["helpData"] = CardActions.HelpData(),
        };
        return CardTemplateBinder.Bind("welcome.json", data);
    }

    /// <summary>
    /// Asks for one fact: the question, what is known so far, what was only understood from the person's words
    /// (answering confirms it; "Change what I understood" when wrong), one button per choice with its description, and
    /// "Start over".
    /// </summary>
    /// <param name="question">The evaluator's next question (or a fact asked again after "Change").</param>
    /// <param name="facts">The situation so far, in the policy's fact order; answers are value phrases.</param>
    /// <param name="context">The situation and step the answers belong to.</param>
    public static JObject Question(Question question, IReadOnlyList<SituationFact> facts, SubmitContext context)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(context);
        var known = facts.Where(f => !f.Understood).ToList();
        var understood = facts.Where(f => f.Understood).ToList();
        var understoodText = string.Join(" · ", understood.Select(f => f.Answer));
        var soFar = string.Join(" · ", known.Select(f => f.Answer));
        // For a client that cannot show the card: the question, what is known, each choice with what it covers (the
        // suggestion the card shows under each button), and what was understood.
        var choices = string.Join("; ", question.Choices.Select(c =>
            string.IsNullOrWhiteSpace(c.Description) ? c.Label : $"{c.Label} ({c.Description.Trim().TrimEnd('.')})"));
        var fallback = new StringBuilder(question.Fact.Question);
        if (known.Count > 0)
        {
            fallback.Append(" So far: ").Append(soFar).Append('.');
        }
        fallback.Append(" Answer by typing one of: ").Append(choices).Append('.');
        if (understood.Count > 0)
        {
            fallback.Append(" From what you wrote, I understood: ").Append(understoodText).Append("; answering confirms it.");
        }
        var data = new JObject
        {
            ["question"] = question.Fact.Question,
            ["fallback"] = fallback.ToString(),
            ["answerTooltip"] = $"Answer \u201c{question.Fact.Question}\u201d with this",
            ["hasSoFar"] = known.Count > 0,
            ["soFar"] = soFar,
            ["hasUnderstood"] = understood.Count > 0,
            ["understood"] = understoodText,
            ["choices"] = new JArray(question.Choices.Select(choice => new JObject
            {
                ["label"] = choice.Label,
                ["description"] = choice.Description,
                ["data"] = CardActions.AnswerData(context, question.Fact.Id, choice.Id),
            })),
            ["startOverData"] = CardActions.StartOverData(context),
            ["changeData"] = CardActions.ChangeData(context, null),
        };
        return CardTemplateBinder.Bind("question.json", data);
    }

    /// <summary>
    /// Before a verdict that would let the person go ahead: everything it rests on that was only understood from their
    /// words, each with a "Change" button, and "Yes, that's right" to confirm it all in one tap. With
    /// <paramref name="correcting"/>, the same list without the confirm button (the person said something is wrong).
    /// </summary>
    /// <param name="facts">The understood facts; answers are value phrases.</param>
    /// <param name="context">The situation and step the card belongs to.</param>
    /// <param name="correcting">True to list what can be changed, without "Yes, that's right".</param>
    public static JObject Confirm(IReadOnlyList<SituationFact> facts, SubmitContext context, bool correcting = false)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(context);
        var heading = correcting ? "What should I change?" : "Before I answer: is this right?";
        var intro = correcting
            ? "Tap \"Change\" next to what I got wrong, and I'll ask it again."
            : "This is what I understood from your message. The answer depends on it, so please check it.";
        var lines = string.Join("; ", facts.Select(f => $"{f.Question} {f.Answer}"));
        var data = new JObject
        {
            ["heading"] = heading,
            ["intro"] = intro,
            ["confirmable"] = !correcting,
            ["fallback"] = $"{heading} {lines}. " + (correcting ? "Type what is wrong." : "Reply \"yes\" if it is right, or type what is wrong."),
            ["facts"] = new JArray(facts.Select(f => new JObject
            {
                ["question"] = f.Question,
                ["answer"] = f.Answer,
                ["changeData"] = CardActions.ChangeData(context, f.FactId, f.ValueId),
            })),
            ["confirmData"] = CardActions.ConfirmData(context),
            ["startOverData"] = CardActions.StartOverData(context),
        };
        return CardTemplateBinder.Bind("confirm.json", data);
    }

    /// <summary>
    /// The verdict, to be taken in at a glance: its kind in words and colour (a heading), the one-line answer, the
    /// conditions to keep or what to do instead (a heading), and the first deciding clause verbatim (a heading) with the
    /// policy's citation once; then "Details" (an inline Action.ShowCard) over the further clauses, the reason, the
    /// ambiguity note with an offer to ask administration, and what the person told the bot; "Change what I
    /// understood" when something was only understood; and one-tap feedback, "Helpful" / "Not right". Section labels
    /// are headings, so a screen reader reaches verdict, conditions or instead, and clause in three "next heading"
    /// keystrokes. At most four actions (room for a fifth). The fallback text stands alone: verdict, answer, conditions
    /// or instead.
    /// </summary>
    /// <remarks>
    /// "Details" is an Action.ShowCard rather than an Action.ToggleVisibility: Microsoft's renderer puts
    /// <c>aria-expanded</c> on the container a toggle shows, which axe reports as a critical violation
    /// (aria-allowed-attr), while a ShowCard puts it on the button, where it belongs. Not "Ask another question" any
    /// more: a new question is just typed, and the five-action budget goes to feedback.
    /// </remarks>
    /// <param name="verdict">The evaluator's verdict.</param>
    /// <param name="facts">The facts the verdict rests on: each question and the answer (label); understood ones are
    /// marked "(from your words)" and offered for correction ("Change what I understood").</param>
    /// <param name="context">The situation the verdict ends (its feedback and "Change" buttons carry it).</param>
    public static JObject Verdict(Verdict verdict, IReadOnlyList<SituationFact> facts, SubmitContext context)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(context);
        if (verdict.Clauses.Count == 0)
        {
            throw new ArgumentException("A verdict quotes at least one clause.", nameof(verdict));
        }
        var (style, _) = Look(verdict.Kind);
        var heading = VerdictHeading(verdict.Kind);
        var hasInstead = !string.IsNullOrWhiteSpace(verdict.Instead);
        var clauses = verdict.Clauses.Select(c => new JObject { ["id"] = c.Id, ["heading"] = c.Heading, ["text"] = c.Text }).ToList();
        var data = new JObject
        {
            ["kind"] = new JObject { ["id"] = verdict.Kind.Id(), ["words"] = verdict.Kind.Words(), ["heading"] = heading, ["style"] = style },
            ["answer"] = verdict.Answer,
            ["fallback"] = VerdictFallback(verdict),
            ["clausesHeading"] = verdict.Clauses.Count == 1 ? "The clause this rests on" : "The clauses this rests on",
            ["first"] = clauses[0],
            ["hasMoreClauses"] = clauses.Count > 1,
            ["moreClausesHeading"] = clauses.Count == 2 ? "The other clause" : "The other clauses",
            ["moreClauses"] = new JArray(clauses.Skip(1)),
            ["citation"] = Citation(verdict.Policy),
            ["detailsTooltip"] = DetailsTooltip(verdict, facts.Count > 0),
            ["reason"] = verdict.Reason,
            ["hasConditions"] = verdict.Conditions.Count > 0,
            ["conditions"] = new JArray(verdict.Conditions),
            // Both under one heading, so the clause stays the third heading a screen reader meets.
            ["insteadAlone"] = hasInstead && verdict.Conditions.Count == 0,
            ["insteadWithConditions"] = hasInstead && verdict.Conditions.Count > 0,
            ["instead"] = verdict.Instead ?? "",
            ["hasAmbiguity"] = !string.IsNullOrWhiteSpace(verdict.Ambiguity),
            ["ambiguity"] = verdict.Ambiguity ?? "",
            ["administrationOffer"] =
                "If you want a definite answer, tap Ask administration: it sends this situation to your school administration, who can confirm how the policy applies to you.",
            ["hasFacts"] = facts.Count > 0,
            ["facts"] = new JArray(facts.Select(f => new JObject { ["title"] = f.Question, ["value"] = f.Understood ? $"{f.Answer} (from your words)" : f.Answer })),
            ["hasUnderstood"] = facts.Any(f => f.Understood),
            ["changeData"] = CardActions.ChangeData(context, null),
            ["helpfulData"] = CardActions.FeedbackData(context, CardActions.FeedbackHelpful),
            ["notRightData"] = CardActions.FeedbackData(context, CardActions.FeedbackNotRight),
            // Escalation (RequestCardActions): "Ask administration" where the policy sends the person there or is unclear.
            ["administrationTitle"] = verdict.Kind == VerdictKind.NeedsAdministration || !string.IsNullOrWhiteSpace(verdict.Ambiguity)
                ? "Ask administration"
                : "Contact administration",
            ["administrationTooltip"] = "Send this situation, its verdict and clauses to your school's administration as a request",
            ["administrationData"] = RequestCardActions.StartData(context),
        };
        return CardTemplateBinder.Bind("verdict.json", data);
    }

    /// <summary>
    /// The verdict card's heading: the kind in words, said so that it stands alone when a screen reader reads only the
    /// heading ("Not covered" alone does not say by what).
    /// </summary>
    /// <param name="kind">The verdict kind.</param>
    public static string VerdictHeading(VerdictKind kind) =>
        kind == VerdictKind.NotCovered ? "Not covered: the policy does not cover this" : kind.Words();

    /// <summary>
    /// The verdict card's fallback text, for a client that cannot show the card: the heading, the answer, and the
    /// conditions or what to do instead.
    /// </summary>
    /// <param name="verdict">The verdict.</param>
    public static string VerdictFallback(Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var text = new StringBuilder($"{VerdictHeading(verdict.Kind)}. {verdict.Answer}");
        if (verdict.Conditions.Count > 0)
        {
            text.Append(" Conditions to keep: ").Append(string.Join("; ", verdict.Conditions.Select(c => c.TrimEnd('.')))).Append('.');
        }
        if (!string.IsNullOrWhiteSpace(verdict.Instead))
        {
            text.Append(verdict.Conditions.Count > 0 ? " Instead: " : " What to do instead: ").Append(verdict.Instead);
        }
        return text.ToString();
    }

    /// <summary>What "Details" shows, as its tooltip: adds to the title, never repeats a line of the card.</summary>
    private static string DetailsTooltip(Verdict verdict, bool hasFacts)
    {
        var parts = new List<string>();
        if (verdict.Clauses.Count > 1)
        {
            parts.Add("the other clauses");
        }
        parts.Add("why");
        if (!string.IsNullOrWhiteSpace(verdict.Ambiguity))
        {
            parts.Add("where the policy is unclear");
        }
        if (hasFacts)
        {
            parts.Add("what I understood");
        }
        var list = parts.Count == 1 ? parts[0] : string.Join(", ", parts[..^1]) + " and " + parts[^1];
        return "Show or hide " + list;
    }

    /// <summary>How to use the bot: the commands, and @mentioning it in group chats and channels.</summary>
    /// <param name="policy">The policy served.</param>
    /// <param name="commands">The commands to list; null for <see cref="DefaultCommands"/>.</param>
    /// <param name="botName">The bot's name, as people @mention it.</param>
    public static JObject Help(PolicyMetadata policy, IReadOnlyList<(string Command, string Description)>? commands = null, string botName = DefaultBotName)
    {
        ArgumentNullException.ThrowIfNull(policy);
        commands ??= DefaultCommands;
        var data = new JObject
        {
            ["botName"] = botName,
            ["policy"] = PolicyData(policy),
            ["exampleQuestion"] = "Can I text a student about homework?",
            ["mentionExample"] = "can I accept a student's friend request?",
            ["commands"] = new JArray(commands.Select(c => new JObject { ["command"] = c.Command, ["description"] = c.Description })),
            ["commandList"] = string.Join(", ", commands.Select(c => c.Command)),
            ["startOverData"] = CardActions.StartOverData(null),
        };
        return CardTemplateBinder.Bind("help.json", data);
    }

    /// <summary>A friendly error with a "Start over" button.</summary>
    /// <param name="message">What went wrong, in plain words for the person (no exception text).</param>
    /// <param name="context">The situation the error interrupted, if any.</param>
    public static JObject Error(string message, SubmitContext? context = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        var data = new JObject
        {
            ["message"] = message,
            ["startOverData"] = CardActions.StartOverData(context),
        };
        return CardTemplateBinder.Bind("error.json", data);
    }

    /// <summary>The policy served: title, district, adopted/reviewed/revised dates, the clause headings and cross references.</summary>
    /// <param name="policy">The loaded policy.</param>
    public static JObject PolicyInfo(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var m = policy.Metadata;
        var dates = new JArray { Fact("Adopted", Date(m.Adopted)) };
        if (m.Reviewed.Count > 0)
        {
            dates.Add(Fact("Reviewed", string.Join("; ", m.Reviewed.Select(Date))));
        }
        if (m.Revised is { } revised)
        {
            dates.Add(Fact("Revised", Date(revised)));
        }
        var data = new JObject
        {
            ["policy"] = PolicyData(m),
            ["dates"] = dates,
            ["clauseHeadings"] = new JArray(policy.Clauses.Select(c => c.Heading)),
            ["hasCrossReferences"] = m.CrossReferences.Count > 0,
            ["crossReferences"] = new JArray(m.CrossReferences),
            ["startOverData"] = CardActions.StartOverData(null),
            ["helpData"] = CardActions.HelpData(),
        };
        return CardTemplateBinder.Bind("policy.json", data);
    }

    /// <summary>
    /// The safety card, sent before anything else when a message says a student may be in danger: headed
    /// "{District}'s safety guidance" and labelled as not policy text; the emergency line (911) first, then the duty to
    /// report, the district's safety contact and the crisis line, with a <c>tel:</c> button for the crisis line (and
    /// for the contact when the district gave a number). Its fallback text carries the whole guidance.
    /// </summary>
    /// <param name="guidance">The district's safety guidance (its file, or the defaults).</param>
    public static JObject Safety(SafetyGuidance guidance)
    {
        ArgumentNullException.ThrowIfNull(guidance);
        var heading = $"{guidance.District}'s safety guidance";
        var contact = guidance.Contact;
        var contactLine = contact.Phone is null ? $"Tell {contact.Name}." : $"Tell {contact.Name}: {contact.Phone}.";
        var crisis = guidance.CrisisLine;
        var disclaimer = $"This is {guidance.District}'s safety guidance, not the policy I quote, and not legal advice. Your district's procedures come first.";
        var fallback = string.Join(" ", new[]
            {
                $"{heading} (not policy text):",
                guidance.Emergency.Text,
                string.Join(" ", guidance.Reporting),
                $"Your safety contact: {contactLine}",
                contact.Note,
                $"{crisis.Name}: {crisis.Text}",
            }.Where(p => !string.IsNullOrWhiteSpace(p)));
        var data = new JObject
        {
            ["heading"] = heading,
            ["emergency"] = guidance.Emergency.Text,
            ["intro"] = "Your message may be about a student in danger, so this comes first. My answer to any policy question follows.",
            ["reporting"] = new JArray(guidance.Reporting),
            ["contact"] = new JObject
            {
                ["line"] = contactLine,
                ["hasNote"] = contact.Note is not null,
                ["note"] = contact.Note ?? "",
                ["hasPhone"] = contact.Phone is not null,
                ["callTitle"] = "Call your safety contact",
                ["tel"] = contact.Phone is null ? "" : PhoneLinks.Tel(contact.Phone),
            },
            ["crisis"] = new JObject
            {
                ["name"] = crisis.Name,
                ["text"] = crisis.Text,
                ["callTitle"] = $"Call {crisis.Number}",
                ["tel"] = PhoneLinks.Tel(crisis.Number),
            },
            ["disclaimer"] = disclaimer,
            ["fallback"] = fallback,
        };
        return CardTemplateBinder.Bind("safety.json", data);
    }

    /// <summary>The container style (colour) a verdict kind is shown in, and the words shown.</summary>
    /// <param name="kind">The verdict kind.</param>
    /// <returns>An Adaptive Cards container style (<c>good</c>, <c>warning</c>, <c>attention</c>, <c>accent</c>,
    /// <c>emphasis</c>), one per kind, and the kind in words.</returns>
    public static (string Style, string Words) Look(VerdictKind kind) => kind switch
    {
        VerdictKind.Allowed => ("good", kind.Words()),
        // Allowed, but only while the conditions hold: amber, so the conditions are read.
        VerdictKind.AllowedWithConditions => ("warning", kind.Words()),
        VerdictKind.Forbidden => ("attention", kind.Words()),
        // Blue, not the amber of conditions; the unclear-policy note has no colour of its own, so neither is mistaken for the other.
        VerdictKind.NeedsAdministration => ("accent", kind.Words()),
        // Grey: the policy says nothing, which is neither a go-ahead nor a ban.
        VerdictKind.NotCovered => ("emphasis", kind.Words()),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown verdict kind."),
    };

    /// <summary>The line under the quoted clause, once per card: "— {title}, {district}, revised {date}" (adopted when never revised).</summary>
    /// <param name="policy">The policy's metadata.</param>
    public static string Citation(PolicyMetadata policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return $"— {policy.Title}, {policy.District}, {DateLine(policy)}";
    }

    /// <summary>The size Teams counts: UTF-8 bytes of the card's compact JSON.</summary>
    /// <param name="card">A card.</param>
    public static int SizeInBytes(JObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return Encoding.UTF8.GetByteCount(card.ToString(Formatting.None));
    }

    private static JObject PolicyData(PolicyMetadata m) => new()
    {
        ["title"] = m.Title,
        ["district"] = m.District,
        ["dateLine"] = DateLine(m),
    };

    private static string DateLine(PolicyMetadata m) =>
        m.Revised is { } revised ? $"revised {Date(revised)}" : $"adopted {Date(m.Adopted)}";

    private static string Date(DateOnly date) => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    private static JObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };
}

/// <summary>One fact of a situation as a card shows it.</summary>
/// <param name="FactId">The fact id, e.g. <c>relationship</c> (carried by "Change" buttons).</param>
/// <param name="Question">The fact's question, e.g. "Who is the person?".</param>
/// <param name="Answer">The value in words (a phrase or a label).</param>
/// <param name="Understood">True when only read from the person's words, not picked or confirmed.</param>
/// <param name="ValueId">The value id, e.g. <c>student</c>.</param>
public sealed record SituationFact(string FactId, string Question, string Answer, bool Understood, string ValueId = "");
