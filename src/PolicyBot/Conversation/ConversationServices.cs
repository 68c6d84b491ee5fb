using Microsoft.Bot.Builder;
using PolicyBot.Hosting;
using PolicyBot.Rules.Evaluation;
using PolicyBot.Rules.Loading;
using PolicyBot.Rules.Model;
using PolicyBot.Understanding;

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
        services.AddSingleton(sp => new SituationReader(sp.GetRequiredService<Policy>(), new SituationReaderOptions
        {
            SchoolEmailDomains = (sp.GetRequiredService<IConfiguration>()[SettingsKeys.SchoolEmailDomains] ?? "")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        }));
        services.AddSingleton<Redactor>();
        services.AddSingleton<ConversationEngine>();
        services.AddSingleton<ReplyRenderer>();
        services.AddTransient<IBot, PolicyBotHandler>();
        return services;
    }

    private static Policy LoadPolicy(IConfiguration configuration)
    {
        var file = configuration[SettingsKeys.PolicyFile];
        return string.IsNullOrWhiteSpace(file) ? PolicyLoader.LoadEmbedded() : PolicyLoader.LoadFile(file.Trim());
    }
}
