using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json;
using PolicyBot.Hosting;

namespace PolicyBot.Reachability;

/// <summary>
/// <see cref="ITeamRoster"/> through Teams: continues the conversation of a stored channel of the team (its General
/// channel when known, <see cref="IRecipientRegistry.FindTeamAsync"/>) and calls
/// <c>TeamsInfo.GetPagedTeamMembersAsync</c> in that turn, so it works outside any incoming activity (a scheduled
/// campaign). The Agents Playground's mock connector answers the same call.
/// </summary>
public sealed class TeamsRoster(BotAdapter adapter, IRecipientRegistry registry, BotRuntimeSettings settings) : ITeamRoster
{
    /// <inheritdoc />
    public async Task<RosterPage> GetMembersPageAsync(string teamId, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(teamId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var team = await registry.FindTeamAsync(teamId, cancellationToken).ConfigureAwait(false);
        if (team is null || team.Channels.Count == 0
            || JsonConvert.DeserializeObject<ConversationReference>(team.Channels[0].Recipient.ConversationReferenceJson) is not { } reference)
        {
            throw new TeamNotReachableException(teamId);
        }

        TeamsPagedMembersResult? result = null;
        await adapter.ContinueConversationAsync(
            settings.AppId ?? string.Empty,
            reference,
            async (turnContext, token) =>
            {
                // The paged call wants the Teams id of the team, not its Microsoft 365 group id.
                result = await TeamsInfo.GetPagedTeamMembersAsync(turnContext, team.TeamId, continuationToken, pageSize, token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);

        var members = (result?.Members ?? []).Select(m => new RosterMember(
            m.Id, m.Name, string.IsNullOrWhiteSpace(m.AadObjectId) ? null : m.AadObjectId, m.Email, m.UserPrincipalName, m.TenantId)).ToList();
        return new RosterPage(members, string.IsNullOrEmpty(result?.ContinuationToken) ? null : result.ContinuationToken);
    }
}
