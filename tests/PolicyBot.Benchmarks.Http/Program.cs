using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text.Json;
using PolicyBot.Benchmarks.Http;

// PolicyBot against a bare echo bot over real HTTP on loopback, in the same run: turn latency (p50/p99), throughput,
// CPU per turn, and the bot's resident memory after warm-up, after half and after all measured turns.
//
//   dotnet run -c Release --project tests/PolicyBot.Benchmarks.Http [-- options]
//     --turns 10000        measured turns per bot          --conversations 1000   personal chats they are spread over
//     --warmup 1000        warm-up turns per bot (own chats, not measured)          --concurrency 8   turns in flight
//     --block 1000         turns per block; the bots alternate block by block       --max-seconds 1200 whole run
//     --gc server|workstation   GC of both bots (default: the app's own, workstation)
//     --profile            run PolicyBot through the benchmark's own host with Stopwatch sections and allocation counts
//
// Each bot is its own process, so its RSS is its own: PolicyBot is the app as built (dotnet PolicyBot.dll); the
// baseline is Host/ (the same PolicyBotApp with the bare EchoBot as its IBot). PolicyBot plays staff dialogs (a typed
// question, clicks on the question card's choices until the verdict, a new question); the echo bot gets the very same
// activities. The connector they reply to runs in this process. Loopback on a shared machine: compare the two rows of
// one run; CPU ms per turn (from /proc) is the figure least disturbed by other load.
var options = BenchOptions.Parse(args);
if (options is null)
{
    return 2;
}

var runClock = Stopwatch.StartNew();
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true; // stop cleanly: the finally below ends the bots and deletes the temp folders
    Console.Error.WriteLine("Stopping (Ctrl-C)…");
    stop.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

var tempRoot = Path.Combine(Path.GetTempPath(), "policybot-bench-http");
Cleanup.SweepOrphans(tempRoot);
var runFolder = Path.Combine(tempRoot, $"run-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
Directory.CreateDirectory(runFolder);
var bots = new List<BotProcess>();
AppDomain.CurrentDomain.ProcessExit += (_, _) => Cleanup.Run(bots, runFolder); // last resort; normally the finally does it

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"PolicyBot HTTP benchmark: {options.Turns} measured turns per bot over {options.Conversations} personal chats, {options.Warmup} warm-up turns, " +
    $"{options.Concurrency} in flight, blocks of {options.Block}, at most {options.MaxSeconds} s. {Environment.ProcessorCount} cores, " +
    $"load average {LoadAverage()}, GC of the bots: {options.Gc ?? "the app's (workstation)"}{(options.Profile ? ", PROFILED" : "")}."));

try
{
    await using var connector = await BenchmarkConnector.StartAsync();
    using var http = new HttpClient(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = options.Concurrency,
        PooledConnectionLifetime = TimeSpan.FromMinutes(30),
        UseProxy = false,
    })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    var environment = new Dictionary<string, string?>();
    if (options.Gc is not null)
    {
        environment["DOTNET_gcServer"] = options.Gc == "server" ? "1" : "0";
    }

    if (options.Profile)
    {
        environment["POLICYBOT_BENCH_PROFILE"] = "1";
    }

    var appDll = Path.Combine(AppContext.BaseDirectory, "PolicyBot.dll");
    var hostDll = Path.Combine(AppContext.BaseDirectory, "PolicyBot.Benchmarks.Http.Host.dll");
    var startLimit = TimeSpan.FromSeconds(Math.Min(120, options.MaxSeconds));

    var clock = Stopwatch.StartNew();
    var echoProcess = await BotProcess.StartAsync(
        "echo", hostDll, ["--bot", "echo"], Path.Combine(runFolder, "echo"), environment, http, startLimit, stop.Token);
    bots.Add(echoProcess);
    var echoStart = clock.Elapsed;
    clock.Restart();
    var appProcess = options.Profile
        ? await BotProcess.StartAsync("policybot", hostDll, ["--bot", "policybot"], Path.Combine(runFolder, "policybot"), environment, http, startLimit, stop.Token)
        : await BotProcess.StartAsync("policybot", appDll, [], Path.Combine(runFolder, "policybot"), environment, http, startLimit, stop.Token);
    bots.Add(appProcess);
    var appStart = clock.Elapsed;

    var echo = new BotRun("echo (EchoBot)", echoProcess, IsEcho: true);
    var app = new BotRun(options.Profile ? "PolicyBot (bench host)" : "PolicyBot (PolicyBot.dll)", appProcess, IsEcho: false);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  started: echo pid {echoProcess.Pid} in {echoStart.TotalSeconds:F1} s, RSS {echoProcess.Memory().Rss:F0} MB; " +
        $"PolicyBot pid {appProcess.Pid} in {appStart.TotalSeconds:F1} s, RSS {appProcess.Memory().Rss:F0} MB"));

    var bench = new Bench(connector, http, options, runClock);
    var memory = new MemoryLog(
        [app, echo],
        options.Profile ? bot => Profile.ReadOneAsync(http, bot) : null,
        options.Profile ? bot => Profile.FullGcAsync(http, bot) : null);
    using var sampler = memory.StartSampling();

    // Warm-up: its own chats, same dialogs; then the first memory reading.
    await bench.PlayAsync("w", options.Warmup, Math.Max(1, Math.Min(options.Conversations, options.Warmup / 10)), app, echo, _ => Task.CompletedTask, stop.Token);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  warm-up: {app.Stats.Turns} turns each in {runClock.Elapsed.TotalSeconds:F0} s; errors PolicyBot {app.Stats.Errors}, echo {echo.Stats.Errors}"));
    var warmupErrors = (App: app.Stats.Errors, Echo: echo.Stats.Errors);
    await memory.CheckpointAsync("warm-up");
    app.Stats = new TurnStats();
    echo.Stats = new TurnStats();
    var statsBefore = options.Profile ? await Profile.ReadAsync(http, [app, echo]) : null;

    // Measured: checkpoints at half and at all turns.
    var half = options.Turns / 2;
    var halfDone = false;
    await bench.PlayAsync("c", options.Turns, options.Conversations, app, echo, async played =>
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {played,6} turns each, {runClock.Elapsed.TotalSeconds,5:F0} s: PolicyBot {app.Stats.TurnsPerSecond,5:F0} turns/s, p50 {app.Stats.Percentile(0.5),6:F1} ms, RSS {appProcess.Memory().Rss,4:F0} MB | " +
            $"echo {echo.Stats.TurnsPerSecond,5:F0} turns/s, p50 {echo.Stats.Percentile(0.5),6:F1} ms, RSS {echoProcess.Memory().Rss,4:F0} MB"));
        if (options.Profile)
        {
            Console.WriteLine("           PolicyBot " + Profile.MemoryLine(await Profile.ReadOneAsync(http, app)));
        }

        if (!halfDone && played >= half)
        {
            halfDone = true;
            await memory.CheckpointAsync(Report.Thousands(played));
        }
    }, stop.Token);
    await memory.CheckpointAsync(Report.Thousands(app.Stats.Turns));
    var statsAfter = options.Profile ? await Profile.ReadAsync(http, [app, echo]) : null;

    var failed = new[] { app, echo }.Where(b => b.Process.HasExited).Select(b => b.Name).ToList();
    var complete = !bench.Incomplete && app.Stats.Turns == options.Turns && echo.Stats.Turns == options.Turns && failed.Count == 0;
    Report.Print(options, bench, app, echo, memory, complete, warmupErrors, LoadAverage());
    if (options.Profile && statsBefore is not null && statsAfter is not null)
    {
        Profile.Print(statsBefore, statsAfter, [app, echo], memory);
        await Profile.MicroAsync(http, app, StaffDialogs.LoadQuestions());
        await Profile.LeakAsync(app, StaffDialogs.LoadQuestions());
    }

    if (failed.Count > 0)
    {
        Console.WriteLine($"Bot process(es) exited during the run: {string.Join(", ", failed)}.");
    }

    foreach (var bot in new[] { app, echo }.Where(b => b.Process.LoggedFailures > 0 || b.Process.HasExited))
    {
        Console.WriteLine($"{bot.Name} logged {bot.Process.LoggedFailures} fail/crit line(s); its last lines:\n{bot.Process.LastLines()}");
    }

    return complete && app.Stats.Errors == 0 && echo.Stats.Errors == 0 ? 0 : 1;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.WriteLine("Cancelled: no results.");
    return 130;
}
catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or IOException)
{
    Console.WriteLine($"FAILED: {ex.Message}");
    foreach (var bot in bots.Where(b => b.LoggedFailures > 0))
    {
        Console.WriteLine($"{bot.Name} logged {bot.LoggedFailures} fail/crit line(s); its last lines:\n{bot.LastLines()}");
    }

    return 1;
}
finally
{
    Cleanup.Run(bots, runFolder);
}

static string LoadAverage()
{
    try
    {
        return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
    }
    catch (IOException)
    {
        return "?";
    }
}

/// <summary>Command-line options (see the top of Program.cs).</summary>
internal sealed record BenchOptions(int Turns, int Conversations, int Concurrency, int Warmup, int Block, int MaxSeconds, string? Gc, bool Profile)
{
    public static BenchOptions? Parse(string[] args)
    {
        int Int(string name, int fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
        }

        var gcAt = Array.IndexOf(args, "--gc");
        var gc = gcAt >= 0 && gcAt + 1 < args.Length ? args[gcAt + 1] : null;
        if (gc is not (null or "server" or "workstation"))
        {
            Console.Error.WriteLine("--gc takes server or workstation.");
            return null;
        }

        var turns = Int("--turns", 10_000);
        return new BenchOptions(
            Turns: turns,
            Conversations: Int("--conversations", 1_000),
            Concurrency: Int("--concurrency", 8),
            Warmup: Int("--warmup", 1_000),
            Block: Math.Min(Int("--block", 1_000), Math.Max(1, turns / 2)), // at least two blocks: a checkpoint at half
            MaxSeconds: Int("--max-seconds", 1_200),
            Gc: gc,
            Profile: args.Contains("--profile"));
    }
}

/// <summary>Ends the bot processes and deletes the run's temp folder; also sweeps what a killed run left behind.</summary>
internal static class Cleanup
{
    private static int _done;

    public static void Run(List<BotProcess> bots, string runFolder)
    {
        if (Interlocked.Exchange(ref _done, 1) == 1)
        {
            return;
        }

        foreach (var bot in bots)
        {
            bot.Dispose();
        }

        DeleteFolder(runFolder);
    }

    /// <summary>
    /// Run folders of benchmark processes that no longer exist: ends the bots they started (by the pid recorded in the
    /// folder, and only when that process's command line names the folder) and deletes the folder.
    /// </summary>
    public static void SweepOrphans(string tempRoot)
    {
        if (!Directory.Exists(tempRoot))
        {
            return;
        }

        foreach (var folder in Directory.GetDirectories(tempRoot, "run-*"))
        {
            var parts = Path.GetFileName(folder).Split('-');
            if (parts.Length < 3 || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var owner) || Directory.Exists($"/proc/{owner}"))
            {
                continue;
            }

            foreach (var pidFile in Directory.GetFiles(folder, "*.pid"))
            {
                if (int.TryParse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture, out var pid))
                {
                    BotProcess.KillOrphan(pid, folder);
                }
            }

            DeleteFolder(folder);
        }
    }

    private static void DeleteFolder(string folder)
    {
        for (var attempt = 0; attempt < 3 && Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                Thread.Sleep(200);
            }
            catch (UnauthorizedAccessException)
            {
                return;
            }
        }
    }
}

/// <summary>RSS checkpoints of each bot, plus a 200 ms sampler for the peak between checkpoints.</summary>
/// <param name="readStats">In a profiled run: reads the host's /bench/stats at each checkpoint (GC and JIT figures).</param>
/// <param name="fullGc">In a profiled run: after the readings, a full GC in the bot and its live heap in MB.</param>
internal sealed class MemoryLog(IReadOnlyList<BotRun> bots, Func<BotRun, Task<JsonElement>>? readStats, Func<BotRun, Task<double>>? fullGc = null)
{
    public Dictionary<string, List<double>> LiveHeap { get; } = bots.ToDictionary(b => b.Name, _ => new List<double>());

    private readonly Dictionary<string, double> _maxSinceCheckpoint = [];

    public List<string> Labels { get; } = [];

    public Dictionary<string, List<(double Rss, double Peak, double MaxInSpan)>> Points { get; } = bots.ToDictionary(b => b.Name, _ => new List<(double, double, double)>());

    public Dictionary<string, List<JsonElement>> Stats { get; } = bots.ToDictionary(b => b.Name, _ => new List<JsonElement>());

    public IDisposable StartSampling() => new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(200));

    public async Task CheckpointAsync(string label)
    {
        lock (_maxSinceCheckpoint)
        {
            Labels.Add(label);
            foreach (var bot in bots)
            {
                var (rss, peak) = bot.Process.Memory();
                var max = Math.Max(rss, _maxSinceCheckpoint.GetValueOrDefault(bot.Name));
                Points[bot.Name].Add((rss, peak, max));
                _maxSinceCheckpoint[bot.Name] = 0;
            }
        }

        if (readStats is not null)
        {
            foreach (var bot in bots)
            {
                Stats[bot.Name].Add(await readStats(bot));
            }

            if (fullGc is not null)
            {
                foreach (var bot in bots)
                {
                    LiveHeap[bot.Name].Add(await fullGc(bot));
                }
            }
        }
    }

    private void Sample()
    {
        lock (_maxSinceCheckpoint)
        {
            foreach (var bot in bots)
            {
                var rss = bot.Process.Memory().Rss;
                if (!double.IsNaN(rss))
                {
                    _maxSinceCheckpoint[bot.Name] = Math.Max(rss, _maxSinceCheckpoint.GetValueOrDefault(bot.Name));
                }
            }
        }
    }
}

/// <summary>The printed table and the targets.</summary>
internal static class Report
{
    public const double CostTarget = 1.5;
    public const double MemoryTargetMb = 250;

    /// <summary>"No growth": RSS after all turns at most this much above RSS after half of them (absolute MB or share).</summary>
    public const double GrowthToleranceMb = 10;
    public const double GrowthToleranceShare = 0.05;

    public static string Thousands(int turns) => turns % 1000 == 0 ? $"{turns / 1000}k" : turns.ToString(CultureInfo.InvariantCulture);

    public static void Print(
        BenchOptions options, Bench bench, BotRun app, BotRun echo, MemoryLog memory, bool complete, (int App, int Echo) warmupErrors, string load)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine();
        var labels = memory.Labels;
        var rssHeader = string.Join(" / ", labels);
        Console.WriteLine(string.Create(inv,
            $"{"bot",-26} {"turns",6} {"errors",6} {"replies/turn",12} {"turns/s",8} {"p50 ms",7} {"p99 ms",7} {"CPU ms/turn",11}  {"RSS MB after " + rssHeader,-34} {"peak MB",7}"));
        foreach (var bot in new[] { echo, app })
        {
            var s = bot.Stats;
            var points = memory.Points[bot.Name];
            var rss = string.Join(" / ", points.Select(p => p.Rss.ToString("F0", inv)));
            Console.WriteLine(string.Create(inv,
                $"{bot.Name,-26} {s.Turns,6} {s.Errors,6} {(double)s.Replies / Math.Max(1, s.Turns - s.Errors),12:F2} {s.TurnsPerSecond,8:F0} {s.Percentile(0.5),7:F1} {s.Percentile(0.99),7:F1} {s.CpuMsPerTurn,11:F2}  {rss,-34} {points.Max(p => p.Peak),7:F0}"));
        }

        Console.WriteLine(string.Create(inv,
            $"  PolicyBot dialogs: {app.Stats.Typed} typed questions, {app.Stats.Clicks} card clicks; replies: {app.Stats.QuestionCards} question cards, {app.Stats.Confirmations} confirmation cards, " +
            $"{app.Stats.Verdicts} verdict cards, {app.Stats.OtherCards} other cards, " +
            $"{app.Stats.Replies - app.Stats.QuestionCards - app.Stats.Confirmations - app.Stats.Verdicts - app.Stats.OtherCards} texts. Questions typed from a list of {bench.QuestionCount}."));
        Console.WriteLine(string.Create(inv,
            $"  latency by kind, p50 / p99 ms: PolicyBot typed {app.Stats.Percentile(0.5, false):F1} / {app.Stats.Percentile(0.99, false):F1}, click {app.Stats.Percentile(0.5, true):F1} / {app.Stats.Percentile(0.99, true):F1}; " +
            $"echo typed {echo.Stats.Percentile(0.5, false):F1} / {echo.Stats.Percentile(0.99, false):F1}, click {echo.Stats.Percentile(0.5, true):F1} / {echo.Stats.Percentile(0.99, true):F1}"));
        foreach (var bot in new[] { app, echo }.Where(b => b.Stats.Errors > 0))
        {
            Console.WriteLine($"  ERRORS {bot.Name}: {string.Join(", ", bot.Stats.ErrorKinds.Select(k => $"{k.Value} {k.Key}"))}");
        }

        if (warmupErrors.App + warmupErrors.Echo > 0)
        {
            Console.WriteLine($"  ERRORS during warm-up: PolicyBot {warmupErrors.App}, echo {warmupErrors.Echo}");
        }

        var appPoints = memory.Points[app.Name];
        var echoPoints = memory.Points[echo.Name];
        foreach (var (bot, points) in new[] { (echo, echoPoints), (app, appPoints) })
        {
            Console.WriteLine(string.Create(inv,
                $"  {bot.Name}: highest RSS sampled (every 200 ms) up to each checkpoint: {string.Join(" / ", points.Select(p => p.MaxInSpan.ToString("F0", inv)))} MB"));
        }

        Console.WriteLine();
        Console.WriteLine($"PolicyBot / echo, same run{(complete ? "" : " — INCOMPLETE RUN (time limit, Ctrl-C or a bot exited): targets not judged")}" +
                          $"{(app.Stats.Errors + echo.Stats.Errors > 0 ? " — RUN HAD ERRORS" : "")}:");
        var p50 = app.Stats.Percentile(0.5) / echo.Stats.Percentile(0.5);
        var p99 = app.Stats.Percentile(0.99) / echo.Stats.Percentile(0.99);
        var throughput = app.Stats.TurnsPerSecond / echo.Stats.TurnsPerSecond;
        var cpu = app.Stats.CpuMsPerTurn / echo.Stats.CpuMsPerTurn;
        Line("p50 latency", $"{p50:F2}x", $"<= {CostTarget:F1}x", p50 <= CostTarget);
        Line("p99 latency", $"{p99:F2}x", $"<= {CostTarget:F1}x", p99 <= CostTarget);
        Line("throughput", $"{throughput:F2}x", $">= {1 / CostTarget:F2}x (cost <= {CostTarget:F1}x)", throughput >= 1 / CostTarget);
        Line("CPU per turn (info)", $"{cpu:F2}x", $"<= {CostTarget:F1}x", cpu <= CostTarget);
        var peak = appPoints.Max(p => p.Peak);
        Line("PolicyBot peak RSS", $"{peak:F0} MB", $"< {MemoryTargetMb:F0} MB", peak < MemoryTargetMb);
        if (appPoints.Count >= 3)
        {
            var (first, middle, last) = (appPoints[0].Rss, appPoints[^2].Rss, appPoints[^1].Rss);
            var tolerance = Math.Max(GrowthToleranceMb, GrowthToleranceShare * middle);
            Line($"PolicyBot RSS {labels[^2]} -> {labels[^1]}", $"{last - middle:+0;-0} MB", $"no growth (<= +{tolerance:F0} MB)", last - middle <= tolerance,
                $"(warm-up -> {labels[^2]}: {middle - first:+0;-0} MB; highest sampled {appPoints[^2].MaxInSpan:F0} -> {appPoints[^1].MaxInSpan:F0} MB)");
        }

        Console.WriteLine(string.Create(inv, $"Load average at the end: {load} (2 cores shared with other work; see the README of this folder on noise)."));

        void Line(string what, string value, string target, bool pass, string note = "") =>
            Console.WriteLine($"  {what,-28} {value,9}   target {target,-26} {(complete && app.Stats.Errors == 0 ? (pass ? "PASS" : "MISS") : "n/a ")} {note}");
    }
}

/// <summary>The profiled run's sections (POLICYBOT_BENCH_PROFILE in the benchmark's own host).</summary>
internal static class Profile
{
    public static Task<JsonElement> ReadOneAsync(HttpClient http, BotRun bot) =>
        http.GetFromJsonAsync<JsonElement>(new Uri(bot.Process.BaseUrl, "/bench/stats"));

    public static async Task<double> FullGcAsync(HttpClient http, BotRun bot)
    {
        using var response = await http.PostAsync(new Uri(bot.Process.BaseUrl, "/bench/full-gc"), null);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return json.GetProperty("liveBytes").GetDouble() / 1048576;
    }

    public static async Task<Dictionary<string, JsonElement>> ReadAsync(HttpClient http, BotRun[] bots)
    {
        var result = new Dictionary<string, JsonElement>();
        foreach (var bot in bots)
        {
            result[bot.Name] = await ReadOneAsync(http, bot);
        }

        return result;
    }

    public static void Print(Dictionary<string, JsonElement> before, Dictionary<string, JsonElement> after, BotRun[] bots, MemoryLog memory)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine("Profile of the measured turns. Per section: calls per turn, wall ms per turn, process CPU ms per turn while inside it");
        Console.WriteLine("(sections nest: request > adapter > bot > storage read / connector call; the storage write follows the bot; at concurrency > 1");
        Console.WriteLine("wall and CPU include the other turns in flight, so use --concurrency 1 to attribute CPU):");
        foreach (var bot in bots)
        {
            var (b, a) = (before[bot.Name], after[bot.Name]);
            double Delta(string name) => a.GetProperty(name).GetDouble() - b.GetProperty(name).GetDouble();
            var turns = Math.Max(1, bot.Stats.Turns);
            Console.WriteLine(string.Create(inv,
                $"  {bot.Name}: CPU {Delta("cpuMs") / turns:F2} ms/turn, allocated {Delta("allocatedBytes") / turns / 1024:F0} KB/turn, GCs gen0/1/2 {Delta("gen0")}/{Delta("gen1")}/{Delta("gen2")}, " +
                $"GC pause {Delta("gcPauseMs") / turns:F2} ms/turn, methods JIT-compiled during the turns {Delta("jitMethods")}"));
            var sectionsBefore = b.GetProperty("sections").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s);
            foreach (var section in a.GetProperty("sections").EnumerateArray())
            {
                var name = section.GetProperty("name").GetString()!;
                double D(string field) => section.GetProperty(field).GetDouble() - sectionsBefore[name].GetProperty(field).GetDouble();
                if (D("count") > 0)
                {
                    Console.WriteLine(string.Create(inv, $"    {name,-26} {D("count") / turns,5:F2} per turn  wall {D("ms") / turns,8:F2} ms/turn  CPU {D("cpuMs") / turns,7:F2} ms/turn"));
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine("Memory at each checkpoint (MB): RSS = anonymous + file-backed + shared (shmem: the runtime's double-mapped JIT code);");
        Console.WriteLine("GC heap / committed from GC.GetGCMemoryInfo; anon outside GC = RSS anon - GC committed (loader heaps, native libraries such as SQLite, stacks);");
        Console.WriteLine("then the profiled run forces a full GC and reads the live heap (so in a --profile run the RSS after a checkpoint is not the app's natural one):");
        foreach (var bot in bots)
        {
            var stats = memory.Stats[bot.Name];
            for (var i = 0; i < stats.Count; i++)
            {
                var live = memory.LiveHeap[bot.Name];
                Console.WriteLine(string.Create(inv, $"  {bot.Name,-26} {memory.Labels[i],-8} {MemoryLine(stats[i])}; live heap after a full GC {(i < live.Count ? live[i] : double.NaN),4:F1}"));
            }
        }
    }

    /// <summary>RSS split and GC/JIT figures from one /bench/stats answer.</summary>
    public static string MemoryLine(JsonElement s)
    {
        double Mb(string name) => s.GetProperty(name).GetDouble() / 1048576;
        double KbMb(string name) => s.GetProperty(name).GetDouble() / 1024;
        return string.Create(CultureInfo.InvariantCulture,
            $"RSS {KbMb("rssKb"),4:F0} = anon {KbMb("rssAnonKb"),4:F0} + file {KbMb("rssFileKb"),3:F0} + shmem {KbMb("rssKb") - KbMb("rssAnonKb") - KbMb("rssFileKb"),3:F0}; GC heap {Mb("heapBytes"),4:F0}, " +
            $"committed {Mb("committedBytes"),4:F0}; anon outside GC {KbMb("rssAnonKb") - Mb("committedBytes"),4:F0}; JIT-compiled methods {s.GetProperty("jitMethods").GetInt64(),7}; threads {s.GetProperty("threads").GetInt32()}");
    }

    /// <summary>Live heap growth per part of a turn, in PolicyBot's process.</summary>
    public static async Task LeakAsync(BotRun app, IReadOnlyList<string> questions)
    {
        // One request that runs every part 5,000 times in the bot's process: about 80 s on 2 cores (the date-time model
        // alone is 3 ms a call), past the 60 s the turns' client allows; it once ended a profiled run with a time-out.
        using var patient = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
        using var response = await patient.PostAsJsonAsync(new Uri(app.Process.BaseUrl, "/bench/leak?calls=5000"), questions);
        var rows = await response.Content.ReadFromJsonAsync<JsonElement>();
        Console.WriteLine();
        Console.WriteLine("Live heap (after full GCs) before and after many calls of each part, in PolicyBot's process:");
        foreach (var row in rows.EnumerateArray())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {row.GetProperty("part").GetString(),-34} {row.GetProperty("calls").GetInt32(),6} calls: {row.GetProperty("liveBefore").GetDouble() / 1048576,6:F2} -> {row.GetProperty("liveAfter").GetDouble() / 1048576,6:F2} MB, " +
                $"{row.GetProperty("bytesPerThousandCalls").GetDouble() / 1024,8:F1} KB per 1000 calls"));
        }
    }

    /// <summary>The conversation's parts, single-threaded in PolicyBot's process, per typed question.</summary>
    public static async Task MicroAsync(HttpClient http, BotRun app, IReadOnlyList<string> questions)
    {
        var inv = CultureInfo.InvariantCulture;
        using var response = await http.PostAsJsonAsync(new Uri(app.Process.BaseUrl, "/bench/micro?repeat=50"), questions);
        var rows = await response.Content.ReadFromJsonAsync<JsonElement>();
        string[] columns = ["readUs", "recognizersUs", "dateTimeUs", "redactUs", "engineTypedUs", "engineClickUs", "renderUs", "serializeUs"];
        string[] titles = ["reader.Read", "phone+mail+url", "datetime", "redactor", "engine typed", "engine click", "render card", "serialize"];
        Console.WriteLine();
        Console.WriteLine("Conversation parts in PolicyBot's process, one thread, thread-CPU µs per call (KB allocated). reader.Read includes the");
        Console.WriteLine("Microsoft.Recognizers.Text models (phone+mail+url, datetime: timed here on their own); engine typed includes reader.Read:");
        Console.WriteLine($"  {"typed question",-48} {string.Join(" ", titles.Select(t => $"{t,14}"))}");
        var sums = new double[columns.Length];
        var counts = new int[columns.Length];
        foreach (var row in rows.EnumerateArray())
        {
            var question = row.GetProperty("question").GetString()!;
            var cells = columns.Select((k, i) =>
            {
                var cell = row.GetProperty(k);
                if (cell.ValueKind != JsonValueKind.Object)
                {
                    return "-";
                }

                sums[i] += cell.GetProperty("us").GetDouble();
                counts[i]++;
                return string.Create(inv, $"{cell.GetProperty("us").GetDouble():F0} ({cell.GetProperty("bytes").GetDouble() / 1024:F0})");
            }).ToArray();
            Console.WriteLine($"  {(question.Length > 48 ? question[..45] + "..." : question),-48} {string.Join(" ", cells.Select(c => $"{c,14}"))}");
        }

        Console.WriteLine($"  {"mean µs",-48} {string.Join(" ", sums.Select((s, i) => string.Create(inv, $"{s / Math.Max(1, counts[i]),14:F0}")))}");
    }
}
