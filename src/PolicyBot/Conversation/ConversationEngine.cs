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

    /// <summary>
    /// The replies for the situation as it stands, without new input: the verdict, the confirmation card or the next
    /// question. For a situation whose facts were set from elsewhere (a stored state, a test of the dialog).
    /// </summary>
    /// <param name="state">The person's situation; changed in place like any turn.</param>
    public IReadOnlyList<Reply> Continue(SituationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.IsEmpty)
        {
            state.Restart(new Dictionary<string, string>());
        }
        return Advance(state);
    }

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
                state.Clear();
                state.Restart(new Dictionary<string, string>());
                return [new NoticeReply("OK, let's start over. Type your question, or pick what it is about:"), .. Advance(state)];
            case BotCommands.Cancel:
                var had = !state.IsEmpty && !state.Decided;
                state.Clear();
                return [new NoticeReply(had ? "Cancelled. Ask me another question whenever you like." : "There was nothing to cancel. Ask me a question whenever you like.")];
            case BotCommands.Ask when rest.Length == 0:
                state.Clear();
                state.Restart(new Dictionary<string, string>());
                return [new NoticeReply("What would you like to ask? Type your question, or pick what it is about:"), .. Advance(state)];
            case BotCommands.Ask:
                return NewSituation(state, rest);
        }

        if (state.AwaitingConfirmation && !state.Decided)
        {
            return ConfirmationTyped(state, text);
        }
        var pending = PendingQuestion(state);
        if (pending is null)
        {
            return NewSituation(state, text);
        }
        // A question that states more than the answer asked for ("can I text this student?" while the bot asks what
        // the question is about) is a new situation; a plain answer or statement continues the current one.
        var reading = reader.Read(text);
        var facts = ReadFacts(reading);
        var statesMore = facts.Keys.Any(f => f != pending.Fact.Id);
        if (statesMore && LooksLikeNewQuestion(text))
        {
            return NewSituation(state, text);
        }
        // One line answering for every part of the message ("Twitter during my prep; the post that evening"): the piece
        // about this part, when one clearly is.
        var before = state.FollowOn ? state.RecentVerdicts.LastOrDefault()?.Facts : null;
        var taken = before?.GetValueOrDefault(pending.Fact.Id);
        var answer = (state.FollowOn || state.Waiting.Count > 0) && reader.AnswerForPart(pending, text, state.Believed(), taken, before) is { } piece
            ? new TypedAnswer(piece, false)
            : reader.ReadAnswer(pending, text);
        if (answer is null && reader.ReadAnswerParts(pending, text) is { Count: >= 2 } named)
        {
            if (!state.FollowOn)
            {
                return AnswerForEach(state, pending, named);
            }
            // A later part of the message: the one named that the part before did not take is this part's ("a graduate,
            // and a parent" after the parent's part). Where the part before took nothing for this fact (it was decided
            // without it: "calls from my own cell; texting" after the part about calling parents), the answers are in the
            // order of the parts, the last for the last part ("… ; texting" for the student's part). Otherwise the answer
            // is not understood. Either way it is understood, never known: a go-ahead still shows its confirmation card.
            // (An exception the one taken wins over describes the same person: "my niece, a junior I'm legal guardian of, and
            // her boyfriend" after the niece's part leaves the boyfriend; a plain "student" beside them is someone else.)
            var others = named.OfType<FactValue>().Where(v => v.Id != taken && !(v.Confirm && taken is not null && reader.Overrides(pending.Fact.Id, taken, v.Id)))
                .DistinctBy(v => v.Id).ToList();
            answer = taken is not null && others.Count == 1 ? new TypedAnswer(others[0], false)
                : taken is null && InPartOrder(named, state.Waiting.Count) is { } inOrder ? new TypedAnswer(inOrder, false)
                : null;
        }
        if (answer is null)
        {
            facts.Remove(pending.Fact.Id);   // what the answer could not settle, the rest of the message does not either
        }
        if (answer is null && facts.Count == 0)
        {
            return [new NoticeReply("Sorry, I didn't catch which one you mean. Pick one of the buttons, type its name, or type \"start over\"."), .. Advance(state)];
        }
        if (answer is not null)
        {
            // An answer that names a choice as a tap would is the person's own, and confirms what the card showed as
            // understood. One read from other words is understood like anything else they wrote and confirms nothing:
            // before a go-ahead verdict, the confirmation card shows it with the rest.
            if (answer.Picked)
            {
                ConfirmAll(state);
                state.Facts[pending.Fact.Id] = answer.Value.Id;
                state.Understood.Remove(pending.Fact.Id);
            }
            else
            {
                Take(state, new Dictionary<string, string> { [pending.Fact.Id] = answer.Value.Id });
            }
        }
        // Anything else the message states is understood. A correction ("actually, it's my nephew") replaces earlier
        // answers; other words only fill in what is not known yet ("she's attached to me; her mom approves" does not
        // make the student her mother).
        var correction = answer is null && (Correction().IsMatch(text) || NamesAnotherActivity(state, pending, reading, facts, text));
        Take(state, facts.Where(f => f.Key != pending.Fact.Id && (correction || !state.Believed().ContainsKey(f.Key))).ToDictionary());
        state.Step++;
        return Advance(state);
    }

    /// <summary>
    /// An answer the question could not read that says the question is about something else than understood: "my personal
    /// Facebook" when asked whether a class account is approved. It corrects the activity understood, as a correction word
    /// would, never a picked one, and only with a word that names the act (a student mentioned is no correction to
    /// contacting someone: "a story about a student's visit, no name"). Not in a message of several parts (the other
    /// activity is most often another part's), not where the answer also names the activity understood ("the principal
    /// asked me to run the school account; my own feed is just for me" is about both), and never back to the activity the
    /// message was read as (no correcting to and fro).
    /// </summary>
    private bool NamesAnotherActivity(SituationState state, Question pending, Reading reading, IReadOnlyDictionary<string, string> facts, string text)
    {
        var activity = reader.ActivityFactId;
        return pending.Fact.Id != activity
            && reader.NamesActivityPlainly(reading)
            && state.Waiting.Count == 0 && !state.FollowOn
            && facts.TryGetValue(activity, out var named)
            && state.Understood.TryGetValue(activity, out var understood)
            && named != understood
            && named != state.ReadAs.GetValueOrDefault(activity)
            && !reader.ReadParts(text).Any(p => p.Facts.GetValueOrDefault(activity) == understood);
    }

    /// <summary>
    /// For a later part of a message, the value an answer naming several gives it when the answers follow the order of
    /// the parts: counted from the end, since the parts still waiting come after this one (two values, no part waiting:
    /// the second). Null when the count leaves no later-part position or names nothing there.
    /// </summary>
    /// <param name="named">The answer's values in the order written (null where a piece names none).</param>
    /// <param name="partsWaiting">How many parts of the message come after this one.</param>
    private static FactValue? InPartOrder(IReadOnlyList<FactValue?> named, int partsWaiting)
    {
        var at = named.Count - 1 - partsWaiting;
        return at >= 1 ? named[at] : null;
    }

    /// <summary>
    /// An answer naming two people (or two of whatever was asked: "a student in my class, and her father"): each is a
    /// part of its own, never one dropped. This part takes the first, understood; a part for each other one waits with
    /// the same facts, before any parts that were already waiting. A null value leaves the fact to be asked in its part.
    /// </summary>
    private IReadOnlyList<Reply> AnswerForEach(SituationState state, Question pending, IReadOnlyList<FactValue?> named)
    {
        var before = state.Believed();
        var parts = named.Select(value =>
        {
            var facts = new Dictionary<string, string>(before, StringComparer.Ordinal);
            if (value is null)
            {
                facts.Remove(pending.Fact.Id);
            }
            else
            {
                facts[pending.Fact.Id] = value.Id;
            }
            return facts;
        }).ToList();
        Take(state, new Dictionary<string, string> { [pending.Fact.Id] = named[0]!.Id });
        state.ReadAs = new Dictionary<string, string>(parts[0], StringComparer.Ordinal);   // the parts differ in this fact only
        state.Waiting.InsertRange(0, parts.Skip(1));
        state.Step++;
        var list = string.Join("; ", parts.Select((p, i) => $"{i + 1}) {Summary(p)}"));
        return [new NoticeReply($"You gave {parts.Count} answers to \"{pending.Fact.Question}\", so I'll answer for each in turn: {list}."), .. Advance(state)];
    }

    /// <summary>Typed text while a confirmation card waits: yes, no, a correction, or a new question.</summary>
    private IReadOnlyList<Reply> ConfirmationTyped(SituationState state, string text)
    {
        var words = CommandWords().Replace(text.ToLowerInvariant(), " ").Trim();
        if (Yes.Contains(words))
        {
            return Confirm(state);
        }
        if (No.Contains(words))
        {
            return Change(state, null);   // the list of what can be changed, as the card's "Change" offers
        }
        var facts = ReadFacts(reader.Read(text));
        if (facts.Count == 0)
        {
            return [new NoticeReply("Sorry, I didn't catch that. Tap \"Yes, that's right\", or \"Change\" next to what I got wrong."), .. Advance(state)];
        }
        if (LooksLikeNewQuestion(text))
        {
            return NewSituation(state, text);
        }
        Take(state, facts);
        state.Step++;
        return Advance(state);
    }

    private IReadOnlyList<Reply> NewSituation(SituationState state, string text)
    {
        var readings = reader.ReadParts(text);
        var parts = readings.Select(ReadFacts).ToList();
        // A stretch the reader could not read with the rest is marked, so its summary says so (its words are not stored).
        foreach (var (reading, part) in readings.Zip(parts).Skip(1).Where(p => p.First.Text != text))
        {
            part[SituationState.StretchKey] = "1";
        }
        state.Clear();
        if (!readings[0].OnTopic && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 1)
        {
            // Not one word of the policy's subject: a plain reply, not a verdict on a clause that does not apply. Short
            // ones too ("Parking pass?"); a single word ("help") is narrowed down instead.
            return [new NoticeReply(OffTopic())];
        }
        state.Restart(parts[0]);
        state.Waiting = parts.Skip(1).ToList();
        if (parts.All(p => p.Count == 0))
        {
            return [new NoticeReply("I'm not sure which situation you mean yet, so let's narrow it down."), .. Advance(state)];
        }
        if (parts.Count > 1)
        {
            var list = string.Join("; ", readings.Zip(parts).Select((p, i) => $"{i + 1}) {Summary(p.Second, p.First.Text.Trim())}"));
            return [new NoticeReply($"You asked about {parts.Count} things, so I'll answer them one at a time: {list}."), .. Advance(state)];
        }
        return Advance(state);
    }

    private IReadOnlyList<Reply> HandleSubmit(SituationState state, CardSubmit submit)
    {
        switch (submit.Action)
        {
            case CardActions.Help:
                return [new HelpReply()];
            case CardActions.StartOver when submit.Situation is { } from && from != state.Id && (state.PendingFact is not null || state.AwaitingConfirmation):
                // "Ask another question" on an old verdict must not wipe the question in progress.
                return Stale(state);
            case CardActions.StartOver:
                state.Clear();
                state.Restart(new Dictionary<string, string>());
                return [new NoticeReply("OK, a new question. Type it, or pick what it is about:"), .. Advance(state)];
            case CardActions.Ask:
                return HandleText(state, submit.Text ?? "");
            case CardActions.Answer:
                return SubmittedAnswer(state, submit);
            case CardActions.Confirm:
                return submit.Situation == state.Id && submit.Step == state.Step && state.AwaitingConfirmation && !state.Decided
                    ? Confirm(state)
                    : Stale(state);
            case CardActions.Change:
                return submit.Situation == state.Id && submit.Step == state.Step ? Change(state, submit.Fact) : Stale(state);
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
        ConfirmAll(state);
        state.Facts[fact.Id] = submit.Value;
        state.Understood.Remove(fact.Id);
        state.Step++;
        return Advance(state);
    }

    private IReadOnlyList<Reply> Stale(SituationState state)
    {
        const string text = "That card is not part of your current question (it may be an earlier one, or someone else's), so I left your question as it is.";
        if (state.PendingFact is not null || (state.AwaitingConfirmation && !state.Decided))
        {
            return [new NoticeReply(text + " Here is where we are:"), .. Advance(state)];
        }
        return [new NoticeReply(text + " Ask me a new question whenever you like.")];
    }

    /// <summary>"Yes, that's right": what the confirmation card showed becomes known.</summary>
    private IReadOnlyList<Reply> Confirm(SituationState state)
    {
        if (evaluator.Evaluate(state.Believed()).Verdict is { } verdict)
        {
            foreach (var line in Behind(state, verdict))
            {
                state.Facts[line] = state.Understood[line];
                state.Understood.Remove(line);
            }
        }
        state.Step++;
        return Advance(state);
    }

    /// <summary>"Change": one understood fact is asked again; without a fact, the list of what can be changed.</summary>
    private IReadOnlyList<Reply> Change(SituationState state, string? factId)
    {
        var fact = factId is null ? null : Policy.FindFact(factId);
        if (fact is null || !(state.Understood.ContainsKey(fact.Id) || state.Facts.ContainsKey(fact.Id)))
        {
            var lines = Lines(state, v => v.Phrase);
            return [new ConfirmReply(lines.Any(l => l.Understood) ? lines.Where(l => l.Understood).ToList() : lines, state.Id, state.Step, Correcting: true)];
        }
        state.Understood.Remove(fact.Id);
        state.Facts.Remove(fact.Id);
        state.Decided = false;
        state.AwaitingConfirmation = false;
        state.PendingFact = fact.Id;
        state.Step++;
        return [new QuestionReply(new Question(fact, fact.Values), Lines(state, v => v.Phrase), state.Id, state.Step)];
    }

    /// <summary>
    /// The facts a message states, all of them understood (not known) until the person confirms them. The reader
    /// leaves out facts that cannot change the verdict given the others ("my nephew" makes the medium irrelevant);
    /// they are kept here, because if the person says the exception does not apply they matter again.
    /// </summary>
    private static Dictionary<string, string> ReadFacts(Reading reading)
    {
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

    /// <summary>Answering a question confirms what its card showed as understood.</summary>
    private static void ConfirmAll(SituationState state)
    {
        foreach (var (fact, value) in state.Understood)
        {
            state.Facts.TryAdd(fact, value);
        }
        state.Understood.Clear();
    }

    /// <summary>Facts read from the person's words: understood, and in place of anything said before about them.</summary>
    private static void Take(SituationState state, IReadOnlyDictionary<string, string> facts)
    {
        foreach (var (fact, value) in facts)
        {
            state.Understood[fact] = value;
            state.Facts.Remove(fact);
        }
    }

    /// <summary>
    /// Evaluates the situation and replies with the verdict, the next question, or — when a verdict that lets the
    /// person go ahead (allowed, allowed with conditions, not covered) would rest on something only understood from
    /// their words — the confirmation card first. Once a part is decided, the next waiting part follows.
    /// </summary>
    private IReadOnlyList<Reply> Advance(SituationState state)
    {
        var evaluation = evaluator.Evaluate(state.Believed());
        if (evaluation.Verdict is { } verdict)
        {
            state.PendingFact = null;
            if (LetsGoAhead(verdict.Kind) && evaluator.Evaluate(state.Facts).Verdict?.RuleId != verdict.RuleId)
            {
                state.AwaitingConfirmation = true;
                state.Decided = false;
                var behind = Behind(state, verdict).ToHashSet(StringComparer.Ordinal);
                return [new ConfirmReply(Lines(state, v => v.Phrase).Where(l => behind.Contains(l.FactId)).ToList(), state.Id, state.Step)];
            }
            state.AwaitingConfirmation = false;
            state.Decided = true;
            state.Remember(new RecentVerdict
            {
                SituationId = state.Id,
                Step = state.Step,
                RuleId = verdict.RuleId,
                Verdict = verdict.Kind.Id(),
                Facts = state.Believed(),
                Understood = [.. state.Understood.Keys.Where(k => !state.Facts.ContainsKey(k))],
            });
            var replies = new List<Reply> { new VerdictReply(verdict, Lines(state, v => v.Label), state.Id, state.Step) };
            if (state.Waiting.Count > 0)
            {
                var next = state.Waiting[0];
                state.Waiting.RemoveAt(0);
                var (readAs, said) = (state.ReadAs, state.Believed());
                state.Restart(next);
                state.FollowOn = true;
                CarryOver(state, readAs, said);
                replies.Add(new NoticeReply($"Now the next part of your message: {Summary(next)}."));
                replies.AddRange(Advance(state));
            }
            return replies;
        }
        var question = evaluation.Question!;
        state.PendingFact = question.Fact.Id;
        state.AwaitingConfirmation = false;
        state.Decided = false;
        return [new QuestionReply(question, Lines(state, v => v.Phrase), state.Id, state.Step)];
    }

    /// <summary>
    /// What the person made of a fact the message stated alike for the part just decided and the next part of the same
    /// message (a confirmation, or a correction of the same misreading), offered in the next part, always as understood:
    /// it was said of the part before, and the next part may be about another person or act that the message only read
    /// alike ("text my nephew and snapchat a girl from my class"), so a go-ahead for it shows it on its confirmation card
    /// again. Nothing else is carried: a fact that tells the parts apart (the medium of "text or call", the person of "my
    /// niece and her friend"), and a fact the message stated for neither, which may differ from one act to the other
    /// ("email her about homework, and text her just to chat"), are asked in each part.
    /// </summary>
    private static void CarryOver(SituationState state, IReadOnlyDictionary<string, string> readAs, IReadOnlyDictionary<string, string> said)
    {
        var next = state.ReadAs;
        foreach (var (fact, value) in said)
        {
            if (readAs.TryGetValue(fact, out var readBefore) && readBefore != value
                && next.TryGetValue(fact, out var read) && read == readBefore)
            {
                state.Understood[fact] = value;
            }
        }
    }

    /// <summary>The reply to a message outside the policy's subject: what the bot answers, with examples.</summary>
    private string OffTopic() =>
        $"I answer questions about {Policy.Metadata.District}'s policy on {Policy.Metadata.Title}: contacting students " +
        "(texting, calls, e-mail, friending and following), using social media at work, posting school photos or information " +
        "online, and class or team accounts. This question looks like it is about something else, so your school office or " +
        "administration is the place to ask. For the policy, try for example \"Can I text a student about homework?\" or \"help\".";

    /// <summary>Verdicts a person would act on as a go-ahead: these must never rest on a guess.</summary>
    private static bool LetsGoAhead(VerdictKind kind) =>
        kind is VerdictKind.Allowed or VerdictKind.AllowedWithConditions or VerdictKind.NotCovered;

    /// <summary>
    /// The understood facts <paramref name="verdict"/> rests on: those its rule names, and those that imply a fact its
    /// rule names which nothing known settles (a medium implies the activity).
    /// </summary>
    private IEnumerable<string> Behind(SituationState state, Verdict verdict)
    {
        var rule = Policy.Rules.First(r => r.Id == verdict.RuleId);
        var knownImplied = evaluator.Evaluate(state.Facts).Facts;
        var behind = state.Understood.Keys
            .Where(f => rule.When.ContainsKey(f) || Policy.Fact(f).Implies.Keys.Any(i => rule.When.ContainsKey(i) && !knownImplied.ContainsKey(i)))
            .ToList();
        return behind.Count > 0 ? behind : state.Understood.Keys.ToList();
    }

    private Question? PendingQuestion(SituationState state) =>
        state.PendingFact is { } id && Policy.FindFact(id) is { } fact ? new Question(fact, fact.Values) : null;

    /// <summary>The situation's facts, known and understood, in the policy's fact order.</summary>
    private List<SituationFact> Lines(SituationState state, Func<FactValue, string> words) =>
        Policy.Facts
            .Where(f => state.Facts.ContainsKey(f.Id) || state.Understood.ContainsKey(f.Id))
            .Select(f => state.Facts.TryGetValue(f.Id, out var known)
                ? new SituationFact(f.Id, f.Question, words(f.FindValue(known)!), false, known)
                : new SituationFact(f.Id, f.Question, words(f.FindValue(state.Understood[f.Id])!), true, state.Understood[f.Id]))
            .ToList();

    /// <summary>A part of a message in a few words: its facts' phrases ("texting · your child or close relative").</summary>
    private string Summary(IReadOnlyDictionary<string, string> facts, string? words = null)
    {
        var phrases = string.Join(" · ", Policy.Facts.Where(f => facts.ContainsKey(f.Id)).Select(f => f.FindValue(facts[f.Id])!.Phrase));
        if (facts.ContainsKey(SituationState.StretchKey))
        {
            // A stretch read on its own: what was read from it may not say what it is about, so it is named as such.
            var what = words is null ? "the words I could not read with the rest (listed at the start)" : $"what you wrote in \"{words}\"";
            return what + (phrases.Length > 0 ? $" ({phrases})" : "");
        }
        return phrases.Length == 0 ? "a situation to narrow down" : phrases;
    }

    private static readonly HashSet<string> Yes = new(StringComparer.Ordinal)
    {
        "yes", "y", "yep", "yeah", "yup", "correct", "right", "that s right", "thats right", "yes that s right", "yes thats right",
        "confirm", "confirmed", "ok", "okay", "sure", "exactly", "that s correct", "yes correct",
    };

    private static readonly HashSet<string> No = new(StringComparer.Ordinal)
    {
        "no", "n", "nope", "wrong", "not right", "that s wrong", "no that s wrong", "not quite", "change", "change something",
    };

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

    [GeneratedRegex(@"^\W*(?:actually|no|nope|sorry|wait|oops|correction|i\s+mean|i\s+meant|not\s+quite|to\s+be\s+clear|let\s+me\s+correct)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Correction();

    [GeneratedRegex(@"[^a-z]+")]
    private static partial Regex CommandWords();

    /// <summary>
    /// A yes/no question's first word, or a question word with the verb or word that makes it one ("what can I", "how do",
    /// "what about", "what's"). A question word alone starts a typed answer as often: "what the student did, his behavior
    /// problems" answers "What would you post?" (fresh70's DQ021).
    /// </summary>
    [GeneratedRegex(@"^\s*(?:can|could|may|might|is|am|are|should|would|do|does|must|will|(?:what|how|when|where|why|who|which)(?:'s|’s|\s+(?:can|could|may|might|is|am|are|was|were|should|would|do|does|did|must|will|if|about|else|exactly|counts?|happens|kind|sort|type|rules?|policy|apps?|sites?|ways?)\b))\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionStart();
}
