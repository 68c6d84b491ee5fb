using Microsoft.Extensions.Time.Testing;
using PolicyBot.Hosting;
using PolicyBot.Tests.Infrastructure;
using static PolicyBot.Tests.Conversation.Cards;

namespace PolicyBot.Tests.Conversation;

/// <summary>
/// The app reads the times in a question in the district's zone (<see cref="SettingsKeys.DistrictTimeZone"/>), over
/// HTTP: at 02:00 UTC on Saturday 5 December 2026 it is still Friday 7 pm in Montana, so "10am today" is a school day;
/// with the zone set to UTC the same question is about a Saturday.
/// </summary>
public class DistrictTimeTests
{
    private static readonly DateTimeOffset FridayEveningInMontana = new(2026, 12, 5, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("", "during the school day")]
    [InlineData("America/Denver", "during the school day")]
    [InlineData("Etc/UTC", "outside school hours")]
    public async Task Today_is_the_districts_day(string zone, string understood)
    {
        await using var connector = await FakeBotConnector.StartAsync();
        var options = new BotHostOptions().UseClock(new FakeTimeProvider(FridayEveningInMontana));
        options.Settings[SettingsKeys.DistrictTimeZone] = zone;
        await using var host = await BotHost.StartAsync(options);
        var teams = new TeamsChatClient(host, connector);

        var card = LastCard(await teams.SayAsync(TeamsConversation.Personal(), TeamsUser.Create("Pat Teacher"), "Can I check Facebook at 10am today?"));

        Assert.Contains(understood, TextOf(card));
    }
}
