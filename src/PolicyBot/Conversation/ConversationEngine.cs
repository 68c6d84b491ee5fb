using System.Text.RegularExpressions;
using PolicyBot.Cards;
using PolicyBot.Rules.Evaluation;
using PolicyBot.Rules.Model;
using PolicyBot.Understanding;
using PolicyBot.Understanding.Safety;

namespace PolicyBot.Conversation;

/// <summary>
/// The conversation, without Bot Framework: slot filling driven by the evaluator's next question.
/// Given a person's <see cref="SituationState"/> and what they sent, it updates the state and
/// returns the replies. Commands (help, start over, cancel, policy, ask …) work at any point; a
/// new question mid-way starts a new situation; a statement mid-way corrects earlier answers.
/// Deterministic for the same state and input (apart from new situation ids). Never throws on
/// user input: anything unusable becomes a friendly reply.
/// </summary>
public sealed partial class ConversationEngine(PolicyEvaluator evaluator, SituationReader reader, DangerDetector? danger = null)
{
    /// <summary>Longest typed message read, in characters; longer ones get a clear reply instead.</summary>
    public const int MaxTextLength = 3000;

    /// <summary>Handles one input and returns the replies, in order.</summary>
    /// <param name="state">The person's situation; changed in place.</param>
    /// <param name="input">What they sent.</param>
    public IReadOnlyList<Reply> Handle(SituationState state, ConversationInput input) => input switch
    {
        TypedInput typed => HandleText(state, typed.Text),
        CardInput { Submit: { } submit } => HandleSubmit(state, submit),
        CardInput => [new ErrorReply("I couldn't read that card's data. It may come from an older version of me: type your question, or \"help\".")],
        _ => [new ErrorReply("I couldn't read that message.")],
    };

    private Policy Policy => evaluator.Policy;

    private IReadOnlyList<Reply> HandleText(SituationState state, string text, bool safetyChecked = false)
    {
        text = text.Trim();
        // Safety first (ConversationEngine.Safety.cs): a message saying a student may be in danger gets the safety card first.
        if (!safetyChecked && SafetyFirst(state, text) is { } safetyFirst)
        {
            return safetyFirst;
        }
        if (text.Length == 0)
        {
            return [new HelpReply()];
        }
        if (text.Length > MaxTextLength)
        {
            return [new ErrorReply($"That message is {text.Length:N0} characters long; I read up to {MaxTextLength:N0}. Please ask your question in a sentence or two.")];
        }

        switch (Command(text, out var rest))
        {
            case BotCommands.Help:
                return [new HelpReply()];
            case BotCommands.Policy:
                return [new PolicyInfoReply()];
            case BotCommands.StartOver:
                state.Restart(new Dictionary<string, string>());
                return [new NoticeReply("OK, let's start over. Type your question, or pick what it is about:"), .. Advance(state)];
            case BotCommands.Cancel:
                var had = !state.IsEmpty && !state.Decided;
                state.Clear();
                return [new NoticeReply(had ? "Cancelled. Ask me another question whenever you like." : "There was nothing to cancel. Ask me a question whenever you like.")];
            case BotCommands.Ask when rest.Length == 0:
                state.Restart(new Dictionary<string, string>());
                return [new NoticeReply("What would you like to ask? Type your question, or pick what it is about:"), .. Advance(state)];
            case BotCommands.Ask:
                text = rest;
                return NewSituation(state, text);
        }

        var facts = ReadFacts(text);
        var pending = PendingQuestion(state);
        if (pending is null)
        {
            return NewSituation(state, text, facts);
        }
        // A question that states more than the answer asked for ("can I text this student?" while the bot asks what
        // the question is about) is a new situation; a plain answer or statement continues the current one.
        var statesMore = facts.Keys.Any(f => f != pending.Fact.Id);
        if (statesMore && LooksLikeNewQuestion(text))
        {
            return NewSituation(state, text, facts);
        }
        var answer = reader.MatchAnswer(pending, text);
        if (answer is null && facts.Count == 0)
        {
            return [new NoticeReply("Sorry, I didn't catch which one you mean. Pick one of the buttons, type its name, or type \"start over\"."), .. Advance(state)];
        }
        // The answer, plus anything else the message states ("actually, it's my nephew" corrects an earlier answer).
        Take(state, facts.Where(f => answer is null || f.Key != pending.Fact.Id).ToDictionary());
        if (answer is not null)
        {
            Answered(state, pending.Fact.Id, answer.Id);
        }
        state.Step++;
        return Advance(state);
    }

    private IReadOnlyList<Reply> NewSituation(SituationState state, string text, IReadOnlyDictionary<string, string>? facts = null)
    {
        facts ??= ReadFacts(text);
        state.Restart(new Dictionary<string, string>());
        Take(state, facts);
        if (facts.Count == 0)
        {
            return [new NoticeReply("I'm not sure which situation you mean yet, so let's narrow it down."), .. Advance(state)];
        }
        return Advance(state);
    }

    private IReadOnlyList<Reply> HandleSubmit(SituationState state, CardSubmit submit)
    {
        switch (submit.Action)
        {
            case CardActions.Help:
                return [new HelpReply()];
            case CardActions.StartOver when submit.Situation is { } from && from != state.Id && state.PendingFact is not null:
                // "Ask another question" on an old verdict must not wipe the question in progress.
                return Stale(state);
            case CardActions.StartOver:
                state.Restart(new Dictionary<string, string>());
                return [new NoticeReply("OK, a new question. Type it, or pick what it is about:"), .. Advance(state)];
            case CardActions.Ask:
                return HandleText(state, submit.Text ?? "");
            case CardActions.Answer:
                return SubmittedAnswer(state, submit);
            default:
                return [new ErrorReply("I couldn't read that card's data. It may come from an older version of me: type your question, or \"help\".")];
        }
    }

    private IReadOnlyList<Reply> SubmittedAnswer(SituationState state, CardSubmit submit)
    {
        var fact = submit.Fact is null ? null : Policy.FindFact(submit.Fact);
        if (fact is null || submit.Value is null || fact.FindValue(submit.Value) is null)
        {
            return [new ErrorReply("I couldn't read that answer. Type your question again, or \"start over\".")];
        }
        if (submit.Situation != state.Id || submit.Step != state.Step || state.PendingFact != fact.Id)
        {
            return Stale(state);
        }
        return Answer(state, fact.Id, submit.Value);
    }

    private IReadOnlyList<Reply> Stale(SituationState state)
    {
        const string text = "That card is not part of your current question (it may be an earlier one, or someone else's), so I left your question as it is.";
        if (state.PendingFact is not null)
        {
            return [new NoticeReply(text + " Here is where we are:"), .. Advance(state)];
        }
        return [new NoticeReply(text + " Ask me a new question whenever you like.")];
    }

    private IReadOnlyList<Reply> Answer(SituationState state, string fact, string value)
    {
        Answered(state, fact, value);
        state.Step++;
        return Advance(state);
    }

    /// <summary>
    /// The facts a message states. The reader leaves out facts that cannot change the verdict given the others
    /// ("my nephew" makes the medium irrelevant); they are kept here, because an exception is only suggested until
    /// confirmed, and if the person says it does not apply they matter again.
    /// </summary>
    private Dictionary<string, string> ReadFacts(string text)
    {
        var reading = reader.Read(text);
        var facts = new Dictionary<string, string>(reading.Facts, StringComparer.Ordinal);
        foreach (var group in reading.SetAside.Where(a => a.Reason == SetAsideReason.Irrelevant).GroupBy(a => a.Cue.FactId))
        {
            var values = group.Select(a => a.Cue.ValueId).Distinct().ToList();
            if (values.Count == 1 && !facts.ContainsKey(group.Key))
            {
                facts[group.Key] = values[0];
            }
        }
        return facts;
    }

    /// <summary>An answer the person gave to a question (a click or a typed choice): it counts as it is.</summary>
    private static void Answered(SituationState state, string fact, string value)
    {
        state.Facts[fact] = value;
        state.Suggested.Remove(fact);
    }

    /// <summary>
    /// Facts read from the person's words. Values the policy marks <c>confirm</c> (an exception, "not a student",
    /// an urgent notice …) are only suggested: the bot asks for them, showing what it understood, so a misread
    /// word can never open an exception on its own.
    /// </summary>
    private void Take(SituationState state, IReadOnlyDictionary<string, string> facts)
    {
        foreach (var (fact, value) in facts)
        {
            if (Policy.Fact(fact).FindValue(value)!.Confirm)
            {
                state.Suggested[fact] = value;
                state.Facts.Remove(fact);
            }
            else
            {
                state.Facts[fact] = value;
                state.Suggested.Remove(fact);
            }
        }
    }

    /// <summary>Evaluates the situation and replies with the verdict or the next question.</summary>
    private IReadOnlyList<Reply> Advance(SituationState state)
    {
        var evaluation = evaluator.Evaluate(state.Facts);
        if (evaluation.Verdict is { } verdict)
        {
            state.PendingFact = null;
            state.Decided = true;
            return [new VerdictReply(verdict, Describe(evaluation.Facts, v => v.Label), state.Id, state.Step)];
        }
        var question = evaluation.Question!;
        state.PendingFact = question.Fact.Id;
        state.Decided = false;
        var suggestion = state.Suggested.TryGetValue(question.Fact.Id, out var suggested) ? question.Fact.FindValue(suggested) : null;
        return [new QuestionReply(question, Describe(evaluation.Facts, v => v.Phrase), state.Id, state.Step, suggestion)];
    }

    private Question? PendingQuestion(SituationState state)
    {
        if (state.PendingFact is null)
        {
            return null;
        }
        var question = evaluator.Evaluate(state.Facts).Question;
        return question?.Fact.Id == state.PendingFact ? question : null;
    }

    /// <summary>Known facts as (question, answer in words), in the policy's fact order.</summary>
    private List<(string Question, string Answer)> Describe(IReadOnlyDictionary<string, string> facts, Func<FactValue, string> words) =>
        Policy.Facts
            .Where(f => facts.ContainsKey(f.Id))
            .Select(f => (f.Question, words(f.FindValue(facts[f.Id])!)))
            .ToList();

    /// <summary>The command a message is, if any; <paramref name="rest"/> is what follows "ask".</summary>
    private static string? Command(string text, out string rest)
    {
        rest = "";
        var words = CommandWords().Replace(text.ToLowerInvariant(), " ").Trim();
        switch (words)
        {
            case "help" or "what can you do" or "menu":
                return BotCommands.Help;
            case "policy" or "show policy" or "the policy" or "show the policy":
                return BotCommands.Policy;
            case "start over" or "restart" or "reset" or "new question" or "start again":
                return BotCommands.StartOver;
            case "cancel" or "stop" or "never mind" or "nevermind" or "quit":
                return BotCommands.Cancel;
            case "ask":
                return BotCommands.Ask;
        }
        if (text.StartsWith("ask ", StringComparison.OrdinalIgnoreCase))
        {
            rest = text[4..].Trim();
            return BotCommands.Ask;
        }
        return null;
    }

    /// <summary>A question form ("can I…", "is it OK…", "…?") starts a new situation rather than correcting the current one.</summary>
    private static bool LooksLikeNewQuestion(string text) =>
        text.TrimEnd().EndsWith('?') || QuestionStart().IsMatch(text);

    [GeneratedRegex(@"[^a-z]+")]
    private static partial Regex CommandWords();

    [GeneratedRegex(@"^\s*(can|could|may|might|is|am|are|should|would|do|does|must|will|what|how|when|where|why|who)\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionStart();
}
