using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyBot.Hosting;
using PolicyBot.Privacy;
using PolicyBot.Rules.Evaluation;
using PolicyBot.Rules.Loading;
using PolicyBot.Rules.Model;
using PolicyBot.Rules.Safety;
using PolicyBot.Understanding;
using PolicyBot.Understanding.Lexicons;
using PolicyBot.Understanding.Safety;

namespace PolicyBot.Conversation;

/// <summary>Registers the policy, the reader of free text, the conversation engine and the Teams handler.</summary>
public static class ConversationServices
{
    /// <summary>
    /// Adds the conversation. The policy is the file named by <see cref="SettingsKeys.PolicyFile"/>, else the
    /// embedded Stevensville policy; it is loaded (and fully validated) when first resolved, which
    /// <see cref="PolicyBotApp.Build"/> does at start-up so a broken policy file stops the start with its message.
    /// </summary>
    public static IServiceCollection AddPolicyConversation(this IServiceCollection services)
    {
        services.AddSingleton(sp => LoadPolicy(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => new PolicyEvaluator(sp.GetRequiredService<Policy>()));
        services.AddSingleton(sp =>
        {
            var policy = sp.GetRequiredService<Policy>();
            var configuration = sp.GetRequiredService<IConfiguration>();
            return new SituationReader(policy, new SituationReaderOptions
            {
                SchoolEmailDomains = (configuration[SettingsKeys.SchoolEmailDomains] ?? "")
                    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Lexicon = FindLexicon(policy, configuration[SettingsKeys.PolicyFile], sp.GetRequiredService<ILoggerFactory>().CreateLogger("PolicyBot.Understanding")),
                Clock = sp.GetRequiredService<TimeProvider>(),
                TimeZone = DistrictTimeZone.From(configuration),
            });
        });
        services.AddSingleton<Redactor>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => LogPrivacy.From(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Redactor>()));
        // Safety first: the danger detector (general staff language, embedded) and the district's guidance for the card.
        services.AddSingleton(_ => DangerDetector.LoadEmbedded());
        services.AddSingleton(sp => LoadSafetyGuidance(
            sp.GetRequiredService<Policy>(), sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger("PolicyBot.Safety")));
        services.AddSingleton<ConversationEngine>();
        services.AddSingleton<ReplyRenderer>();
        services.AddSingleton(sp => new SituationStore(sp.GetRequiredService<IStorage>()));
        services.AddTransient<IBot, PolicyBotHandler>();
        return services;
    }

    /// <summary>
    /// The lexicon for <paramref name="policy"/>: <c>NAME.lexicon.yaml</c> beside a <c>NAME.policy.yaml</c> policy
    /// file, else the one embedded for the policy's id, else none: the bot then still works, reading typed answers
    /// against the choices' labels, and says so once at start-up.
    /// </summary>
    private static Lexicon FindLexicon(Policy policy, string? policyFile, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(policyFile))
        {
            var path = Path.GetFullPath(policyFile.Trim());
            var stem = Path.GetFileName(path);
            stem = stem.EndsWith(".policy.yaml", StringComparison.OrdinalIgnoreCase) ? stem[..^".policy.yaml".Length] : Path.GetFileNameWithoutExtension(stem);
            var beside = Path.Combine(Path.GetDirectoryName(path)!, stem + ".lexicon.yaml");
            if (File.Exists(beside))
            {
                return Lexicon.LoadFile(beside, policy);
            }
        }
        try
        {
            return Lexicon.LoadEmbedded(policy);
        }
        catch (LexiconLoadException)
        {
            logger.LogWarning(
                "No lexicon for policy '{PolicyId}': free text is read against the choices' labels only, so people answer more questions. " +
                "Put a NAME.lexicon.yaml beside the NAME.policy.yaml file (see src/PolicyBot.Understanding/Lexicons/).", policy.Metadata.Id);
            return EmptyLexicon(policy);
        }
    }

    /// <summary>A lexicon with no words: the activity fact (the one other facts imply) and no cues.</summary>
    private static Lexicon EmptyLexicon(Policy policy)
    {
        var activity = policy.Facts.FirstOrDefault(f => policy.Facts.Any(g => g.Implies.ContainsKey(f.Id)))
            ?? throw new LexiconLoadException("(no lexicon)", 0, $"policy '{policy.Metadata.Id}' has no lexicon and no fact that others imply; add a lexicon file.");
        var yaml = $$"""
            policy: {{policy.Metadata.Id}}
            facts: {}
            activities:
              fact: {{activity.Id}}
              anchors: { strong: [], weak: [] }
              precedence: [{{string.Join(", ", activity.Values.Select(v => v.Id))}}]
            """;
        return Lexicon.Load("(no lexicon)", yaml, policy);
    }

    /// <summary>
    /// The district's safety guidance: the file <see cref="SettingsKeys.SafetyFile"/> names; else <c>NAME.safety.yaml</c>
    /// beside a <c>NAME.policy.yaml</c> policy file; else, for the built-in policy, the built-in Stevensville guidance;
    /// else the defaults under the policy's district name, said once at start-up. A named file that is missing or
    /// broken stops the start with its message.
    /// </summary>
    private static SafetyGuidance LoadSafetyGuidance(Policy policy, IConfiguration configuration, ILogger logger)
    {
        var file = configuration[SettingsKeys.SafetyFile];
        if (!string.IsNullOrWhiteSpace(file))
        {
            return SafetyGuidanceLoader.LoadFile(file.Trim());
        }
        var policyFile = configuration[SettingsKeys.PolicyFile];
        if (string.IsNullOrWhiteSpace(policyFile))
        {
            return SafetyGuidanceLoader.LoadEmbedded();
        }
        var path = Path.GetFullPath(policyFile.Trim());
        var stem = Path.GetFileName(path);
        stem = stem.EndsWith(".policy.yaml", StringComparison.OrdinalIgnoreCase) ? stem[..^".policy.yaml".Length] : Path.GetFileNameWithoutExtension(stem);
        var beside = Path.Combine(Path.GetDirectoryName(path)!, stem + ".safety.yaml");
        if (File.Exists(beside))
        {
            return SafetyGuidanceLoader.LoadFile(beside);
        }
        logger.LogWarning(
            "No safety guidance file for '{District}': the safety card shows the default guidance (911, report to the principal or counselor, 988). " +
            "Put a NAME.safety.yaml beside the policy file or set {Key} (see src/PolicyBot.Rules/Policies/stevensville.safety.yaml).",
            policy.Metadata.District, SettingsKeys.SafetyFile);
        return SafetyGuidance.Default(policy.Metadata.District);
    }

    private static Policy LoadPolicy(IConfiguration configuration)
    {
        var file = configuration[SettingsKeys.PolicyFile];
        return string.IsNullOrWhiteSpace(file) ? PolicyLoader.LoadEmbedded() : PolicyLoader.LoadFile(file.Trim());
    }
}
