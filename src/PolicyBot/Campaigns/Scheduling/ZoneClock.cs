namespace PolicyBot.Campaigns.Scheduling;

/// <summary>
/// Turns a local wall-clock time in a district's zone into the instant it names, by the schedules' daylight-saving rules
/// (../shared/schedules/README.md): a time in the spring-forward gap runs shifted by the gap (02:30 → 03:30 daylight
/// time); a time that happens twice at fall-back runs at the first of the two.
/// </summary>
public static class ZoneClock
{
    /// <summary>The instant of the local time <paramref name="wall"/> (its Kind is ignored) in <paramref name="zone"/>.</summary>
    /// <param name="wall">A local date and time in <paramref name="zone"/>.</param>
    /// <param name="zone">The district's time zone.</param>
    /// <returns>The instant, with the zone's offset at that instant.</returns>
    public static DateTimeOffset Resolve(DateTime wall, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        wall = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wall))
        {
            // Read the time with the offset in force just before the gap: the instant lands as far past the gap's end
            // as the wall time was past its start.
            var before = wall;
            for (var step = 0; step < 4 * 48 && zone.IsInvalidTime(before); step++)
            {
                before = before.AddMinutes(-15);
            }

            var offsetBefore = zone.GetUtcOffset(before);
            var utc = new DateTimeOffset(wall - offsetBefore, TimeSpan.Zero);
            return TimeZoneInfo.ConvertTime(utc, zone);
        }

        if (zone.IsAmbiguousTime(wall))
        {
            // The larger offset is the earlier instant: the first time the clock shows this wall time.
            var offset = zone.GetAmbiguousTimeOffsets(wall).Max();
            return new DateTimeOffset(wall, offset);
        }

        return new DateTimeOffset(wall, zone.GetUtcOffset(wall));
    }

    /// <summary>The local wall-clock time of <paramref name="instant"/> in <paramref name="zone"/> (Kind Unspecified).</summary>
    public static DateTime Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified);
}
