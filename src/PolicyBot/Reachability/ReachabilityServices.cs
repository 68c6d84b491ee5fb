using PolicyBot.Conversation;
using PolicyBot.Delivery;
using PolicyBot.Hosting;
using PolicyBot.Roles;
using PolicyBot.Storage;
using PolicyBot.Turns;

namespace PolicyBot.Reachability;

/// <summary>
/// Registers who can be reached, who may administer, and the guards of the reply path: the SQLite tables beside the
/// state (<see cref="SqliteDatabase"/>), <see cref="IClaimStore"/>, the recipient directory
/// (<see cref="IRecipientRegistry"/>, <see cref="IRecipientDirectory"/>), <see cref="ITeamRoster"/>,
/// <see cref="RoleAssignments"/> (from <see cref="SettingsKeys.CampaignAuthors"/> and <see cref="SettingsKeys.RequestDeciders"/>),
/// <see cref="Authorizer"/>, <see cref="AdministrationCommands"/>, <see cref="ReplySender"/> and the turn middleware
/// (<see cref="SeenActivityMiddleware"/>, <see cref="ReachabilityMiddleware"/>). <see cref="IOutbox"/> is not
/// registered here: the delivery engine registers it, and the sender and commands use it when present.
/// </summary>
public static class ReachabilityServices
{
    /// <summary>Adds the services above. Tests may replace any of them afterwards (e.g. <see cref="ITeamRoster"/>).</summary>
    /// <param name="services">The app's services; <see cref="SqliteStorage"/> and <see cref="BotRuntimeSettings"/> must be registered.</param>
    public static IServiceCollection AddReachability(this IServiceCollection services)
    {
        services.AddSingleton(sp => new SqliteDatabase(sp.GetRequiredService<SqliteStorage>().DatabasePath));
        services.AddSingleton<IClaimStore>(sp => new SqliteClaimStore(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton(sp => new SqliteRecipientDirectory(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<IRecipientRegistry>(sp => sp.GetRequiredService<SqliteRecipientDirectory>());
        services.AddSingleton<IRecipientDirectory>(sp => sp.GetRequiredService<SqliteRecipientDirectory>());
        services.AddSingleton<ITeamRoster, TeamsRoster>();

        services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            return RoleAssignments.Parse(configuration[SettingsKeys.CampaignAuthors], configuration[SettingsKeys.RequestDeciders]);
        });
        services.AddSingleton<Authorizer>();
        services.AddSingleton<AdministrationCommands>();

        services.AddSingleton<ReplySender>();
        services.AddSingleton<SeenActivityMiddleware>();
        services.AddSingleton<ReachabilityMiddleware>();
        return services;
    }
}
