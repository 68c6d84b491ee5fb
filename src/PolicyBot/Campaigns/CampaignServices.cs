using PolicyBot.Delivery;
using PolicyBot.Rules.Model;
using PolicyBot.Storage;

namespace PolicyBot.Campaigns;

/// <summary>Registers policy reminders: the store, the scenario check, the cards, the report, the service and its timer jobs.</summary>
public static class CampaignServices
{
    /// <summary>
    /// Adds <see cref="CampaignService"/> and what it needs. Requires the delivery engine (<see cref="DeliveryServices.AddPolicyDelivery"/>),
    /// reachability and the conversation's <see cref="Policy"/> to be registered.
    /// </summary>
    public static IServiceCollection AddPolicyCampaigns(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton(sp => CampaignOptions.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => new SqliteCampaignStore(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton(sp => new ScenarioCheck(sp.GetRequiredService<Policy>()));
        services.AddSingleton<CampaignCards>();
        services.AddSingleton<CampaignReports>();
        services.AddSingleton<ReportChart>();
        services.AddSingleton<Scheduling.ScheduleReader>();
        services.AddSingleton<CampaignService>();
        services.AddSingleton<CampaignJobs>();
        services.AddSingleton<Privacy.IPersonalData, CampaignPersonalData>();
        services.AddDurableJobHandler<CampaignSendJobHandler>();
        services.AddDurableJobHandler<CampaignNudgeJobHandler>();
        return services;
    }
}
