using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyBot.Hosting;
using PolicyBot.Storage;

namespace PolicyBot.Delivery;

/// <summary>Registers the delivery engine (outbox, pacing, sender, durable timer, downloads and their background service).</summary>
public static class DeliveryServices
{
    /// <summary>
    /// Adds <see cref="IOutbox"/>, <see cref="IUrgentOutbox"/>, <see cref="IOutboxStatus"/>, <see cref="IProactiveSender"/>, <see cref="IDurableTimer"/>,
    /// <see cref="IDownloadLinks"/> and <see cref="DeliveryService"/>. The tables live in the <see cref="SqliteStorage"/>
    /// file; options come from configuration (<see cref="DeliveryOptions.From"/>); the clock is the registered
    /// <see cref="TimeProvider"/> (<see cref="TimeProvider.System"/> unless a test registers another). An
    /// <see cref="IRecipientDirectory"/> must be registered for the outbox to be drained.
    /// </summary>
    public static IServiceCollection AddPolicyDelivery(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => DeliveryOptions.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => new DeliveryDatabase(sp.GetRequiredService<SqliteStorage>().DatabasePath));

        services.AddSingleton(sp => new SqliteOutbox(sp.GetRequiredService<DeliveryDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<SqliteOutbox>());
        services.AddSingleton<IUrgentOutbox>(sp => sp.GetRequiredService<SqliteOutbox>());
        services.AddSingleton<IOutboxStatus>(sp => sp.GetRequiredService<SqliteOutbox>());
        services.AddSingleton<IProactiveSender, BotConnectorSender>();
        services.AddSingleton(sp => new DeliveryPacer(sp.GetRequiredService<DeliveryOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new SendRetryPipeline(sp.GetRequiredService<DeliveryOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp =>
        {
            var drainer = ActivatorUtilities.CreateInstance<OutboxDrainer>(sp);
            sp.GetRequiredService<SqliteOutbox>().Enqueued += drainer.Wake;
            return drainer;
        });

        services.AddSingleton(sp => new SqliteDurableTimer(sp.GetRequiredService<DeliveryDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IDurableTimer>(sp => sp.GetRequiredService<SqliteDurableTimer>());
        services.AddSingleton<DurableJobRunner>();

        services.AddSingleton<SqliteDownloadLinks>();
        services.AddSingleton<IDownloadLinks>(sp => sp.GetRequiredService<SqliteDownloadLinks>());

        services.AddHostedService<DeliveryService>();
        return services;
    }

    /// <summary>Registers <typeparamref name="THandler"/> (a singleton) as the durable timer's handler of its <see cref="IDurableJobHandler.Kind"/>.</summary>
    public static IServiceCollection AddDurableJobHandler<THandler>(this IServiceCollection services)
        where THandler : class, IDurableJobHandler
    {
        services.AddSingleton<IDurableJobHandler, THandler>();
        return services;
    }
}
