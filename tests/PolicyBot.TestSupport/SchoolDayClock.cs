using System.Diagnostics;

namespace PolicyBot.TestSupport;

/// <summary>
/// A clock that starts on a school day, Wednesday 2 December 2026 at 10:00 in the district's zone (America/Denver,
/// 17:00 UTC), and runs at real speed from there: timers and delays behave as on the system clock. The corpus dialogs
/// run on it so that "today" and "this afternoon" mean a school day whatever day the suite runs (on a Saturday the
/// system clock made fresh13's "today, school hours" a weekend).
/// </summary>
public sealed class SchoolDayClock : TimeProvider
{
    /// <summary>The moment the clock starts at.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 2, 17, 0, 0, TimeSpan.Zero);

    /// <summary>The district's zone the start is a school-day morning in.</summary>
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/Denver");

    /// <summary>One clock for a test run: every reader and bot of the run agrees on the time.</summary>
    public static readonly SchoolDayClock Instance = new();

    private readonly long _started = Stopwatch.GetTimestamp();

    /// <summary>The start plus the real time elapsed since this clock was made.</summary>
    public override DateTimeOffset GetUtcNow() => Start + Stopwatch.GetElapsedTime(_started);

    /// <summary>The district's zone: a reader given this clock reads "today" in it.</summary>
    public override TimeZoneInfo LocalTimeZone => Zone;
}
