using System.Text.RegularExpressions;
using PolicyBot.Campaigns.Scheduling;
using Xunit.Abstractions;

namespace PolicyBot.Tests.Campaigns.Scheduling;

/// <summary>The reader beyond the tables: every refusal's example works, and no input makes it throw.</summary>
public sealed partial class ScheduleReaderTests(ITestOutputHelper output)
{
    private static readonly ScheduleReader Reader = new();
    private static readonly TimeZoneInfo Denver = TimeZoneInfo.FindSystemTimeZoneById("America/Denver");
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(-7));

    /// <summary>Every refusal in both tables gives an example; typed at the same moment, the example is understood.</summary>
    [Fact]
    public void Every_refusal_gives_an_example_that_works()
    {
        var refusals = SchedulePhrasings.Read("phrasings.tsv").Concat(SchedulePhrasings.Read("more-phrasings.tsv"))
            .Where(r => r.RefusalMustTell is not null)
            .ToList();
        Assert.True(refusals.Count >= 15);
        foreach (var row in refusals)
        {
            var refusal = Reader.Read(row.Phrase, row.Reference, row.Zone).Refusal!;
            var example = Example().Match(refusal);
            Assert.True(example.Success, $"no example in: {refusal}");
            var reading = Reader.Read(example.Groups["e"].Value, row.Reference, row.Zone);
            Assert.True(reading.IsUnderstood, $"the example of \"{refusal}\" is refused: {reading.Refusal}");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(".")]
    [InlineData("every")]
    [InlineData("at")]
    [InlineData("on the")]
    [InlineData("every every every")]
    [InlineData("every other")]
    [InlineData("31st")]
    [InlineData("every 99th of the month at 8")]
    [InlineData("every 0th of the month at 8")]
    [InlineData("every month on the 45th at 8")]
    [InlineData("on 13/45 at 8")]
    [InlineData("on 0/0 at 8")]
    [InlineData("in 0 minutes")]
    [InlineData("in 99999999999999999999999 weeks")]
    [InlineData("in 100000 weeks at 8")]
    [InlineData("every other day at 8")]
    [InlineData("every first Monday of September at 8")]
    [InlineData("every first and third Monday at 8")]
    [InlineData("at 12am")]
    [InlineData("at 0:00")]
    [InlineData("at 99")]
    [InlineData("at 13pm")]
    [InlineData("at 7:75")]
    [InlineData("tomorrow and next Friday at 8")]
    [InlineData("🙂 at 8")]
    [InlineData("every Monday at 8am; DROP TABLE campaigns")]
    [InlineData("on August 20 9999 at 8")]
    [InlineData("on August 20 1999 at 8")]
    [InlineData("year 2030")]
    [InlineData("every year at 8")]
    [InlineData("every week at 8")]
    [InlineData("now")]
    [InlineData("right now")]
    public void Odd_input_is_refused_with_a_reason_and_an_example_never_an_exception(string text)
    {
        var reading = Reader.Read(text, Wednesday, Denver);
        output.WriteLine(reading.IsUnderstood ? "understood: " + reading.Schedule!.Describe(Wednesday) : "refused: " + reading.Refusal);
        if (!reading.IsUnderstood)
        {
            Assert.DoesNotContain(ScheduleReader.UnforeseenReason, reading.Refusal, StringComparison.Ordinal);
            Assert.Matches(Example(), reading.Refusal!);
        }
    }

    [Fact]
    public void A_long_paste_is_refused_quickly_and_plainly()
    {
        var text = string.Concat(Enumerable.Repeat("every Monday at 8am ", 500));
        var reading = Reader.Read(text, Wednesday, Denver);
        Assert.False(reading.IsUnderstood);
    }

    [Fact]
    public void A_one_off_at_a_time_the_clocks_skip_or_repeat_says_what_happens()
    {
        Assert.Equal(
            "Sunday, March 14, 2027 at 3:30 AM (America/Denver). 2:30 AM does not exist on Sunday, March 14 (the clocks go forward); it runs at 3:30 AM.",
            Reader.Read("on March 14 at 2:30am", Wednesday, Denver).Describe(Wednesday));
        Assert.Equal(
            "Sunday, November 7, 2027 at 1:30 AM (America/Denver). 1:30 AM happens twice on Sunday, November 7 (the clocks go back); it runs at the first.",
            Reader.Read("on November 7, 2027 at 1:30am", Wednesday, Denver).Describe(Wednesday));
        Assert.Null(Reader.Read("on March 14 at 3:30am", Wednesday, Denver).Note);
        Assert.Equal("Thursday, December 3, 2026 at 8:00 AM (America/Denver)", Reader.Read("tomorrow at 8am", Wednesday, Denver).Describe(Wednesday));
    }

    [Fact]
    public void Every_published_example_is_understood()
    {
        Assert.NotEmpty(ScheduleReader.Examples);
        foreach (var example in ScheduleReader.Examples)
        {
            var reading = Reader.Read(example, Wednesday, Denver);
            Assert.True(reading.IsUnderstood, $"'{example}': {reading.Refusal}");
        }
    }

    [Fact]
    public void Reads_at_the_moment_a_clock_gives()
    {
        // A fake clock at the spec's moment (17:00 UTC is 10:00 in Denver): "in 2 hours" is noon there.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 17, 0, 0, TimeSpan.Zero));
        var reading = Reader.Read("in 2 hours", clock, Denver);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.FromHours(-7)), reading.Schedule!.At);
        Assert.Equal(TimeSpan.FromHours(-7), reading.Schedule.At!.Value.Offset);
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("Thursday, December 3, 2026 at 7:00 PM (America/Denver)", Reader.Read("tonight at 7", clock, Denver).Schedule!.Describe(clock.GetUtcNow()));
    }

    [GeneratedRegex("(?:For example: |e\\.g\\. )'(?<e>[^']+)'")]
    private static partial Regex Example();
}
