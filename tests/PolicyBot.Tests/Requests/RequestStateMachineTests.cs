using PolicyBot.Requests;

namespace PolicyBot.Tests.Requests;

/// <summary>The request lifecycle as pure logic: every allowed path, and every refusal naming the current state.</summary>
public sealed class RequestStateMachineTests
{
    internal static readonly PersonRef Teacher = new("11111111-1111-1111-1111-111111111111", "Lee Teacher");
    internal static readonly PersonRef Dean = new("22222222-2222-2222-2222-222222222222", "Dana Dean");
    internal static readonly PersonRef Principal = new("33333333-3333-3333-3333-333333333333", "Pat Principal");
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    internal static StaffRequest Draft(RequestKind kind = RequestKind.Presence) => new()
    {
        Id = 7,
        Kind = kind,
        State = RequestState.Draft,
        Version = 1,
        Requester = Teacher,
        RequesterKey = "user:tenant:" + Teacher.AadObjectId,
        Context = RequestContext.None,
        Presence = kind == RequestKind.Presence
            ? new PresenceDetails("Instagram", "@room12", "Class news", "Grade 5 families", Principal, ["announcements"], new DateOnly(2027, 1, 10), "")
            : null,
        Question = kind == RequestKind.Question ? new QuestionDetails("Can I follow the team's page back?") : null,
        CreatedAt = T0,
        UpdatedAt = T0,
    };

    private static StaffRequest Step(StaffRequest request, RequestAction action, PersonRef actor, int minutes = 1)
    {
        var transition = RequestStateMachine.Apply(request, action, actor, request.UpdatedAt.AddMinutes(minutes));
        Assert.True(transition.Applied, transition.Refusal);
        Assert.Equal(request.Version + 1, transition.Request!.Version);
        Assert.Equal(request.State, transition.Audit!.From);
        Assert.Equal(transition.Request.State, transition.Audit.To);
        Assert.Equal(actor, transition.Audit.Actor);
        Assert.Equal(action.Name, transition.Audit.Action);
        return transition.Request;
    }

    private static string Refused(StaffRequest request, RequestAction action, PersonRef actor)
    {
        var transition = RequestStateMachine.Apply(request, action, actor, T0.AddHours(1));
        Assert.False(transition.Applied);
        Assert.Null(transition.Audit);
        return transition.Refusal!;
    }

    [Fact]
    public void A_presence_goes_submitted_in_review_needs_information_in_review_approved_and_the_assignee_stays()
    {
        var r = Step(Draft(), new SubmitAction(), Teacher);
        Assert.Equal(RequestState.Submitted, r.State);
        r = Step(r, new AssignAction(Dean), Dean);
        Assert.Equal((RequestState.InReview, Dean), (r.State, r.Assignee));
        r = Step(r, new AskInformationAction("  Who else will be an administrator? "), Dean);
        Assert.Equal((RequestState.NeedsInformation, "Who else will be an administrator?"), (r.State, r.PendingQuestion));
        r = Step(r, new ProvideInformationAction("Pat Principal too."), Teacher);
        Assert.Equal((RequestState.InReview, Dean, null), (r.State, r.Assignee, r.PendingQuestion));
        r = Step(r, new ApproveAction("No student faces."), Dean);
        Assert.Equal((RequestState.Approved, "No student faces."), (r.State, r.Conditions));
        Assert.Equal(6, r.Version);
    }

    [Fact]
    public void A_submitted_request_can_be_decided_without_assignment_and_the_decider_becomes_the_assignee()
    {
        var submitted = Step(Draft(), new SubmitAction(), Teacher);

        var declined = Step(submitted, new DeclineAction("Use the school's page instead."), Principal);

        Assert.Equal((RequestState.Declined, "Use the school's page instead.", Principal), (declined.State, declined.Outcome, declined.Assignee));
    }

    [Fact]
    public void Asking_from_submitted_assigns_the_asker_and_the_answer_returns_to_in_review_with_them()
    {
        var asked = Step(Step(Draft(), new SubmitAction(), Teacher), new AskInformationAction("Which class?"), Dean);
        Assert.Equal(Dean, asked.Assignee);

        var answered = Step(asked, new ProvideInformationAction("5B"), Teacher);

        Assert.Equal((RequestState.InReview, Dean), (answered.State, answered.Assignee));
    }

    [Fact]
    public void A_question_is_answered_not_approved_or_declined()
    {
        var submitted = Step(Draft(RequestKind.Question), new SubmitAction(), Teacher);

        Assert.Contains("is a question; answer it", Refused(submitted, new ApproveAction(""), Dean));
        Assert.Contains("is a question; answer it", Refused(submitted, new DeclineAction("no"), Dean));
        var answered = Step(submitted, new AnswerQuestionAction("Yes, for school business only."), Dean);
        Assert.Equal((RequestState.Answered, "Yes, for school business only."), (answered.State, answered.Outcome));
        Assert.Contains("asks for a social media presence", Refused(Step(Draft(), new SubmitAction(), Teacher), new AnswerQuestionAction("x"), Dean));
    }

    [Theory]
    [InlineData(RequestState.Submitted)]
    [InlineData(RequestState.InReview)]
    [InlineData(RequestState.NeedsInformation)]
    public void An_open_request_can_be_withdrawn(RequestState state)
    {
        var request = Draft() with { State = state, Assignee = Dean };

        Assert.Equal(RequestState.Withdrawn, Step(request, new WithdrawAction(), Teacher).State);
    }

    [Fact]
    public void An_approved_presence_can_be_revoked_with_a_reason_only()
    {
        var approved = Draft() with { State = RequestState.Approved };

        Assert.Equal("Please give the reason for revoking: the requester sees it.", Refused(approved, new RevokeAction("  "), Dean));
        var revoked = Step(approved, new RevokeAction("No district administrator any more."), Dean);
        Assert.Equal((RequestState.Revoked, "No district administrator any more."), (revoked.State, revoked.Outcome));
    }

    [Theory]
    [InlineData(RequestState.Approved, "approve", "Request #7 is approved, so it can't be approved now.")]
    [InlineData(RequestState.Declined, "approve", "Request #7 is declined, so it can't be approved now.")]
    [InlineData(RequestState.Withdrawn, "decline", "Request #7 is withdrawn, so it can't be declined now.")]
    [InlineData(RequestState.NeedsInformation, "approve", "Request #7 is needs information, so it can't be approved now.")]
    [InlineData(RequestState.Approved, "withdraw", "Request #7 is approved, so it can't be withdrawn.")]
    [InlineData(RequestState.Declined, "assign", "Request #7 is declined, so it can't be assigned.")]
    [InlineData(RequestState.Submitted, "revoke", "Request #7 is submitted, so it can't be revoked (only an approved presence can be).")]
    [InlineData(RequestState.InReview, "provide", "Request #7 is in review, so it can't be answered (nobody asked you a question on it).")]
    [InlineData(RequestState.NeedsInformation, "ask", "Request #7 is needs information, so it can't be asked another question until the requester answers the first.")]
    [InlineData(RequestState.Submitted, "submit", "Request #7 is submitted, so it can't be sent again.")]
    public void Invalid_transitions_are_refused_naming_the_current_state(RequestState state, string action, string message)
    {
        RequestAction act = action switch
        {
            "approve" => new ApproveAction(""),
            "decline" => new DeclineAction("reason"),
            "withdraw" => new WithdrawAction(),
            "assign" => new AssignAction(Dean),
            "revoke" => new RevokeAction("reason"),
            "provide" => new ProvideInformationAction("answer"),
            "ask" => new AskInformationAction("another?"),
            "submit" => new SubmitAction(),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };

        Assert.Equal(message, Refused(Draft() with { State = state }, act, Dean));
    }

    [Fact]
    public void Required_words_must_be_given_and_not_too_long()
    {
        var submitted = Draft() with { State = RequestState.Submitted };

        Assert.Equal("Please give the reason for declining: the requester sees it.", Refused(submitted, new DeclineAction(""), Dean));
        Assert.Equal("Please write the question for the requester.", Refused(submitted, new AskInformationAction(" "), Dean));
        Assert.Equal("Please write your answer.", Refused(submitted with { State = RequestState.NeedsInformation }, new ProvideInformationAction(""), Teacher));
        Assert.StartsWith("That text is 2,001 characters long", Refused(submitted, new DeclineAction(new string('x', 2001)), Dean));
    }

    [Fact]
    public void Reassigning_while_in_review_keeps_the_state_and_names_the_new_assignee_in_the_audit()
    {
        var inReview = Draft() with { State = RequestState.InReview, Assignee = Dean };

        var transition = RequestStateMachine.Apply(inReview, new AssignAction(Principal), Dean, T0);

        Assert.Equal((RequestState.InReview, Principal), (transition.Request!.State, transition.Request.Assignee));
        Assert.Equal("Pat Principal", transition.Audit!.Note);
    }
}
