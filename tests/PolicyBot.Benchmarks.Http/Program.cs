using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using PolicyBot.Benchmarks.Http;
using PolicyBot.Hosting;

// Drives N message turns over real loopback HTTP into the real app (PolicyBotApp), twice: once with EchoBot
// (the baseline) and once with the IBot the app registers by default. Bounded in count and time.
//   dotnet run -c Release --project tests/PolicyBot.Benchmarks.Http [-- --turns 10000 --conversations 1000 --concurrency 8 --warmup 1000]
// Loopback on a shared 2-core machine: compare the two rows of one run, not numbers across runs.
var turns = Option("--turns", 10_000);
var conversations = Option("--conversations", 1_000);
var concurrency = Option("--concurrency", 8);
var warmup = Option("--warmup", 1_000); // enough for tiered JIT to settle, so the run measured first is not penalised
var maxSeconds = Option("--max-seconds", 300);

Console.WriteLine($"PolicyBot HTTP benchmark: {turns} turns across {conversations} personal conversations, {concurrency} concurrent, " +
                  $"{warmup} warm-up turns, at most {maxSeconds} s per run. {Environment.ProcessorCount} cores, server GC: {System.Runtime.GCSettings.IsServerGC}.");
await using var connector = await BenchmarkConnector.StartAsync();
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) });

var baseline = await RunAsync(useEchoBot: true);
var app = await RunAsync(useEchoBot: false);

Console.WriteLine();
Console.WriteLine($"{"bot",-34} {"turns",7} {"errors",6} {"turns/s",9} {"p50 ms",8} {"p99 ms",8} {"max ms",8} {"replies/turn",12} {"RSS MB",8} {"heap MB",8}");
foreach (var r in new[] { baseline, app })
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{r.Name,-34} {r.Turns,7} {r.Errors,6} {r.TurnsPerSecond,9:F0} {r.P50,8:F2} {r.P99,8:F2} {r.Max,8:F2} {r.RepliesPerTurn,12:F2} {r.RssMb,8:F0} {r.HeapMb,8:F1}"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ratio app/baseline: throughput {app.TurnsPerSecond / baseline.TurnsPerSecond:F2}x, p50 {app.P50 / baseline.P50:F2}x, p99 {app.P99 / baseline.P99:F2}x"));
Console.WriteLine("RSS: resident memory of this whole process (driver, connector and app) after each run and a full GC; " +
                  "heap: managed heap after that GC. The app's state is in SQLite, so it adds little managed memory per conversation.");
return 0;

async Task<RunResult> RunAsync(bool useEchoBot)
{
    var dataFolder = Path.Combine(Path.GetTempPath(), "policybot-bench", Guid.NewGuid().ToString("N"));
    var builder = PolicyBotApp.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        [SettingsKeys.MicrosoftAppType] = "",
        [SettingsKeys.MicrosoftAppId] = "",
        [SettingsKeys.MicrosoftAppPassword] = "",
        [SettingsKeys.MicrosoftAppTenantId] = "",
        [SettingsKeys.DataFolder] = dataFolder,
    });
    builder.Logging.ClearProviders();
    builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Error);
    if (useEchoBot)
    {
        builder.Services.RemoveAll<IBot>();
        builder.Services.AddTransient<IBot, EchoBot>();
    }

    var web = PolicyBotApp.Build(builder);
    await web.StartAsync();
    try
    {
        var botName = web.Services.GetRequiredService<IBot>().GetType().Name;
        var name = useEchoBot ? $"baseline ({botName})" : $"app default ({botName})";
        var messages = new Uri(new Uri(web.Urls.Single()), PolicyBotApp.MessagesPath);

        // Bodies are made before the clock starts: the driver shares the two cores with the app.
        var runId = Guid.NewGuid().ToString("N")[..8];
        var warm = Enumerable.Range(0, warmup).Select(i => Body(runId, $"warm{i % 50}", i)).ToArray();
        var bodies = Enumerable.Range(0, turns).Select(i => Body(runId, (i % conversations).ToString(CultureInfo.InvariantCulture), i)).ToArray();

        await DriveAsync(messages, warm, TimeSpan.FromSeconds(maxSeconds));
        var callsBefore = connector.Calls;
        var clock = Stopwatch.StartNew();
        var (latencies, errors) = await DriveAsync(messages, bodies, TimeSpan.FromSeconds(maxSeconds));
        clock.Stop();
        var replies = connector.Calls - callsBefore;

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        Array.Sort(latencies);
        double Ms(double p) => latencies.Length == 0 ? double.NaN : latencies[Math.Min(latencies.Length - 1, (int)(p * latencies.Length))] * 1000.0 / Stopwatch.Frequency;
        var done = latencies.Length + errors;
        Console.WriteLine($"  {name}: {done} turns in {clock.Elapsed.TotalSeconds:F1} s");
        return new RunResult(
            name, done, errors, done / clock.Elapsed.TotalSeconds, Ms(0.50), Ms(0.99), Ms(1.0),
            done == 0 ? 0 : (double)replies / done, ResidentMegabytes(), GC.GetTotalMemory(false) / 1048576.0);
    }
    finally
    {
        await web.StopAsync();
        await web.DisposeAsync();
        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

async Task<(long[] Latencies, int Errors)> DriveAsync(Uri messages, string[] bodies, TimeSpan limit)
{
    var latencies = new long[bodies.Length];
    var completed = 0;
    var next = -1;
    var errors = 0;
    var deadline = Stopwatch.StartNew();
    var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < bodies.Length && deadline.Elapsed < limit)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await http.PostAsync(messages, new StringContent(bodies[i], Encoding.UTF8, "application/json"));
            var elapsed = Stopwatch.GetTimestamp() - start;
            if (response.StatusCode == HttpStatusCode.OK)
            {
                latencies[Interlocked.Increment(ref completed) - 1] = elapsed;
            }
            else
            {
                Interlocked.Increment(ref errors);
            }
        }
    }));
    await Task.WhenAll(workers);
    return (latencies[..completed], errors);
}

string Body(string runId, string conversation, int i)
{
    string[] questions =
    [
        "can I text a student?", "can I friend a student on Facebook?", "may I email a parent from my personal account?",
        "can I post class photos?", "help",
    ];
    var user = $"29:bench-{runId}-{conversation}";
    return new JObject
    {
        ["type"] = "message",
        ["id"] = $"{runId}-{i}",
        ["channelId"] = "msteams",
        ["serviceUrl"] = connector.ServiceUrl.ToString(),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["locale"] = "en-US",
        ["text"] = questions[i % questions.Length],
        ["textFormat"] = "plain",
        ["from"] = new JObject { ["id"] = user, ["name"] = "Benchmark User", ["aadObjectId"] = "00000000-0000-4000-8000-000000000001" },
        ["recipient"] = new JObject { ["id"] = "28:policybot-bench", ["name"] = "PolicyBot" },
        ["conversation"] = new JObject
        {
            ["conversationType"] = "personal",
            ["id"] = $"a:bench-{runId}-{conversation}",
            ["tenantId"] = "72f988bf-0000-4000-8000-5c5d15e5f7a1",
        },
        ["channelData"] = new JObject { ["tenant"] = new JObject { ["id"] = "72f988bf-0000-4000-8000-5c5d15e5f7a1" } },
    }.ToString(Newtonsoft.Json.Formatting.None);
}

static double ResidentMegabytes()
{
    // VmRSS is the resident set; Environment.WorkingSet reads the same on Linux, this says so explicitly.
    const string status = "/proc/self/status";
    if (File.Exists(status))
    {
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        if (line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out var kb))
        {
            return kb / 1024.0;
        }
    }

    return Environment.WorkingSet / 1048576.0;
}

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) && value > 0 ? value : fallback;
}

internal sealed record RunResult(
    string Name, int Turns, int Errors, double TurnsPerSecond, double P50, double P99, double Max, double RepliesPerTurn, double RssMb, double HeapMb);
