namespace PolicyBot.Hosting;

/// <summary>
/// Every configuration key the bot reads, in one place. The ARM template (azuredeploy.json) sets
/// exactly these as App Service app settings; a test fails when the two drift apart.
/// Keys are flat (no ':' sections) so they read the same from appsettings.json, environment
/// variables and App Service settings.
/// </summary>
public static class SettingsKeys
{
    /// <summary>Bot Framework app type: <c>SingleTenant</c> or <c>UserAssignedMSI</c> (Azure no longer creates new <c>MultiTenant</c> bots; an existing one still reads it).</summary>
    public const string MicrosoftAppType = "MicrosoftAppType";

    /// <summary>The bot's Microsoft Entra app (client) id. Empty: local mode, no authentication.</summary>
    public const string MicrosoftAppId = "MicrosoftAppId";

    /// <summary>The app registration's client secret (empty for a managed identity).</summary>
    public const string MicrosoftAppPassword = "MicrosoftAppPassword";

    /// <summary>The Entra tenant id; required for SingleTenant and UserAssignedMSI.</summary>
    public const string MicrosoftAppTenantId = "MicrosoftAppTenantId";

    /// <summary>Folder for the SQLite state file; created on first run. Default: <c>./data</c>.</summary>
    public const string DataFolder = "DataFolder";

    /// <summary>Comma-separated e-mail domains the district controls and monitors (e.g. <c>stevensville.k12.mt.us</c>).</summary>
    public const string SchoolEmailDomains = "SchoolEmailDomains";

    /// <summary>Optional path to a policy file that replaces the embedded Stevensville policy.</summary>
    public const string PolicyFile = "PolicyFile";

    /// <summary>
    /// Comma-separated Microsoft Entra object ids of the campaign authors: administrators who send policy reminders
    /// (and test messages) to staff. Empty: nobody. Format: <see cref="Roles.RoleAssignments"/>.
    /// </summary>
    public const string CampaignAuthors = "CampaignAuthors";

    /// <summary>
    /// Comma-separated request deciders: administrators who approve or decline staff requests. Each entry is an Entra
    /// object id (all schools) or <c>objectId@team</c> (one school's team, by its Microsoft 365 group id or Teams id).
    /// Empty: nobody. Format: <see cref="Roles.RoleAssignments"/>.
    /// </summary>
    public const string RequestDeciders = "RequestDeciders";

    /// <summary>
    /// Seconds a turn may wait for Teams when a reply is throttled (HTTP 429 with Retry-After) before the reply goes to
    /// the outbox instead. 0 to 60; default 10 (Teams re-sends an activity whose turn takes about 15 s).
    /// </summary>
    public const string ReplyTimeBudgetSeconds = "ReplyTimeBudgetSeconds";

    /// <summary>
    /// Optional path to the district's safety guidance file (<c>NAME.safety.yaml</c>) for the safety card. Empty: the
    /// file beside the <see cref="PolicyFile"/>, else the built-in Stevensville guidance, else the defaults.
    /// </summary>
    public const string SafetyFile = "SafetyFile";

    /// <summary>Proactive sends per conversation, all at once: <c>count/length</c> pairs. Default <c>7/1s; 8/2s; 60/30s; 1800/1h</c> (Teams' limits).</summary>
    public const string DeliveryConversationLimits = "DeliveryConversationLimits";

    /// <summary>Proactive sends per app per tenant, same format. Default <c>50/1s</c> (Teams' limit).</summary>
    public const string DeliveryAppLimits = "DeliveryAppLimits";

    /// <summary>Extra milliseconds added to every rate window. Default 0 (a permit counts until the answer came already).</summary>
    public const string DeliveryRateMarginMs = "DeliveryRateMarginMs";

    /// <summary>Proactive sends in flight at most. Default 32.</summary>
    public const string DeliveryConcurrency = "DeliveryConcurrency";

    /// <summary>Sends per recipient per message at most before it is dead-lettered. Default 6.</summary>
    public const string DeliveryMaxAttempts = "DeliveryMaxAttempts";

    /// <summary>First back-off for 412/5xx/timeouts in seconds (doubles, with jitter). Default 2.</summary>
    public const string DeliveryRetryBaseDelaySeconds = "DeliveryRetryBaseDelaySeconds";

    /// <summary>Longest back-off in seconds. Default 60.</summary>
    public const string DeliveryRetryMaxDelaySeconds = "DeliveryRetryMaxDelaySeconds";

    /// <summary>One send's time limit in seconds. Default 30.</summary>
    public const string DeliverySendTimeoutSeconds = "DeliverySendTimeoutSeconds";

    /// <summary>Seconds a claim on an outbox row or job lasts unrenewed (a crashed process's claims lapse after it). Default 120.</summary>
    public const string DeliveryClaimLeaseSeconds = "DeliveryClaimLeaseSeconds";

    /// <summary>Seconds between looks at the store for work queued elsewhere or lapsed claims. Default 2.</summary>
    public const string DeliveryPollSeconds = "DeliveryPollSeconds";

    /// <summary>Runs per durable timer job before it is failed. Default 5.</summary>
    public const string TimerJobMaxAttempts = "TimerJobMaxAttempts";

    /// <summary>Seconds an administrator download link works. Default 900 (15 min).</summary>
    public const string DownloadLinkLifetimeSeconds = "DownloadLinkLifetimeSeconds";

    /// <summary>The district's IANA time zone: schedules, deadlines and nudges are read in it, and so are the times in staff's questions. Default <c>America/Denver</c>.</summary>
    public const string DistrictTimeZone = "DistrictTimeZone";

    /// <summary>Days before a campaign's acknowledgement deadline when those who have not acknowledged are reminded. Default <c>3,1</c>.</summary>
    public const string CampaignNudgeDays = "CampaignNudgeDays";

    /// <summary>The local hour (0–23) at which those reminders go out. Default 8.</summary>
    public const string CampaignNudgeHour = "CampaignNudgeHour";

    /// <summary>Minutes a campaign send missed while the bot was down may be late and still go out. Default 60.</summary>
    public const string CampaignMissedSendGraceMinutes = "CampaignMissedSendGraceMinutes";

    /// <summary>The bot's public base URL for administrator download links; empty: the address activities come in on.</summary>
    public const string PublicBaseUrl = "PublicBaseUrl";
    /// <summary>
    /// A UTC time until which typed text and display names are written to the log, for troubleshooting (e.g.
    /// <c>2026-12-03T18:00:00Z</c>). Empty (the default) or past: the log carries no typed text and no names.
    /// </summary>
    public const string TroubleshootingLogTypedTextUntil = "TroubleshootingLogTypedTextUntil";

    /// <summary>Days a person's question (decided or left open) is kept after it last changed; then the daily retention job deletes it. Default 30; 1 to 3650.</summary>
    public const string SituationRetentionDays = "SituationRetentionDays";

    /// <summary>Days a finished delivery record (a message sent, failed or undeliverable to a person) is kept. Default 365; 1 to 3650.</summary>
    public const string DeliveryRecordRetentionDays = "DeliveryRecordRetentionDays";

    /// <summary>Days an open request waits for the administration before its channel is reminded (and again after each reminder). Default 3.</summary>
    public const string RequestNudgeDays = "RequestNudgeDays";

    /// <summary>All keys above, for drift checks.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        MicrosoftAppType, MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId,
        DataFolder, SchoolEmailDomains, PolicyFile, SafetyFile,
        CampaignAuthors, RequestDeciders, ReplyTimeBudgetSeconds,
        DeliveryConversationLimits, DeliveryAppLimits, DeliveryRateMarginMs, DeliveryConcurrency, DeliveryMaxAttempts,
        DeliveryRetryBaseDelaySeconds, DeliveryRetryMaxDelaySeconds, DeliverySendTimeoutSeconds, DeliveryClaimLeaseSeconds,
        DeliveryPollSeconds, TimerJobMaxAttempts, DownloadLinkLifetimeSeconds,
        DistrictTimeZone, CampaignNudgeDays, CampaignNudgeHour, CampaignMissedSendGraceMinutes, PublicBaseUrl,
        TroubleshootingLogTypedTextUntil, SituationRetentionDays, DeliveryRecordRetentionDays,
        RequestNudgeDays,
    ];
}
