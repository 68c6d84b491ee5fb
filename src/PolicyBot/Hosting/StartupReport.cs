using PolicyBot.Privacy;
using PolicyBot.Roles;
using PolicyBot.Rules.Loading;
using PolicyBot.Rules.Model;
using PolicyBot.Rules.Safety;
using PolicyBot.Storage;
using PolicyBot.Understanding;

namespace PolicyBot.Hosting;

/// <summary>
/// The first log lines of a start: what this instance serves, so an IT administrator reading the log stream sees at
/// once whether the district's own files and settings were taken: the policy (district, title, revision, file), the
/// lexicon and the safety guidance, the administrators configured, the store, and what the log keeps.
/// </summary>
public static class StartupReport
{
    /// <summary>The first line: the policy (resolving it, so a broken file stops the start here with its message).</summary>
    /// <param name="services">The built app's services.</param>
    /// <param name="logger">The host's logger.</param>
    public static void LogPolicy(IServiceProvider services, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(logger);
        var configuration = services.GetRequiredService<IConfiguration>();
        var policy = services.GetRequiredService<Policy>().Metadata;
        var policyFile = configuration[SettingsKeys.PolicyFile]?.Trim();
        logger.LogInformation(
            "Policy: {District}, \"{Title}\" (id {PolicyId}), {Revision}, from {PolicyFile}.",
            policy.District, policy.Title, policy.Id,
            policy.Revised is { } revised ? $"revised {revised:yyyy-MM-dd}" : $"adopted {policy.Adopted:yyyy-MM-dd}",
            string.IsNullOrEmpty(policyFile) ? $"the built-in file {PolicyLoader.StevensvilleResource}" : Path.GetFullPath(policyFile));
    }

    /// <summary>The lines after the policy's: lexicon, safety guidance, administrators, store, log (Information).</summary>
    /// <param name="services">The built app's services (reader, roles, storage, … already resolved).</param>
    /// <param name="logger">The host's logger.</param>
    public static void LogRest(IServiceProvider services, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(logger);

        var lexicon = services.GetRequiredService<SituationReader>().Lexicon;
        var lexiconFile = File.Exists(lexicon.FileName) ? Path.GetFullPath(lexicon.FileName)
            : lexicon.FileName.StartsWith('(') ? lexicon.FileName
            : $"the built-in file {lexicon.FileName}";
        logger.LogInformation("Lexicon: {LexiconFile}.", lexiconFile);

        var safety = services.GetRequiredService<SafetyGuidance>();
        logger.LogInformation("Safety guidance: {District}, from {SafetySource}.", safety.District, safety.Source);

        var roles = services.GetRequiredService<RoleAssignments>();
        logger.LogInformation(
            "Administrators: {Authors} campaign author(s) ({AuthorsKey}: {AuthorIds}); {Deciders} request decider(s) ({DecidersKey}: {DeciderEntries}).",
            roles.CampaignAuthorCount, SettingsKeys.CampaignAuthors, List(roles.CampaignAuthorIds.Select(i => i.ToString())),
            roles.RequestDeciderCount, SettingsKeys.RequestDeciders, List(roles.RequestDeciderEntries));

        var store = services.GetRequiredService<SqliteStorage>();
        var privacy = services.GetRequiredService<PrivacyOptions>();
        logger.LogInformation(
            "Store: SQLite file {DatabasePath} (back it up with the bot stopped; situations are deleted {Days} days after they last change, delivery records {DeliveryDays} days after their delivery ended).",
            store.DatabasePath, (int)privacy.SituationRetention.TotalDays, (int)privacy.DeliveryRecordRetention.TotalDays);

        var log = services.GetRequiredService<LogPrivacy>();
        if (log.TypedTextOn)
        {
            var left = log.TypedTextUntil!.Value - services.GetRequiredService<TimeProvider>().GetUtcNow();
            logger.LogWarning(
                "Troubleshooting: typed text and names ARE logged until {Until:u} ({Key}), {Hours:0} hour(s) from now{Advice}.",
                log.TypedTextUntil, SettingsKeys.TroubleshootingLogTypedTextUntil, left.TotalHours,
                left > TimeSpan.FromDays(1) ? "; staff's words will be in the log all that time: a few hours are usually enough" : "");
        }
        else
        {
            logger.LogInformation("Log: no typed text and no names (set {Key} to a UTC time to log them until then, for troubleshooting).",
                SettingsKeys.TroubleshootingLogTypedTextUntil);
        }
    }

    private static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count == 0 ? "none" : string.Join(", ", all);
    }
}
