using PolicyBot.Conversation;
using PolicyBot.Delivery;
using PolicyBot.Reachability;

namespace PolicyBot.Privacy;

/// <summary>
/// Registers privacy: <see cref="PrivacyOptions"/>, the "my data" / "forget me" commands, the stores that hold personal
/// data (<see cref="IPersonalData"/>: situations, the recipient directory and roles, delivery records) and the daily
/// retention job on the durable timer (<see cref="IExpiringData"/>: situations, finished delivery records). <see cref="LogPrivacy"/> is registered
/// with the conversation. Other features add their stores with <c>services.AddSingleton&lt;IPersonalData, …&gt;()</c>.
/// </summary>
public static class PrivacyServices
{
    /// <summary>Adds the services above; the delivery engine (durable timer) must be registered too.</summary>
    /// <param name="services">The app's services.</param>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddSingleton(sp => PrivacyOptions.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<SituationRecords>();
        services.AddSingleton<IPersonalData>(sp => sp.GetRequiredService<SituationRecords>());
        services.AddSingleton<IExpiringData>(sp => sp.GetRequiredService<SituationRecords>());
        services.AddSingleton<IPersonalData, ReachabilityPersonalData>();
        services.AddSingleton<IPersonalData, DeliveryPersonalData>();
        services.AddSingleton<IExpiringData, DeliveryRecordRetention>();
        services.AddSingleton<PrivacyCommands>();
        services.AddDurableJobHandler<RetentionJob>();
        services.AddHostedService<RetentionScheduler>();
        return services;
    }
}
