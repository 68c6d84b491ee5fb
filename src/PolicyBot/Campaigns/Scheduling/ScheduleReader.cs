using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DataTypes.TimexExpression;
using Microsoft.Recognizers.Text.DateTime;

namespace PolicyBot.Campaigns.Scheduling;

/// <summary>
/// Reads a campaign schedule typed by an administrator in plain words ("on August 20 at 7:30", "every first Monday of
/// the month at 8am") into a <see cref="Schedule"/>, or refuses with a message that says why and gives an example that
/// works. The rules are ../shared/schedules/README.md's: an hour without am/pm is a school-day hour (6–11 morning,
/// 12 noon, 1–5 afternoon); a date that has passed, does not exist or needs a school calendar is refused.
/// <para>
/// Who reads what: the time of day, "in N minutes/hours/days/weeks" and every repeating rule are read here (the
/// recognizer misreads them: "every first Monday of the month" as December only, "every last Friday" as the fourth,
/// drops "other" from "every other Friday", and splits "every month on the 15th"). Microsoft.Recognizers.Text.DateTime
/// 1.8.13 reads the day of a one-off ("tomorrow", "next Tuesday", "January 6", "8/20", "yesterday"); the year of a date
/// without one is the next year in which that date is still ahead.
/// </para>
/// Thread-safe; the recognizer model is built once per process.
/// </summary>
public sealed partial class ScheduleReader
{
    private const string AnyExample = "every Monday at 8am";
    private const string OneOffExample = "on August 20 at 7:30";

    private static readonly Lazy<IModel> DateModel = new(() => new DateTimeRecognizer(Culture.English).GetDateTimeModel());

    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3, ["april"] = 4, ["apr"] = 4,
        ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7, ["august"] = 8, ["aug"] = 8,
        ["september"] = 9, ["sep"] = 9, ["sept"] = 9, ["october"] = 10, ["oct"] = 10, ["november"] = 11, ["nov"] = 11,
        ["december"] = 12, ["dec"] = 12,
    };

    private static readonly Dictionary<string, DayOfWeek> DayNames = new(StringComparer.Ordinal)
    {
        ["monday"] = DayOfWeek.Monday, ["mon"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday, ["tue"] = DayOfWeek.Tuesday, ["tues"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday, ["wed"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["thu"] = DayOfWeek.Thursday, ["thur"] = DayOfWeek.Thursday, ["thurs"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday, ["fri"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday, ["sat"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday, ["sun"] = DayOfWeek.Sunday,
    };

    private static readonly Dictionary<string, int> Nths = new(StringComparer.Ordinal)
    {
        ["first"] = 1, ["1st"] = 1, ["second"] = 2, ["2nd"] = 2, ["third"] = 3, ["3rd"] = 3,
        ["fourth"] = 4, ["4th"] = 4, ["fifth"] = 5, ["5th"] = 5, ["last"] = -1,
    };

    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.Ordinal)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["fifteen"] = 15,
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["forty-five"] = 45, ["ninety"] = 90,
    };

    /// <summary>Words that name days only a school (or holiday) calendar knows.</summary>
    private static readonly HashSet<string> CalendarWords = new(StringComparer.Ordinal)
    {
        "school", "schoolday", "schooldays", "semester", "semesters", "term", "terms", "trimester", "trimesters", "quarter",
        "holiday", "holidays", "break", "vacation", "graduation", "easter", "thanksgiving", "christmas", "hanukkah",
        "passover", "ramadan", "eid", "diwali", "workday", "workdays", "business", "inservice", "in-service", "payday",
        "instructional", "conference", "conferences",
    };

    /// <summary>Words that say "some time" without naming one.</summary>
    private static readonly HashSet<string> VagueWords = new(StringComparer.Ordinal)
    {
        "soon", "later", "sometime", "sometimes", "asap", "whenever", "eventually", "shortly", "someday", "anytime", "often",
        "occasionally", "regularly", "periodically",
    };

    /// <summary>Time zone names: every time is read in the district's zone, so a zone typed is refused rather than ignored.</summary>
    private static readonly HashSet<string> ZoneWords = new(StringComparer.Ordinal)
    {
        "mt", "mst", "mdt", "et", "est", "edt", "ct", "cst", "cdt", "pt", "pst", "pdt", "akst", "akdt", "hst", "utc", "gmt",
        "bst", "cet", "cest", "mountain", "eastern", "central", "pacific", "alaska", "hawaii", "timezone",
    };

    /// <summary>Words an administrator adds around a schedule that change nothing ("please send it every Monday at 8am").</summary>
    private static readonly HashSet<string> IgnoredWords = new(StringComparer.Ordinal)
    {
        "please", "pls", "send", "sent", "sending", "it", "schedule", "scheduled", "post", "deliver", "out", "go", "goes",
        "thanks", "thank", "you", "remind", "reminder", "everyone", "staff", "them", "local", "time",
    };

    private static readonly HashSet<string> NowWords = new(StringComparer.Ordinal) { "now", "immediately", "right" };

    /// <summary>Glue words a schedule may contain anywhere.</summary>
    private static readonly HashSet<string> Glue = new(StringComparer.Ordinal) { "on", "at", "the", "of", "and", "in" };

    /// <summary>Words that bound a repeating rule, which starts when it is saved and runs until cancelled.</summary>
    private static readonly HashSet<string> BoundWords = new(StringComparer.Ordinal)
    {
        "from", "starting", "beginning", "until", "till", "through", "thru", "ending", "between",
    };

    /// <summary>Words a repeating rule may have left over once its parts are read.</summary>
    private static readonly HashSet<string> RepeatingGlue = new(StringComparer.Ordinal)
    {
        "every", "each", "on", "at", "the", "of", "and", "a", "month", "months", "monthly", "year", "years", "yearly",
        "annually", "week", "weeks", "weekly",
    };

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "every", "each", "other", "on", "at", "the", "of", "and", "in", "this", "next", "month", "months",
        "monthly", "week", "weeks", "weekly", "year", "years", "yearly", "annually", "day", "days", "daily", "weekday",
        "weekdays", "weekend", "weekends", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "tomorrow",
        "today", "yesterday", "noon", "midday", "midnight", "am", "pm", "biweekly", "fortnightly", "fortnight", "o'clock",
        "oclock", "now", "end", "except", "excluding", "but", "not",
    };

    private static readonly HashSet<string> Vocabulary = new(
        Keywords.Concat(Months.Keys).Concat(DayNames.Keys).Concat(DayNames.Keys.Where(k => k.Length > 4).Select(k => k + "s"))
            .Concat(Nths.Keys).Concat(NumberWords.Keys).Concat(BoundWords),
        StringComparer.Ordinal);

    private static readonly HashSet<string> RepeatMarkers = new(StringComparer.Ordinal)
    {
        "every", "each", "daily", "weekly", "monthly", "yearly", "annually", "biweekly", "fortnightly", "weekdays", "weekends",
    };

    /// <summary>Phrasings that are understood, for help texts and input placeholders (each is tested to read).</summary>
    public static IReadOnlyList<string> Examples { get; } =
    [
        "tomorrow at 8am",
        "on August 20 at 7:30",
        "in 2 hours",
        "every Monday at 8am",
        "every weekday at 7:45 am",
        "every other Friday at 3pm",
        "every first Monday of the month at 8am",
        "every last Friday of the month at 8am",
        "every month on the 15th at 7am",
        "every year on August 15 at 9am",
    ];

    /// <summary>
    /// Reads <paramref name="text"/>, typed at <paramref name="typedAt"/> by an administrator of a district in
    /// <paramref name="zone"/>.
    /// </summary>
    /// <param name="text">The administrator's words, as typed (any case; punctuation is ignored).</param>
    /// <param name="typedAt">The moment the words were typed: "tomorrow", "in 2 hours", the year of "August 20", the first
    /// week of "every other Friday" and "has passed" are taken from it.</param>
    /// <param name="zone">The district's IANA time zone; every local time is read in it.</param>
    /// <returns>The schedule, or a refusal with its message. Never throws on bad words.</returns>
    public ScheduleReading Read(string? text, DateTimeOffset typedAt, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        try
        {
            return ReadWords(text, typedAt, zone);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or InvalidOperationException)
        {
            // A reading this class did not foresee must not crash the administrator's turn.
            return ScheduleReading.Refused(UnforeseenReason, AnyExample);
        }
    }

    /// <summary>Reads <paramref name="text"/> typed now, by <paramref name="time"/>'s clock (a fake one in tests).</summary>
    /// <param name="text">The administrator's words.</param>
    /// <param name="time">The clock giving the moment of typing.</param>
    /// <param name="zone">The district's IANA time zone.</param>
    public ScheduleReading Read(string? text, TimeProvider time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(time);
        return Read(text, time.GetUtcNow(), zone);
    }

    /// <summary>The reason given when reading failed in a way the reader did not foresee (tests check it never shows).</summary>
    public const string UnforeseenReason = "I could not read that as a date and time";

    private static ScheduleReading ReadWords(string? text, DateTimeOffset typedAt, TimeZoneInfo zone)
    {
        if (text is { Length: > MaxLength })
        {
            return ScheduleReading.Refused($"that is too long for a schedule (over {MaxLength} characters); type only when to send", AnyExample);
        }

        var normalized = Normalize(text ?? "");
        if (normalized.Length == 0)
        {
            return NoDateOrTime();
        }

        // The words as typed, for examples that only add what is missing ("on 8/20" → "on 8/20 at 8am").
        var asTyped = Regex.Replace(Regex.Replace((text ?? "").Trim(), @"[.!?]+$", ""), @"\s+", " ");
        var zoneWord = normalized.Split(' ').FirstOrDefault(ZoneWords.Contains);
        if (zoneWord is not null)
        {
            var without = Regex.Replace(asTyped, $@"(?i)\s*\b{Regex.Escape(zoneWord)}\b(\s+time)?", "").Trim();
            return ScheduleReading.Refused($"times are always read in the district's time zone ({zone.Id}); leave out '{zoneWord}'", without.Length > 0 ? without : AnyExample);
        }

        normalized = string.Join(' ', normalized.Split(' ').Where(w => !IgnoredWords.Contains(w)));
        normalized = HalfHour().Replace(normalized, m => m.Value.Contains("and", StringComparison.Ordinal) ? "90 minutes" : "30 minutes");
        var (withoutPeriod, period, periodRefusal) = ReadDayPeriod(normalized);
        if (periodRefusal is not null)
        {
            return periodRefusal;
        }

        normalized = withoutPeriod;
        var words = normalized.Split(' ');
        if (words.Any(w => CalendarWords.Contains(w) || CalendarWords.Contains(w.TrimEnd('s'))))
        {
            return ScheduleReading.Refused("no school calendar is known; name a date or a weekday", "every last Friday of the month at 8am");
        }

        var (time, rest, timeRefusal) = ReadTimeOfDay(normalized, period);
        if (timeRefusal is not null)
        {
            return timeRefusal;
        }

        var tokens = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Any(VagueWords.Contains))
        {
            return NoDateOrTime();
        }

        if (tokens.Any(NowWords.Contains) && time is null && !InRelative().IsMatch(rest))
        {
            return ScheduleReading.Refused("'now' is not a schedule; to send right away choose Send now, or give a time", "in 30 minutes");
        }

        foreach (var token in tokens)
        {
            if (!IsKnown(token))
            {
                return Unknown(token, normalized);
            }
        }

        var repeating = tokens.Any(t => RepeatMarkers.Contains(t) || IsPluralDay(t)) || tokens.Contains("other");
        if (repeating && tokens.FirstOrDefault(BoundWords.Contains) is { } bound)
        {
            return ScheduleReading.Refused(
                $"a repeating schedule starts when it is saved and runs until it is paused or cancelled, so it can't have a '{bound}' date",
                "every Monday at 8am");
        }

        if (SlashDate().Match(rest) is { Success: true } slash && !IsMonthDay(slash))
        {
            return ScheduleReading.Refused($"'{slash.Value}' is not a date; I read dates as month/day", "on 8/20 at 7:30");
        }

        var dateTokens = tokens.Where(t => !Glue.Contains(t)).ToList();
        if (dateTokens.Count == 0 && time is null)
        {
            return NoDateOrTime();
        }

        var local = ZoneClock.Local(typedAt, zone);
        return repeating
            ? ReadRepeating(rest, time, typedAt, zone, asTyped)
            : ReadOnce(rest, dateTokens, time, typedAt, local, zone, asTyped);
    }

    private static ScheduleReading NoDateOrTime() =>
        ScheduleReading.Refused("no date or time; give one, e.g. 'tomorrow at 8am'", null);

    // ---- One-off -------------------------------------------------------------------------------------------------

    private static ScheduleReading ReadOnce(string rest, List<string> dateTokens, TimeOnly? time, DateTimeOffset typedAt, DateTime local, TimeZoneInfo zone, string asTyped)
    {
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

    // ---- Repeating -----------------------------------------------------------------------------------------------

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
                var first = Schedule.Weekly(days, At(), zone).Next(typedAt)!.Value;
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

    // ---- Time of day ---------------------------------------------------------------------------------------------

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

    // ---- Words ---------------------------------------------------------------------------------------------------

    private static string Normalize(string text)
    {
        var t = text.ToLowerInvariant().Replace('’', '\'').Replace('‘', '\'');
        t = AmPmDots().Replace(t, "$1m");
        t = Regex.Replace(t, @"[,;!?""()]", " ");
        t = Regex.Replace(t, @"\.(\s|$)", " ");
        t = Regex.Replace(t, @"\b(?:the\s+)?day\s+after\s+tomorrow\b", "in 2 days");
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

    [GeneratedRegex(@"\b(?:except|excluding|but\s+not|not)(?:\s+(?:on|and|or))?(?:\s+(?:" + DayAlternatives + @")s?(?:\s+(?:and|or))?)+")]
    private static partial Regex Except();

    [GeneratedRegex(@"\bweekdays?\b")]
    private static partial Regex WeekdaysWord();

    [GeneratedRegex(@"\bweekends?\b")]
    private static partial Regex WeekendWord();

    [GeneratedRegex(@"\b(?:daily|days?)\b")]
    private static partial Regex DailyWord();
}
