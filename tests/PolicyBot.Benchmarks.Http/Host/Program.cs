using Microsoft.AspNetCore.Builder;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Benchmarks.Http.Host;
using PolicyBot.Hosting;

// The benchmark's own bot host: the real app, built by PolicyBotApp exactly as src/PolicyBot/Program.cs builds it,
// with one difference chosen on the command line:
//   --bot echo       the IBot is the bare EchoBot (the baseline: same host, same adapter and middleware, no state)
//   --bot policybot  the app's own IBot (the same as running PolicyBot.dll; used for the profiled run)
// Every other argument goes to the app (e.g. --urls http://127.0.0.1:0 --DataFolder /tmp/x).
// With POLICYBOT_BENCH_PROFILE=1 (set only by the benchmark's --profile) it adds timing and allocation counters
// around the request, the adapter, the bot, the storage and the outgoing connector calls, readable at GET /bench/stats,
// and GET /bench/micro times the conversation's own parts in this process (see BenchProfiler).
// With POLICYBOT_BENCH_PARENT_PID it stops when that process is gone (the benchmark was killed).
var bot = "policybot";
var appArgs = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--bot" && i + 1 < args.Length)
    {
        bot = args[++i];
    }
    else
    {
        appArgs.Add(args[i]);
    }
}

if (bot is not ("echo" or "policybot"))
{
    Console.Error.WriteLine($"Unknown --bot '{bot}': expected echo or policybot.");
    return 2;
}

var profile = Environment.GetEnvironmentVariable("POLICYBOT_BENCH_PROFILE") == "1";
var builder = PolicyBotApp.CreateBuilder([.. appArgs]);
if (bot == "echo")
{
    builder.Services.AddTransient<IBot, EchoBot>(); // the last IBot registration wins (see PolicyBotApp)
}

if (profile)
{
    BenchProfiler.Register(builder.Services);
}

var app = PolicyBotApp.Build(builder);
if (profile)
{
    BenchProfiler.Map(app);
}

ParentWatch.StopWhenParentExits(app);
await app.RunAsync();
return 0;
