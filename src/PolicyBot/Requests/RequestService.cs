using System.Globalization;
using Newtonsoft.Json.Linq;
using PolicyBot.Cards;
using PolicyBot.Conversation;
using PolicyBot.Delivery;
using PolicyBot.Reachability;
using PolicyBot.Roles;

namespace PolicyBot.Requests;

/// <summary>
/// Requests to the administration, without Bot Framework types: drafts and their form, sending, the administration's
/// decisions, the requester's answers and withdrawals, "my requests", where requests go, and the approved accounts
/// registry. Identity is always the <see cref="RequestTurn.Sender"/> (read off the activity); a request's state is always
/// loaded from <see cref="SqliteRequestStore"/>, never taken from a card. Every change is committed only on the version
/// it was decided on, audited, then the channel card is refreshed (a durable job, <see cref="RequestJobs"/>) and the
/// requester notified in their 1:1 chat (the outbox).
/// </summary>
public sealed class RequestService(
    SqliteRequestStore store,
    RoleAssignments roles,
    Authorizer authorizer,
    IRecipientRegistry directory,
    ITeamRoster roster,
    IOutbox outbox,
    IDurableTimer timer,
    RequestContextBuilder contexts,
    RequestOptions options,
    TimeProvider time,
    ILogger<RequestService> logger)
{
    /// <summary>Most requests "my requests" lists.</summary>
    public const int MyRequestsShown = 10;

    private const string NoSender =
        "Sorry, I can't tell which Microsoft Entra account you are using, so I can't file or change requests for you. Please try again from Microsoft Teams.";

    // ---- Starting a request -------------------------------------------------------------------------------------

    /// <summary>"Ask administration" on a verdict card: a draft carrying that verdict's facts and clauses, and its form.</summary>
    /// <param name="turn">Where and from whom.</param>
    /// <param name="record">The verdict as the person's state kept it, or null when it is no longer there.</param>
    /// <param name="cancellationToken">Cancels store and roster calls.</param>
    public async Task<IReadOnlyList<Reply>> StartFromVerdictAsync(RequestTurn turn, RecentVerdict? record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var context = record is null ? RequestContext.None : contexts.Build(record);
        var presence = record is not null && contexts.IsAboutAnAccount(record);
        var replies = new List<Reply>();
        if (record is null)
        {
            replies.Add(new NoticeReply("That answer is no longer in my memory, so your request goes without it. You can describe the situation on the form."));
        }

        replies.AddRange(await StartAsync(turn, presence ? RequestKind.Presence : RequestKind.Question, context, null, cancellationToken).ConfigureAwait(false));
        return replies;
    }

    /// <summary>Starts a draft of <paramref name="kind"/> and returns its form (or why not).</summary>
    /// <param name="turn">Where and from whom.</param>
    /// <param name="kind">What is asked.</param>
    /// <param name="context">The verdict behind it, or <see cref="RequestContext.None"/>.</param>
    /// <param name="platform">A platform already named in the person's words (e.g. "Instagram"), or null.</param>
    /// <param name="cancellationToken">Cancels store and roster calls.</param>
    public async Task<IReadOnlyList<Reply>> StartAsync(RequestTurn turn, RequestKind kind, RequestContext context, string? platform, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Sender is not { } sender)
        {
            return [new NoticeReply(NoSender)];
        }

        var routes = await store.ListRoutesAsync(cancellationToken).ConfigureAwait(false);
        if (routes.Count == 0)
        {
            return [new NoticeReply(
                "Your administration hasn't told me yet where requests should go, so I can't send one. Please contact your school administration directly; " +
                "an administrator can set it up by typing \"@PolicyBot district requests here\" in their team channel.")];
        }

        var school = routes.Any(r => r.Scope == turn.TeamId) ? turn.TeamId! : RequestRoutes.District;
        var now = time.GetUtcNow();
        var draft = await store.CreateAsync(new StaffRequest
        {
            Kind = kind,
            State = RequestState.Draft,
            Requester = sender,
            RequesterKey = RecipientKeys.Person(turn.TenantId, sender.AadObjectId),
            Context = context,
            TeamId = school == RequestRoutes.District ? null : school,
            Presence = kind == RequestKind.Presence ? new PresenceDetails(platform ?? "", "", "", "", new PersonRef("", ""), [], null, "") : null,
            Question = kind == RequestKind.Question ? new QuestionDetails("") : null,
            CreatedAt = now,
            UpdatedAt = now,
        }, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Request draft {RequestId} ({Kind}) started by {AadObjectId}.", draft.Id, kind, sender.AadObjectId);
        var values = new Dictionary<string, string> { ["school"] = school };
        if (platform is not null)
        {
            values["platform"] = platform;
        }

        return [new CardReply(await FormAsync(draft, values, [], routes, cancellationToken).ConfigureAwait(false))];
    }

    /// <summary>"Check my request": validates the form's inputs, keeps them on the draft, and shows the form again with clear messages, or the summary to confirm.</summary>
    /// <param name="turn">Where and from whom.</param>
    /// <param name="draftId">The draft (from the card; it must be the sender's own draft).</param>
    /// <param name="inputs">The form's inputs as the submit carried them.</param>
    /// <param name="cancellationToken">Cancels store and roster calls.</param>
    public async Task<IReadOnlyList<Reply>> CheckAsync(RequestTurn turn, long draftId, JObject inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var (draft, refusal) = await OwnDraftAsync(turn, draftId, cancellationToken).ConfigureAwait(false);
        if (draft is null)
        {
            return refusal!;
        }

        var routes = await store.ListRoutesAsync(cancellationToken).ConfigureAwait(false);
        var values = RequestCards.PresenceInputs.Concat(RequestCards.QuestionInputs).Distinct()
            .ToDictionary(id => id, id => Text(inputs, id) ?? "", StringComparer.Ordinal);
        var errors = new List<string>();
        if (values.Values.FirstOrDefault(v => v.Length > RequestStateMachine.MaxTextLength) is { } tooLong)
        {
            // Stored and echoed only up to the limit: a pasted 50,000 characters must not make a card Teams refuses.
            errors.Add($"One answer is {tooLong.Length:N0} characters long; I kept the first {RequestStateMachine.MaxTextLength:N0}. Please check its end.");
            foreach (var id in values.Keys.ToList())
            {
                values[id] = values[id][..Math.Min(values[id].Length, RequestStateMachine.MaxTextLength)];
            }
        }
        var school = values["school"];
        var route = routes.FirstOrDefault(r => r.Scope == school) ?? routes.FirstOrDefault(r => r.Scope == RequestRoutes.District) ?? routes.FirstOrDefault();
        if (route is null)
        {
            return [new NoticeReply("Your administration has removed where requests go, so I can't send this one. Please contact your school administration directly.")];
        }

        StaffRequest updated;
        if (draft.Kind == RequestKind.Presence)
        {
            var platform = values["platform"].Trim();
            var purpose = values["purpose"].Trim();
            var audience = values["audience"].Trim();
            if (platform.Length == 0)
            {
                errors.Add("Platform: say where the account will be (for example Instagram or Facebook).");
            }

            if (purpose.Length == 0)
            {
                errors.Add("What is it for: say what the account is for (for example class news for families).");
            }

            if (audience.Length == 0)
            {
                errors.Add("Who is it for: say which students and which families will follow it.");
            }

            var posts = values["posts"].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(p => RequestCards.PostKinds.Any(k => k.Value == p)).Distinct().ToList();
            if (posts.Count == 0)
            {
                errors.Add("What will be posted: tick at least one (student photos, names, logos, documents, or announcements only).");
            }

            DateOnly? start = null;
            if (values["startDate"].Trim() is { Length: > 0 } startText)
            {
                if (!DateOnly.TryParseExact(startText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    errors.Add($"Start date: '{startText}' is not a date; pick one from the calendar.");
                }
                else if (date < DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime))
                {
                    errors.Add($"Start date: {date:MMMM d, yyyy} is in the past; pick today or a later day.");
                }
                else
                {
                    start = date;
                }
            }

            var (administrator, adminError) = await ResolveAdministratorAsync(route, values["administrator"], values["administratorTyped"], cancellationToken).ConfigureAwait(false);
            if (adminError is not null)
            {
                errors.Add(adminError);
            }

            updated = draft with
            {
                Presence = new PresenceDetails(platform, values["accountName"].Trim(), purpose, audience, administrator ?? new PersonRef("", values["administratorTyped"].Trim()), posts, start, values["note"].Trim()),
            };
            values["posts"] = string.Join(",", posts);
            if (administrator is not null)
            {
                values["administrator"] = administrator.AadObjectId;
                values["administratorTyped"] = "";
            }
        }
        else
        {
            var words = values["ownWords"].Trim();
            if (words.Length == 0)
            {
                errors.Add("Your question: write what you want the administration to tell you.");
            }

            updated = draft with { Question = new QuestionDetails(words) };
        }

        updated = updated with
        {
            TeamId = route.Scope == RequestRoutes.District ? null : route.TeamId,
            TeamName = route.Scope == RequestRoutes.District ? null : route.TeamName,
            TeamAadGroupId = route.Scope == RequestRoutes.District ? null : route.TeamAadGroupId,
        };
        await store.UpdateDraftAsync(updated, cancellationToken).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            return [new CardReply(await FormAsync(updated, values, errors, routes, cancellationToken).ConfigureAwait(false))];
        }

        return [new CardReply(RequestCards.Notice(
            "Check your request before I send it",
            $"It goes to {RouteWords(route)}. You'll hear from me in this chat at each step.",
            "accent",
            [new RequestSummaryView(updated.Title, Summary(updated), null, null,
            [
                new CardButton("Send to administration", RequestCardActions.DraftData(RequestCardActions.Send, updated.Id), "positive"),
                new CardButton("Edit", RequestCardActions.DraftData(RequestCardActions.Edit, updated.Id)),
                new CardButton("Discard", RequestCardActions.DraftData(RequestCardActions.Discard, updated.Id)),
            ])]))];
    }

    /// <summary>"Edit": the draft's form again, filled in.</summary>
    public async Task<IReadOnlyList<Reply>> EditAsync(RequestTurn turn, long draftId, CancellationToken cancellationToken)
    {
        var (draft, refusal) = await OwnDraftAsync(turn, draftId, cancellationToken).ConfigureAwait(false);
        if (draft is null)
        {
            return refusal!;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["school"] = draft.TeamId ?? RequestRoutes.District };
        if (draft.Presence is { } p)
        {
            values["platform"] = p.Platform;
            values["accountName"] = p.Name;
            values["purpose"] = p.Purpose;
            values["audience"] = p.Audience;
            values["administrator"] = p.Administrator.AadObjectId;
            values["administratorTyped"] = p.Administrator.AadObjectId.Length == 0 ? p.Administrator.Name : "";
            values["posts"] = string.Join(",", p.Posts);
            values["startDate"] = p.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
            values["note"] = p.Note;
        }
        else if (draft.Question is { } q)
        {
            values["ownWords"] = q.OwnWords;
        }

        var routes = await store.ListRoutesAsync(cancellationToken).ConfigureAwait(false);
        return [new CardReply(await FormAsync(draft, values, [], routes, cancellationToken).ConfigureAwait(false))];
    }

    /// <summary>"Discard": the draft is deleted (it was never sent, so it is no record of the district's).</summary>
    public async Task<IReadOnlyList<Reply>> DiscardAsync(RequestTurn turn, long draftId, CancellationToken cancellationToken)
    {
        var (draft, refusal) = await OwnDraftAsync(turn, draftId, cancellationToken).ConfigureAwait(false);
        if (draft is null)
        {
            return refusal!;
        }

        await store.DeleteDraftAsync(draft.Id, cancellationToken).ConfigureAwait(false);
        return [new NoticeReply("Discarded: nothing was sent. Ask me anything about the policy whenever you like.")];
    }

    /// <summary>"Send to administration": submits the checked draft, routes it to its channel (card posted by a durable job) and schedules the reminder.</summary>
    public async Task<IReadOnlyList<Reply>> SendAsync(RequestTurn turn, long draftId, CancellationToken cancellationToken)
    {
        var (draft, refusal) = await OwnDraftAsync(turn, draftId, cancellationToken).ConfigureAwait(false);
        if (draft is null)
        {
            return refusal!;
        }

        if ((draft.Kind == RequestKind.Presence && (draft.Presence is null || draft.Presence.Administrator.AadObjectId.Length == 0 || draft.Presence.Purpose.Length == 0))
            || (draft.Kind == RequestKind.Question && string.IsNullOrWhiteSpace(draft.Question?.OwnWords)))
        {
            return [new NoticeReply("This request isn't complete yet: tap \"Edit\" and fill in the form, then \"Check my request\".")];
        }

        var routes = await store.ListRoutesAsync(cancellationToken).ConfigureAwait(false);
        var route = routes.FirstOrDefault(r => r.Scope == (draft.TeamId ?? RequestRoutes.District)) ?? routes.FirstOrDefault(r => r.Scope == RequestRoutes.District);
        if (route is null)
        {
            return [new NoticeReply("Your administration has removed where requests go, so I can't send this one. Please contact your school administration directly.")];
        }

        var transition = RequestStateMachine.Apply(draft, new SubmitAction(), turn.Sender!, time.GetUtcNow());
        if (!await store.TryCommitAsync(transition, draft.Version, null, cancellationToken).ConfigureAwait(false))
        {
            var now = await store.FindAsync(draft.Id, cancellationToken).ConfigureAwait(false);
            return [new NoticeReply($"Request {draft.Number} was already sent; it is {RequestWords.Of(now?.State ?? RequestState.Submitted)}. Type \"my requests\" to see it.")];
        }

        var sent = transition.Request!;
        await store.SetChannelCardAsync(sent.Id, route.ChannelKey, null, cancellationToken).ConfigureAwait(false);
        await RefreshCardAsync(sent, cancellationToken).ConfigureAwait(false);
        await timer.ScheduleAsync(RequestJobs.NudgeKind, NudgePayload(sent.Id, 1), sent.CreatedAt + options.NudgeAfter, $"request:{sent.Id}:nudge:1", cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Request {RequestId} ({Kind}) sent by {AadObjectId} to {Channel}.", sent.Id, sent.Kind, sent.Requester.AadObjectId, route.ChannelKey);
        return [new CardReply(RequestCards.Notice(
            $"Sent: request {sent.Number}",
            $"It went to {RouteWords(route)}. I'll tell you here when someone takes it, asks you something or decides. Type \"my requests\" to see where it stands.",
            "good",
            [new RequestSummaryView(sent.Title, Summary(sent), null, null, [new CardButton("Withdraw", RequestCardActions.ActData(sent.Id, sent.Version, "withdraw"))])]))];
    }

    // ---- Changes on a sent request ------------------------------------------------------------------------------

    /// <summary>
    /// A change on a request from a card: the administration's (assign, approve, decline, ask, answer, revoke) or the
    /// requester's (provide information, withdraw). The sender is checked (a decider in scope, never on their own
    /// request; or the requester); a card whose version is not the stored one changes nothing and gets the current state.
    /// </summary>
    /// <param name="turn">Where and from whom.</param>
    /// <param name="requestId">The request the card names.</param>
    /// <param name="cardVersion">The version the card showed, or null.</param>
    /// <param name="act">The card's act.</param>
    /// <param name="inputs">The card's inputs (<c>note</c>: conditions, reason, question or answer; <c>info</c>; <c>assignee</c>).</param>
    /// <param name="cancellationToken">Cancels store and roster calls.</param>
    public async Task<IReadOnlyList<Reply>> ActAsync(RequestTurn turn, long requestId, int? cardVersion, string act, JObject inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(inputs);
        if (turn.Sender is not { } sender)
        {
            return [new NoticeReply(NoSender)];
        }

        var request = await store.FindAsync(requestId, cancellationToken).ConfigureAwait(false);
        if (request is null || request.State == RequestState.Draft)
        {
            return [new NoticeReply($"I can't find request #{requestId}. Type \"my requests\" to see yours.")];
        }

        var isRequester = Same(sender.AadObjectId, request.Requester.AadObjectId);
        if (request.ChannelActivityId is null && request.ChannelKey is not null && turn.ReplyToId is not null && !turn.Personal
            && turn.ConversationId is not null && RecipientKeys.Conversation(turn.ConversationId) == request.ChannelKey
            && !isRequester && authorizer.Authorize(new Actor(sender.AadObjectId, sender.Name, turn.ConversationId), AdministratorAction.DecideRequest, TeamOf(request)).Allowed)
        {
            // A decider's tap on the channel card before its id was recorded (a post cut short by a restart): that card is
            // the one to update. Only a decider's: anyone else's reply-to id could point the card at another message.
            await store.SetChannelCardAsync(request.Id, request.ChannelKey, turn.ReplyToId, cancellationToken).ConfigureAwait(false);
            request = request with { ChannelActivityId = turn.ReplyToId };
        }

        RequestAction? action;
        switch (act)
        {
            case "withdraw" or "provide" when !isRequester:
                logger.LogWarning("Refused {Act} on request {RequestId} to {AadObjectId} ({Name}): not the requester.", act, requestId, sender.AadObjectId, sender.Name);
                return [new NoticeReply($"Only the person who sent request {request.Number} can {(act == "withdraw" ? "withdraw it" : "answer its question")}.")];
            case "withdraw":
                action = new WithdrawAction();
                break;
            case "provide":
                action = new ProvideInformationAction(Text(inputs, "info") ?? "");
                break;
            case "assign-me" or "assign" or "approve" or "decline" or "ask" or "answer" or "revoke":
                var decision = authorizer.Authorize(new Actor(sender.AadObjectId, sender.Name, turn.ConversationId), AdministratorAction.DecideRequest, TeamOf(request));
                if (!decision.Allowed)
                {
                    return [new NoticeReply(decision.Refusal!)];
                }

                if (isRequester)
                {
                    logger.LogWarning("Refused {Act} on request {RequestId} to {AadObjectId} ({Name}): their own request.", act, requestId, sender.AadObjectId, sender.Name);
                    return [new NoticeReply($"Request {request.Number} is your own, so another request decider has to decide it. Nothing was changed.")];
                }

                (action, var problem) = act switch
                {
                    "assign-me" => (new AssignAction(sender), null),
                    "assign" => await AssigneeAsync(request, Text(inputs, "assignee"), cancellationToken).ConfigureAwait(false),
                    // The card has one note box: conditions, a reason, a question or an answer, by the button tapped.
                    "approve" => (new ApproveAction(Text(inputs, "note") ?? ""), null),
                    "decline" => (new DeclineAction(Text(inputs, "note") ?? ""), null),
                    "ask" => (new AskInformationAction(Text(inputs, "note") ?? ""), (string?)null),
                    "answer" => (new AnswerQuestionAction(Text(inputs, "note") ?? ""), null),
                    _ => (new RevokeAction(Text(inputs, "note") ?? ""), null),
                };
                if (problem is not null)
                {
                    return [new NoticeReply(problem)];
                }

                break;
            default:
                return [new NoticeReply("I couldn't read that card's button. It may come from an older version of me.")];
        }

        if (cardVersion is { } shown && shown != request.Version)
        {
            // A stale card (a double tap, or someone else acted since): nothing changes; the card is brought up to date.
            await RefreshCardAsync(request, cancellationToken).ConfigureAwait(false);
            return [new NoticeReply($"That card was out of date, so nothing was changed. Request {request.Number} is {await LastChangeAsync(request, cancellationToken).ConfigureAwait(false)}.")];
        }

        return await CommitAsync(request, action!, sender, isRequester, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<Reply>> CommitAsync(StaffRequest request, RequestAction action, PersonRef sender, bool byRequester, CancellationToken cancellationToken)
    {
        var transition = RequestStateMachine.Apply(request, action, sender, time.GetUtcNow());
        if (!transition.Applied)
        {
            return [new NoticeReply(transition.Refusal! + (transition.Refusal!.StartsWith("Request", StringComparison.Ordinal) ? " Nothing was changed." : ""))];
        }

        var changed = transition.Request!;
        RegistryChange? registry = action switch
        {
            ApproveAction when changed.Presence is { } p => new RegistryChange(new ApprovedAccount(
                0, changed.Id, p.Platform, p.Name, changed.Requester, p.Administrator, changed.Conditions ?? "", sender, changed.UpdatedAt,
                DateOnly.FromDateTime((changed.UpdatedAt + ApprovedAccount.ReviewAfter).UtcDateTime), AccountStatus.Active, null, changed.TeamId), false),
            RevokeAction => new RegistryChange(null, true),
            _ => null,
        };
        if (!await store.TryCommitAsync(transition, request.Version, registry, cancellationToken).ConfigureAwait(false))
        {
            var now = await store.FindAsync(request.Id, cancellationToken).ConfigureAwait(false) ?? request;
            logger.LogInformation("Request {RequestId}: {Action} by {AadObjectId} lost to a change made at the same time.", request.Id, action.Name, sender.AadObjectId);
            return [new NoticeReply($"Someone else changed request {request.Number} just before you, so nothing was changed. It is {await LastChangeAsync(now, cancellationToken).ConfigureAwait(false)}.")];
        }

        logger.LogInformation("Request {RequestId}: {Action} by {AadObjectId}, {From} → {To}.", changed.Id, action.Name, sender.AadObjectId, request.State, changed.State);
        await RefreshCardAsync(changed, cancellationToken).ConfigureAwait(false);
        if (!byRequester)
        {
            await NotifyRequesterAsync(changed, transition.Audit!, cancellationToken).ConfigureAwait(false);
            return [];   // the channel card shows the change to everyone (updated in place)
        }

        return action is WithdrawAction
            ? [new NoticeReply($"Withdrawn: request {changed.Number} is closed, and the administration's card says so.")]
            : [new NoticeReply($"Thanks — your answer is on request {changed.Number}, and it is back in review with {changed.Assignee?.Name ?? "the administration"}.")];
    }

    /// <summary>"My requests": the sender's requests, newest first, with what they can do on each.</summary>
    public async Task<IReadOnlyList<Reply>> MyRequestsAsync(RequestTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Sender is not { } sender)
        {
            return [new NoticeReply(NoSender)];
        }

        var mine = await store.ListByRequesterAsync(sender.AadObjectId, MyRequestsShown, cancellationToken).ConfigureAwait(false);
        if (mine.Count == 0)
        {
            return [new NoticeReply("You have sent no requests to the administration. When an answer of mine says to ask administration, tap \"Ask administration\" on it.")];
        }

        var views = new List<RequestSummaryView>();
        foreach (var request in mine)
        {
            views.Add(await RequesterViewAsync(request, cancellationToken).ConfigureAwait(false));
        }

        return [new CardReply(RequestCards.Notice("Your requests", $"Your {(mine.Count == 1 ? "request" : $"{mine.Count} latest requests")} to the administration, newest first.", "default", views))];
    }

    // ---- Where requests go --------------------------------------------------------------------------------------

    /// <summary>"district requests here" / "school requests here": a request decider sets this channel for the district's or this school's requests.</summary>
    /// <param name="turn">Where and from whom (must be a team channel).</param>
    /// <param name="district">True for the district's channel; false for this team's school.</param>
    /// <param name="cancellationToken">Cancels the store call.</param>
    public async Task<IReadOnlyList<Reply>> SetRouteAsync(RequestTurn turn, bool district, CancellationToken cancellationToken)
    {
        if (turn.Sender is not { } sender)
        {
            return [new NoticeReply(NoSender)];
        }

        var team = turn.TeamId is null ? null : new TeamRef(turn.TeamId, turn.TeamAadGroupId);
        var decision = authorizer.Authorize(new Actor(sender.AadObjectId, sender.Name, turn.ConversationId), AdministratorAction.DecideRequest, district ? null : team);
        if (!decision.Allowed)
        {
            return [new NoticeReply(district && roles.RolesOf(sender.AadObjectId).IsRequestDecider
                ? "Sorry, only a request decider for every school can choose the district's channel; you decide for your school's team. Type \"school requests here\" in your school's channel instead."
                : decision.Refusal!)];
        }

        if (team is null || turn.ConversationId is null)
        {
            return [new NoticeReply("Type this in the team channel where requests should arrive (after @PolicyBot), not in a chat.")];
        }

        var route = new RequestRoute(district ? RequestRoutes.District : turn.TeamId!, RecipientKeys.Conversation(turn.ConversationId), turn.ChannelName,
            turn.TeamId!, turn.TeamName, turn.TeamAadGroupId, sender, time.GetUtcNow());
        await store.SetRouteAsync(route, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Requests of {Scope} now go to {Channel}, set by {AadObjectId}.", route.Scope, route.ChannelKey, sender.AadObjectId);
        return [new NoticeReply(district
            ? $"Done: staff requests come to this channel{(turn.ChannelName is null ? "" : $" ({turn.ChannelName})")}, except those of schools that have their own channel. Each request arrives as a card; request deciders act on it here."
            : $"Done: requests from {turn.TeamName ?? "this team"}'s staff come to this channel. Other schools' requests go to their own channel or the district's.")];
    }

    // ---- The approved accounts registry -------------------------------------------------------------------------

    /// <summary>"approved accounts": the registry for request deciders (each entry with Review, Retire and Revoke).</summary>
    public async Task<IReadOnlyList<Reply>> ListAccountsAsync(RequestTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Sender is not { } sender)
        {
            return [new NoticeReply(NoSender)];
        }

        var held = roles.RolesOf(sender.AadObjectId);
        if (!held.IsRequestDecider)
        {
            var refusal = authorizer.Authorize(new Actor(sender.AadObjectId, sender.Name, turn.ConversationId), AdministratorAction.DecideRequest, null);
            return [new NoticeReply(refusal.Refusal!)];
        }

        var accounts = (await store.ListAccountsAsync(includeClosed: true, cancellationToken).ConfigureAwait(false))
            .Where(a => held.CanDecideFor(a.TeamId is null ? null : new TeamRef(a.TeamId, null)) || held.DecidesEverywhere)
            .ToList();
        if (accounts.Count == 0)
        {
            return [new NoticeReply("No account has been approved yet. An approved social media presence request adds its account here.")];
        }

        return [new CardReply(RequestCards.Registry(
            "Approved accounts",
            $"{accounts.Count(a => a.Status == AccountStatus.Active)} active of {accounts.Count}. Staff asking about one of these get it confirmed from here; an account not listed as active is not approved.",
            accounts.Select(a => RegistryView(a, manage: true)).ToList(),
            []))];
    }

    /// <summary>A registry entry's button (review, retire, revoke with a reason) by a request decider in scope.</summary>
    public async Task<IReadOnlyList<Reply>> AccountActAsync(RequestTurn turn, long accountId, string act, JObject inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (turn.Sender is not { } sender)
        {
            return [new NoticeReply(NoSender)];
        }

        var account = await store.FindAccountAsync(accountId, cancellationToken).ConfigureAwait(false);
        if (account is null)
        {
            return [new NoticeReply($"I can't find that registry entry. Type \"approved accounts\" to see the list.")];
        }

        var decision = authorizer.Authorize(new Actor(sender.AadObjectId, sender.Name, turn.ConversationId), AdministratorAction.DecideRequest,
            account.TeamId is null ? null : new TeamRef(account.TeamId, null));
        if (!decision.Allowed)
        {
            return [new NoticeReply(decision.Refusal!)];
        }

        if (account.Status != AccountStatus.Active)
        {
            return [new NoticeReply($"{account.Title} is already {account.Status.ToString().ToLowerInvariant()}{(account.StatusNote is null ? "" : $" ({account.StatusNote})")}. Nothing was changed.")];
        }

        switch (act)
        {
            case "review":
                var reviewed = account with { ReviewBy = DateOnly.FromDateTime((time.GetUtcNow() + ApprovedAccount.ReviewAfter).UtcDateTime) };
                await store.UpdateAccountAsync(reviewed, AccountStatus.Active, cancellationToken).ConfigureAwait(false);
                logger.LogInformation("Registry entry {AccountId} reviewed by {AadObjectId}.", account.Id, sender.AadObjectId);
                return [new CardReply(RequestCards.Registry("Reviewed", $"Next review by {reviewed.ReviewBy:MMMM d, yyyy}.", [RegistryView(reviewed, manage: true)], []))];
            case "retire":
                var retired = account with { Status = AccountStatus.Retired, StatusNote = $"retired by {sender.Name} on {time.GetUtcNow():MMMM d, yyyy}" };
                if (!await store.UpdateAccountAsync(retired, AccountStatus.Active, cancellationToken).ConfigureAwait(false))
                {
                    return [new NoticeReply($"{account.Title} was changed by someone else just now. Type \"approved accounts\" to see it.")];
                }

                logger.LogInformation("Registry entry {AccountId} retired by {AadObjectId}.", account.Id, sender.AadObjectId);
                return [new CardReply(RequestCards.Registry("Retired", "It no longer counts as approved; its request stays in the record.", [RegistryView(retired, manage: false)], []))];
            case "revoke":
                var request = await store.FindAsync(account.RequestId, cancellationToken).ConfigureAwait(false);
                var reason = Text(inputs, "reason-" + account.Id.ToString(CultureInfo.InvariantCulture)) ?? "";
                if (request is null)
                {
                    return [new NoticeReply("I can't find the request that approved this account, so I can't revoke it here.")];
                }

                if (Same(sender.AadObjectId, request.Requester.AadObjectId))
                {
                    return [new NoticeReply($"{account.Title} is your own account, so another request decider has to revoke it. Nothing was changed.")];
                }

                var replies = await CommitAsync(request, new RevokeAction(reason), sender, byRequester: false, cancellationToken).ConfigureAwait(false);
                return replies.Count == 0
                    ? [new NoticeReply($"Revoked: {account.Title} no longer counts as approved. {request.Requester.Name} is told, with your reason.")]
                    : replies;
            default:
                return [new NoticeReply("I couldn't read that card's button. It may come from an older version of me.")];
        }
    }

    /// <summary>The active registry entries that a staff member may mean: those they own or administer.</summary>
    /// <param name="aadObjectId">The asker's object id (the activity's sender).</param>
    /// <param name="cancellationToken">Cancels the store call.</param>
    public Task<IReadOnlyList<ApprovedAccount>> AccountsOfAsync(string aadObjectId, CancellationToken cancellationToken) =>
        store.ListActiveAccountsOfAsync(aadObjectId, cancellationToken);

    /// <summary>One registry entry as a card shows it.</summary>
    /// <param name="account">The entry.</param>
    /// <param name="manage">True to offer Review, Retire and Revoke (request deciders).</param>
    public static RegistryEntryView RegistryView(ApprovedAccount account, bool manage)
    {
        ArgumentNullException.ThrowIfNull(account);
        var facts = new List<TitledValue>
        {
            new("Owner", account.Owner.Name),
            new("District administrator", account.Administrator.Name),
            new("Approved", $"{account.ApprovedAt:MMMM d, yyyy} by {account.ApprovedBy.Name}"),
            new("Review by", account.ReviewBy.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)),
            new("Status", account.Status == AccountStatus.Active ? "approved" : $"{account.Status.ToString().ToLowerInvariant()}{(account.StatusNote is null ? "" : $": {account.StatusNote}")}"),
        };
        if (account.Conditions.Length > 0)
        {
            facts.Insert(2, new("Conditions", account.Conditions));
        }

        var active = account.Status == AccountStatus.Active;
        var buttons = manage && active
            ? new List<CardButton> { new("Mark reviewed", RequestCardActions.AccountData(account.Id, "review")), new("Retire", RequestCardActions.AccountData(account.Id, "retire")) }
            : [];
        return new RegistryEntryView(account.Id, account.Title, facts, active, buttons, manage && active);
    }

    // ---- Cards and notifications --------------------------------------------------------------------------------

    /// <summary>Schedules the refresh of a request's channel card (post once, then update in place): one job per version, run by <see cref="RequestJobs"/>.</summary>
    public Task RefreshCardAsync(StaffRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return timer.ScheduleAsync(RequestJobs.CardKind, RequestPayload(request.Id), time.GetUtcNow(),
            $"request:{request.Id}:card:v{request.Version}:{time.GetUtcNow().ToUnixTimeMilliseconds()}", cancellationToken);
    }

    private async Task NotifyRequesterAsync(StaffRequest request, AuditEntry audit, CancellationToken cancellationToken)
    {
        var (heading, intro, style) = audit.Action switch
        {
            "assign" => ($"Request {request.Number} is in review", $"{request.Assignee?.Name} is looking at it.", "accent"),
            "ask" => ($"Request {request.Number}: the administration asks", $"{audit.Actor.Name} asks: \"{audit.Note}\" Answer below; it goes onto your request.", "warning"),
            "approve" => ($"Request {request.Number} is approved", $"{audit.Actor.Name} approved it.{(string.IsNullOrEmpty(request.Conditions) ? "" : $" Conditions: {request.Conditions}")} It is now in the district's approved accounts.", "good"),
            "decline" => ($"Request {request.Number} was declined", $"{audit.Actor.Name} declined it: {request.Outcome}", "attention"),
            "answer" => ($"Request {request.Number} is answered", $"{audit.Actor.Name} answered: {request.Outcome}", "good"),
            "revoke" => ($"The approval of request {request.Number} was revoked", $"{audit.Actor.Name} revoked it: {request.Outcome} The account no longer counts as approved.", "attention"),
            _ => ($"Request {request.Number} changed", $"It is {RequestWords.Of(request.State)}.", "default"),
        };
        var card = RequestCards.Notice(heading, intro, style, [await RequesterViewAsync(request, cancellationToken).ConfigureAwait(false)]);
        var activity = new JObject
        {
            ["type"] = "message",
            ["attachments"] = new JArray(new JObject { ["contentType"] = PolicyCards.ContentType, ["content"] = card }),
        };
        await outbox.EnqueueAsync([new OutboundMessage($"request:{request.Id}:v{request.Version}", request.RequesterKey, activity.ToString(Newtonsoft.Json.Formatting.None))], cancellationToken).ConfigureAwait(false);
    }

    private async Task<RequestSummaryView> RequesterViewAsync(StaffRequest request, CancellationToken cancellationToken)
    {
        var facts = new List<TitledValue>
        {
            new("State", RequestWords.Of(request.State) + (request.Assignee is { } a && RequestWords.IsOpen(request.State) ? $" ({a.Name})" : "")),
            new("Sent", request.CreatedAt.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)),
            new("Last change", await LastChangeAsync(request, cancellationToken).ConfigureAwait(false)),
        };
        if (request.PendingQuestion is { } q)
        {
            facts.Add(new("Question for you", q));
        }

        if (request.Conditions is { Length: > 0 } c)
        {
            facts.Add(new("Conditions", c));
        }

        if (request.Outcome is { Length: > 0 } o && request.State is RequestState.Declined or RequestState.Answered or RequestState.Revoked)
        {
            facts.Add(new(request.State == RequestState.Answered ? "Answer" : "Reason", o));
        }

        var buttons = new List<CardButton>();
        var asking = request.State == RequestState.NeedsInformation;
        if (asking)
        {
            buttons.Add(new CardButton("Send answer", RequestCardActions.ActData(request.Id, request.Version, "provide"), "positive"));
        }

        if (RequestWords.IsOpen(request.State))
        {
            buttons.Add(new CardButton("Withdraw", RequestCardActions.ActData(request.Id, request.Version, "withdraw")));
        }

        return new RequestSummaryView($"{request.Number} {request.Title}", facts, asking ? "info" : null, asking ? "Your answer" : null, buttons);
    }

    /// <summary>"in review (Dana Dean assigned it to Dana Dean, Dec 2, 09:14 UTC)": the state and its last audited change.</summary>
    private async Task<string> LastChangeAsync(StaffRequest request, CancellationToken cancellationToken)
    {
        var last = (await store.AuditAsync(request.Id, cancellationToken).ConfigureAwait(false)).LastOrDefault();
        return last is null
            ? RequestWords.Of(request.State)
            : $"{RequestWords.Of(request.State)} ({RequestCardBinding.HistoryLine(last)})";
    }

    private async Task<JObject> FormAsync(StaffRequest draft, Dictionary<string, string> values, IReadOnlyList<string> errors, IReadOnlyList<RequestRoute> routes, CancellationToken cancellationToken)
    {
        var school = values.TryGetValue("school", out var s) ? s : RequestRoutes.District;
        var route = routes.FirstOrDefault(r => r.Scope == school) ?? routes.FirstOrDefault(r => r.Scope == RequestRoutes.District) ?? routes[0];
        var administrators = draft.Kind == RequestKind.Presence ? await RosterChoicesAsync(route.TeamId, cancellationToken).ConfigureAwait(false) : [];
        var schools = routes.Where(r => r.Scope != RequestRoutes.District).Select(r => new TitledValue(r.TeamName ?? r.TeamId, r.Scope)).ToList();
        if (schools.Count > 0)
        {
            schools.Add(new TitledValue("District office (no school)", RequestRoutes.District));
        }

        var presence = draft.Kind == RequestKind.Presence;
        return RequestCards.Form(new RequestFormView(
            presence,
            draft.Id,
            presence ? "Ask administration: a class, team or school account" : "Ask administration: a question about the policy",
            presence
                ? "The policy says to contact the administration to set up an educational social media presence. Fill this in; I'll show it to you before sending."
                : "Your question goes to the administration with what you told me and my answer. I'll show it to you before sending.",
            errors,
            values,
            administrators,
            schools,
            RequestCardBinding.ContextLines(draft.Context)));
    }

    private async Task<IReadOnlyList<TitledValue>> RosterChoicesAsync(string teamId, CancellationToken cancellationToken)
    {
        try
        {
            var members = new List<TitledValue>();
            await foreach (var member in roster.ListMembersAsync(teamId, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (!string.IsNullOrWhiteSpace(member.AadObjectId))
                {
                    members.Add(new TitledValue(member.Name ?? member.Email ?? member.AadObjectId, member.AadObjectId));
                }
            }

            return [.. members.OrderBy(m => m.Title, StringComparer.CurrentCultureIgnoreCase).Take(100)];
        }
        catch (Exception e) when (e is TeamNotReachableException or HttpRequestException or InvalidOperationException)
        {
            logger.LogWarning(e, "Could not read team {TeamId}'s members for the request form.", teamId);
            return [];
        }
    }

    /// <summary>The district administrator picked (an object id) or typed (a name or e-mail), checked against the route's team roster.</summary>
    private async Task<(PersonRef? Person, string? Error)> ResolveAdministratorAsync(RequestRoute route, string picked, string typed, CancellationToken cancellationToken)
    {
        picked = picked.Trim();
        typed = typed.Trim();
        if (picked.Length == 0 && typed.Length == 0)
        {
            return (null, "District administrator: pick the approved district person who will administer the account, or type their name or school e-mail.");
        }

        var team = route.TeamName ?? "the district's team";
        List<RosterMember> members;
        try
        {
            members = [];
            await foreach (var member in roster.ListMembersAsync(route.TeamId, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                members.Add(member);
            }
        }
        catch (Exception e) when (e is TeamNotReachableException or HttpRequestException or InvalidOperationException)
        {
            logger.LogWarning(e, "Could not read team {TeamId}'s members to check a request's administrator.", route.TeamId);
            return (null, $"District administrator: I couldn't read {team}'s members just now to check the person. Please try again in a minute.");
        }

        if (typed.Length > 0 && picked.Length == 0)
        {
            var matches = members.Where(m => !string.IsNullOrWhiteSpace(m.AadObjectId) && (
                string.Equals(m.Email, typed, StringComparison.OrdinalIgnoreCase)
                || string.Equals(m.UserPrincipalName, typed, StringComparison.OrdinalIgnoreCase)
                || string.Equals(m.Name, typed, StringComparison.CurrentCultureIgnoreCase))).DistinctBy(m => m.AadObjectId).ToList();
            return matches.Count switch
            {
                1 => (new PersonRef(matches[0].AadObjectId!, matches[0].Name ?? typed), null),
                0 => (null, $"District administrator: nobody named '{typed}' is a member of {team}. Pick the person from the list, or type their full name or school e-mail as Teams shows it."),
                _ => (null, $"District administrator: {matches.Count} members of {team} are named '{typed}'. Pick the right one from the list, or type their school e-mail."),
            };
        }

        var chosen = members.FirstOrDefault(m => Same(m.AadObjectId, picked));
        return chosen is null
            ? (null, $"District administrator: the person picked is not a member of {team} any more. Pick someone else.")
            : (new PersonRef(chosen.AadObjectId!, chosen.Name ?? picked), null);
    }

    private async Task<(RequestAction? Action, string? Problem)> AssigneeAsync(StaffRequest request, string? aadObjectId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(aadObjectId))
        {
            return (null, "Pick the administrator to assign it to.");
        }

        if (!roles.RolesOf(aadObjectId).CanDecideFor(TeamOf(request)))
        {
            return (null, $"That person is not a request decider for {(request.TeamName ?? "the district")}, so request {request.Number} can't be assigned to them. Nothing was changed.");
        }

        if (Same(aadObjectId, request.Requester.AadObjectId))
        {
            return (null, $"Request {request.Number} can't be assigned to the person who sent it. Nothing was changed.");
        }

        var name = await RequestCardBinding.NameOfAsync(directory, roster, request, aadObjectId, cancellationToken).ConfigureAwait(false);
        return (new AssignAction(new PersonRef(aadObjectId.ToLowerInvariant(), name)), null);
    }

    private async Task<(StaffRequest? Draft, IReadOnlyList<Reply>? Refusal)> OwnDraftAsync(RequestTurn turn, long draftId, CancellationToken cancellationToken)
    {
        if (turn.Sender is not { } sender)
        {
            return (null, [new NoticeReply(NoSender)]);
        }

        var draft = await store.FindAsync(draftId, cancellationToken).ConfigureAwait(false);
        if (draft is null || !Same(draft.Requester.AadObjectId, sender.AadObjectId))
        {
            if (draft is not null)
            {
                logger.LogWarning("Refused a request form of {RequesterAadObjectId} to {AadObjectId} ({Name}).", draft.Requester.AadObjectId, sender.AadObjectId, sender.Name);
            }

            return (null, [new NoticeReply("That form is not yours (or was discarded), so I left it alone. Type \"new request\" to start your own.")]);
        }

        if (draft.State != RequestState.Draft)
        {
            return (null, [new NoticeReply($"Request {draft.Number} was already sent; it is {RequestWords.Of(draft.State)}. Type \"my requests\" to see it.")]);
        }

        return (draft, null);
    }

    private static IReadOnlyList<TitledValue> Summary(StaffRequest request) => RequestCardBinding.Details(request, includeRequester: false);

    private static string RouteWords(RequestRoute route) =>
        route.Scope == RequestRoutes.District
            ? $"the district administration's channel{(route.ChannelName is null ? "" : $" ({route.ChannelName})")}"
            : $"{route.TeamName ?? "your school"}'s administration channel{(route.ChannelName is null ? "" : $" ({route.ChannelName})")}";

    internal static TeamRef? TeamOf(StaffRequest request) => request.TeamId is null ? null : new TeamRef(request.TeamId, request.TeamAadGroupId);

    internal static string RequestPayload(long id) => new JObject { ["request"] = id }.ToString(Newtonsoft.Json.Formatting.None);

    /// <summary>The payload of a <see cref="RequestJobs.NudgeKind"/> job: the request and the reminder's round (1 for the first).</summary>
    public static string NudgePayload(long id, int round) => new JObject { ["request"] = id, ["round"] = round }.ToString(Newtonsoft.Json.Formatting.None);

    private static bool Same(string? a, string? b) => a is not null && b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string? Text(JObject data, string field) =>
        data[field] is JValue { Type: JTokenType.String } v && !string.IsNullOrWhiteSpace((string?)v) ? ((string)v!).Trim() : null;
}
