using System.Diagnostics;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using Microsoft.Recognizers.Text.Sequence;
using PolicyBot.Cards;
using PolicyBot.Conversation;
using PolicyBot.Hosting;
using PolicyBot.Storage;
using PolicyBot.Understanding;

namespace PolicyBot.Benchmarks.Http.Host;

/// <summary>
/// Stopwatch sections and allocation counts for the profiled run (POLICYBOT_BENCH_PROFILE=1 only). Decorators, no
/// change to the app: the whole <c>POST /api/messages</c> request (outermost middleware), the adapter's
/// <c>ProcessAsync</c>, the bot's <c>OnTurnAsync</c>, <c>IStorage</c> reads and writes, and every outgoing connector
/// call. Each section adds up its wall-clock time and the process's CPU time (CLOCK_PROCESS_CPUTIME_ID) across it: under
/// concurrency both include the other turns in flight, so profile with <c>--concurrency 1</c> to attribute CPU to a
/// section. <c>GET /bench/stats</c> returns the totals, the GC's and the JIT's counters and the resident memory split;
/// <c>POST /bench/micro</c> (a JSON array of typed questions) times the conversation's parts one by one on one thread
/// (thread CPU time, so other load on the machine does not count); <c>POST /bench/full-gc</c> collects everything and
/// returns the live heap; <c>POST /bench/leak</c> calls each part many times and reports how much the live heap grew.
/// </summary>
internal static class BenchProfiler
{
    private static readonly Section Request = new("request /api/messages");
    private static readonly Section Adapter = new("adapter.ProcessAsync");
    private static readonly Section Bot = new("bot.OnTurnAsync");
    private static readonly Section StorageRead = new("storage read");
    private static readonly Section StorageWrite = new("storage write");
    private static readonly Section StorageDelete = new("storage delete");
    private static readonly Section ConnectorCall = new("connector call (reply)");
    private static readonly Section[] Sections = [Request, Adapter, Bot, StorageRead, StorageWrite, StorageDelete, ConnectorCall];

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<IStartupFilter, RequestTimingFilter>();
        services.AddSingleton<IStorage>(sp => new TimedStorage(sp.GetRequiredService<SqliteStorage>()));
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => new TimedAdapter(sp.GetRequiredService<CloudAdapter>()));
        var inner = services.Last(d => d.ServiceType == typeof(IBot));
        services.AddTransient<IBot>(sp => new TimedBot(Create(sp, inner)));
        services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(() => new TimedHandler()));
    }

    public static void Map(WebApplication app)
    {
        app.MapGet("/bench/stats", () => Results.Json(Snapshot()));

        // A full blocking, compacting GC, then the heap that is left: the live managed data (a leak shows here).
        app.MapPost("/bench/full-gc", () =>
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            return Results.Json(new { liveBytes = GC.GetGCMemoryInfo(GCKind.FullBlocking).HeapSizeBytes, totalMemory = GC.GetTotalMemory(false) });
        });
        app.MapPost("/bench/micro", (string[] questions, int? repeat, IServiceProvider services) =>
            Results.Json(Micro(services, questions, Math.Clamp(repeat ?? 200, 1, 10_000))));
        app.MapPost("/bench/leak", async (string[] questions, int? calls, IServiceProvider services) =>
            Results.Json(await LeakAsync(services, questions, Math.Clamp(calls ?? 3000, 100, 100_000))));
        app.Lifetime.ApplicationStopping.Register(() =>
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PolicyBot.Benchmarks.Http.Host")
                .LogWarning("bench stats: {Stats}", JsonSerializer.Serialize(Snapshot())));
    }

    private static IBot Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IBot)(descriptor.ImplementationInstance
               ?? descriptor.ImplementationFactory?.Invoke(services)
               ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    private static object Snapshot()
    {
        var info = GC.GetGCMemoryInfo();
        return new
        {
            allocatedBytes = GC.GetTotalAllocatedBytes(precise: false),
            gen0 = GC.CollectionCount(0),
            gen1 = GC.CollectionCount(1),
            gen2 = GC.CollectionCount(2),
            gcPauseMs = GC.GetTotalPauseDuration().TotalMilliseconds,
            heapBytes = info.HeapSizeBytes,
            committedBytes = info.TotalCommittedBytes,
            fragmentedBytes = info.FragmentedBytes,
            serverGc = GCSettings.IsServerGC,
            threadPoolThreads = ThreadPool.ThreadCount,
            threads = Process.GetCurrentProcess().Threads.Count,
            cpuMs = Cpu.ProcessNanoseconds() / 1e6,
            jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount(),
            jitILBytes = System.Runtime.JitInfo.GetCompiledILBytes(),
            rssKb = Status("VmRSS"),
            rssAnonKb = Status("RssAnon"),
            rssFileKb = Status("RssFile"),
            sections = Sections.Select(s => new { name = s.Name, count = s.Count, ms = s.Milliseconds, cpuMs = s.CpuMilliseconds }).ToArray(),
        };
    }

    private static long Status(string key)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(key + ":", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return -1;
    }

    /// <summary>Times the conversation's own parts, single-threaded, each <paramref name="repeat"/> times per question.</summary>
    private static object Micro(IServiceProvider services, string[] questions, int repeat)
    {
        var reader = services.GetRequiredService<SituationReader>();
        var redactor = services.GetRequiredService<Redactor>();
        var engine = services.GetRequiredService<ConversationEngine>();
        var renderer = services.GetRequiredService<ReplyRenderer>();

        // The Microsoft.Recognizers.Text models SituationReader runs on every typed message (its TextRecognizers is
        // internal, so the same models are built here): phone, e-mail, URL, date-time.
        var sequence = new SequenceRecognizer(Culture.English);
        var phone = sequence.GetPhoneNumberModel();
        var email = sequence.GetEmailModel();
        var url = sequence.GetURLModel();
        var dateTime = (DateTimeModel)new DateTimeRecognizer(Culture.English).GetDateTimeModel();
        var rows = new List<object>();
        foreach (var question in questions)
        {
            var replies = engine.Handle(new SituationState(), new TypedInput(question));
            var state = new SituationState();
            engine.Handle(state, new TypedInput(question));
            var pending = replies.OfType<QuestionReply>().LastOrDefault();
            CardSubmit? click = pending is null
                ? null
                : new CardSubmit(CardActions.Answer, pending.SituationId, pending.Step, pending.Question.Fact.Id, pending.Question.Choices[0].Id, null);
            var activity = renderer.Render(replies[^1]);
            rows.Add(new
            {
                question,
                readUs = Measure(repeat, () => reader.Read(question)),
                recognizersUs = Measure(repeat, () => (phone.Parse(question), email.Parse(question), url.Parse(question))),
                dateTimeUs = Measure(repeat, () => dateTime.Parse(question, DateTime.Now)),
                redactUs = Measure(repeat, () => redactor.Redact(question)),
                engineTypedUs = Measure(repeat, () => engine.Handle(new SituationState(), new TypedInput(question))),
                engineClickUs = click is null ? null : Measure(repeat, () => engine.Handle(Copy(state), new CardInput(click))),
                renderUs = Measure(repeat, () => renderer.Render(replies[^1])),
                serializeUs = Measure(repeat, () => Newtonsoft.Json.JsonConvert.SerializeObject(activity, HttpHelper.BotMessageSerializerSettings)),
            });
        }

        return rows;
    }

    /// <summary>
    /// For each part of a turn: the live heap (after full GCs) before and after <paramref name="calls"/> calls, so a
    /// part that keeps something per call shows up. Storage writes use keys of their own (a bounded set).
    /// </summary>
    private static async Task<object> LeakAsync(IServiceProvider services, string[] questions, int calls)
    {
        var reader = services.GetRequiredService<SituationReader>();
        var redactor = services.GetRequiredService<Redactor>();
        var engine = services.GetRequiredService<ConversationEngine>();
        var renderer = services.GetRequiredService<ReplyRenderer>();
        var storage = services.GetRequiredService<Microsoft.Bot.Builder.IStorage>();
        var cards = questions.Select(q => engine.Handle(new SituationState(), new TypedInput(q))[^1]).ToArray();
        var activities = cards.Select(renderer.Render).ToArray();
        var rows = new List<object>();

        async Task Run(string name, Func<int, Task> call, Action? then = null)
        {
            await call(0).ConfigureAwait(false);
            var before = LiveBytes();
            for (var i = 0; i < calls; i++)
            {
                await call(i).ConfigureAwait(false);
            }

            then?.Invoke();
            var after = LiveBytes();
            rows.Add(new { part = name, calls, liveBefore = before, liveAfter = after, bytesPerThousandCalls = (after - before) * 1000 / calls });
        }

        await Run("reader.Read", i => { reader.Read(questions[i % questions.Length]); return Task.CompletedTask; });
        // Every staff member's text is new: the recognizers' static caches keep each (text, reference minute) until the
        // reader empties them at the next minute (TextRecognizers, internal: reached by reflection here).
        var emptyCaches = typeof(SituationReader).Assembly.GetType("PolicyBot.Understanding.Scanning.TextRecognizers")
            ?.GetMethod("EmptyCaches", System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public);
        await Run("reader.Read, new texts", i => { reader.Read($"{questions[i % questions.Length]} (#{i} at 4pm)"); return Task.CompletedTask; });
        await Run("  same, then the minute's emptying", i => { reader.Read($"{questions[i % questions.Length]} (#{i} at 5pm)"); return Task.CompletedTask; },
            () => emptyCaches?.Invoke(null, null));
        // The date-time model alone, as the library keeps it: every (text, reference time) stays in its caches.
        var dateTime = (DateTimeModel)new DateTimeRecognizer(Culture.English).GetDateTimeModel();
        var fixedReference = new DateTime(2026, 3, 10, 12, 0, 0, DateTimeKind.Local);
        await Run("datetime model, reference now", i => { dateTime.Parse(questions[i % questions.Length], DateTime.Now); return Task.CompletedTask; });
        await Run("datetime model, fixed reference", i => { dateTime.Parse(questions[i % questions.Length], fixedReference); return Task.CompletedTask; });
        await Run("redactor.Redact", i => { redactor.Redact(questions[i % questions.Length]); return Task.CompletedTask; });
        await Run("engine typed", i => { engine.Handle(new SituationState(), new TypedInput(questions[i % questions.Length])); return Task.CompletedTask; });
        await Run("renderer.Render", i => { renderer.Render(cards[i % cards.Length]); return Task.CompletedTask; });
        await Run("serialize reply", i => { Newtonsoft.Json.JsonConvert.SerializeObject(activities[i % activities.Length], HttpHelper.BotMessageSerializerSettings); return Task.CompletedTask; });
        await Run("storage write+read", async i =>
        {
            var key = "bench-leak/" + (i % 100).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await storage.WriteAsync(new Dictionary<string, object> { [key] = new Dictionary<string, object> { ["situation"] = new SituationState { Id = "x" + i } } }).ConfigureAwait(false);
            await storage.ReadAsync([key]).ConfigureAwait(false);
        });
        return rows;
    }

    private static long LiveBytes()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetGCMemoryInfo(GCKind.FullBlocking).HeapSizeBytes;
    }

    private static SituationState Copy(SituationState state) => new()
    {
        Id = state.Id,
        Facts = new Dictionary<string, string>(state.Facts, StringComparer.Ordinal),
        Step = state.Step,
        PendingFact = state.PendingFact,
        Decided = state.Decided,
    };

    /// <summary>Mean thread-CPU microseconds and allocated bytes per call, after one untimed call.</summary>
    private static object Measure(int repeat, Func<object?> action)
    {
        action();
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Cpu.ThreadNanoseconds();
        for (var i = 0; i < repeat; i++)
        {
            action();
        }

        return new
        {
            us = Math.Round((Cpu.ThreadNanoseconds() - cpu) / 1000.0 / repeat, 1),
            bytes = (GC.GetAllocatedBytesForCurrentThread() - bytes) / repeat,
        };
    }

    private sealed class Section(string name)
    {
        private long _count;
        private long _ticks;
        private long _cpuNanoseconds;

        public string Name { get; } = name;

        public long Count => Interlocked.Read(ref _count);

        public double Milliseconds => Interlocked.Read(ref _ticks) * 1000.0 / Stopwatch.Frequency;

        public double CpuMilliseconds => Interlocked.Read(ref _cpuNanoseconds) / 1e6;

        public async Task<T> TimeAsync<T>(Func<Task<T>> action)
        {
            var (start, cpu) = (Stopwatch.GetTimestamp(), Cpu.ProcessNanoseconds());
            try
            {
                return await action().ConfigureAwait(false);
            }
            finally
            {
                Add(start, cpu);
            }
        }

        public async Task TimeAsync(Func<Task> action)
        {
            var (start, cpu) = (Stopwatch.GetTimestamp(), Cpu.ProcessNanoseconds());
            try
            {
                await action().ConfigureAwait(false);
            }
            finally
            {
                Add(start, cpu);
            }
        }

        private void Add(long start, long cpu)
        {
            Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - start);
            Interlocked.Add(ref _cpuNanoseconds, Cpu.ProcessNanoseconds() - cpu);
            Interlocked.Increment(ref _count);
        }
    }

    private sealed class RequestTimingFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, inner) => http.Request.Path == PolicyBotApp.MessagesPath ? Request.TimeAsync(() => inner(http)) : inner(http));
            next(app);
        };
    }

    private sealed class TimedAdapter(CloudAdapter inner) : IBotFrameworkHttpAdapter
    {
        public Task ProcessAsync(HttpRequest httpRequest, HttpResponse httpResponse, IBot bot, CancellationToken cancellationToken = default) =>
            Adapter.TimeAsync(() => inner.ProcessAsync(httpRequest, httpResponse, bot, cancellationToken));
    }

    private sealed class TimedBot(IBot inner) : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
            Bot.TimeAsync(() => inner.OnTurnAsync(turnContext, cancellationToken));
    }

    /// <summary>
    /// The storage, timed. A JSON text storage as the app's SQLite storage is, so SituationStore takes the app's path
    /// (stored text in, text out) and not the plain IStorage one.
    /// </summary>
    private sealed class TimedStorage(SqliteStorage inner) : IJsonTextStorage
    {
        public Task<StoredJson?> ReadJsonAsync(string key, CancellationToken cancellationToken) =>
            StorageRead.TimeAsync(() => inner.ReadJsonAsync(key, cancellationToken));

        public object? FromJson(StoredJson stored) => inner.FromJson(stored);

        public string ToJson(object item) => inner.ToJson(item);

        public Task WriteJsonAsync(string key, object item, string json, CancellationToken cancellationToken) =>
            StorageWrite.TimeAsync(() => inner.WriteJsonAsync(key, item, json, cancellationToken));

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
            StorageRead.TimeAsync(() => inner.ReadAsync(keys, cancellationToken));

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) =>
            StorageWrite.TimeAsync(() => inner.WriteAsync(changes, cancellationToken));

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) =>
            StorageDelete.TimeAsync(() => inner.DeleteAsync(keys, cancellationToken));
    }

    private sealed class TimedHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            ConnectorCall.TimeAsync(() => base.SendAsync(request, cancellationToken));
    }

    /// <summary>CPU clocks of Linux (clock_gettime): nanosecond resolution, unlike /proc's 10 ms ticks.</summary>
    private static class Cpu
    {
        private const int ProcessClock = 2; // CLOCK_PROCESS_CPUTIME_ID
        private const int ThreadClock = 3;  // CLOCK_THREAD_CPUTIME_ID

        public static long ProcessNanoseconds() => Read(ProcessClock);

        public static long ThreadNanoseconds() => Read(ThreadClock);

        private static long Read(int clock) => ClockGetTime(clock, out var time) == 0 ? (time.Seconds * 1_000_000_000L) + time.Nanoseconds : 0;

        [DllImport("libc", EntryPoint = "clock_gettime")]
        private static extern int ClockGetTime(int clock, out TimeSpec time);

        [StructLayout(LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }
    }
}
