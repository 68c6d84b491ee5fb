using PolicyBot.Campaigns.Scheduling;

namespace PolicyBot.Tests.Campaigns.Scheduling;

/// <summary>The missed-send rule: less than the grace late goes out now; the grace or more late is reported missed.</summary>
public sealed class MissedSendRuleTests
{
    private static readonly DateTimeOffset Due = new(2026, 12, 7, 8, 0, 0, TimeSpan.FromHours(-7));

    [Theory]
    [InlineData(-60, MissedSendVerdict.NotYetDue)] // an hour early
    [InlineData(-1, MissedSendVerdict.NotYetDue)]
    [InlineData(0, MissedSendVerdict.SendNow)] // exactly on time
    [InlineData(1, MissedSendVerdict.SendNow)]
    [InlineData(29, MissedSendVerdict.SendNow)]
    [InlineData(30, MissedSendVerdict.Missed)] // exactly the grace late: not "less than"
    [InlineData(31, MissedSendVerdict.Missed)]
    [InlineData(60 * 24 * 3, MissedSendVerdict.Missed)] // down over a weekend
    public void A_send_with_30_minutes_grace(int minutesLate, MissedSendVerdict expected) =>
        Assert.Equal(expected, new MissedSendRule(TimeSpan.FromMinutes(30)).Judge(Due, Due.AddMinutes(minutesLate)));

    [Fact]
    public void Offsets_do_not_matter_only_instants()
    {
        var rule = new MissedSendRule(TimeSpan.FromMinutes(30));
        // 15:20 UTC is 08:20 in Denver: 20 minutes late.
        Assert.Equal(MissedSendVerdict.SendNow, rule.Judge(Due, new DateTimeOffset(2026, 12, 7, 15, 20, 0, TimeSpan.Zero)));
        Assert.Equal(MissedSendVerdict.Missed, rule.Judge(Due, new DateTimeOffset(2026, 12, 7, 15, 40, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Zero_grace_sends_only_on_the_dot()
    {
        var rule = new MissedSendRule(TimeSpan.Zero);
        Assert.Equal(MissedSendVerdict.SendNow, rule.Judge(Due, Due));
        Assert.Equal(MissedSendVerdict.Missed, rule.Judge(Due, Due.AddSeconds(1)));
    }

    [Fact]
    public void A_negative_grace_is_an_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MissedSendRule(TimeSpan.FromMinutes(-1)).Judge(Due, Due));
}
