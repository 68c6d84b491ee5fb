namespace PolicyBot.Hosting;

/// <summary>
/// The start-up settings the host itself acts on, read once from configuration (keys in <see cref="SettingsKeys"/>)
/// and checked so that a misconfigured deployment fails at start-up with a message naming the keys, not at the
/// first message.
/// </summary>
public sealed class BotRuntimeSettings
{
    /// <summary>Folder used when <see cref="SettingsKeys.DataFolder"/> is not set.</summary>
    public const string DefaultDataFolder = "./data";

    /// <summary>Reply time budget used when <see cref="SettingsKeys.ReplyTimeBudgetSeconds"/> is not set.</summary>
    public static readonly TimeSpan DefaultReplyTimeBudget = TimeSpan.FromSeconds(10);

    /// <summary>Largest accepted reply time budget: a turn must answer long before Teams gives up on it.</summary>
    public static readonly TimeSpan MaxReplyTimeBudget = TimeSpan.FromSeconds(60);

    private BotRuntimeSettings(string? appId, string? appType, string dataFolder, TimeSpan replyTimeBudget)
    {
        AppId = appId;
        AppType = appType;
        DataFolder = dataFolder;
        ReplyTimeBudget = replyTimeBudget;
    }

    /// <summary>The bot's app id, or null in local mode.</summary>
    public string? AppId { get; }

    /// <summary>The configured <see cref="SettingsKeys.MicrosoftAppType"/>, or null (the SDK then assumes MultiTenant).</summary>
    public string? AppType { get; }

    /// <summary>True when no app id is configured: requests are not authenticated (developer machine, Agents Playground).</summary>
    public bool IsLocalMode => AppId is null;

    /// <summary>Absolute path of the folder holding durable state; relative settings resolve against the content root.</summary>
    public string DataFolder { get; }

    /// <summary>
    /// How long a turn may wait for Teams to accept a throttled reply before the reply goes to the outbox
    /// (<see cref="SettingsKeys.ReplyTimeBudgetSeconds"/>, default <see cref="DefaultReplyTimeBudget"/>).
    /// </summary>
    public TimeSpan ReplyTimeBudget { get; }

    /// <summary>Reads and checks the settings.</summary>
    /// <param name="configuration">App configuration (flat keys, see <see cref="SettingsKeys"/>).</param>
    /// <param name="contentRoot">Base for a relative <see cref="SettingsKeys.DataFolder"/>.</param>
    /// <exception cref="InvalidOperationException">An app type that needs credentials lacks them, the type is unknown, or
    /// the reply time budget is not a number of seconds from 0 to 60.</exception>
    public static BotRuntimeSettings From(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string? Get(string key) => string.IsNullOrWhiteSpace(configuration[key]) ? null : configuration[key]!.Trim();

        var appId = Get(SettingsKeys.MicrosoftAppId);
        var appType = Get(SettingsKeys.MicrosoftAppType);
        var password = Get(SettingsKeys.MicrosoftAppPassword);
        var tenantId = Get(SettingsKeys.MicrosoftAppTenantId);

        var missing = new List<string>();
        switch (appType?.ToLowerInvariant())
        {
            case null:
            case "multitenant":
                if (appId is not null && password is null) missing.Add(SettingsKeys.MicrosoftAppPassword);
                break;
            case "singletenant":
                if (appId is null) missing.Add(SettingsKeys.MicrosoftAppId);
                if (password is null) missing.Add(SettingsKeys.MicrosoftAppPassword);
                if (tenantId is null) missing.Add(SettingsKeys.MicrosoftAppTenantId);
                break;
            case "userassignedmsi":
                if (appId is null) missing.Add(SettingsKeys.MicrosoftAppId);
                if (tenantId is null) missing.Add(SettingsKeys.MicrosoftAppTenantId);
                break;
            default:
                throw new InvalidOperationException(
                    $"{SettingsKeys.MicrosoftAppType} '{appType}' is not one of MultiTenant, SingleTenant, UserAssignedMSI.");
        }

        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"{SettingsKeys.MicrosoftAppType} {appType ?? "MultiTenant"} needs {string.Join(", ", missing)}. " +
                $"For local mode (no authentication) leave {SettingsKeys.MicrosoftAppId} and {SettingsKeys.MicrosoftAppType} empty.");
        }

        var budget = DefaultReplyTimeBudget;
        if (Get(SettingsKeys.ReplyTimeBudgetSeconds) is { } budgetText)
        {
            if (!double.TryParse(budgetText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                || double.IsNaN(seconds) || seconds < 0 || seconds > MaxReplyTimeBudget.TotalSeconds)
            {
                throw new InvalidOperationException(
                    $"{SettingsKeys.ReplyTimeBudgetSeconds} '{budgetText}' is not a number of seconds from 0 to {MaxReplyTimeBudget.TotalSeconds:0} " +
                    $"(default {DefaultReplyTimeBudget.TotalSeconds:0}; keep it under 15, when Teams sends an activity again).");
            }

            budget = TimeSpan.FromSeconds(seconds);
        }

        var folder = Get(SettingsKeys.DataFolder) ?? DefaultDataFolder;
        return new BotRuntimeSettings(appId, appType, Path.GetFullPath(folder, contentRoot), budget);
    }
}
