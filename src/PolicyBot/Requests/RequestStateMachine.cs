namespace PolicyBot.Requests;

/// <summary>A change someone asks for on a request. Who may ask is checked by the request service; this says what the change is.</summary>
public abstract record RequestAction
{
    /// <summary>The action's name in the audit trail and card data, e.g. <c>approve</c>.</summary>
    public abstract string Name { get; }
}

/// <summary>Send a draft to the administration (the requester).</summary>
public sealed record SubmitAction : RequestAction
{
    /// <inheritdoc />
    public override string Name => "submit";
}

/// <summary>Take the request, or give it to another administrator (a request decider).</summary>
/// <param name="To">The new assignee.</param>
public sealed record AssignAction(PersonRef To) : RequestAction
{
    /// <inheritdoc />
    public override string Name => "assign";
}

/// <summary>Ask the requester for more information (a request decider); the question is required.</summary>
/// <param name="Question">What the administration wants to know.</param>
public sealed record AskInformationAction(string Question) : RequestAction
{
    /// <inheritdoc />
    public override string Name => "ask";
}

/// <summary>The requester's answer to the administration's question.</summary>
/// <param name="Answer">The answer.</param>
public sealed record ProvideInformationAction(string Answer) : RequestAction
{
    /// <inheritdoc />
    public override string Name => "provide-information";
}

/// <summary>Approve a presence, optionally with conditions (a request decider).</summary>
/// <param name="Conditions">Conditions, or empty.</param>
public sealed record ApproveAction(string Conditions) : RequestAction
{
    /// <inheritdoc />
    public override string Name => "approve";
}

/// <summary>Decline a presence; the reason is required (a request decider).</summary>
/// <param name="Reason">Why.</param>
public sealed record DeclineAction(string Reason) : RequestAction
{
    /// <inheritdoc />
    public override string Name => "decline";
}

/// <summary>Answer a question about an unclear case (a request decider).</summary>
/// <param name="Answer">The administration's answer.</param>
public sealed record AnswerQuestionAction(string Answer) : RequestAction
{
    /// <inheritdoc />
    public override string Name => "answer";
}

/// <summary>Withdraw an open request (the requester).</summary>
public sealed record WithdrawAction : RequestAction
{
    /// <inheritdoc />
    public override string Name => "withdraw";
}

/// <summary>Revoke an approved presence; the reason is required (a request decider). The requester is told.</summary>
/// <param name="Reason">Why.</param>
public sealed record RevokeAction(string Reason) : RequestAction
{
    /// <inheritdoc />
    public override string Name => "revoke";
}

/// <summary>The result of <see cref="RequestStateMachine.Apply"/>: the request after the change and its audit line, or a refusal.</summary>
/// <param name="Request">The changed request (version + 1), or null when refused.</param>
/// <param name="Audit">The audit line, or null when refused.</param>
/// <param name="Refusal">Why not, naming the current state; null when applied.</param>
public sealed record Transition(StaffRequest? Request, AuditEntry? Audit, string? Refusal)
{
    /// <summary>True when the change applies.</summary>
    public bool Applied => Request is not null;
}

/// <summary>
/// The request lifecycle, as pure logic (no store, no Bot Framework):
/// <code>
/// draft ──submit──▶ submitted ──assign──▶ in review ──ask──▶ needs information ──requester answers──▶ in review (same assignee)
/// submitted | in review ──approve (presence, optional conditions) / decline (presence, reason) / answer (question)──▶ approved | declined | answered
/// submitted ──ask──▶ needs information (the asker becomes the assignee)
/// submitted | in review | needs information ──withdraw (requester)──▶ withdrawn;   assign again while open: new assignee, same state
/// approved ──revoke (reason)──▶ revoked
/// </code>
/// Anything else is refused with the current state in words. Required words (a decline's reason, a question, an
/// answer, a revocation's reason) must not be blank; text is trimmed and cut to <see cref="MaxTextLength"/>.
/// </summary>
public static class RequestStateMachine
{
    /// <summary>Longest note kept (characters); longer text is refused with a message saying so.</summary>
    public const int MaxTextLength = 2000;

    /// <summary>Applies <paramref name="action"/> by <paramref name="actor"/> at <paramref name="now"/> to <paramref name="request"/>.</summary>
    /// <param name="request">The request as loaded from the store.</param>
    /// <param name="action">The change.</param>
    /// <param name="actor">Who (the activity's sender).</param>
    /// <param name="now">The time of the change.</param>
    public static Transition Apply(StaffRequest request, RequestAction action, PersonRef actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(actor);
        var state = request.State;
        var open = RequestWords.IsOpen(state);
        var deciding = state is RequestState.Submitted or RequestState.InReview;

        string? TooLong(string text) => text.Length > MaxTextLength
            ? $"That text is {text.Length:N0} characters long; please keep it under {MaxTextLength:N0}."
            : null;

        Transition Refuse(string what) => new(null, null, $"Request {request.Number} is {RequestWords.Of(state)}, so it can't be {what}.");

        Transition To(RequestState next, string? note, Func<StaffRequest, StaffRequest> change)
        {
            var changed = change(request) with { State = next, Version = request.Version + 1, UpdatedAt = now };
            return new Transition(changed, new AuditEntry(request.Id, now, actor, action.Name, state, next, note), null);
        }

        switch (action)
        {
            case SubmitAction when state == RequestState.Draft:
                return To(RequestState.Submitted, null, r => r with { CreatedAt = now });
            case SubmitAction:
                return Refuse("sent again");

            case AssignAction assign when open:
                var next = state == RequestState.Submitted ? RequestState.InReview : state;
                return To(next, assign.To.Name, r => r with { Assignee = assign.To });
            case AssignAction:
                return Refuse("assigned");

            case AskInformationAction ask when Blank(ask.Question):
                return new Transition(null, null, "Please write the question for the requester.");
            case AskInformationAction ask when TooLong(ask.Question.Trim()) is { } message:
                return new Transition(null, null, message);
            case AskInformationAction ask when deciding:
                return To(RequestState.NeedsInformation, ask.Question.Trim(), r => r with { PendingQuestion = ask.Question.Trim(), Assignee = r.Assignee ?? actor });
            case AskInformationAction:
                return Refuse(state == RequestState.NeedsInformation ? "asked another question until the requester answers the first" : "asked about any more");

            case ProvideInformationAction info when Blank(info.Answer):
                return new Transition(null, null, "Please write your answer.");
            case ProvideInformationAction info when TooLong(info.Answer.Trim()) is { } message:
                return new Transition(null, null, message);
            case ProvideInformationAction info when state == RequestState.NeedsInformation:
                return To(RequestState.InReview, info.Answer.Trim(), r => r with { PendingQuestion = null });
            case ProvideInformationAction:
                return Refuse("answered (nobody asked you a question on it)");

            case ApproveAction when request.Kind != RequestKind.Presence:
                return new Transition(null, null, $"Request {request.Number} is a question; answer it instead of approving it.");
            case ApproveAction approve when TooLong(approve.Conditions.Trim()) is { } message:
                return new Transition(null, null, message);
            case ApproveAction approve when deciding:
                var conditions = approve.Conditions.Trim();
                return To(RequestState.Approved, conditions.Length == 0 ? null : conditions, r => r with { Conditions = conditions, Outcome = null, Assignee = r.Assignee ?? actor });
            case ApproveAction:
                return Refuse("approved now");

            case DeclineAction when request.Kind != RequestKind.Presence:
                return new Transition(null, null, $"Request {request.Number} is a question; answer it instead of declining it.");
            case DeclineAction decline when Blank(decline.Reason):
                return new Transition(null, null, "Please give the reason for declining: the requester sees it.");
            case DeclineAction decline when TooLong(decline.Reason.Trim()) is { } message:
                return new Transition(null, null, message);
            case DeclineAction decline when deciding:
                return To(RequestState.Declined, decline.Reason.Trim(), r => r with { Outcome = decline.Reason.Trim(), Assignee = r.Assignee ?? actor });
            case DeclineAction:
                return Refuse("declined now");

            case AnswerQuestionAction when request.Kind != RequestKind.Question:
                return new Transition(null, null, $"Request {request.Number} asks for a social media presence; approve or decline it.");
            case AnswerQuestionAction answer when Blank(answer.Answer):
                return new Transition(null, null, "Please write the answer.");
            case AnswerQuestionAction answer when TooLong(answer.Answer.Trim()) is { } message:
                return new Transition(null, null, message);
            case AnswerQuestionAction answer when deciding:
                return To(RequestState.Answered, answer.Answer.Trim(), r => r with { Outcome = answer.Answer.Trim(), Assignee = r.Assignee ?? actor });
            case AnswerQuestionAction:
                return Refuse("answered now");

            case WithdrawAction when open:
                return To(RequestState.Withdrawn, null, r => r with { PendingQuestion = null });
            case WithdrawAction:
                return Refuse("withdrawn");

            case RevokeAction revoke when Blank(revoke.Reason):
                return new Transition(null, null, "Please give the reason for revoking: the requester sees it.");
            case RevokeAction revoke when TooLong(revoke.Reason.Trim()) is { } message:
                return new Transition(null, null, message);
            case RevokeAction revoke when state == RequestState.Approved:
                return To(RequestState.Revoked, revoke.Reason.Trim(), r => r with { Outcome = revoke.Reason.Trim() });
            case RevokeAction:
                return Refuse("revoked (only an approved presence can be)");

            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown request action.");
        }
    }

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);
}
