using PolicyBot.Delivery;

namespace PolicyBot.Reachability;

/// <summary>
/// The writing side of the recipient directory and the listings the campaign feature needs, beside
/// <see cref="IRecipientDirectory"/> (the agreed seam, kept as it is). Implemented by <see cref="SqliteRecipientDirectory"/>.
/// </summary>
public interface IRecipientRegistry : IRecipientDirectory
{
    /// <summary>
    /// Applies what one activity shows: stores or refreshes each seen conversation (its reference, service URL and
    /// names) and makes it reachable again; marks gone conversations (or a whole team's channels) unreachable.
    /// </summary>
    /// <param name="update">What the activity shows.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task ApplyAsync(ReachabilityUpdate update, CancellationToken cancellationToken);

    /// <summary>Every team the bot is installed in, with its channels, ordered by team name then channel name.</summary>
    /// <param name="includeUnreachable">True to include teams and channels marked unreachable (with their reason).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<TeamEntry>> ListTeamsAsync(bool includeUnreachable, CancellationToken cancellationToken);

    /// <summary>Every reachable group chat the bot is in (kind <see cref="RecipientKinds.GroupChat"/>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<StoredRecipient>> ListReachableGroupChatsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A team the bot reaches, with its reachable channels (General first: its conversation reference reaches the
    /// team's roster); null when the bot is not (or no longer) installed in it.
    /// </summary>
    /// <param name="teamId">The team's id (<c>19:…@thread.tacv2</c>) or its Microsoft 365 group id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<TeamEntry?> FindTeamAsync(string teamId, CancellationToken cancellationToken);
}

/// <summary>A team the bot is installed in.</summary>
/// <param name="TeamId">The team's Teams id (<c>19:…@thread.tacv2</c>).</param>
/// <param name="Name">The team's name as last seen; null when Teams never sent it.</param>
/// <param name="AadGroupId">The team's Microsoft 365 group id, when Teams sent it.</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="Channels">Its known channels, by name.</param>
public sealed record TeamEntry(string TeamId, string? Name, string? AadGroupId, string? TenantId, IReadOnlyList<ChannelEntry> Channels);

/// <summary>A channel of a team.</summary>
/// <param name="Recipient">The channel as a recipient (<see cref="StoredRecipient.Key"/> is what the outbox sends to).</param>
/// <param name="ChannelId">The channel's id.</param>
/// <param name="Name">The channel's name as last seen (<c>General</c> for the team's first channel); null when unknown.</param>
public sealed record ChannelEntry(StoredRecipient Recipient, string ChannelId, string? Name);
