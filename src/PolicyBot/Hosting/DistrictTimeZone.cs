using Microsoft.Extensions.Configuration;

namespace PolicyBot.Hosting;

/// <summary>
/// The district's time zone (setting <see cref="SettingsKeys.DistrictTimeZone"/>, an IANA name, default
/// <c>America/Denver</c>): campaign schedules are read in it, and so are the times in staff's questions ("today",
/// "tonight", "Saturday"), whatever zone the server runs in.
/// </summary>
public static class DistrictTimeZone
{
    /// <summary>The zone named by the setting, or America/Denver when it is empty.</summary>
    /// <param name="configuration">The app's configuration.</param>
    /// <exception cref="InvalidOperationException">The name is not a zone this machine knows (the message names the setting and gives examples).</exception>
    public static TimeZoneInfo From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var zoneId = configuration[SettingsKeys.DistrictTimeZone] is { Length: > 0 } z ? z.Trim() : "America/Denver";
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidOperationException($"{SettingsKeys.DistrictTimeZone} '{zoneId}' is not a time zone this machine knows. Use an IANA name such as America/Denver or America/New_York.", e);
        }
    }
}
