using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cronos;

namespace PolicyBot.Campaigns.Scheduling;

/// <summary>
/// When a campaign is sent: once, at one instant, or by a repeating rule evaluated in the district's IANA time zone.
/// A repeating rule is a cron expression (<see cref="Cron"/>, evaluated with Cronos on the zone's wall clock) plus what
/// cron cannot say, applied explicitly: every other week (counted from <see cref="EveryOtherWeekFrom"/>) and the
/// 29th–31st falling on a shorter month's last day. Wall-clock times become instants by <see cref="ZoneClock"/>'s
/// daylight-saving rules. Immutable; build one with the factories or <see cref="ScheduleReader"/>, store it with
/// <see cref="Serialize"/> and read it back with <see cref="Parse"/>.
/// </summary>
public sealed class Schedule
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private readonly CronExpression? _cron;

    private Schedule(ScheduleKind kind, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Kind = kind;
        Zone = zone;
    }

    private Schedule(ScheduleKind kind, TimeZoneInfo zone, TimeOnly time, string cron) : this(kind, zone)
    {
        TimeOfDay = time;
        Cron = cron;
        _cron = CronExpression.Parse(cron);
    }

    /// <summary>The rule's kind.</summary>
    public ScheduleKind Kind { get; }

    /// <summary>True for every kind but <see cref="ScheduleKind.Once"/>.</summary>
    public bool IsRecurring => Kind != ScheduleKind.Once;

    /// <summary>The district's time zone the rule is read in.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>Once: the instant (with the zone's offset). Null for repeating rules.</summary>
    public DateTimeOffset? At { get; private init; }

    /// <summary>Repeating rules: the local time of day of each occurrence.</summary>
    public TimeOnly TimeOfDay { get; private init; }

    /// <summary>Weekly: the days of the week, Monday first.</summary>
    public IReadOnlyList<DayOfWeek> Days { get; private init; } = [];

    /// <summary>Weekly every other week: the local date of the first occurrence, from which weeks are counted; else null.</summary>
    public DateOnly? EveryOtherWeekFrom { get; private init; }

    /// <summary>MonthlyOnDay and Yearly: the day of the month, 1–31.</summary>
    public int DayOfMonth { get; private init; }

    /// <summary>Yearly: the month, 1–12.</summary>
    public int Month { get; private init; }

    /// <summary>MonthlyOnWeekday: which one in the month, 1–5, or −1 for the last.</summary>
    public int Nth { get; private init; }

    /// <summary>MonthlyOnWeekday: the weekday.</summary>
    public DayOfWeek Weekday { get; private init; }

    /// <summary>Repeating rules: the five-field cron expression evaluated on the zone's wall clock (before the explicit
    /// every-other-week and last-day filters). Null for Once.</summary>
    public string? Cron { get; }

    /// <summary>A one-off schedule at <paramref name="at"/> (stored as given; shown in <paramref name="zone"/>).</summary>
    public static Schedule Once(DateTimeOffset at, TimeZoneInfo zone) =>
        new(ScheduleKind.Once, zone) { At = TimeZoneInfo.ConvertTime(at, zone) };

    /// <summary>Every week (or every other week) on <paramref name="days"/> at <paramref name="time"/>.</summary>
    /// <param name="days">One or more days of the week.</param>
    /// <param name="time">Local time of day.</param>
    /// <param name="zone">The district's zone.</param>
    /// <param name="everyOtherWeekFrom">For every other week: the local date of the first occurrence (weeks counted from
    /// its Monday); null for every week.</param>
    /// <exception cref="ArgumentException">No days.</exception>
    public static Schedule Weekly(IEnumerable<DayOfWeek> days, TimeOnly time, TimeZoneInfo zone, DateOnly? everyOtherWeekFrom = null)
    {
        var set = days.Distinct().OrderBy(d => ((int)d + 6) % 7).ToArray();
        if (set.Length == 0)
        {
            throw new ArgumentException("A weekly schedule needs at least one day.", nameof(days));
        }

        var cron = $"{time.Minute} {time.Hour} * * {string.Join(',', set.Select(d => (int)d))}";
        return new Schedule(ScheduleKind.Weekly, zone, time, cron) { Days = set, EveryOtherWeekFrom = everyOtherWeekFrom };
    }

    /// <summary>Every month on day <paramref name="day"/> (29–31: the month's last day when it has fewer).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Day outside 1–31.</exception>
    public static Schedule MonthlyOnDay(int day, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(day, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(day, 31);
        var days = day <= 28 ? day.ToString(CultureInfo.InvariantCulture) : "28-31";
        return new Schedule(ScheduleKind.MonthlyOnDay, zone, time, $"{time.Minute} {time.Hour} {days} * *") { DayOfMonth = day };
    }

    /// <summary>Every month on the <paramref name="nth"/> (1–5, or −1 for the last) <paramref name="weekday"/>; a month
    /// without a fifth such weekday is skipped.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Nth not 1–5 or −1.</exception>
    public static Schedule MonthlyOnWeekday(int nth, DayOfWeek weekday, TimeOnly time, TimeZoneInfo zone)
    {
        if (nth is not (>= 1 and <= 5 or -1))
        {
            throw new ArgumentOutOfRangeException(nameof(nth), nth, "1–5, or −1 for the last.");
        }

        var dow = nth == -1 ? $"{(int)weekday}L" : $"{(int)weekday}#{nth}";
        return new Schedule(ScheduleKind.MonthlyOnWeekday, zone, time, $"{time.Minute} {time.Hour} * * {dow}") { Nth = nth, Weekday = weekday };
    }

    /// <summary>Every year on <paramref name="month"/>/<paramref name="day"/> (February 29: February 28 in other years).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A month and day that no year has (e.g. April 31).</exception>
    public static Schedule Yearly(int month, int day, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(day, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(day, DateTime.DaysInMonth(2028, month));
        var days = day <= 28 ? day.ToString(CultureInfo.InvariantCulture) : "28-31";
        return new Schedule(ScheduleKind.Yearly, zone, time, $"{time.Minute} {time.Hour} {days} {month} *") { Month = month, DayOfMonth = day };
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null when there is none (a one-off that
    /// is not later, or a rule with no occurrence before the year 2100).</summary>
    public DateTimeOffset? Next(DateTimeOffset after)
    {
        if (Kind == ScheduleKind.Once)
        {
            return At > after ? At : null;
        }

        // Walk the cron occurrences on the wall clock (Cronos reads a UTC-kind DateTime as wall time in the UTC zone,
        // which has no daylight saving), starting a day early: a time in the spring-forward gap runs later than its
        // wall time says, so an occurrence whose wall time is before `after` can still be after it.
        var wall = DateTime.SpecifyKind(ZoneClock.Local(after, Zone).AddHours(-26), DateTimeKind.Utc);
        for (var i = 0; i < 10_000; i++)
        {
            var next = _cron!.GetNextOccurrence(wall, TimeZoneInfo.Utc);
            if (next is not { } found)
            {
                return null;
            }

            wall = found;
            if (!Keeps(DateOnly.FromDateTime(found)))
            {
                continue;
            }

            var instant = ZoneClock.Resolve(found, Zone);
            if (instant > after)
            {
                return instant;
            }
        }

        return null;
    }

    /// <summary>The next <paramref name="count"/> occurrences after <paramref name="after"/>, in order (fewer when the
    /// rule ends: a one-off has at most one).</summary>
    public IReadOnlyList<DateTimeOffset> NextOccurrences(DateTimeOffset after, int count)
    {
        var list = new List<DateTimeOffset>(Math.Max(count, 0));
        var from = after;
        while (list.Count < count && Next(from) is { } next)
        {
            list.Add(next);
            from = next;
        }

        return list;
    }

    /// <summary>The rule in words, without the next occurrence: "every first Monday at 8:00 AM", or for a one-off
    /// "Friday, August 20, 2027 at 7:30 AM".</summary>
    public string DescribeRule()
    {
        var time = FormatTime(TimeOfDay);
        return Kind switch
        {
            ScheduleKind.Once => FormatInstant(At!.Value, withYear: true),
            ScheduleKind.Weekly => $"{WeeklyWords()} at {time}",
            ScheduleKind.MonthlyOnDay => $"every month on the {DayWords(DayOfMonth)} at {time}",
            ScheduleKind.MonthlyOnWeekday => $"every {NthWords(Nth)} {Weekday}{(Nth == 5 ? $" (months without a fifth {Weekday} are skipped)" : "")} at {time}",
            ScheduleKind.Yearly => $"every year on {MonthName(Month)} {DayOfMonth}{(DayOfMonth == 29 ? " (February 28 when the year has no February 29)" : "")} at {time}",
            _ => throw new InvalidOperationException(Kind.ToString()),
        };
    }

    /// <summary>
    /// What the bot repeats back before saving: "every first Monday at 8:00 AM, America/Denver; next: Monday, December 7",
    /// or for a one-off "Friday, August 20, 2027 at 7:30 AM (America/Denver)". The year is shown when it is not
    /// <paramref name="now"/>'s; a next occurrence moved by a clock change shows its real time.
    /// </summary>
    /// <param name="now">The moment of describing (the next occurrence is the first after it).</param>
    public string Describe(DateTimeOffset now)
    {
        if (Kind == ScheduleKind.Once)
        {
            return $"{DescribeRule()} ({Zone.Id})";
        }

        var nowYear = ZoneClock.Local(now, Zone).Year;
        var text = $"{DescribeRule()}, {Zone.Id}";
        if (Next(now) is not { } next)
        {
            return text + "; no further occurrence";
        }

        var local = ZoneClock.Local(next, Zone);
        text += "; next: " + FormatDate(local, withYear: local.Year != nowYear);
        if (TimeOnly.FromDateTime(local) != TimeOfDay)
        {
            text += $" at {FormatTime(TimeOnly.FromDateTime(local))} ({FormatTime(TimeOfDay)} does not exist that day: the clocks go forward)";
        }
        else if (Zone.IsAmbiguousTime(local))
        {
            text += $" ({FormatTime(TimeOfDay)} happens twice that day, as the clocks go back; it runs at the first)";
        }

        return text;
    }

    /// <summary>The compact stored form: one line of JSON, e.g.
    /// <c>{"v":1,"kind":"weekly","zone":"America/Denver","time":"15:00","days":"fri","everyOtherWeekFrom":"2026-12-04"}</c>.</summary>
    public string Serialize()
    {
        var o = new JsonObject { ["v"] = 1, ["kind"] = KindName(Kind), ["zone"] = Zone.Id };
        switch (Kind)
        {
            case ScheduleKind.Once:
                o["at"] = At!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
                break;
            case ScheduleKind.Weekly:
                o["time"] = TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture);
                o["days"] = string.Join(',', Days.Select(d => d.ToString()[..3].ToLowerInvariant()));
                if (EveryOtherWeekFrom is { } from)
                {
                    o["everyOtherWeekFrom"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                }

                break;
            case ScheduleKind.MonthlyOnDay:
                o["time"] = TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture);
                o["day"] = DayOfMonth;
                break;
            case ScheduleKind.MonthlyOnWeekday:
                o["time"] = TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture);
                o["nth"] = Nth;
                o["weekday"] = Weekday.ToString()[..3].ToLowerInvariant();
                break;
            case ScheduleKind.Yearly:
                o["time"] = TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture);
                o["month"] = Month;
                o["day"] = DayOfMonth;
                break;
        }

        return o.ToJsonString();
    }

    /// <summary>Reads back what <see cref="Serialize"/> wrote.</summary>
    /// <exception cref="FormatException">Not a stored schedule: the message says which part is wrong (an unknown time zone
    /// included).</exception>
    public static Schedule Parse(string stored)
    {
        JsonObject o;
        try
        {
            o = JsonNode.Parse(stored ?? "") as JsonObject ?? throw new FormatException("A stored schedule is a JSON object.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"A stored schedule is not valid JSON: {e.Message}", e);
        }

        if (o["v"] is not JsonValue version || !version.TryGetValue<int>(out var v) || v != 1)
        {
            throw new FormatException("A stored schedule has version \"v\": 1.");
        }

        var zoneId = Text(o, "zone");
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new FormatException($"A stored schedule names the time zone '{zoneId}', which this machine does not know.", e);
        }

        try
        {
            var kind = Text(o, "kind");
            if (kind == "once")
            {
                return Once(DateTimeOffset.ParseExact(Text(o, "at"), "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture), zone);
            }

            var time = TimeOnly.ParseExact(Text(o, "time"), "HH:mm", CultureInfo.InvariantCulture);
            return kind switch
            {
                "weekly" => Weekly(
                    Text(o, "days").Split(',').Select(ParseDay),
                    time,
                    zone,
                    o["everyOtherWeekFrom"] is null ? null : DateOnly.ParseExact(Text(o, "everyOtherWeekFrom"), "yyyy-MM-dd", CultureInfo.InvariantCulture)),
                "monthly-day" => MonthlyOnDay(Int(o, "day"), time, zone),
                "monthly-weekday" => MonthlyOnWeekday(Int(o, "nth"), ParseDay(Text(o, "weekday")), time, zone),
                "yearly" => Yearly(Int(o, "month"), Int(o, "day"), time, zone),
                _ => throw new FormatException($"A stored schedule has the unknown kind '{kind}'."),
            };
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"A stored schedule is not valid: {e.Message}", e);
        }
    }

    /// <summary>Like <see cref="Parse"/>, without throwing: false (and the reason in <paramref name="error"/>) when
    /// <paramref name="stored"/> is not a stored schedule.</summary>
    public static bool TryParse(string stored, out Schedule? schedule, out string? error)
    {
        try
        {
            schedule = Parse(stored);
            error = null;
            return true;
        }
        catch (FormatException e)
        {
            schedule = null;
            error = e.Message;
            return false;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Serialize();

    /// <summary>Two schedules are equal when their stored forms are (same rule, zone and, for a one-off, instant and offset).</summary>
    public override bool Equals(object? obj) => obj is Schedule other && other.Serialize() == Serialize();

    /// <inheritdoc />
    public override int GetHashCode() => Serialize().GetHashCode(StringComparison.Ordinal);

    /// <summary>The filters cron cannot express: the week of an every-other-week rule and the last-day rule.</summary>
    private bool Keeps(DateOnly date)
    {
        if (EveryOtherWeekFrom is { } from)
        {
            var weeks = (Monday(date).DayNumber - Monday(from).DayNumber) / 7;
            return weeks >= 0 && weeks % 2 == 0 && date >= from;
        }

        if (Kind is ScheduleKind.MonthlyOnDay or ScheduleKind.Yearly && DayOfMonth > 28)
        {
            return date.Day == Math.Min(DayOfMonth, DateTime.DaysInMonth(date.Year, date.Month));
        }

        return true;
    }

    private static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private string WeeklyWords()
    {
        var every = EveryOtherWeekFrom is null ? "every" : "every other";
        if (Days.Count == 7)
        {
            return EveryOtherWeekFrom is null ? "every day" : "every day, every other week";
        }

        if (Days.SequenceEqual(Weekdays))
        {
            return EveryOtherWeekFrom is null ? "every weekday" : "every weekday, every other week";
        }

        var names = Days.Select(d => d.ToString()).ToList();
        var list = names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
        return $"{every} {list}";
    }

    /// <summary>1 → "first" … 5 → "fifth", −1 → "last".</summary>
    internal static string NthWords(int nth) => nth switch
    {
        1 => "first",
        2 => "second",
        3 => "third",
        4 => "fourth",
        5 => "fifth",
        _ => "last",
    };

    private static string DayWords(int day) =>
        day > 28 ? $"{Ordinal(day)} (the last day in shorter months)" : Ordinal(day);

    /// <summary>1 → "1st", 22 → "22nd", 13 → "13th".</summary>
    internal static string Ordinal(int n)
    {
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    internal static string MonthName(int month) => English.DateTimeFormat.GetMonthName(month);

    /// <summary>8:00 AM.</summary>
    internal static string FormatTime(TimeOnly time) => time.ToString("h:mm tt", English);

    /// <summary>Monday, December 7[, 2026].</summary>
    internal static string FormatDate(DateTime local, bool withYear) =>
        local.ToString(withYear ? "dddd, MMMM d, yyyy" : "dddd, MMMM d", English);

    /// <summary>Friday, August 20, 2027 at 7:30 AM, in the schedule's zone.</summary>
    private string FormatInstant(DateTimeOffset instant, bool withYear)
    {
        var local = ZoneClock.Local(instant, Zone);
        return $"{FormatDate(local, withYear)} at {FormatTime(TimeOnly.FromDateTime(local))}";
    }

    private static string KindName(ScheduleKind kind) => kind switch
    {
        ScheduleKind.Once => "once",
        ScheduleKind.Weekly => "weekly",
        ScheduleKind.MonthlyOnDay => "monthly-day",
        ScheduleKind.MonthlyOnWeekday => "monthly-weekday",
        _ => "yearly",
    };

    private static DayOfWeek ParseDay(string text) =>
        Enum.GetValues<DayOfWeek>().FirstOrDefault(d => d.ToString()[..3].Equals(text.Trim(), StringComparison.OrdinalIgnoreCase), (DayOfWeek)(-1)) is var day && day >= 0
            ? day
            : throw new FormatException($"A stored schedule has the unknown day '{text}' (expected mon … sun).");

    private static string Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new FormatException($"A stored schedule lacks the text \"{name}\".");

    private static int Int(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<int>(out var i) ? i : throw new FormatException($"A stored schedule lacks the number \"{name}\".");
}
