using System.Globalization;
using System.Text.RegularExpressions;

namespace PolicyBot.Campaigns.Scheduling;

/// <summary>Words: normalizing, the vocabulary, typos, and the patterns.</summary>
public sealed partial class ScheduleReader
{
    private static string Normalize(string text)
    {
        var t = text.ToLowerInvariant().Replace('’', '\'').Replace('‘', '\'');
        t = AmPmDots().Replace(t, "$1m");
        t = Regex.Replace(t, @"[,;!?""()]", " ");
        t = Regex.Replace(t, @"\.(\s|$)", " ");
        t = Regex.Replace(t, @"\b(?:the\s+)?day\s+after\s+tomorrow\b", "in 2 days");
        t = Regex.Replace(t, @"\b(?:this\s+)?coming\b", " "); // "this coming Monday" is the next Monday
        // A month/day without a year reads like "August 20" (the repeating grammar knows month names, not slashes).
        t = SlashDate().Replace(t, m => m.Groups["y"].Success || !IsMonthDay(m)
            ? m.Value
            : $"{Schedule.MonthName(int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture)).ToLowerInvariant()} {int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture)}");
        return Regex.Replace(t, @"\s+", " ").Trim();
    }

    private static bool IsKnown(string token) =>
        Vocabulary.Contains(token) || NumberLike().IsMatch(token) || CalendarWords.Contains(token);

    private static bool IsPluralDay(string token) => token.EndsWith('s') && DayNames.ContainsKey(token[..^1]) && token.Length > 4;

    private static ScheduleReading Unknown(string token, string normalized)
    {
        var best = Vocabulary.Where(v => v.Length > 2)
            .Select(v => (Word: v, Distance: Distance(token, v)))
            .OrderBy(x => x.Distance).ThenBy(x => Math.Abs(x.Word.Length - token.Length))
            .FirstOrDefault();
        var allowed = token.Length <= 4 ? 1 : 2;
        if (best.Word is not null && best.Distance <= allowed)
        {
            // The example is the administrator's own words with the word they probably meant.
            var corrected = Regex.Replace(normalized, $@"(?<!\S){Regex.Escape(token)}(?!\S)", best.Word);
            return ScheduleReading.Refused($"I don't know the word '{token}' (did you mean '{best.Word}'?)", corrected);
        }

        return ScheduleReading.Refused($"I don't know the word '{token}' in a date or time", AnyExample);
    }

    /// <summary>Optimal string alignment distance: edits, with a swap of two neighbours counting as one.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>A time as an administrator would type it in an example: 9am, 3:15pm.</summary>
    private static string Typable(TimeOnly time) =>
        (time.Minute == 0 ? time.ToString("%h", CultureInfo.InvariantCulture) : time.ToString("h:mm", CultureInfo.InvariantCulture))
        + (time.Hour < 12 ? "am" : "pm");

    /// <summary>The longest text read as a schedule (a paste of a whole message is refused, not searched).</summary>
    private const int MaxLength = 200;

    /// <summary>How far ahead a delay ("in N weeks") may reach.</summary>
    private const int MaxDaysAhead = 731;

    private static long ParseCount(string text) =>
        NumberWords.TryGetValue(text, out var n) ? n
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : long.MaxValue; // only digits reach here: too many of them

    private const string MonthAlternatives = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
    private const string DayAlternatives = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun";

    private static bool IsMonthDay(Match slash)
    {
        var month = int.Parse(slash.Groups["m"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(slash.Groups["d"].Value, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2028, month);
    }

    [GeneratedRegex(@"(?<![\w/])(?<m>\d{1,2})/(?<d>\d{1,2})(?:/(?<y>\d{2,4}))?(?![\w/])")]
    private static partial Regex SlashDate();

    [GeneratedRegex(@"\b(?:every|each)\s+(?<p>morning|afternoon|evening|night)s?\b")]
    private static partial Regex EveryPeriod();

    [GeneratedRegex(@"\bthis\s+(?<p>morning|afternoon|evening)\b|\btonight\b")]
    private static partial Regex TodayPeriod();

    [GeneratedRegex(@"\b(?:in\s+the\s+|at\s+)?(?<p>morning|afternoon|evening|night)s?\b")]
    private static partial Regex Period();

    [GeneratedRegex(@"\b(?:half\s+an\s+hour|a\s+half\s+hour|an\s+hour\s+and\s+a\s+half)\b")]
    private static partial Regex HalfHour();

    [GeneratedRegex(@"\b([ap])\.\s?m\b\.?")]
    private static partial Regex AmPmDots();

    [GeneratedRegex(@"^(\d+|\d+(st|nd|rd|th)|\d{1,2}/\d{1,2}(/\d{2,4})?|\d{4}-\d{1,2}-\d{1,2})$")]
    private static partial Regex NumberLike();

    [GeneratedRegex(@"(?<![\w/:.-])(?:at\s+)?(?<h>\d{1,2})(?::(?<m>\d{2}))?\s*(?<ap>am|pm)(?!\w)"
        + @"|(?<![\w/:.-])(?:at\s+)?(?<h>\d{1,2}):(?<m>\d{2})(?![\w/:])"
        + @"|\bat\s+(?<h>\d{1,2})(?:\s*o'?clock)?(?![\w/:])"
        + @"|\bat\s+(?<h>[01]\d|2[0-3])(?<m>[0-5]\d)(?![\w/:])"
        + @"|(?<=\b(?:today|tomorrow|days?|weekdays?|" + DayAlternatives + @"|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|\d{1,2}(?:st|nd|rd|th)|(?:" + MonthAlternatives + @")\s+\d{1,2})\s)(?<h>\d{1,2})$"
        + @"|(?:\bat\s+)?\b(?<noon>noon|midday)\b"
        + @"|(?:\bat\s+)?\b(?<midnight>midnight)\b")]
    private static partial Regex TimeOfDay();

    [GeneratedRegex(@"^\s*(?:(?:in|after)\s+(?<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|ninety)\s+(?<u>minutes?|mins?|hours?|hrs?|days?|weeks?)|(?<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|ninety)\s+(?<u>minutes?|mins?|hours?|hrs?|days?|weeks?)\s+from\s+now)\s*$")]
    private static partial Regex InRelative();

    [GeneratedRegex(@"\b(?:every|each)\s+(?<other>other)\b")]
    private static partial Regex EveryOther();

    [GeneratedRegex(@"\b(?:(?:every|each)\s+(?:2|two)\s+weeks|biweekly|fortnightly|every\s+fortnight)\b")]
    private static partial Regex EveryTwoWeeks();

    [GeneratedRegex(@"\b(?:every|each)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|other)\s+(?:days?|weeks?|months?|years?)\b")]
    private static partial Regex EveryN();

    [GeneratedRegex(@"\b(?<mon>" + MonthAlternatives + @")\s+(?:the\s+)?(?<d>\d{1,2})(?:st|nd|rd|th)?\b|\b(?:the\s+)?(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<mon>" + MonthAlternatives + @")\b")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"\b(?<n>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+(?<wd>" + DayAlternatives + @")\b")]
    private static partial Regex NthWeekday();

    [GeneratedRegex(@"\b(?:the\s+)?(?<d>\d{1,2})(?:st|nd|rd|th)\b|\b(?:the\s+)?(?:(?<last>last)\s+day|(?<last>end))\b|\b(?:the\s+)?(?<w>first|second|third|fourth|fifth)(?:\s+day)?(?=\s+of\b)")]
    private static partial Regex DayOfMonth();

    [GeneratedRegex(@"\b(?<wd>" + DayAlternatives + @")s?\b")]
    private static partial Regex WeekdayName();

    [GeneratedRegex(@"\b(?:the\s+)?(?<n>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+(?<wd>" + DayAlternatives + @")\s+(?:of|in)\s+(?<mon>" + MonthAlternatives + @")\b")]
    private static partial Regex NthWeekdayOfMonth();

    [GeneratedRegex(@"\b(?:except|excluding|but\s+not|not)(?:\s+(?:on|and|or))?(?:\s+(?:" + DayAlternatives + @")s?(?:\s+(?:and|or))?)+")]
    private static partial Regex Except();

    [GeneratedRegex(@"\bweekdays?\b")]
    private static partial Regex WeekdaysWord();

    [GeneratedRegex(@"\bweekends?\b")]
    private static partial Regex WeekendWord();

    [GeneratedRegex(@"\b(?:daily|days?)\b")]
    private static partial Regex DailyWord();
}
