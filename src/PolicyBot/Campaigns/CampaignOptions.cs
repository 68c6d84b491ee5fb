using System.Globalization;

namespace PolicyBot.Campaigns;

/// <summary>
/// Campaign settings (flat keys, like every other setting): <c>DistrictTimeZone</c> (IANA, default
/// <c>America/Denver</c>), <c>CampaignNudgeDays</c> (days before a deadline when those who have not acknowledged get a
/// reminder, default <c>3,1</c>), <c>CampaignNudgeHour</c> (local hour of a nudge, default 8),
/// <c>CampaignMissedSendGraceMinutes</c> (a send missed while the bot was down still goes out when less late than this,
/// default 60) and <c>PublicBaseUrl</c> (the bot's public address for download links; empty: the address the activity
/// came in on).
/// </summary>
/// <param name="TimeZone">The district's time zone.</param>
/// <param name="NudgeDays">Days before the deadline, largest first.</param>
/// <param name="NudgeHour">Local hour (0–23) at which a nudge goes out.</param>
/// <param name="MissedSendGrace">How late a send may still go out after a restart.</param>
/// <param name="PublicBaseUrl">The bot's public base URL, or null.</param>
public sealed record CampaignOptions(TimeZoneInfo TimeZone, IReadOnlyList<int> NudgeDays, int NudgeHour, TimeSpan MissedSendGrace, Uri? PublicBaseUrl)
{
    /// <summary>Key of the district's IANA time zone.</summary>
    public const string TimeZoneKey = Hosting.SettingsKeys.DistrictTimeZone;

    /// <summary>Key of the nudge days.</summary>
    public const string NudgeDaysKey = Hosting.SettingsKeys.CampaignNudgeDays;

    /// <summary>Key of the nudge hour.</summary>
    public const string NudgeHourKey = Hosting.SettingsKeys.CampaignNudgeHour;

    /// <summary>Key of the missed-send grace, in minutes.</summary>
    public const string MissedSendGraceKey = Hosting.SettingsKeys.CampaignMissedSendGraceMinutes;

    /// <summary>Key of the public base URL.</summary>
    public const string PublicBaseUrlKey = Hosting.SettingsKeys.PublicBaseUrl;

    /// <summary>Reads the settings.</summary>
    /// <param name="configuration">The app's configuration.</param>
    /// <exception cref="InvalidOperationException">A setting is not in its format (the message names it and says what is expected).</exception>
    public static CampaignOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var zone = Hosting.DistrictTimeZone.From(configuration);

        var days = new List<int>();
        foreach (var part in (configuration[NudgeDaysKey] ?? "3,1").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d is < 1 or > 60)
            {
                throw new InvalidOperationException($"{NudgeDaysKey} '{configuration[NudgeDaysKey]}' must list whole days between 1 and 60, e.g. \"3,1\" (or be empty for no reminders: \"none\" is not accepted).");
            }
            days.Add(d);
        }

        var hour = 8;
        if (configuration[NudgeHourKey] is { Length: > 0 } h && (!int.TryParse(h, NumberStyles.None, CultureInfo.InvariantCulture, out hour) || hour > 23))
        {
            throw new InvalidOperationException($"{NudgeHourKey} '{h}' must be an hour from 0 to 23.");
        }

        var grace = 60.0;
        if (configuration[MissedSendGraceKey] is { Length: > 0 } g && (!double.TryParse(g, NumberStyles.Float, CultureInfo.InvariantCulture, out grace) || grace < 0))
        {
            throw new InvalidOperationException($"{MissedSendGraceKey} '{g}' must be a number of minutes, 0 or more.");
        }

        Uri? baseUrl = null;
        if (configuration[PublicBaseUrlKey] is { Length: > 0 } u && !Uri.TryCreate(u.Trim(), UriKind.Absolute, out baseUrl))
        {
            throw new InvalidOperationException($"{PublicBaseUrlKey} '{u}' must be an absolute URL such as https://policybot.azurewebsites.net.");
        }

        return new CampaignOptions(zone, [.. days.Distinct().OrderDescending()], hour, TimeSpan.FromMinutes(grace), baseUrl);
    }

    /// <summary>The days before a deadline in words, e.g. "3 days and 1 day".</summary>
    public string NudgeDaysWords() => NudgeDays.Count == 0
        ? "no reminders"
        : string.Join(" and ", NudgeDays.Select(d => d == 1 ? "1 day" : $"{d} days"));
}
