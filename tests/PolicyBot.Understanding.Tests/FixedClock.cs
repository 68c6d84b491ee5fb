namespace PolicyBot.Understanding.Tests;

/// <summary>A clock standing at one moment, its local zone UTC (a reader's own zone, when set, wins).</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
