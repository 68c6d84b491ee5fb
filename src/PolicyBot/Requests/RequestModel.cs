namespace PolicyBot.Requests;

/// <summary>What a staff member asks the administration for.</summary>
public enum RequestKind
{
    /// <summary>Approval of an educational social media presence (a class, team or school page, group or account).</summary>
    Presence,

    /// <summary>A question about a case the policy leaves unclear (or any verdict the person wants confirmed).</summary>
    Question,
}

/// <summary>Where a request stands. Open: <see cref="Submitted"/>, <see cref="InReview"/>, <see cref="NeedsInformation"/>.</summary>
public enum RequestState
{
    /// <summary>Filled in, not sent yet: only its requester sees it (the "is this right?" step before sending).</summary>
    Draft,

    /// <summary>Sent to the administration; nobody has taken it yet.</summary>
    Submitted,

    /// <summary>An administrator (the assignee) is on it.</summary>
    InReview,

    /// <summary>The administration asked the requester a question; back to <see cref="InReview"/> (same assignee) when answered.</summary>
    NeedsInformation,

    /// <summary>A presence approved (perhaps with conditions); it is in the approved accounts registry.</summary>
    Approved,

    /// <summary>Declined, with the reason.</summary>
    Declined,

    /// <summary>A question answered.</summary>
    Answered,

    /// <summary>Withdrawn by the requester while open.</summary>
    Withdrawn,

    /// <summary>An approved presence whose approval was later revoked, with the reason.</summary>
    Revoked,
}

/// <summary>Words for states and kinds, as cards and messages show them.</summary>
public static class RequestWords
{
    /// <summary>The state in words, e.g. "in review".</summary>
    /// <param name="state">The state.</param>
    public static string Of(RequestState state) => state switch
    {
        RequestState.Draft => "not sent yet",
        RequestState.Submitted => "submitted",
        RequestState.InReview => "in review",
        RequestState.NeedsInformation => "needs information",
        RequestState.Approved => "approved",
        RequestState.Declined => "declined",
        RequestState.Answered => "answered",
        RequestState.Withdrawn => "withdrawn",
        RequestState.Revoked => "revoked",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown request state."),
    };

    /// <summary>The kind in words, e.g. "social media presence".</summary>
    /// <param name="kind">The kind.</param>
    public static string Of(RequestKind kind) => kind switch
    {
        RequestKind.Presence => "social media presence",
        RequestKind.Question => "question about an unclear case",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown request kind."),
    };

    /// <summary>The state's name as stored (lower case, hyphenated), e.g. <c>in-review</c>.</summary>
    /// <param name="state">The state.</param>
    public static string Id(RequestState state) => state switch
    {
        RequestState.InReview => "in-review",
        RequestState.NeedsInformation => "needs-information",
        _ => state.ToString().ToLowerInvariant(),
    };

    /// <summary>The state named by <see cref="Id(RequestState)"/>.</summary>
    /// <param name="id">A stored state name.</param>
    /// <exception cref="FormatException">Not a state name.</exception>
    public static RequestState ParseState(string id) =>
        Enum.GetValues<RequestState>().FirstOrDefault(s => Id(s) == id, (RequestState)(-1)) is var s && Enum.IsDefined(s)
            ? s
            : throw new FormatException($"'{id}' is not a request state.");

    /// <summary>True while the administration or the requester still has something to do.</summary>
    /// <param name="state">The state.</param>
    public static bool IsOpen(RequestState state) => state is RequestState.Submitted or RequestState.InReview or RequestState.NeedsInformation;
}

/// <summary>A person as requests record them: Entra object id and display name (never read from card data).</summary>
/// <param name="AadObjectId">Microsoft Entra object id.</param>
/// <param name="Name">Display name as Teams gave it.</param>
public sealed record PersonRef(string AadObjectId, string Name);

/// <summary>One clause a request rests on, as the verdict quoted it.</summary>
/// <param name="Id">The clause id in the policy.</param>
/// <param name="Heading">Its heading.</param>
/// <param name="Text">Its verbatim text.</param>
public sealed record RequestClause(string Id, string Heading, string Text);

/// <summary>What the bot knew when the request was made: the situation's facts, the verdict and its clauses.</summary>
/// <param name="Facts">Each fact as "question: answer" lines (understood ones marked "(from your words)").</param>
/// <param name="VerdictWords">The verdict in words, e.g. "Needs administration"; empty when the request came from no verdict.</param>
/// <param name="VerdictAnswer">The verdict's one-line answer.</param>
/// <param name="Ambiguity">The policy's ambiguity note, when the verdict had one.</param>
/// <param name="Clauses">The clauses quoted.</param>
/// <param name="RuleId">The rule that decided, for the record.</param>
public sealed record RequestContext(
    IReadOnlyList<string> Facts,
    string VerdictWords,
    string VerdictAnswer,
    string? Ambiguity,
    IReadOnlyList<RequestClause> Clauses,
    string? RuleId)
{
    /// <summary>A request made with no verdict behind it (typed "request", say).</summary>
    public static RequestContext None { get; } = new([], "", "", null, [], null);
}

/// <summary>The form of a <see cref="RequestKind.Presence"/> request.</summary>
/// <param name="Platform">Where, e.g. "Instagram".</param>
/// <param name="Name">The account's name or link, if it has one yet.</param>
/// <param name="Purpose">What it is for.</param>
/// <param name="Audience">Which students, which families.</param>
/// <param name="Administrator">The approved district person who will administer it (checked against the team's roster).</param>
/// <param name="Posts">What will be posted: any of <see cref="PresenceDetails.PostKinds"/>.</param>
/// <param name="StartDate">Wanted start date; null when not given.</param>
/// <param name="Note">Anything else; may be empty.</param>
public sealed record PresenceDetails(
    string Platform,
    string Name,
    string Purpose,
    string Audience,
    PersonRef Administrator,
    IReadOnlyList<string> Posts,
    DateOnly? StartDate,
    string Note)
{
    /// <summary>What can be posted, as the form's choices: id and words.</summary>
    public static IReadOnlyList<(string Id, string Words)> PostKinds { get; } =
    [
        ("student-photos", "Student photos"),
        ("student-names", "Student names"),
        ("district-logos", "District or school logos"),
        ("documents", "Documents (newsletters, handouts, schedules)"),
        ("announcements", "Announcements and reminders only"),
    ];
}

/// <summary>The content of a <see cref="RequestKind.Question"/> request.</summary>
/// <param name="OwnWords">The staff member's own words: what they want to know.</param>
public sealed record QuestionDetails(string OwnWords);

/// <summary>
/// A request as stored. <see cref="Version"/> grows by one with every change; a change is written only when the stored
/// version is still the one the change was decided on (optimistic concurrency), so two administrators deciding at once
/// cannot both win.
/// </summary>
public sealed record StaffRequest
{
    /// <summary>Positive id, shown to people as "#12".</summary>
    public long Id { get; init; }

    /// <summary>What is asked.</summary>
    public RequestKind Kind { get; init; }

    /// <summary>Where it stands.</summary>
    public RequestState State { get; init; }

    /// <summary>Changes so far (1 when first stored).</summary>
    public int Version { get; init; }

    /// <summary>Who asked.</summary>
    public required PersonRef Requester { get; init; }

    /// <summary>The recipient key of the requester's 1:1 chat (<c>user:{tenant}:{aadObjectId}</c>), for notifications.</summary>
    public required string RequesterKey { get; init; }

    /// <summary>The school's team the request belongs to (Teams id), or null for the district.</summary>
    public string? TeamId { get; init; }

    /// <summary>The team's name as last seen, for cards.</summary>
    public string? TeamName { get; init; }

    /// <summary>The team's Microsoft 365 group id, when known (request deciders may be scoped by it).</summary>
    public string? TeamAadGroupId { get; init; }

    /// <summary>What the bot knew when it was made.</summary>
    public required RequestContext Context { get; init; }

    /// <summary>The form (presence requests).</summary>
    public PresenceDetails? Presence { get; init; }

    /// <summary>The question (question requests).</summary>
    public QuestionDetails? Question { get; init; }

    /// <summary>The administrator on it, once assigned.</summary>
    public PersonRef? Assignee { get; init; }

    /// <summary>The administration's open question to the requester (while <see cref="RequestState.NeedsInformation"/>).</summary>
    public string? PendingQuestion { get; init; }

    /// <summary>Conditions of an approval (may be empty).</summary>
    public string? Conditions { get; init; }

    /// <summary>The last decision's words: a decline's or revocation's reason, a question's answer.</summary>
    public string? Outcome { get; init; }

    /// <summary>The recipient key of the channel its card was posted to, once routed.</summary>
    public string? ChannelKey { get; init; }

    /// <summary>The id Teams gave the channel card, once posted: every change updates that activity in place.</summary>
    public string? ChannelActivityId { get; init; }

    /// <summary>When it was created (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>"#12".</summary>
    public string Number => "#" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A title for cards: "Instagram: class page for 5B" or the first words of a question.</summary>
    public string Title => Kind == RequestKind.Presence && Presence is { } p
        ? $"{p.Platform}{(string.IsNullOrWhiteSpace(p.Name) ? "" : " — " + p.Name)}"
        : Shorten(Question?.OwnWords ?? "Question", 80);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}

/// <summary>One line of a request's audit trail: who did what, when, from which state to which, with their note.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="At">When (UTC).</param>
/// <param name="Actor">Who (the activity's sender).</param>
/// <param name="Action">What, e.g. <c>approve</c>.</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after.</param>
/// <param name="Note">The words that came with it (reason, question, answer, conditions, assignee); may be null.</param>
public sealed record AuditEntry(long RequestId, DateTimeOffset At, PersonRef Actor, string Action, RequestState From, RequestState To, string? Note);
