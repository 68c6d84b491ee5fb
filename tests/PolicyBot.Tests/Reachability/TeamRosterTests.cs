using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyBot.Reachability;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Reachability;

/// <summary>Team rosters through the <see cref="ITeamRoster"/> seam: the real one over Teams' paged member call, and a test roster.</summary>
public sealed class TeamRosterTests
{
    [Fact]
    public async Task The_Teams_roster_reads_every_page_through_the_stored_team_reference()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var host = await BotHost.StartAsync();
        var teams = new TeamsChatClient(host, connector);
        var channel = TeamsConversation.Channel(teamName: "Stevensville High");
        var staff = Enumerable.Range(1, 7).Select(i => TeamsUser.Create($"Staff {i}")).ToList();
        foreach (var person in staff)
        {
            teams.AddToRoster(channel, person);
        }

        await teams.SendAsync(teams.Activities.MembersAdded(channel, staff[0]));   // installs the bot in the team
        var roster = host.Services.GetRequiredService<ITeamRoster>();
        var first = await roster.GetMembersPageAsync(channel.TeamId!, null, 3, default);
        var everyone = await roster.ListMembersAsync(channel.TeamId!, pageSize: 3).ToListAsync();

        Assert.Equal(3, first.Members.Count);
        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(staff.Select(s => s.AadObjectId).Order(), everyone.Select(m => m.AadObjectId!).Order());
        Assert.Contains(everyone, m => m.Name == "Staff 4" && m.Email == "staff4@stevensville.k12.mt.us");
    }

    [Fact]
    public async Task A_team_the_bot_is_not_installed_in_is_refused_with_a_clear_message()
    {
        await using var host = await BotHost.StartAsync();
        var roster = host.Services.GetRequiredService<ITeamRoster>();

        var refused = await Assert.ThrowsAsync<TeamNotReachableException>(() => roster.GetMembersPageAsync("19:unknown@thread.tacv2", null, 50, default));

        Assert.Contains("not installed in team '19:unknown@thread.tacv2'", refused.Message);
    }

    [Fact]
    public async Task A_test_roster_answers_through_the_seam_and_the_listing_follows_its_pages()
    {
        var testRoster = new PagedTestRoster("19:school@thread.tacv2", Enumerable.Range(1, 5).Select(i => $"Member {i}").ToList(), pageSize: 2);
        await using var host = await BotHost.StartAsync(new BotHostOptions
        {
            ConfigureServices = services =>
            {
                services.RemoveAll<ITeamRoster>();
                services.AddSingleton<ITeamRoster>(testRoster);
            },
        });

        var members = await host.Services.GetRequiredService<ITeamRoster>().ListMembersAsync("19:school@thread.tacv2").ToListAsync();

        Assert.Equal(["Member 1", "Member 2", "Member 3", "Member 4", "Member 5"], members.Select(m => m.Name));
        Assert.Equal(3, testRoster.Calls);
    }

    /// <summary>A roster that answers one team, a fixed number of members per page, with its own continuation tokens.</summary>
    private sealed class PagedTestRoster(string teamId, IReadOnlyList<string> names, int pageSize) : ITeamRoster
    {
        public int Calls { get; private set; }

        public Task<RosterPage> GetMembersPageAsync(string team, string? continuationToken, int requested, CancellationToken cancellationToken)
        {
            Calls++;
            if (team != teamId)
            {
                throw new TeamNotReachableException(team);
            }

            var start = continuationToken is null ? 0 : int.Parse(continuationToken.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
            var page = names.Skip(start).Take(pageSize)
                .Select((name, i) => new RosterMember($"29:{start + i}", name, Guid.NewGuid().ToString(), null, null, null)).ToList();
            var next = start + page.Count < names.Count ? $"page:{start + page.Count}" : null;
            return Task.FromResult(new RosterPage(page, next));
        }
    }
}
