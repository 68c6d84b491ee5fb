using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace PolicyBot.Benchmarks.Http.Host;

/// <summary>
/// Stops the host when the benchmark that started it is gone (it was killed, so it could not stop us itself). The
/// benchmark passes its process id in <c>POLICYBOT_BENCH_PARENT_PID</c>; without it nothing is watched.
/// </summary>
internal static class ParentWatch
{
    public static void StopWhenParentExits(WebApplication app)
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("POLICYBOT_BENCH_PARENT_PID"), out var parent) || parent <= 0)
        {
            return;
        }

        var lifetime = app.Lifetime;
        _ = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            try
            {
                while (await timer.WaitForNextTickAsync(lifetime.ApplicationStopping).ConfigureAwait(false))
                {
                    if (!Directory.Exists($"/proc/{parent}"))
                    {
                        lifetime.StopApplication();
                        return;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // the host is stopping anyway
            }
        });
    }
}
