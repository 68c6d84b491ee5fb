namespace PolicyBot.Roles;

/// <summary>What an administrator may do; each needs a role.</summary>
public enum AdministratorAction
{
    /// <summary>Queue a short test message to everyone reachable (campaign authors).</summary>
    SendTestMessage,

    /// <summary>Send a policy reminder to staff, a team or a channel (campaign authors).</summary>
    SendPolicyReminder,

    /// <summary>Approve, decline or ask about a staff request (request deciders, for the request's team).</summary>
    DecideRequest,

    /// <summary>List the verdicts staff marked "not right", with their situations and no names (request deciders, any team).</summary>
    ReviewFeedback,
}

/// <summary>
/// Who sent the activity that asks for an action, read by the caller from the activity itself: <c>From.AadObjectId</c>
/// and <c>From.Name</c>, never from card data (anyone can post a card submit with any data in it).
/// </summary>
/// <param name="AadObjectId">The sender's Microsoft Entra object id; null when the channel gives none.</param>
/// <param name="Name">The sender's display name, for the log.</param>
/// <param name="ConversationId">Where the request came from, for the log.</param>
public sealed record Actor(string? AadObjectId, string? Name, string? ConversationId);

/// <summary>The answer of <see cref="Authorizer.Authorize"/>.</summary>
/// <param name="Allowed">True when the actor may do it.</param>
/// <param name="Refusal">When refused: a polite message for the person, saying what is needed and how to get it; else null.</param>
public sealed record AuthorizationResult(bool Allowed, string? Refusal)
{
    /// <summary>Allowed.</summary>
    public static AuthorizationResult Allow { get; } = new(true, null);
}

/// <summary>
/// Checks every administrator action against <see cref="RoleAssignments"/> for the activity's sender, and logs each
/// refusal (warning: action, object id, name, conversation) so an IT administrator can see who tried what.
/// No Bot Framework types.
/// </summary>
public sealed class Authorizer(RoleAssignments roles, ILogger<Authorizer> logger, PolicyBot.Privacy.LogPrivacy? privacy = null)
{
    /// <summary>Whether <paramref name="actor"/> may do <paramref name="action"/>.</summary>
    /// <param name="actor">The activity's sender.</param>
    /// <param name="action">The action.</param>
    /// <param name="team">For <see cref="AdministratorAction.DecideRequest"/>: the team the request belongs to (null: none).</param>
    public AuthorizationResult Authorize(Actor actor, AdministratorAction action, TeamRef? team = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var what = Describe(action);
        if (string.IsNullOrWhiteSpace(actor.AadObjectId))
        {
            return Refuse(actor, action, "no Entra object id",
                $"Sorry, I can't tell which Microsoft Entra account you are using, so I can't check whether you may {what}. Please try again from Microsoft Teams.");
        }

        var held = roles.RolesOf(actor.AadObjectId);
        switch (action)
        {
            case AdministratorAction.SendTestMessage or AdministratorAction.SendPolicyReminder when held.IsCampaignAuthor:
                return AuthorizationResult.Allow;
            case AdministratorAction.SendTestMessage or AdministratorAction.SendPolicyReminder:
                return Refuse(actor, action, "not a campaign author",
                    $"Sorry, only campaign authors may {what}: the administrators your IT team lists in PolicyBot's CampaignAuthors setting, and you are not on that list. " +
                    $"If you should be, ask your IT administrator to add your Microsoft Entra object id ({actor.AadObjectId}). Type \"roles\" to see what you can do.");
            case AdministratorAction.DecideRequest when held.CanDecideFor(team):
                return AuthorizationResult.Allow;
            case AdministratorAction.DecideRequest when held.IsRequestDecider:
                return Refuse(actor, action, "request decider for other teams only",
                    $"Sorry, you decide staff requests for other schools' teams, not this one. Its request deciders will decide it; if you should too, " +
                    $"ask your IT administrator to add this team to your entry in PolicyBot's RequestDeciders setting.");
            case AdministratorAction.ReviewFeedback when held.IsRequestDecider:
                return AuthorizationResult.Allow;
            case AdministratorAction.DecideRequest or AdministratorAction.ReviewFeedback:
                return Refuse(actor, action, "not a request decider",
                    $"Sorry, only request deciders may {what}: the administrators your IT team lists in PolicyBot's RequestDeciders setting, and you are not on that list. " +
                    $"If you should be, ask your IT administrator to add your Microsoft Entra object id ({actor.AadObjectId}). Type \"roles\" to see what you can do.");
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown administrator action.");
        }
    }

    /// <summary>The action in words, as in "only campaign authors may …".</summary>
    /// <param name="action">The action.</param>
    public static string Describe(AdministratorAction action) => action switch
    {
        AdministratorAction.SendTestMessage => "send a test message to all staff",
        AdministratorAction.SendPolicyReminder => "send policy reminders to staff",
        AdministratorAction.DecideRequest => "decide staff requests",
        AdministratorAction.ReviewFeedback => "see the answers staff marked \"not right\"",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown administrator action."),
    };

    private AuthorizationResult Refuse(Actor actor, AdministratorAction action, string reason, string message)
    {
        logger.LogWarning(
            "Refused {Action} to {AadObjectId} ({Name}) in conversation {ConversationId}: {Reason}.",
            action, actor.AadObjectId ?? "(no object id)", privacy?.Name(actor.Name) ?? "(name not logged)", actor.ConversationId, reason);
        return new AuthorizationResult(false, message);
    }
}
