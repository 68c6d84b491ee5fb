using PolicyBot.Delivery;
using PolicyBot.Storage;

namespace PolicyBot.Requests;

/// <summary>Registers requests to the administration: the store, the service, its commands, its channel cards and its durable jobs.</summary>
public static class RequestServices
{
    /// <summary>
    /// Adds <see cref="SqliteRequestStore"/> (in the bot's SQLite file), <see cref="RequestOptions"/> (from
    /// <see cref="Hosting.SettingsKeys.RequestNudgeDays"/>), <see cref="RequestContextBuilder"/>, <see cref="RequestService"/>,
    /// <see cref="RequestCommands"/>, <see cref="AccountRegistryGate"/>, <see cref="IChannelCards"/> (<see cref="ConnectorChannelCards"/>) and the handlers of
    /// <see cref="RequestJobs.CardKind"/> and <see cref="RequestJobs.NudgeKind"/>. Needs the delivery engine and reachability.
    /// </summary>
    public static IServiceCollection AddPolicyRequests(this IServiceCollection services)
    {
        services.AddSingleton(sp => new SqliteRequestStore(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton(sp => RequestOptions.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<RequestContextBuilder>();
        services.AddSingleton<RequestService>();
        services.AddSingleton<RequestCommands>();
        services.AddSingleton<AccountRegistryGate>();
        services.AddSingleton<Privacy.IPersonalData, RequestPersonalData>();
        services.AddSingleton<IChannelCards, ConnectorChannelCards>();
        services.AddSingleton<RequestJobs>();
        services.AddDurableJobHandler<RequestCardJobHandler>();
        services.AddDurableJobHandler<RequestNudgeJobHandler>();
        return services;
    }
}
