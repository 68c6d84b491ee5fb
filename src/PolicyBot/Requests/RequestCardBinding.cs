using System.Globalization;
using PolicyBot.Cards;
using PolicyBot.Reachability;
using PolicyBot.Roles;

namespace PolicyBot.Requests;

/// <summary>A request as its cards show it (the views of <see cref="RequestCards"/>). Pure, apart from name look-ups.</summary>
public static class RequestCardBinding
{
    /// <summary>"Dec 2, 09:14 UTC · Dana Dean approved it: No faces."</summary>
    /// <param name="entry">An audit line.</param>
    public static string HistoryLine(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var what = entry.Action switch
        {
            "create" => "started it",
            "submit" => "sent it",
            "assign" when entry.Note == entry.Actor.Name => "took it",
            "assign" => $"assigned it to {entry.Note}",
            "ask" => $"asked: \"{entry.Note}\"",
            "provide-information" => $"answered: \"{entry.Note}\"",
            "approve" => entry.Note is null ? "approved it" : $"approved it with conditions: {entry.Note}",
            "decline" => $"declined it: {entry.Note}",
            "answer" => $"answered: {entry.Note}",
            "withdraw" => "withdrew it",
            "revoke" => $"revoked the approval: {entry.Note}",
            _ => entry.Action,
        };
        return $"{entry.At.UtcDateTime.ToString("MMM d, HH:mm", CultureInfo.InvariantCulture)} UTC · {entry.Actor.Name} {what}";
    }

    /// <summary>The request's lines: requester (optional), school, then the form's fields or the question.</summary>
    /// <param name="request">The request.</param>
    /// <param name="includeRequester">True on the administration's card.</param>
    public static IReadOnlyList<TitledValue> Details(StaffRequest request, bool includeRequester)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lines = new List<TitledValue>();
        if (includeRequester)
        {
            lines.Add(new("Requester", request.Requester.Name));
            lines.Add(new("School", request.TeamName ?? "District (no school channel)"));
            if (request.State != RequestState.Draft)
            {
                lines.Add(new("Sent", request.CreatedAt.UtcDateTime.ToString("MMMM d, yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture)));
            }
        }

        if (request.Presence is { } p)
        {
            lines.Add(new("Platform", p.Platform));
            if (p.Name.Length > 0)
            {
                lines.Add(new("Account", p.Name));
            }

            lines.Add(new("Purpose", p.Purpose));
            lines.Add(new("Audience", p.Audience));
            lines.Add(new("District administrator", p.Administrator.Name));
            lines.Add(new("Will post", string.Join(", ", p.Posts.Select(id => RequestCards.PostKinds.FirstOrDefault(k => k.Value == id)?.Title ?? id))));
            if (p.StartDate is { } start)
            {
                lines.Add(new("Wanted from", start.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)));
            }

            if (p.Note.Length > 0)
            {
                lines.Add(new("Note", p.Note));
            }
        }
        else if (request.Question is { } q)
        {
            lines.Add(new("Question", q.OwnWords));
        }

        if (!includeRequester)
        {
            lines.Add(new("School", request.TeamName ?? "District"));
        }

        if (request.PendingQuestion is { } pending)
        {
            lines.Add(new("Waiting for an answer to", pending));
        }

        if (request.Conditions is { Length: > 0 } conditions)
        {
            lines.Add(new("Conditions", conditions));
        }

        if (request.Outcome is { Length: > 0 } outcome)
        {
            lines.Add(new(request.State == RequestState.Answered ? "Answer" : "Reason", outcome));
        }

        return lines;
    }

    /// <summary>What goes with the request, as lines for the form: the facts, then the verdict.</summary>
    public static IReadOnlyList<string> ContextLines(RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var lines = context.Facts.Select(f => "• " + f).ToList();
        if (context.VerdictWords.Length > 0)
        {
            lines.Add($"My answer: {context.VerdictWords}. {context.VerdictAnswer}");
            if (context.Clauses.Count > 0)
            {
                lines.Add("Clauses: " + string.Join(", ", context.Clauses.Select(c => $"{c.Id} ({c.Heading})")));
            }
        }

        return lines;
    }

    /// <summary>The administration's card of <paramref name="request"/> at its current version.</summary>
    /// <param name="request">The request as stored.</param>
    /// <param name="audit">Its audit trail.</param>
    /// <param name="deciders">Administrators who may take it (name, object id).</param>
    public static RequestChannelView ChannelView(StaffRequest request, IReadOnlyList<AuditEntry> audit, IReadOnlyList<TitledValue> deciders)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(audit);
        var open = RequestWords.IsOpen(request.State);
        var deciding = request.State is RequestState.Submitted or RequestState.InReview;
        var stateLine = RequestWords.Of(request.State).ToUpperInvariant() + (request.Assignee is { } a && open ? $" · assigned to {a.Name}" : "");
        var style = request.State switch
        {
            RequestState.Submitted => "accent",
            RequestState.InReview => "accent",
            RequestState.NeedsInformation => "warning",
            RequestState.Approved or RequestState.Answered => "good",
            RequestState.Declined or RequestState.Revoked => "attention",
            _ => "default",
        };
        var context = request.Context;
        return new RequestChannelView(
            $"Request {request.Number} · {RequestWords.Of(request.Kind)}: {request.Title}",
            stateLine,
            style,
            Details(request, includeRequester: true),
            context.Facts,
            context.VerdictWords.Length == 0 ? "" : $"PolicyBot's answer: **{context.VerdictWords}**. {context.VerdictAnswer}",
            context.Ambiguity ?? "",
            context.Clauses.Select(c => (c.Id, c.Heading, c.Text)).ToList(),
            audit.Where(e => e.Action != "create").Select(HistoryLine).ToList(),
            deciders.Where(d => !string.Equals(d.Value, request.Requester.AadObjectId, StringComparison.OrdinalIgnoreCase)).ToList(),
            request.Id,
            request.Version,
            CanAssign: open,
            CanApprove: deciding && request.Kind == RequestKind.Presence,
            CanAnswer: deciding && request.Kind == RequestKind.Question,
            CanAsk: deciding,
            CanRevoke: request.State == RequestState.Approved);
    }

    /// <summary>A person's name: from the request's team roster, else the recipient directory, else their object id.</summary>
    public static async Task<string> NameOfAsync(IRecipientRegistry directory, ITeamRoster roster, StaffRequest request, string aadObjectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(request);
        var tenant = request.RequesterKey.Split(':') is { Length: >= 3 } parts ? parts[1] : null;
        if ((await directory.FindAsync(RecipientKeys.Person(tenant, aadObjectId), cancellationToken).ConfigureAwait(false))?.Name is { Length: > 0 } known)
        {
            return known;
        }

        if (request.ChannelKey is not null && await TeamOfChannelAsync(directory, request.ChannelKey, cancellationToken).ConfigureAwait(false) is { } team)
        {
            try
            {
                await foreach (var member in roster.ListMembersAsync(team, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    if (string.Equals(member.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase) && member.Name is { Length: > 0 } name)
                    {
                        return name;
                    }
                }
            }
            catch (Exception e) when (e is TeamNotReachableException or HttpRequestException or InvalidOperationException)
            {
                // The name is for display only: the object id stands in.
            }
        }

        return aadObjectId;
    }

    /// <summary>The request deciders among a team's members who may decide <paramref name="request"/> (name, object id).</summary>
    public static async Task<IReadOnlyList<TitledValue>> DecidersAsync(ITeamRoster roster, RoleAssignments roles, string teamId, StaffRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(roles);
        var team = RequestService.TeamOf(request);
        var deciders = new List<TitledValue>();
        try
        {
            await foreach (var member in roster.ListMembersAsync(teamId, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (member.AadObjectId is { Length: > 0 } id && roles.RolesOf(id).CanDecideFor(team))
                {
                    deciders.Add(new TitledValue(member.Name ?? id, id.ToLowerInvariant()));
                }
            }
        }
        catch (Exception e) when (e is TeamNotReachableException or HttpRequestException or InvalidOperationException)
        {
            // Without the roster only "Assign to me" works; the card says so.
        }

        return [.. deciders.DistinctBy(d => d.Value).OrderBy(d => d.Title, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>The team id of a channel recipient key, from the directory's teams.</summary>
    public static async Task<string?> TeamOfChannelAsync(IRecipientRegistry directory, string channelKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var teams = await directory.ListTeamsAsync(includeUnreachable: true, cancellationToken).ConfigureAwait(false);
        return teams.FirstOrDefault(t => t.Channels.Any(c => c.Recipient.Key == channelKey))?.TeamId;
    }
}
