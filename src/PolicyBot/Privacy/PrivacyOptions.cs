using System.Globalization;
using PolicyBot.Hosting;

namespace PolicyBot.Privacy;

/// <summary>How long stored state is kept (<see cref="SettingsKeys.SituationRetentionDays"/>, <see cref="SettingsKeys.DeliveryRecordRetentionDays"/>).</summary>
/// <param name="SituationRetention">A situation unchanged for this long is deleted (default 30 days).</param>
/// <param name="DeliveryRecordRetention">A finished outbox row unchanged for this long is deleted (default 365 days).</param>
public sealed record PrivacyOptions(TimeSpan SituationRetention, TimeSpan DeliveryRecordRetention)
{
    /// <summary>Days used when the situation setting is empty.</summary>
    public const int DefaultSituationRetentionDays = 30;

    /// <summary>Days used when the delivery record setting is empty.</summary>
    public const int DefaultDeliveryRecordRetentionDays = 365;

    /// <summary>Largest accepted setting (ten years).</summary>
    public const int MaxRetentionDays = 3650;

    /// <summary>Reads the settings.</summary>
    /// <param name="configuration">App configuration.</param>
    /// <exception cref="InvalidOperationException">A setting is not a whole number of days from 1 to <see cref="MaxRetentionDays"/>.</exception>
    public static PrivacyOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new PrivacyOptions(
            Days(configuration, SettingsKeys.SituationRetentionDays, DefaultSituationRetentionDays, "how long a person's question is kept after it last changed"),
            Days(configuration, SettingsKeys.DeliveryRecordRetentionDays, DefaultDeliveryRecordRetentionDays, "how long the record of a message sent to a person is kept"));
    }

    private static TimeSpan Days(IConfiguration configuration, string key, int defaultDays, string meaning)
    {
        var text = configuration[key]?.Trim();
        var days = defaultDays;
        if (!string.IsNullOrEmpty(text)
            && (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out days) || days < 1 || days > MaxRetentionDays))
        {
            throw new InvalidOperationException(
                $"{key} '{text}' is not a whole number of days from 1 to {MaxRetentionDays} (default {defaultDays}): {meaning}.");
        }
        return TimeSpan.FromDays(days);
    }
}
