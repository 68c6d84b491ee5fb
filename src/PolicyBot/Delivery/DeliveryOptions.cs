using System.Globalization;
using PolicyBot.Hosting;

namespace PolicyBot.Delivery;

/// <summary>A rate limit over a sliding window: at most <see cref="Limit"/> requests in any <see cref="Window"/>.</summary>
/// <param name="Limit">Requests allowed per window (≥ 1).</param>
/// <param name="Window">The window's length (&gt; 0).</param>
public sealed record RateWindow(int Limit, TimeSpan Window)
{
    /// <summary>
    /// Parses <c>"7/1s; 8/2s; 60/30s; 1800/1h"</c>: limits separated by <c>;</c> or <c>,</c>, each <c>count/length</c> with
    /// a unit <c>ms</c>, <c>s</c>, <c>m</c> or <c>h</c>.
    /// </summary>
    /// <param name="text">The setting's value.</param>
    /// <param name="settingName">Named in the error message.</param>
    /// <exception cref="InvalidOperationException">Empty, or a part that is not <c>count/length</c> with a known unit.</exception>
    public static IReadOnlyList<RateWindow> ParseList(string text, string settingName)
    {
        var parts = (text ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            throw new InvalidOperationException($"Setting {settingName} is empty; expected limits like \"7/1s; 8/2s\".");
        }

        return parts.Select(part =>
        {
            var slash = part.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0
                || !int.TryParse(part[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit < 1
                || ParseDuration(part[(slash + 1)..]) is not { } window || window <= TimeSpan.Zero)
            {
                throw new InvalidOperationException(
                    $"Setting {settingName}: \"{part}\" is not a limit like \"7/1s\" (count/length with unit ms, s, m or h).");
            }

            return new RateWindow(limit, window);
        }).ToList();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Limit}/{Window.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s";

    private static TimeSpan? ParseDuration(string text)
    {
        text = text.Trim();
        var (unit, number) = text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (0.001, text[..^2])
            : text.EndsWith('s') ? (1.0, text[..^1])
            : text.EndsWith('m') ? (60.0, text[..^1])
            : text.EndsWith('h') ? (3600.0, text[..^1])
            : (double.NaN, text);
        return !double.IsNaN(unit) && double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? TimeSpan.FromSeconds(value * unit)
            : null;
    }
}

/// <summary>
/// The delivery engine's settings (keys in <see cref="SettingsKeys"/>, documented in the README). Defaults are Teams'
/// published limits and values that suit one App Service instance.
/// </summary>
public sealed class DeliveryOptions
{
    /// <summary>Teams' limits per bot per conversation.</summary>
    public const string DefaultConversationLimits = "7/1s; 8/2s; 60/30s; 1800/1h";

    /// <summary>Teams' limit per app per tenant.</summary>
    public const string DefaultAppLimits = "50/1s";

    /// <summary>Limits per conversation (all must hold at once).</summary>
    public IReadOnlyList<RateWindow> ConversationLimits { get; init; } = RateWindow.ParseList(DefaultConversationLimits, nameof(ConversationLimits));

    /// <summary>Limits per app per tenant (all must hold at once).</summary>
    public IReadOnlyList<RateWindow> AppLimits { get; init; } = RateWindow.ParseList(DefaultAppLimits, nameof(AppLimits));

    /// <summary>
    /// Extra time added to every window. Default 0: a send's permit already counts until its answer came, the latest
    /// moment the request can have reached Teams (see <see cref="SlidingLogRateLimiter"/>), so no allowance for unequal
    /// travel times is needed. Raise it only if Teams still answers 429 (each 10 ms costs 1 % of a 1-second limit).
    /// </summary>
    public TimeSpan RateMargin { get; init; } = TimeSpan.Zero;

    /// <summary>Sends in flight at most (across conversations), so the per-app rate can be reached with slow answers. Default 32.</summary>
    public int Concurrency { get; init; } = 32;

    /// <summary>Sends per row at most, a crash's cut-short send included; then the row is dead-lettered. Default 6.</summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>First back-off delay for 412, 5xx and timeouts; doubles per retry, with jitter. Default 2 s.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest back-off delay (Retry-After is honoured even when longer). Default 60 s.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>One send's time limit; past it the send counts as a transient failure. Default 30 s.</summary>
    public TimeSpan SendTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a claim (a row or job being worked on) lasts without renewal. A process that dies leaves its claims;
    /// after this they lapse and the work is taken again. Default 2 min.
    /// </summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the store is looked at for work queued by others or claims that lapsed. Default 2 s.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Runs per durable job at most before it is failed. Default 5.</summary>
    public int JobMaxAttempts { get; init; } = 5;

    /// <summary>How long a download link works. Default 15 min.</summary>
    public TimeSpan DownloadLinkLifetime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Reads the options from configuration (flat keys); absent keys keep their defaults.</summary>
    /// <exception cref="InvalidOperationException">A value that does not parse or is out of range, naming the key.</exception>
    public static DeliveryOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = new DeliveryOptions();
        string? Value(string key) => string.IsNullOrWhiteSpace(configuration[key]) ? null : configuration[key]!.Trim();

        int Int(string key, int fallback, int min, int max)
        {
            if (Value(key) is not { } text)
            {
                return fallback;
            }

            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value
                : throw new InvalidOperationException($"Setting {key} must be a whole number from {min} to {max}; it is \"{text}\".");
        }

        TimeSpan Seconds(string key, TimeSpan fallback, double min, double max)
        {
            if (Value(key) is not { } text)
            {
                return fallback;
            }

            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? TimeSpan.FromSeconds(value)
                : throw new InvalidOperationException($"Setting {key} must be a number of seconds from {min} to {max}; it is \"{text}\".");
        }

        var options = new DeliveryOptions
        {
            ConversationLimits = Value(SettingsKeys.DeliveryConversationLimits) is { } c
                ? RateWindow.ParseList(c, SettingsKeys.DeliveryConversationLimits) : defaults.ConversationLimits,
            AppLimits = Value(SettingsKeys.DeliveryAppLimits) is { } a
                ? RateWindow.ParseList(a, SettingsKeys.DeliveryAppLimits) : defaults.AppLimits,
            RateMargin = TimeSpan.FromMilliseconds(Int(SettingsKeys.DeliveryRateMarginMs, (int)defaults.RateMargin.TotalMilliseconds, 0, 10_000)),
            Concurrency = Int(SettingsKeys.DeliveryConcurrency, defaults.Concurrency, 1, 1024),
            MaxAttempts = Int(SettingsKeys.DeliveryMaxAttempts, defaults.MaxAttempts, 1, 100),
            RetryBaseDelay = Seconds(SettingsKeys.DeliveryRetryBaseDelaySeconds, defaults.RetryBaseDelay, 0.001, 3600),
            RetryMaxDelay = Seconds(SettingsKeys.DeliveryRetryMaxDelaySeconds, defaults.RetryMaxDelay, 0.001, 86_400),
            SendTimeout = Seconds(SettingsKeys.DeliverySendTimeoutSeconds, defaults.SendTimeout, 0.01, 600),
            ClaimLease = Seconds(SettingsKeys.DeliveryClaimLeaseSeconds, defaults.ClaimLease, 0.1, 86_400),
            PollInterval = Seconds(SettingsKeys.DeliveryPollSeconds, defaults.PollInterval, 0.01, 3600),
            JobMaxAttempts = Int(SettingsKeys.TimerJobMaxAttempts, defaults.JobMaxAttempts, 1, 100),
            DownloadLinkLifetime = Seconds(SettingsKeys.DownloadLinkLifetimeSeconds, defaults.DownloadLinkLifetime, 1, 86_400),
        };

        // A claim must outlive a send, or a slow send's row would be taken by another sender while still in flight.
        if (options.ClaimLease <= options.SendTimeout)
        {
            throw new InvalidOperationException(
                $"Setting {SettingsKeys.DeliveryClaimLeaseSeconds} ({options.ClaimLease.TotalSeconds} s) must be longer than " +
                $"{SettingsKeys.DeliverySendTimeoutSeconds} ({options.SendTimeout.TotalSeconds} s).");
        }

        return options;
    }
}
