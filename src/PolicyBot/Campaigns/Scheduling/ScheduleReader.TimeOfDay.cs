using System.Globalization;
using System.Text.RegularExpressions;

namespace PolicyBot.Campaigns.Scheduling;

/// <summary>The time of day: am/pm, school-day hours, parts of the day.</summary>
public sealed partial class ScheduleReader
{
    /// <summary>Finds the one time of day in the text (school-day hours for a bare hour), returning the text without it.</summary>
    /// <summary>Takes "morning", "this afternoon", "tonight", "every evening" … out of the text: the part of the day an
    /// hour without am/pm falls in ("tomorrow morning" → "tomorrow", "every evening" → "every day").</summary>
    private static (string Text, string? Period, ScheduleReading? Refusal) ReadDayPeriod(string text)
    {
        var periods = new HashSet<string>(StringComparer.Ordinal);
        string Note(Match m, string replacement)
        {
            var p = m.Groups["p"].Success ? m.Groups["p"].Value : "evening";
            periods.Add(p is "morning" ? "morning" : "afternoon");
            return replacement;
        }

        text = EveryPeriod().Replace(text, m => Note(m, " every day "));
        text = TodayPeriod().Replace(text, m => Note(m, " today "));
        text = Period().Replace(text, m => Note(m, " "));
        text = Regex.Replace(text, " +", " ").Trim();
        return periods.Count > 1
            ? (text, null, ScheduleReading.Refused("that names both the morning and the afternoon or evening; give one time", "tomorrow at 8am"))
            : (text, periods.FirstOrDefault(), null);
    }

    private static (TimeOnly? Time, string Remainder, ScheduleReading? Refusal) ReadTimeOfDay(string text, string? period)
    {
        var matches = TimeOfDay().Matches(text).ToList();
        if (matches.Count == 0)
        {
            return (null, text, null);
        }

        if (matches.Count > 1)
        {
            return (null, text, ScheduleReading.Refused($"that gives two times of day ('{matches[0].Value.Trim()}' and '{matches[1].Value.Trim()}'); give one", AnyExample));
        }

        var match = matches[0];
        var rest = Regex.Replace(text.Remove(match.Index, match.Length).Insert(match.Index, " "), " +", " ").Trim();
        if (match.Groups["midnight"].Success)
        {
            return (null, text, ScheduleReading.Refused("midnight falls between two days; give a time on one of them", "tomorrow at 11:59 pm"));
        }

        if (match.Groups["noon"].Success)
        {
            return (new TimeOnly(12, 0), rest, null);
        }

        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var typed = match.Value.Trim();
        var bad = ScheduleReading.Refused($"'{typed}' is not a time of day", "at 3:15 pm");
        if (minute > 59)
        {
            return (null, text, bad);
        }

        if (match.Groups["ap"].Success)
        {
            if (hour is < 1 or > 12)
            {
                return (null, text, bad);
            }

            var pm = match.Groups["ap"].Value == "pm";
            if (period is not null && pm != (period != "morning"))
            {
                return (null, text, ScheduleReading.Refused($"'{typed}' is not in the {period}", pm ? "tomorrow at 8pm" : "tomorrow at 8am"));
            }

            hour = hour % 12 + (pm ? 12 : 0);
        }
        else if (period is not null)
        {
            if (hour > 12 && period == "morning")
            {
                return (null, text, bad);
            }

            hour = period == "morning" ? hour % 12 : hour < 12 ? hour + 12 : hour;
        }
        else if (hour > 23)
        {
            return (null, text, bad);
        }
        else if (hour is >= 1 and <= 5)
        {
            // A school-day hour: 1–5 without am/pm is the afternoon.
            hour += 12;
        }

        return (new TimeOnly(hour, minute), rest, null);
    }
}
