using System.Runtime.CompilerServices;

namespace PolicyBot.Reachability;

/// <summary>
/// A team's members, a page at a time, as Teams' paged member call returns them (<c>TeamsInfo.GetPagedTeamMembersAsync</c>).
/// A seam: <see cref="TeamsRoster"/> asks Teams through the stored team reference; tests (and anything that must not
/// call Teams) answer with their own roster.
/// </summary>
public interface ITeamRoster
{
    /// <summary>One page of the team's members.</summary>
    /// <param name="teamId">The team's id (<c>19:…@thread.tacv2</c>) or its Microsoft 365 group id.</param>
    /// <param name="continuationToken">Null for the first page; then the previous page's <see cref="RosterPage.ContinuationToken"/>.</param>
    /// <param name="pageSize">Members per page wanted (Teams allows 50 to 500; it may return fewer).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="TeamNotReachableException">The bot is not installed in the team (or no longer reaches it).</exception>
    Task<RosterPage> GetMembersPageAsync(string teamId, string? continuationToken, int pageSize, CancellationToken cancellationToken);
}

/// <summary>A member of a team, without Bot Framework types.</summary>
/// <param name="Id">The Bot Framework user id (<c>29:…</c>).</param>
/// <param name="Name">Display name.</param>
/// <param name="AadObjectId">Microsoft Entra object id; null for members Teams gives none (guests may lack one).</param>
/// <param name="Email">E-mail, when Teams gives it.</param>
/// <param name="UserPrincipalName">UPN, when Teams gives it.</param>
/// <param name="TenantId">The member's tenant, when Teams gives it.</param>
public sealed record RosterMember(string Id, string? Name, string? AadObjectId, string? Email, string? UserPrincipalName, string? TenantId);

/// <summary>One page of a roster.</summary>
/// <param name="Members">The members on this page.</param>
/// <param name="ContinuationToken">The token for the next page; null on the last page.</param>
public sealed record RosterPage(IReadOnlyList<RosterMember> Members, string? ContinuationToken);

/// <summary>The bot cannot ask a team for its roster: it is not installed there (or was removed).</summary>
/// <param name="teamId">The team asked about.</param>
public sealed class TeamNotReachableException(string teamId)
    : InvalidOperationException($"PolicyBot is not installed in team '{teamId}' (or was removed from it), so it cannot read its members. Install the app in the team first.")
{
    /// <summary>The team asked about.</summary>
    public string TeamId { get; } = teamId;
}

/// <summary>Reading a whole roster through its pages.</summary>
public static class TeamRosterExtensions
{
    /// <summary>Teams' largest page: fewest calls for a large school.</summary>
    public const int DefaultPageSize = 500;

    /// <summary>Every member of the team, page by page, each member once (a member repeated across pages is skipped).</summary>
    /// <param name="roster">The roster seam.</param>
    /// <param name="teamId">The team's id or Microsoft 365 group id.</param>
    /// <param name="pageSize">Members per page.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <exception cref="TeamNotReachableException">The bot is not installed in the team.</exception>
    public static async IAsyncEnumerable<RosterMember> ListMembersAsync(
        this ITeamRoster roster, string teamId, int pageSize = DefaultPageSize, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentException.ThrowIfNullOrWhiteSpace(teamId);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var page = await roster.GetMembersPageAsync(teamId, token, pageSize, cancellationToken).ConfigureAwait(false);
            foreach (var member in page.Members.Where(m => seen.Add(m.Id)))
            {
                yield return member;
            }

            // A token equal to the one just used would loop for ever: treat it as the end.
            token = string.IsNullOrEmpty(page.ContinuationToken) || page.ContinuationToken == token ? null : page.ContinuationToken;
        }
        while (token is not null);
    }
}
