using Microsoft.Extensions.Hosting;

namespace PolicyBot.Delivery;

/// <summary>
/// The delivery engine's background service: drains the outbox (<see cref="OutboxDrainer"/>), runs the durable timer's
/// jobs (<see cref="DurableJobRunner"/>) and sweeps expired download links, until the host stops. Without an
/// <see cref="IRecipientDirectory"/> registered it cannot resolve recipients, so it leaves the outbox alone and says so.
/// </summary>
public sealed class DeliveryService(IServiceProvider services, DurableJobRunner jobs, SqliteDownloadLinks downloads, ILogger<DeliveryService> logger)
    : BackgroundService
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var work = new List<Task> { jobs.RunAsync(stoppingToken), SweepDownloadsAsync(stoppingToken) };
        if (services.GetService<IRecipientDirectory>() is null)
        {
            logger.LogWarning("No recipient directory is registered: queued proactive messages are not sent.");
        }
        else
        {
            var drainer = services.GetRequiredService<OutboxDrainer>();
            work.Add(drainer.RunAsync(stoppingToken));
        }

        await Task.WhenAll(work).ConfigureAwait(false);
    }

    private async Task SweepDownloadsAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SweepInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await downloads.SweepAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Sweeping expired download links failed.");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
