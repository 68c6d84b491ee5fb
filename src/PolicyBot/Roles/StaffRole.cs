namespace PolicyBot.Roles;

/// <summary>The administrator roles, each listed in its own setting. A person may hold both.</summary>
public enum StaffRole
{
    /// <summary>Sends policy reminders (campaigns) and test messages to staff (<see cref="Hosting.SettingsKeys.CampaignAuthors"/>).</summary>
    CampaignAuthor,

    /// <summary>Approves, declines or asks about staff requests, district-wide or for chosen teams (<see cref="Hosting.SettingsKeys.RequestDeciders"/>).</summary>
    RequestDecider,
}

/// <summary>A school's team as an activity names it: either id may be missing. No Bot Framework types.</summary>
/// <param name="TeamId">The Teams id of the team (<c>19:…@thread.tacv2</c>).</param>
/// <param name="AadGroupId">The team's Microsoft 365 group id (a GUID).</param>
public sealed record TeamRef(string? TeamId, string? AadGroupId);

/// <summary>The roles one person holds.</summary>
/// <param name="IsCampaignAuthor">Listed in <see cref="Hosting.SettingsKeys.CampaignAuthors"/>.</param>
/// <param name="DecidesEverywhere">Listed in <see cref="Hosting.SettingsKeys.RequestDeciders"/> without a team: decides for every school.</param>
/// <param name="DecidesForTeams">The teams (as configured: Microsoft 365 group ids or Teams ids) the person decides for; empty when none or everywhere.</param>
public sealed record PersonRoles(bool IsCampaignAuthor, bool DecidesEverywhere, IReadOnlyList<string> DecidesForTeams)
{
    /// <summary>Someone with no administrator role.</summary>
    public static PersonRoles None { get; } = new(false, false, []);

    /// <summary>True when the person decides requests anywhere.</summary>
    public bool IsRequestDecider => DecidesEverywhere || DecidesForTeams.Count > 0;

    /// <summary>True when the person holds no administrator role.</summary>
    public bool IsNone => !IsCampaignAuthor && !IsRequestDecider;

    /// <summary>The roles held, in <see cref="StaffRole"/> order.</summary>
    public IReadOnlyList<StaffRole> Roles =>
        [.. new[] { (IsCampaignAuthor, StaffRole.CampaignAuthor), (IsRequestDecider, StaffRole.RequestDecider) }.Where(r => r.Item1).Select(r => r.Item2)];

    /// <summary>True when the person may decide requests of <paramref name="team"/> (null: a request tied to no team, which only district-wide deciders decide).</summary>
    /// <param name="team">The team the request belongs to.</param>
    public bool CanDecideFor(TeamRef? team)
    {
        if (DecidesEverywhere)
        {
            return true;
        }

        return team is not null && DecidesForTeams.Any(scope =>
            string.Equals(scope, team.TeamId, StringComparison.OrdinalIgnoreCase)
            || (Guid.TryParse(scope, out var group) && Guid.TryParse(team.AadGroupId, out var teamGroup) && group == teamGroup));
    }
}
