using System.Globalization;
using PolicyBot.Campaigns.Scheduling;

namespace PolicyBot.Tests.Campaigns.Scheduling;

/// <summary>The schedule type on its own: occurrences at the daylight-saving edges, the words repeated back, and the
/// stored form (round trip, and clear errors for what is not one).</summary>
public sealed class ScheduleTests
{
    private static readonly TimeZoneInfo Denver = TimeZoneInfo.FindSystemTimeZoneById("America/Denver");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly DateTimeOffset Wednesday = At("2026-12-02T10:00:00-07:00");

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private static string Exact(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    [Fact]
    public void Repeats_back_a_monthly_rule_as_the_issue_shows() =>
        Assert.Equal(
            "every first Monday at 8:00 AM, America/Denver; next: Monday, December 7",
            Schedule.MonthlyOnWeekday(1, DayOfWeek.Monday, new TimeOnly(8, 0), Denver).Describe(Wednesday));

    [Fact]
    public void Repeats_back_a_one_off_with_its_year_and_zone() =>
        Assert.Equal(
            "Friday, August 20, 2027 at 7:30 AM (America/Denver)",
            Schedule.Once(At("2027-08-20T07:30:00-06:00"), Denver).Describe(Wednesday));

    [Fact]
    public void Repeats_back_the_year_of_a_next_occurrence_in_another_year() =>
        Assert.Equal(
            "every year on August 15 at 9:00 AM, America/Denver; next: Sunday, August 15, 2027",
            Schedule.Yearly(8, 15, new TimeOnly(9, 0), Denver).Describe(Wednesday));

    [Fact]
    public void A_one_off_is_shown_in_the_district_zone_whatever_offset_it_was_given_with() =>
        Assert.Equal(
            "2027-08-20T07:30:00-06:00",
            Exact(Schedule.Once(At("2027-08-20T13:30:00+00:00"), Denver).At!.Value));

    [Fact]
    public void A_one_off_has_no_occurrence_once_it_has_passed()
    {
        var once = Schedule.Once(At("2026-12-03T08:00:00-07:00"), Denver);
        Assert.Equal("2026-12-03T08:00:00-07:00", Exact(once.Next(Wednesday)!.Value));
        Assert.Null(once.Next(At("2026-12-03T08:00:00-07:00")));
        Assert.Single(once.NextOccurrences(Wednesday, 5));
    }

    [Fact]
    public void Next_is_strictly_after_an_occurrence()
    {
        var monday = Schedule.Weekly([DayOfWeek.Monday], new TimeOnly(8, 0), Denver);
        Assert.Equal("2026-12-14T08:00:00-07:00", Exact(monday.Next(At("2026-12-07T08:00:00-07:00"))!.Value));
        Assert.Equal("2026-12-07T08:00:00-07:00", Exact(monday.Next(At("2026-12-07T07:59:59-07:00"))!.Value));
    }

    [Fact]
    public void A_time_in_the_spring_gap_is_still_due_when_asked_from_inside_the_gap_hour()
    {
        // 2:30 on Sunday, March 14, 2027 runs at 3:30 MDT; asked at 3:10 MDT it is still ahead.
        var sunday = Schedule.Weekly([DayOfWeek.Sunday], new TimeOnly(2, 30), Denver);
        Assert.Equal("2027-03-14T03:30:00-06:00", Exact(sunday.Next(At("2027-03-14T03:10:00-06:00"))!.Value));
        Assert.Equal("2027-03-21T02:30:00-06:00", Exact(sunday.Next(At("2027-03-14T03:30:00-06:00"))!.Value));
    }

    [Fact]
    public void A_time_that_happens_twice_runs_once_even_when_asked_between_the_two()
    {
        // 1:30 on Sunday, November 7, 2027 happens at 1:30 MDT and again at 1:30 MST; it ran at the first.
        var sunday = Schedule.Weekly([DayOfWeek.Sunday], new TimeOnly(1, 30), Denver);
        Assert.Equal("2027-11-14T01:30:00-07:00", Exact(sunday.Next(At("2027-11-07T01:15:00-07:00"))!.Value));
    }

    [Fact]
    public void Every_other_week_keeps_its_weeks_across_a_year_end_and_a_restart()
    {
        var friday = Schedule.Weekly([DayOfWeek.Friday], new TimeOnly(15, 0), Denver, new DateOnly(2026, 12, 4));
        var restored = Schedule.Parse(friday.Serialize());
        // Asked in the middle of an "off" week: the next is two weeks after Jan 1, 2027.
        Assert.Equal(
            ["2027-01-15T15:00:00-07:00", "2027-01-29T15:00:00-07:00"],
            restored.NextOccurrences(At("2027-01-06T12:00:00-07:00"), 2).Select(Exact));
    }

    [Fact]
    public void The_31st_falls_on_the_last_day_of_april_and_of_a_leap_february()
    {
        var last = Schedule.MonthlyOnDay(31, new TimeOnly(12, 0), London);
        Assert.Equal(
            ["2028-01-31T12:00:00+00:00", "2028-02-29T12:00:00+00:00", "2028-03-31T12:00:00+01:00", "2028-04-30T12:00:00+01:00"],
            last.NextOccurrences(At("2028-01-10T09:00:00+00:00"), 4).Select(Exact));
    }

    [Fact]
    public void The_cron_expression_is_what_cronos_evaluates()
    {
        Assert.Equal("0 8 * * 1#1", Schedule.MonthlyOnWeekday(1, DayOfWeek.Monday, new TimeOnly(8, 0), Denver).Cron);
        Assert.Equal("0 8 * * 5L", Schedule.MonthlyOnWeekday(-1, DayOfWeek.Friday, new TimeOnly(8, 0), Denver).Cron);
        Assert.Equal("45 7 * * 1,2,3,4,5", Schedule.Weekly([DayOfWeek.Friday, DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Tuesday, DayOfWeek.Thursday], new TimeOnly(7, 45), Denver).Cron);
        Assert.Equal("0 12 28-31 * *", Schedule.MonthlyOnDay(31, new TimeOnly(12, 0), Denver).Cron);
        Assert.Equal("30 19 20 8 *", Schedule.Yearly(8, 20, new TimeOnly(19, 30), Denver).Cron);
        Assert.Null(Schedule.Once(Wednesday, Denver).Cron);
    }

    public static TheoryData<string> StoredForms() => new()
    {
        """{"v":1,"kind":"once","zone":"America/Denver","at":"2027-08-20T07:30:00-06:00"}""",
        """{"v":1,"kind":"weekly","zone":"America/Denver","time":"08:00","days":"mon"}""",
        """{"v":1,"kind":"weekly","zone":"America/Denver","time":"07:45","days":"mon,tue,wed,thu,fri"}""",
        """{"v":1,"kind":"weekly","zone":"America/Denver","time":"15:00","days":"fri","everyOtherWeekFrom":"2026-12-04"}""",
        """{"v":1,"kind":"monthly-day","zone":"Europe/London","time":"12:00","day":31}""",
        """{"v":1,"kind":"monthly-weekday","zone":"America/New_York","time":"08:00","nth":-1,"weekday":"fri"}""",
        """{"v":1,"kind":"yearly","zone":"America/Denver","time":"19:30","month":2,"day":29}""",
    };

    [Theory]
    [MemberData(nameof(StoredForms))]
    public void The_stored_form_reads_back_to_the_same_schedule(string stored)
    {
        var schedule = Schedule.Parse(stored);
        Assert.Equal(stored, schedule.Serialize());
        var again = Schedule.Parse(schedule.Serialize());
        Assert.Equal(schedule.NextOccurrences(Wednesday, 12).Select(Exact), again.NextOccurrences(Wednesday, 12).Select(Exact));
        Assert.Equal(schedule.Describe(Wednesday), again.Describe(Wednesday));
        Assert.NotEmpty(schedule.NextOccurrences(Wednesday, 1));
        Assert.Equal(schedule, again);
    }

    [Fact]
    public void A_one_off_read_from_a_real_clock_keeps_its_fraction_of_a_second_when_stored()
    {
        var at = new DateTimeOffset(2026, 12, 2, 12, 0, 37, 123, TimeSpan.FromHours(-7)).AddTicks(4567);
        var stored = Schedule.Once(at, Denver).Serialize();
        Assert.Contains("\"2026-12-02T12:00:37.1234567-07:00\"", stored, StringComparison.Ordinal);
        Assert.Equal(at, Schedule.Parse(stored).At);
        Assert.Equal(at.Ticks, Schedule.Parse(stored).At!.Value.Ticks);
    }

    [Fact]
    public void Every_other_week_typed_at_the_very_moment_of_a_matching_time_starts_then()
    {
        var reading = new ScheduleReader().Read("every other Friday at 3pm", At("2026-12-04T15:00:00-07:00"), Denver);
        Assert.Equal(new DateOnly(2026, 12, 4), reading.Schedule!.EveryOtherWeekFrom);
        Assert.Equal("2026-12-18T15:00:00-07:00", Exact(reading.Schedule.Next(At("2026-12-04T15:00:00-07:00"))!.Value));
    }

    [Fact]
    public void Schedules_differ_by_any_part_of_their_rule()
    {
        var monday = Schedule.Weekly([DayOfWeek.Monday], new TimeOnly(8, 0), Denver);
        Assert.Equal(monday, Schedule.Weekly([DayOfWeek.Monday], new TimeOnly(8, 0), Denver));
        Assert.NotEqual(monday, Schedule.Weekly([DayOfWeek.Monday], new TimeOnly(8, 1), Denver));
        Assert.NotEqual(monday, Schedule.Weekly([DayOfWeek.Monday], new TimeOnly(8, 0), London));
        Assert.NotEqual(monday, Schedule.Weekly([DayOfWeek.Monday], new TimeOnly(8, 0), Denver, new DateOnly(2026, 12, 7)));
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("[1]", "JSON object")]
    [InlineData("""{"kind":"once","zone":"America/Denver","at":"2027-08-20T07:30:00-06:00"}""", "version")]
    [InlineData("""{"v":1,"kind":"once","zone":"Mars/Olympus_Mons","at":"2027-08-20T07:30:00-06:00"}""", "Mars/Olympus_Mons")]
    [InlineData("""{"v":1,"kind":"hourly","zone":"America/Denver","time":"08:00"}""", "unknown kind 'hourly'")]
    [InlineData("""{"v":1,"kind":"weekly","zone":"America/Denver","time":"08:00"}""", "\"days\"")]
    [InlineData("""{"v":1,"kind":"weekly","zone":"America/Denver","time":"08:00","days":"mon,fun"}""", "unknown day 'fun'")]
    [InlineData("""{"v":1,"kind":"monthly-day","zone":"America/Denver","time":"08:00","day":32}""", "not valid")]
    [InlineData("""{"v":1,"kind":"yearly","zone":"America/Denver","time":"08:00","month":4,"day":31}""", "not valid")]
    [InlineData("""{"v":1,"kind":"monthly-weekday","zone":"America/Denver","time":"08:00","nth":6,"weekday":"mon"}""", "not valid")]
    public void What_is_not_a_stored_schedule_is_refused_with_the_reason(string stored, string reason)
    {
        var error = Assert.Throws<FormatException>(() => Schedule.Parse(stored));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.False(Schedule.TryParse(stored, out var schedule, out var message));
        Assert.Null(schedule);
        Assert.Equal(error.Message, message);
    }
}
