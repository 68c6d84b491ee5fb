using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PolicyBot.Hosting;
using Xunit.Abstractions;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>How a <see cref="BotHost"/> starts the app.</summary>
public sealed class BotHostOptions
{
    /// <summary>
    /// Configuration overrides (keys from <see cref="SettingsKeys"/>). Applied last, so they win over appsettings
    /// and environment variables. By default the credential keys are empty (local mode).
    /// </summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Runs after <see cref="PolicyBotApp.CreateBuilder"/> registered everything: add or replace services here.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>Data folder to use. Null: a fresh temp folder, deleted when the host is disposed.</summary>
    public string? DataFolder { get; set; }

    /// <summary>
    /// True: every log entry of every category is captured, down to Trace (ASP.NET Core, HttpClient and Bot Framework
    /// included), whatever appsettings.json says. False (default): Information and up, ASP.NET Core and HttpClient from Warning.
    /// </summary>
    public bool CaptureAllLogs { get; set; }

    /// <summary>When set, the app's log lines are written to the test output as well.</summary>
    public ITestOutputHelper? Output { get; set; }

    /// <summary>Replaces the app's IBot with <typeparamref name="TBot"/> (transient, built by DI).</summary>
    public BotHostOptions UseBot<TBot>()
        where TBot : class, IBot
    {
        var previous = ConfigureServices;
        ConfigureServices = services =>
        {
            previous?.Invoke(services);
            services.RemoveAll<IBot>();
            services.AddTransient<IBot, TBot>();
        };
        return this;
    }

    /// <summary>Replaces the app's <see cref="TimeProvider"/> with <paramref name="clock"/> (a fake or a school-day clock).</summary>
    public BotHostOptions UseClock(TimeProvider clock)
    {
        var previous = ConfigureServices;
        ConfigureServices = services =>
        {
            previous?.Invoke(services);
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(clock);
        };
        return this;
    }
}

/// <summary>
/// The real PolicyBot app (<see cref="PolicyBotApp"/>) on a random loopback port with its own data folder.
/// Restartable on the same data folder (<see cref="RestartAsync"/>), to test that state survives a restart.
/// <code>
/// await using var connector = await FakeBotConnector.StartAsync();
/// await using var host = await BotHost.StartAsync(new BotHostOptions().UseBot&lt;MyBot&gt;());
/// var teams = new TeamsChatClient(host, connector);
/// var turn = await teams.SayAsync(TeamsConversation.Personal(), TeamsUser.Create("Ada"), "help");
/// </code>
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    // One client for all hosts: cheap, and no socket exhaustion when many tests start hosts.
    private static readonly HttpClient SharedHttp = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    private readonly BotHostOptions _options;
    private readonly bool _ownsDataFolder;
    private readonly CapturingLoggerProvider _logs;
    private WebApplication? _app;

    private BotHost(BotHostOptions options, string dataFolder, bool ownsDataFolder)
    {
        _options = options;
        DataFolder = dataFolder;
        _ownsDataFolder = ownsDataFolder;
        _logs = new CapturingLoggerProvider(options.Output);
    }

    /// <summary>Base address of the running app, e.g. <c>http://127.0.0.1:41234/</c>. Changes on restart.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The messaging endpoint, <c>{BaseAddress}api/messages</c>.</summary>
    public Uri MessagesUri => new(BaseAddress, PolicyBotApp.MessagesPath.TrimStart('/'));

    /// <summary>Absolute path of the data folder (kept across restarts).</summary>
    public string DataFolder { get; }

    /// <summary>The running app's services (e.g. IStorage, ConversationState). Changes on restart.</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The host is not running.");

    /// <summary>Every log entry the app wrote, across restarts, oldest first.</summary>
    public IReadOnlyList<CapturedLog> Logs => _logs.Entries;

    /// <summary>An HTTP client for calls to <see cref="BaseAddress"/> (no base address set: it changes on restart).</summary>
    public static HttpClient Http => SharedHttp;

    /// <summary>Starts the app and waits until it listens.</summary>
    /// <param name="options">Settings, services and data folder; null for defaults (placeholder bot, local mode).</param>
    public static async Task<BotHost> StartAsync(BotHostOptions? options = null)
    {
        options ??= new BotHostOptions();
        var owns = options.DataFolder is null;
        var folder = Path.GetFullPath(options.DataFolder ?? Path.Combine(Path.GetTempPath(), "policybot-tests", Guid.NewGuid().ToString("N")));
        var host = new BotHost(options, folder, owns);
        try
        {
            await host.StartAppAsync().ConfigureAwait(false);
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return host;
    }

    /// <summary>Stops the app (releasing the SQLite file) and starts a new instance on the same data folder.</summary>
    public async Task RestartAsync()
    {
        await StopAppAsync().ConfigureAwait(false);
        await StartAppAsync().ConfigureAwait(false);
    }

    /// <summary>Absolute URI of <paramref name="path"/> on the running app.</summary>
    public Uri Url(string path) => new(BaseAddress, path.TrimStart('/'));

    /// <summary>Posts raw <paramref name="json"/> to <c>/api/messages</c> (for malformed-input tests).</summary>
    /// <param name="json">The body, sent as-is with content type application/json.</param>
    /// <param name="authorization">Optional Authorization header value.</param>
    public Task<HttpResponseMessage> PostMessagesAsync(string json, string? authorization = null)
        => PostMessagesAsync(new StringContent(json, Encoding.UTF8, "application/json"), authorization);

    /// <summary>Posts <paramref name="content"/> to <c>/api/messages</c>.</summary>
    public Task<HttpResponseMessage> PostMessagesAsync(HttpContent content, string? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, MessagesUri) { Content = content };
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        return Http.SendAsync(request);
    }

    /// <summary>Stops the app and deletes the data folder if the host created it.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAppAsync().ConfigureAwait(false);
        if (_ownsDataFolder && Directory.Exists(DataFolder))
        {
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp folder left behind must not fail a test.
            }
        }
    }

    private async Task StartAppAsync()
    {
        var builder = PolicyBotApp.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [SettingsKeys.MicrosoftAppType] = "",
            [SettingsKeys.MicrosoftAppId] = "",
            [SettingsKeys.MicrosoftAppPassword] = "",
            [SettingsKeys.MicrosoftAppTenantId] = "",
            [SettingsKeys.DataFolder] = DataFolder,
        };
        foreach (var (key, value) in _options.Settings)
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        if (_options.CaptureAllLogs)
        {
            // A rule for this provider wins over the category rules of appsettings.json.
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.Logging.AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace);
        }
        else
        {
            builder.Logging.SetMinimumLevel(LogLevel.Information);
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        }
        builder.Logging.AddProvider(_logs);
        _options.ConfigureServices?.Invoke(builder.Services);

        var app = PolicyBotApp.Build(builder);
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _app = app;
        BaseAddress = new Uri(app.Urls.Single().TrimEnd('/') + "/");
    }

    private async Task StopAppAsync()
    {
        var app = _app;
        _app = null;
        if (app is null)
        {
            return;
        }

        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
