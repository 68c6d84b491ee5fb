using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using PolicyBot.Delivery;
using PolicyBot.Hosting;
using PolicyBot.Storage;
using PolicyBot.TestSupport;
using PolicyBot.TestSupport.Delivery;

// Delivery benchmark. The real app (tests/PolicyBot.Delivery.TestHost: PolicyBotApp + a synthetic recipient directory)
// runs as a process of its own and drains an outbox this driver filled (in the app's SQLite file) into the throttling
// fake Bot Connector, which enforces Teams' limits exactly (per conversation 7/1 s, 8/2 s, 60/30 s, 1800/h; per app
// --rate per second) and answers 429 with Retry-After past them. Three runs:
//   clean      no failures
//   transient  5 % of requests answered 503 at random
//   kills      the host SIGKILLed at 1/3 and 2/3 of the deliveries and started again on the same data folder
// Printed per run: deliveries/s and requests/s as a share of the per-app limit (whole run: (N − limit) / span, since the
// first window's sends may go at once; and the steady middle 90 %),
// 429s as a share of requests, duplicates (deliveries beyond the first per recipient), losses, the host's peak RSS.
//   dotnet run -c Release --project tests/PolicyBot.Benchmarks.Delivery -- [--recipients 10000] [--rate 50] [--runs clean,transient,kills]
var recipients = 10_000;
var rate = 50;
var runs = new[] { "clean", "transient", "kills" };
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--recipients" when i + 1 < args.Length:
            recipients = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--rate" when i + 1 < args.Length:
            rate = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--runs" when i + 1 < args.Length:
            runs = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            break;
        default:
            Console.Error.WriteLine($"Unknown argument {args[i]}. Usage: [--recipients N] [--rate PER_SECOND] [--runs clean,transient,kills]");
            return 2;
    }
}

Console.WriteLine($"Delivery benchmark: {recipients} recipients, per-app limit {rate}/s (fake connector enforces it and Teams' per-conversation limits), {Environment.ProcessorCount} cores");
var results = new List<RunResult>();
foreach (var run in runs)
{
    results.Add(await RunAsync(run, recipients, rate));
}

Console.WriteLine();
Console.WriteLine("| run | deliveries/s (share of limit) | steady 90 % | requests/s | 429s (share of requests) | 503s injected | duplicates | lost | kills | host peak RSS | wall time |");
Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
foreach (var r in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {r.Name} | {r.DeliveryRate:F1} ({r.DeliveryRate / rate:P1}) | {r.SteadyRate:F1} ({r.SteadyRate / rate:P1}) | {r.RequestRate:F1} | {r.Throttled} ({(double)r.Throttled / Math.Max(1, r.Requests):P2}) | {r.Failed} | {r.Duplicates} (in flight at kills: {r.InFlightAtKills}) | {r.Lost} | {r.Kills} | {r.PeakRssMb:F0} MB | {r.Wall.TotalSeconds:F0} s |"));
}

return results.All(r => r.Lost == 0 && r.Duplicates <= r.InFlightAtKills) ? 0 : 1;

static async Task<RunResult> RunAsync(string name, int recipients, int rate)
{
    Console.WriteLine();
    Console.WriteLine($"== {name} ==");
    await using var connector = await ThrottlingConnector.StartAsync(new ThrottlingConnectorOptions
    {
        AppLimits = [(rate, TimeSpan.FromSeconds(1))],
        TransientFailureRate = name == "transient" ? 0.05 : 0,
    });
    var folder = Directory.CreateTempSubdirectory("policybot-bench-delivery-").FullName;
    var messageId = "bench:" + name;
    try
    {
        var keys = Enumerable.Range(1, recipients).Select(TestRecipients.Key).ToList();
        using (var database = new DeliveryDatabase(Path.Combine(folder, SqliteStorage.FileName)))
        {
            var outbox = new SqliteOutbox(database, TimeProvider.System);
            await outbox.EnqueueAsync(keys.Select(k => new OutboundMessage(messageId, k, TestRecipients.MessageJson("Policy reminder"))), CancellationToken.None);
        }

        var wall = Stopwatch.StartNew();
        var peak = 0.0;
        var kills = 0;
        var inFlightAtKills = 0;
        var host = await StartHostAsync(folder, connector.ServiceUrl, rate);
        try
        {
            var killAt = name == "kills" ? new Queue<int>([recipients / 3, 2 * recipients / 3]) : new Queue<int>();
            var lastReport = Stopwatch.StartNew();
            while (CountStatus(folder, messageId, "queued") + CountStatus(folder, messageId, "sending") > 0)
            {
                await Task.Delay(250);
                peak = Math.Max(peak, host.Memory().Peak);
                if (killAt.Count > 0 && connector.AcceptedTotal >= killAt.Peek())
                {
                    killAt.Dequeue();
                    host.Kill();
                    kills++;
                    var inFlight = CountStatus(folder, messageId, "sending");
                    inFlightAtKills += inFlight;
                    Console.WriteLine($"  SIGKILL at {connector.AcceptedTotal} delivered; {inFlight} rows claimed (in flight); restarting");
                    await host.DisposeAsync();
                    host = await StartHostAsync(folder, connector.ServiceUrl, rate);
                }

                if (lastReport.Elapsed > TimeSpan.FromSeconds(10))
                {
                    lastReport.Restart();
                    Console.WriteLine($"  {wall.Elapsed.TotalSeconds:F0} s: {connector.Describe()}; host RSS {host.Memory().Rss:F0} MB");
                }
            }

            peak = Math.Max(peak, host.Memory().Peak);
        }
        finally
        {
            await host.DisposeAsync();
        }

        wall.Stop();
        var received = connector.AcceptedPerConversation;
        var lost = keys.Count(k => !received.ContainsKey(TestRecipients.ConversationId(k)));
        var duplicates = received.Values.Sum(n => n - 1);
        var times = connector.AcceptedTimestamps;
        double Seconds(long from, long to) => (double)(to - from) / Stopwatch.Frequency;
        // An exact window of `rate` per second lets the first `rate` sends go at once: N sends need (N − rate) / rate
        // seconds at best, so that is the rate measured (100 % = the limit exactly used).
        var deliveryRate = times.Count > rate ? (times.Count - rate) / Seconds(times[0], times[^1]) : 0;
        var (low, high) = (times.Count / 20, times.Count - 1 - (times.Count / 20));
        var steady = high > low ? (high - low) / Seconds(times[low], times[high]) : 0;
        var requestRate = times.Count > rate ? (connector.Requests - rate) / Seconds(times[0], times[^1]) : 0;
        Console.WriteLine($"  done: {connector.Describe()}; rows {DescribeStatuses(folder, messageId)}");
        return new RunResult(name, deliveryRate, steady, requestRate, connector.Requests, connector.Throttled, connector.Failed, duplicates, lost,
            kills, inFlightAtKills, peak, wall.Elapsed);
    }
    finally
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}

static Task<HostProcess> StartHostAsync(string folder, Uri serviceUrl, int rate) =>
    HostProcess.StartAsync(
        Path.Combine(AppContext.BaseDirectory, "PolicyBot.Delivery.TestHost.dll"),
        [
            "--urls", "http://127.0.0.1:0",
            $"--{SettingsKeys.DataFolder}", folder,
            "--TestRecipientsServiceUrl", serviceUrl.ToString(),
            $"--{SettingsKeys.DeliveryAppLimits}", $"{rate}/1s",

            // Production defaults otherwise, except a claim lease short enough that a killed run resumes within seconds.
            $"--{SettingsKeys.DeliveryClaimLeaseSeconds}", "10",
            $"--{SettingsKeys.DeliverySendTimeoutSeconds}", "5",
            "--Logging:LogLevel:PolicyBot.Delivery", "Warning",
        ]);

static int CountStatus(string folder, string messageId, string status)
{
    using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, SqliteStorage.FileName)}");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "SELECT count(*) FROM outbox WHERE message_id = $m AND status = $s";
    command.Parameters.AddWithValue("$m", messageId);
    command.Parameters.AddWithValue("$s", status);
    return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
}

static string DescribeStatuses(string folder, string messageId) =>
    string.Join(", ", new[] { "sent", "failed", "unreachable", "dead_lettered", "queued", "sending" }
        .Select(s => (s, n: CountStatus(folder, messageId, s))).Where(x => x.n > 0).Select(x => $"{x.s} {x.n}"));

internal sealed record RunResult(
    string Name, double DeliveryRate, double SteadyRate, double RequestRate, long Requests, long Throttled, long Failed, int Duplicates, int Lost,
    int Kills, int InFlightAtKills, double PeakRssMb, TimeSpan Wall);
