using Microsoft.Extensions.Logging.Abstractions;
using PolicyBot.Hosting;
using PolicyBot.Roles;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Roles;

/// <summary>The role settings: their format, the errors a wrong entry gets, and what each role allows.</summary>
public sealed class RoleAssignmentsTests
{
    private const string Ada = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private const string Grace = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    private const string Alan = "a3bb189e-8bf9-3888-9912-ace4e6543002";
    private const string SchoolGroup = "1b4e28ba-2fa1-11d2-883f-0016d3cca427";
    private const string SchoolTeam = "19:2f8b1c0e5a8f4c9b8d7e6f5a4b3c2d1e@thread.tacv2";

    [Fact]
    public void Campaign_authors_and_deciders_are_read_and_a_person_may_hold_both()
    {
        var roles = RoleAssignments.Parse($"{Ada}, {Grace.ToUpperInvariant()}", $"{Ada};{Alan}@{SchoolGroup}\n{Alan}@{SchoolTeam}");

        var ada = roles.RolesOf(Ada);
        Assert.True(ada.IsCampaignAuthor);
        Assert.True(ada.DecidesEverywhere);
        Assert.Equal([StaffRole.CampaignAuthor, StaffRole.RequestDecider], ada.Roles);
        Assert.True(roles.RolesOf(Grace).IsCampaignAuthor);   // object ids compare case-insensitively
        Assert.False(roles.RolesOf(Grace).IsRequestDecider);
        var alan = roles.RolesOf(Alan);
        Assert.False(alan.IsCampaignAuthor);
        Assert.Equal([SchoolGroup, SchoolTeam], alan.DecidesForTeams);
        Assert.Equal(2, roles.CampaignAuthorCount);
        Assert.Equal(2, roles.RequestDeciderCount);
        Assert.True(roles.RolesOf(Guid.NewGuid().ToString()).IsNone);
        Assert.True(roles.RolesOf(null).IsNone);
    }

    [Fact]
    public void Empty_settings_give_nobody_a_role()
    {
        var roles = RoleAssignments.Parse(null, "  ");

        Assert.Equal(0, roles.CampaignAuthorCount);
        Assert.True(roles.RolesOf(Ada).IsNone);
    }

    [Fact]
    public void A_decider_scoped_to_a_team_decides_for_that_team_by_either_of_its_ids_and_no_other()
    {
        var roles = RoleAssignments.Parse(null, $"{Alan}@{SchoolGroup}, {Grace}@{SchoolTeam}");

        Assert.True(roles.RolesOf(Alan).CanDecideFor(new TeamRef("19:anything@thread.tacv2", SchoolGroup.ToUpperInvariant())));
        Assert.True(roles.RolesOf(Grace).CanDecideFor(new TeamRef(SchoolTeam, null)));
        Assert.False(roles.RolesOf(Alan).CanDecideFor(new TeamRef(SchoolTeam, Guid.NewGuid().ToString())));
        Assert.False(roles.RolesOf(Alan).CanDecideFor(null));   // a request tied to no team: district-wide deciders only
    }

    [Fact]
    public void A_wrong_entry_is_refused_naming_the_setting_the_entry_and_the_fix()
    {
        var refused = Assert.Throws<RoleSettingsException>(() =>
            RoleAssignments.Parse($"{Ada}, ada@stevensville.k12.mt.us, {Grace}@{SchoolGroup}", $"{Alan}@General, not-a-guid"));

        var lines = refused.Message.Split(Environment.NewLine);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("CampaignAuthors entry 2 'ada@stevensville.k12.mt.us': 'ada' is not a Microsoft Entra object id (an e-mail address", lines[0], StringComparison.Ordinal);
        Assert.Contains("CampaignAuthors entry 3", lines[1]);
        Assert.Contains("campaign authors are not scoped to a team", lines[1]);
        Assert.Contains("RequestDeciders entry 1", lines[2]);
        Assert.Contains("'General' is not a team", lines[2]);
        Assert.Contains("Microsoft 365 group id", lines[2]);
        Assert.Contains("RequestDeciders entry 2 'not-a-guid': 'not-a-guid' is not a Microsoft Entra object id", lines[3]);
        Assert.Contains("Object ID", lines[3]);
    }

    [Fact]
    public async Task The_bot_refuses_to_start_with_a_wrong_role_setting()
    {
        var options = new BotHostOptions();
        options.Settings[SettingsKeys.RequestDeciders] = "principal@stevensville.k12.mt.us";

        var refused = await Assert.ThrowsAsync<RoleSettingsException>(() => BotHost.StartAsync(options));

        Assert.Contains("RequestDeciders entry 1", refused.Message);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("61")]
    public async Task The_bot_refuses_to_start_with_a_reply_budget_out_of_range(string value)
    {
        var options = new BotHostOptions();
        options.Settings[SettingsKeys.ReplyTimeBudgetSeconds] = value;

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => BotHost.StartAsync(options));

        Assert.Contains($"ReplyTimeBudgetSeconds '{value}' is not a number of seconds from 0 to 60", refused.Message);
    }

    [Fact]
    public void The_authorizer_refuses_each_action_politely_and_says_how_to_get_the_role()
    {
        var roles = RoleAssignments.Parse(Ada, $"{Ada}, {Alan}@{SchoolGroup}");
        var authorizer = new Authorizer(roles, NullLogger<Authorizer>.Instance);

        Assert.True(authorizer.Authorize(new Actor(Ada, "Ada", "a:1"), AdministratorAction.SendPolicyReminder).Allowed);
        Assert.True(authorizer.Authorize(new Actor(Alan, "Alan", "19:x"), AdministratorAction.DecideRequest, new TeamRef(null, SchoolGroup)).Allowed);

        var notAuthor = authorizer.Authorize(new Actor(Alan, "Alan", "a:2"), AdministratorAction.SendTestMessage);
        Assert.False(notAuthor.Allowed);
        Assert.StartsWith("Sorry, only campaign authors may send a test message to all staff", notAuthor.Refusal);
        Assert.Contains(Alan, notAuthor.Refusal);
        var otherSchool = authorizer.Authorize(new Actor(Alan, "Alan", "19:y"), AdministratorAction.DecideRequest, new TeamRef(SchoolTeam, null));
        Assert.Contains("other schools' teams, not this one", otherSchool.Refusal);
        var nobody = authorizer.Authorize(new Actor(Grace, "Grace", "a:3"), AdministratorAction.DecideRequest);
        Assert.StartsWith("Sorry, only request deciders may decide staff requests", nobody.Refusal);
        var unknown = authorizer.Authorize(new Actor(null, "Guest", "a:4"), AdministratorAction.SendTestMessage);
        Assert.Contains("can't tell which Microsoft Entra account", unknown.Refusal);
    }
}
