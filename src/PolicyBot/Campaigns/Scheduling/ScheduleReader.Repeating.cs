using System.Globalization;
using System.Text.RegularExpressions;

namespace PolicyBot.Campaigns.Scheduling;

/// <summary>Repeating rules: "every first Monday of the month at 8am", "every other Friday at 3pm" (our own grammar).</summary>
public sealed partial class ScheduleReader
{
    private static ScheduleReading ReadRepeating(string rest, TimeOnly? time, DateTimeOffset typedAt, TimeZoneInfo zone, string asTyped)
    {
        var r = " " + rest + " ";
        var everyOtherWeek = false;
        if (EveryOther().Match(r) is { Success: true } other)
        {
            everyOtherWeek = true;
            r = r.Remove(other.Groups["other"].Index, other.Groups["other"].Length);
        }
        else if (EveryTwoWeeks().Match(r) is { Success: true } two)
        {
            everyOtherWeek = true;
            r = r.Remove(two.Index, two.Length).Insert(two.Index, " every ");
        }
        else if (EveryN().Match(r) is { Success: true } everyN)
        {
            return ScheduleReading.Refused($"I can repeat every day, week, month or year, or every other week, not '{everyN.Value.Trim()}'", "every other Friday at 3pm");
        }

        var monthDays = MonthDay().Matches(r).ToList();
        var nths = NthWeekday().Matches(r).ToList();
        if (monthDays.Count > 1 || nths.Count > 1)
        {
            return ScheduleReading.Refused("I can repeat on one day of the month or year, not several", "every first Monday of the month at 8am");
        }

        TimeOnly At() => time!.Value;
        Func<Schedule>? build = null;
        string example;
        if (monthDays.Count == 1)
        {
            var match = monthDays[0];
            var month = Months[match.Groups["mon"].Value];
            var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
            r = Cut(r, match);
            example = $"every year on {Schedule.MonthName(month)} {Math.Min(Math.Max(day, 1), DateTime.DaysInMonth(2027, month))} at 9am";
            if (day < 1 || day > DateTime.DaysInMonth(2028, month))
            {
                return ScheduleReading.Refused($"{Schedule.MonthName(month)} has no {Schedule.Ordinal(day)}", example);
            }

            build = () => Schedule.Yearly(month, day, At(), zone);
        }
        else if (nths.Count == 1)
        {
            var match = nths[0];
            var nth = Nths[match.Groups["n"].Value];
            var weekday = DayNames[match.Groups["wd"].Value];
            r = Cut(r, match);
            example = $"every {Schedule.NthWords(nth)} {weekday} of the month at 8am";
            build = () => Schedule.MonthlyOnWeekday(nth, weekday, At(), zone);
        }
        else if (DayOfMonth().Matches(r).Count > 1)
        {
            return ScheduleReading.Refused("I can repeat on one day of the month, not several; make one campaign per day", "every month on the 15th at 7am");
        }
        else if (DayOfMonth().Match(r) is { Success: true } dayMatch)
        {
            var day = dayMatch.Groups["last"].Success ? 31
                : dayMatch.Groups["w"].Success ? Nths[dayMatch.Groups["w"].Value]
                : int.Parse(dayMatch.Groups["d"].Value, CultureInfo.InvariantCulture);
            r = Cut(r, dayMatch);
            example = "every month on the 15th at 7am";
            if (day is < 1 or > 31)
            {
                return ScheduleReading.Refused($"no month has a {Schedule.Ordinal(day)}", example);
            }

            build = () => Schedule.MonthlyOnDay(day, At(), zone);
        }
        else
        {
            // "every weekday except Friday": the days after "except" are taken out.
            var excluded = new List<DayOfWeek>();
            if (Except().Match(r) is { Success: true } except)
            {
                excluded.AddRange(WeekdayName().Matches(except.Value).Select(m => DayNames[m.Groups["wd"].Value]));
                r = r.Remove(except.Index, except.Length).Insert(except.Index, " ");
            }

            var days = new List<DayOfWeek>();
            foreach (Match m in WeekdayName().Matches(r))
            {
                days.Add(DayNames[m.Groups["wd"].Value]);
            }

            r = WeekdayName().Replace(r, " ");
            if (WeekdaysWord().IsMatch(r))
            {
                days.AddRange([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);
                r = WeekdaysWord().Replace(r, " ");
            }

            if (WeekendWord().IsMatch(r))
            {
                days.AddRange([DayOfWeek.Saturday, DayOfWeek.Sunday]);
                r = WeekendWord().Replace(r, " ");
            }

            var daily = DailyWord().IsMatch(r);
            r = DailyWord().Replace(r, " ");
            if (days.Count == 0 && daily)
            {
                if (everyOtherWeek)
                {
                    return ScheduleReading.Refused("I can repeat every day or every other week, not every other day", "every other Friday at 3pm");
                }

                days.AddRange(Enum.GetValues<DayOfWeek>().Where(d => !excluded.Contains(d)));
            }

            days.RemoveAll(excluded.Contains);
            if (days.Count == 0 && excluded.Count > 0)
            {
                return ScheduleReading.Refused("that leaves no day of the week", "every weekday except Friday at 7am");
            }

            if (days.Count == 0)
            {
                var tokens = r.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var hint = tokens.Any(t => t.StartsWith("month", StringComparison.Ordinal)) ? "which day of the month"
                    : tokens.Any(t => t.StartsWith("year", StringComparison.Ordinal) || t == "annually") ? "which day of the year"
                    : "which day of the week";
                var hintExample = hint.Contains("month", StringComparison.Ordinal) ? "every month on the 15th at 7am"
                    : hint.Contains("year", StringComparison.Ordinal) ? "every year on August 15 at 9am" : AnyExample;
                return ScheduleReading.Refused($"it does not say {hint}", hintExample);
            }

            example = everyOtherWeek ? "every other Friday at 3pm" : AnyExample;
            build = () =>
            {
                if (!everyOtherWeek)
                {
                    return Schedule.Weekly(days, At(), zone);
                }

                // Every other week counts from the first matching day on or after the moment of scheduling.
                var first = Schedule.Weekly(days, At(), zone).Next(typedAt.AddTicks(-1))!.Value; // on or after: inclusive
                return Schedule.Weekly(days, At(), zone, DateOnly.FromDateTime(ZoneClock.Local(first, zone)));
            };
        }

        if (everyOtherWeek && (monthDays.Count > 0 || nths.Count > 0 || example == "every month on the 15th at 7am"))
        {
            return ScheduleReading.Refused("'every other' works with weekdays only", "every other Friday at 3pm");
        }

        var leftover = r.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !RepeatingGlue.Contains(t)).ToList();
        if (leftover.Count > 0)
        {
            var why = leftover.Any(Months.ContainsKey) && nths.Count > 0
                ? $"I can repeat on the {Schedule.NthWords(Nths[nths[0].Groups["n"].Value])} {DayNames[nths[0].Groups["wd"].Value]} of every month, not of one month"
                : $"I could not read '{string.Join(' ', leftover)}' in a repeating schedule";
            return ScheduleReading.Refused(why, example);
        }

        if (time is null)
        {
            return ScheduleReading.Refused("no time of day; add one", $"{asTyped} at 8am");
        }

        return ScheduleReading.Understood(build());
    }

    private static string Cut(string text, Match match) => text.Remove(match.Index, match.Length).Insert(match.Index, " ");
}
