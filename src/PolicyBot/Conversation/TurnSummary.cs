using PolicyBot.Cards;
using PolicyBot.Privacy;

namespace PolicyBot.Conversation;

/// <summary>
/// A turn as the log tells it without what anyone typed: what kind of input came in, the situation's facts (policy
/// ids, known or understood) and what was answered (the verdict and its rule, the question asked, …). Typed text is
/// added only while <see cref="LogPrivacy.TypedTextOn"/>. Nothing from a card's data is echoed but its action name,
/// which <see cref="CardActions.TryRead"/> has already checked against the known ones.
/// </summary>
public static class TurnSummary
{
    /// <summary>The input: <c>typed message (42 characters, not logged)</c>, <c>card answer</c>, …</summary>
    /// <param name="input">What was sent.</param>
    /// <param name="privacy">Whether typed text may be shown.</param>
    public static string Input(ConversationInput input, LogPrivacy privacy)
    {
        ArgumentNullException.ThrowIfNull(privacy);
        return input switch
        {
            TypedInput typed => "typed message " + privacy.Text(typed.Text),
            CardInput { Submit: { Action: CardActions.Ask } submit } => "card ask with text " + privacy.Text(submit.Text),
            CardInput { Submit: { } submit } => "card " + submit.Action,
            CardInput => "card with data I could not read",
            _ => "input of another kind",
        };
    }

    /// <summary>The situation after the turn: <c>situation 3f2a…: activity=contact, relationship=student (understood)</c>.</summary>
    /// <param name="state">The person's situation.</param>
    public static string Situation(SituationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.IsEmpty)
        {
            return "no open situation";
        }
        var facts = state.Facts.Select(f => $"{f.Key}={f.Value}")
            .Concat(state.Understood.Where(u => !state.Facts.ContainsKey(u.Key)).Select(u => $"{u.Key}={u.Value} (understood)"))
            .ToList();
        var status = state.Decided ? "decided" : state.AwaitingConfirmation ? "awaiting confirmation" : state.PendingFact is { } p ? $"asking {p}" : "open";
        var waiting = state.Waiting.Count > 0 ? $", {state.Waiting.Count} more part(s) waiting" : "";
        return $"situation {state.Id} ({status}{waiting}): {(facts.Count == 0 ? "no facts yet" : string.Join(", ", facts))}";
    }

    /// <summary>The replies: <c>verdict Forbidden by rule personal-text</c>, <c>question purpose</c>, <c>safety card (suicide)</c>, …</summary>
    /// <param name="replies">The turn's replies, in order.</param>
    public static string Replies(IReadOnlyList<Reply> replies)
    {
        ArgumentNullException.ThrowIfNull(replies);
        return replies.Count == 0 ? "no reply" : string.Join("; ", replies.Select(Reply));
    }

    private static string Reply(Reply reply) => reply switch
    {
        VerdictReply v => $"verdict {v.Verdict.Kind} by rule {v.Verdict.RuleId} on {string.Join(", ", v.Facts.Select(f => f.FactId + "=" + f.ValueId + (f.Understood ? " (understood)" : "")))}",
        QuestionReply q => $"question {q.Question.Fact.Id}",
        ConfirmReply c => $"confirmation of {string.Join(", ", c.Understood.Select(f => f.FactId + "=" + f.ValueId))}",
        SafetyReply s => $"safety card ({string.Join(", ", s.Categories)})",
        NoticeReply => "notice",
        HelpReply => "help card",
        PolicyInfoReply => "policy card",
        WelcomeReply => "welcome card",
        ErrorReply => "error card",
        PersonalDataReply d => $"my-data card ({d.Title})",
        _ => reply.GetType().Name,
    };
}
