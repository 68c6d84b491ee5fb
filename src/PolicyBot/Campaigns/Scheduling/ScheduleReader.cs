using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
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
        "instructional", "conference", "conferences", "memorial", "labor", "labour", "independence", "halloween",
        "valentine's", "valentines", "veterans", "presidents", "mlk", "juneteenth", "columbus", "new-year", "year's",
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
        "thanks", "thank", "you", "remind", "reminder", "everyone", "everybody", "staff", "teachers", "them", "local", "time",
        "for", "all", "coming", "single",
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
}
