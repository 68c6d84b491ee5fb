using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DataTypes.TimexExpression;
using Microsoft.Recognizers.Text.DateTime;

namespace PolicyBot.Campaigns.Scheduling;

/// <summary>One-offs: "tomorrow at 8am", "in 2 hours", "on August 20 at 7:30" (the day read by Microsoft.Recognizers.Text).</summary>
public sealed partial class ScheduleReader
{
    private static ScheduleReading ReadOnce(string rest, List<string> dateTokens, TimeOnly? time, DateTimeOffset typedAt, DateTime local, TimeZoneInfo zone, string asTyped)
    {
        // "the first Monday in January": read here (the recognizer reads "last" as the fourth).
        if (NthWeekdayOfMonth().Match(rest) is { Success: true } nthOf)
        {
            var outsideNth = Cut(rest, nthOf).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !Glue.Contains(t)).ToList();
            if (outsideNth.Count > 0)
            {
                return ScheduleReading.Refused($"I could not read '{string.Join(' ', outsideNth)}'", OneOffExample);
            }

            var nth = Nths[nthOf.Groups["n"].Value];
            var weekday = DayNames[nthOf.Groups["wd"].Value];
            var month = Months[nthOf.Groups["mon"].Value];
            var today = DateOnly.FromDateTime(local);
            for (var year = today.Year; year <= today.Year + 8; year++)
            {
                if (NthWeekday(year, month, nth, weekday) is { } found && found >= today)
                {
                    return AtTime(found, time, typedAt, zone, $"{asTyped} at 8am");
                }
            }

            return ScheduleReading.Refused($"{Schedule.MonthName(month)} has no {Schedule.NthWords(nth)} {weekday}", $"the first {weekday} in {Schedule.MonthName(month)} at 8am");
        }

        if (InRelative().Match(rest) is { Success: true } relative)
        {
            var n = ParseCount(relative.Groups["n"].Value);
            var unit = relative.Groups["u"].Value;
            if (n <= 0)
            {
                return ScheduleReading.Refused($"'{relative.Value.Trim()}' is not ahead of now", "in 30 minutes");
            }

            var daysAhead = unit[0] switch { 'w' => n * 7.0, 'd' => n, 'h' => n / 24.0, _ => n / 1440.0 };
            if (daysAhead > MaxDaysAhead)
            {
                return ScheduleReading.Refused($"'{relative.Value.Trim()}' is more than two years ahead", "in 2 weeks at 8am");
            }

            if (unit.StartsWith('m') || unit.StartsWith('h'))
            {
                if (time is not null)
                {
                    return ScheduleReading.Refused("give either a delay ('in 2 hours') or a time of day, not both", "in 2 hours");
                }

                var span = unit.StartsWith('m') ? TimeSpan.FromMinutes(n) : TimeSpan.FromHours(n);
                return ScheduleReading.Understood(Schedule.Once(typedAt + span, zone));
            }

            var date = DateOnly.FromDateTime(local).AddDays((int)(unit.StartsWith('w') ? 7 * n : n));
            return AtTime(date, time, typedAt, zone, $"{asTyped} at 8am");
        }

        if (dateTokens.Count == 0)
        {
            // A time alone is today at that time.
            var today = DateOnly.FromDateTime(local);
            var instant = ZoneClock.Resolve(today.ToDateTime(time!.Value), zone);
            return instant > typedAt
                ? OnceAt(today.ToDateTime(time.Value), instant, zone)
                : ScheduleReading.Refused($"that time has passed today ({Schedule.FormatTime(time.Value)})", $"tomorrow at {Typable(time.Value)}");
        }

        var results = DateModel.Value is DateTimeModel model
            ? model.Parse(rest, local).Where(r => r.Start >= 0 && r.End < rest.Length).ToList()
            : [];
        var days = results.Where(r => r.TypeName is "datetimeV2.date" or "datetimeV2.datetime").ToList();
        if (days.Count == 0)
        {
            return results.Count > 0
                ? ScheduleReading.Refused($"'{results[0].Text}' is not one day", OneOffExample)
                : ScheduleReading.Refused($"I found no date in '{rest.Trim()}'", OneOffExample);
        }

        if (days.Count > 1)
        {
            return ScheduleReading.Refused($"that names two days ('{days[0].Text}' and '{days[1].Text}'); give one", OneOffExample);
        }

        // Every word must belong to the day the recognizer read (or be glue): nothing typed is silently dropped.
        var day = days[0];
        var outside = (rest[..day.Start] + " " + rest[(day.End + 1)..]).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !Glue.Contains(t)).ToList();
        if (outside.Count > 0)
        {
            return ScheduleReading.Refused($"I could not read '{string.Join(' ', outside)}'", OneOffExample);
        }

        var timex = Timex(day);
        if (timex is null)
        {
            return ScheduleReading.Refused($"I could not tell which day '{day.Text}' is", OneOffExample);
        }

        var (resolved, refusal) = ResolveDay(timex, DateOnly.FromDateTime(local), time);
        return refusal ?? AtTime(resolved, time, typedAt, zone, $"{asTyped} at 8am");
    }

    /// <summary>The <paramref name="nth"/> (−1: last) <paramref name="weekday"/> of a month, or null when it has none.</summary>
    private static DateOnly? NthWeekday(int year, int month, int nth, DayOfWeek weekday)
    {
        if (nth == -1)
        {
            var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            return last.AddDays(-(((int)last.DayOfWeek - (int)weekday + 7) % 7));
        }

        var first = new DateOnly(year, month, 1);
        var day = first.AddDays(((int)weekday - (int)first.DayOfWeek + 7) % 7 + 7 * (nth - 1));
        return day.Month == month ? day : null;
    }

    private static TimexProperty? Timex(ModelResult result)
    {
        if (result.Resolution is null || !result.Resolution.TryGetValue("values", out var raw) || raw is not IEnumerable<Dictionary<string, string>> values)
        {
            return null;
        }

        var first = values.FirstOrDefault(v => v.ContainsKey("timex"));
        return first is null ? null : new TimexProperty(first["timex"]);
    }

    /// <summary>The date a recognized day names, the year of a date without one being the next in which it is ahead.</summary>
    private static (DateOnly Date, ScheduleReading? Refusal) ResolveDay(TimexProperty timex, DateOnly today, TimeOnly? time)
    {
        var at = " at " + (time is { } t ? Typable(t) : "9am");
        if (timex.Month is { } month && timex.DayOfMonth is { } dayOfMonth)
        {
            if (month is < 1 or > 12 || dayOfMonth < 1 || dayOfMonth > DateTime.DaysInMonth(timex.Year ?? 2028, month))
            {
                var name = month is >= 1 and <= 12 ? Schedule.MonthName(month) : $"Month {month}";
                var max = month is >= 1 and <= 12 ? DateTime.DaysInMonth(timex.Year ?? 2027, month) : 28;
                var which = timex.Year is { } y ? $"{name} {y}" : name;
                return (default, ScheduleReading.Refused($"{which} has no {Schedule.Ordinal(dayOfMonth)}", $"on {name} {max}{at}"));
            }

            if (timex.Year is { } year)
            {
                return (new DateOnly(year, month, dayOfMonth), null);
            }

            for (var y = today.Year; y <= today.Year + 8; y++)
            {
                if (dayOfMonth <= DateTime.DaysInMonth(y, month) && new DateOnly(y, month, dayOfMonth) >= today)
                {
                    return (new DateOnly(y, month, dayOfMonth), null);
                }
            }
        }

        if (timex.Month is null && timex.DayOfMonth is { } onlyDay && timex.Year is null)
        {
            if (onlyDay is < 1 or > 31)
            {
                return (default, ScheduleReading.Refused($"a month has no {Schedule.Ordinal(onlyDay)}", $"on the 15th{at}"));
            }

            var first = new DateOnly(today.Year, today.Month, 1);
            for (var m = 0; m < 12; m++)
            {
                var month1 = first.AddMonths(m);
                if (onlyDay <= DateTime.DaysInMonth(month1.Year, month1.Month) && new DateOnly(month1.Year, month1.Month, onlyDay) >= today)
                {
                    return (new DateOnly(month1.Year, month1.Month, onlyDay), null);
                }
            }
        }

        if (timex.DayOfWeek is { } isoDay && timex.Month is null && timex.DayOfMonth is null)
        {
            var target = (DayOfWeek)(isoDay % 7);
            var ahead = ((int)target - (int)today.DayOfWeek + 7) % 7;
            return (today.AddDays(ahead), null);
        }

        return (default, ScheduleReading.Refused("I could not tell which day that is", OneOffExample));
    }

    private static ScheduleReading AtTime(DateOnly date, TimeOnly? time, DateTimeOffset typedAt, TimeZoneInfo zone, string example)
    {
        if (time is not { } t)
        {
            return ScheduleReading.Refused("no time of day; add one", example);
        }

        var instant = ZoneClock.Resolve(date.ToDateTime(t), zone);
        if (instant <= typedAt)
        {
            var when = $"{Schedule.FormatDate(date.ToDateTime(t), withYear: true)} at {Schedule.FormatTime(t)}";
            return ScheduleReading.Refused($"that time has passed ({when})", $"tomorrow at {Typable(t)}");
        }

        return OnceAt(date.ToDateTime(t), instant, zone);
    }

    /// <summary>A one-off at <paramref name="wall"/>, with a note when the clocks change at that time.</summary>
    private static ScheduleReading OnceAt(DateTime wall, DateTimeOffset instant, TimeZoneInfo zone)
    {
        var schedule = Schedule.Once(instant, zone);
        var asked = Schedule.FormatTime(TimeOnly.FromDateTime(wall));
        var day = Schedule.FormatDate(wall, withYear: false);
        string? note = zone.IsInvalidTime(wall)
            ? $"{asked} does not exist on {day} (the clocks go forward); it runs at {Schedule.FormatTime(TimeOnly.FromDateTime(ZoneClock.Local(instant, zone)))}"
            : zone.IsAmbiguousTime(wall)
                ? $"{asked} happens twice on {day} (the clocks go back); it runs at the first"
                : null;
        return ScheduleReading.Understood(schedule, note);
    }
}
