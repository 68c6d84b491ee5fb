using System.Globalization;
using PolicyBot.Hosting;

namespace PolicyBot.Privacy;

/// <summary>How long stored state is kept (<see cref="SettingsKeys.SituationRetentionDays"/>).</summary>
/// <param name="SituationRetention">A situation unchanged for this long is deleted (default 30 days).</param>
public sealed record PrivacyOptions(TimeSpan SituationRetention)
{
    /// <summary>Days used when the setting is empty.</summary>
    public const int DefaultSituationRetentionDays = 30;

    /// <summary>Largest accepted setting (ten years).</summary>
    public const int MaxRetentionDays = 3650;

    /// <summary>Reads the settings.</summary>
    /// <param name="configuration">App configuration.</param>
    /// <exception cref="InvalidOperationException">The setting is not a whole number of days from 1 to <see cref="MaxRetentionDays"/>.</exception>
    public static PrivacyOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[SettingsKeys.SituationRetentionDays]?.Trim();
        var days = DefaultSituationRetentionDays;
        if (!string.IsNullOrEmpty(text)
            && (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out days) || days < 1 || days > MaxRetentionDays))
        {
            throw new InvalidOperationException(
                $"{SettingsKeys.SituationRetentionDays} '{text}' is not a whole number of days from 1 to {MaxRetentionDays} " +
                $"(default {DefaultSituationRetentionDays}): how long a person's question is kept after it last changed.");
        }
        return new PrivacyOptions(TimeSpan.FromDays(days));
    }
}
