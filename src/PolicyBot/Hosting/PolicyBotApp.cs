using PolicyBot.Feedback;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using PolicyBot.Campaigns;
using PolicyBot.Conversation;
using PolicyBot.Reachability;
using PolicyBot.Roles;
using PolicyBot.Delivery;
using PolicyBot.Privacy;
using PolicyBot.Requests;
using PolicyBot.Rules.Model;
using PolicyBot.Storage;
using PolicyBot.Turns;

namespace PolicyBot.Hosting;

/// <summary>
/// Builds the PolicyBot web app: <c>POST /api/messages</c> (Bot Framework activities), <c>GET /healthz</c> and
/// <c>GET /downloads/{token}</c> (administrator downloads), with the delivery engine running in the background.
/// <c>Program.cs</c>, the tests and the benchmarks all start the app through here, so they run the same app:
/// <code>
/// var builder = PolicyBotApp.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
/// builder.Services.AddTransient&lt;IBot, MyBot&gt;();   // optional: the last IBot registration wins
/// var app = PolicyBotApp.Build(builder);
/// await app.StartAsync();
/// </code>
/// </summary>
public static class PolicyBotApp
{
    /// <summary>Where the bot listens when no URL is configured (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, Kestrel endpoints).</summary>
    public const string DefaultUrl = "http://localhost:3978";

    /// <summary>Path of the Bot Framework messaging endpoint.</summary>
    public const string MessagesPath = "/api/messages";

    /// <summary>Path of the health probe: 200 with <c>{"status":"ok"}</c>.</summary>
    public const string HealthPath = "/healthz";

    /// <summary>Largest accepted activity body in bytes (256 KiB); larger requests get 413. Teams messages are far smaller.</summary>
    public const long MaxActivityBodyBytes = 256 * 1024;

    /// <summary>What the user sees when a turn fails.</summary>
    public const string TurnErrorMessage = "Sorry, something went wrong on my side — please try again.";

    /// <summary>
    /// Creates the builder with every service registered: settings, SQLite storage, bot states, Bot Framework
    /// authentication, the adapter and the bot. Callers may add configuration or replace services before
    /// <see cref="Build"/>.
    /// </summary>
    /// <param name="args">Command-line arguments (e.g. <c>--urls http://127.0.0.1:0 --DataFolder /tmp/x</c>).</param>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (!HasConfiguredUrls(builder.Configuration))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.AddProblemDetails();
        builder.Services.AddHttpClient();

        var services = builder.Services;
        services.AddSingleton(sp => BotRuntimeSettings.From(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath));

        // Durable state: one SQLite file under DataFolder. Tests may replace IStorage; the states follow it.
        services.AddSingleton(sp => SqliteStorage.OpenInFolder(sp.GetRequiredService<BotRuntimeSettings>().DataFolder, sp.GetService<TimeProvider>()));
        services.AddSingleton<IStorage>(sp => sp.GetRequiredService<SqliteStorage>());
        services.AddSingleton(sp => new ConversationState(sp.GetRequiredService<IStorage>()));
        services.AddSingleton(sp => new UserState(sp.GetRequiredService<IStorage>()));

        // Per user within a conversation: a group chat or channel holds one situation per person.
        services.AddSingleton(sp => new PrivateConversationState(sp.GetRequiredService<IStorage>()));

        services.AddSingleton<BotFrameworkAuthentication>(sp =>
        {
            _ = sp.GetRequiredService<BotRuntimeSettings>(); // validates the credential keys first, with clear messages
            return new SharedContractsAuthentication(new ConfigurationBotFrameworkAuthentication(
                sp.GetRequiredService<IConfiguration>(),
                httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
                logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>()));
        });

        // CloudAdapter has several public constructors; a factory picks the one taking BotFrameworkAuthentication.
        services.AddSingleton(sp => CreateAdapter(sp));
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<CloudAdapter>());
        services.AddSingleton<BotAdapter>(sp => sp.GetRequiredService<CloudAdapter>());

        services.AddReachability();        // who can be reached, roles, the reply path's guards
        services.AddPolicyConversation(); // the policy, the reader, the conversation and its IBot
        services.AddVerdictFeedback();    // "Helpful" / "Not right" on verdict cards, and the deciders' list
        services.AddPolicyDelivery();     // outbox, pacing, retries, durable timer, downloads and their background service
        services.AddPolicyCampaigns();    // policy reminders: compose, send or schedule, acknowledgements, scenario check, reports
        services.AddPrivacy();            // "my data", "forget me", the stores of personal data, the daily retention job
        services.AddPolicyRequests();     // requests to the administration, their channel cards and the approved accounts registry
        return builder;
    }

    /// <summary>
    /// Builds the app from <paramref name="builder"/>: opens the storage (creating the data folder and file),
    /// logs the authentication mode once, and maps the endpoints.
    /// </summary>
    /// <param name="builder">A builder from <see cref="CreateBuilder"/>.</param>
    /// <exception cref="InvalidOperationException">Invalid credential or reply budget settings (see <see cref="BotRuntimeSettings.From"/>).</exception>
    /// <exception cref="RoleSettingsException">The role settings are not in their format (see <see cref="RoleAssignments"/>).</exception>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();

        // Resolve now so bad settings or an unwritable data folder stop the start-up, not the first message.
        BotRuntimeSettings settings;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PolicyBot.Hosting");
        try
        {
            settings = app.Services.GetRequiredService<BotRuntimeSettings>();
            StartupReport.LogPolicy(app.Services, logger);   // first: what is served (the other files' warnings follow it)
            _ = app.Services.GetRequiredService<IStorage>();
            _ = app.Services.GetRequiredService<CloudAdapter>();
            _ = app.Services.GetRequiredService<Policy>();
            _ = app.Services.GetRequiredService<PolicyBot.Understanding.SituationReader>();
            _ = app.Services.GetRequiredService<RoleAssignments>();
            _ = app.Services.GetRequiredService<PolicyBot.Understanding.Safety.DangerDetector>();
            _ = app.Services.GetRequiredService<PolicyBot.Rules.Safety.SafetyGuidance>();
            _ = app.Services.GetRequiredService<DeliveryOptions>();
            _ = app.Services.GetRequiredService<DeliveryDatabase>();
            _ = app.Services.GetRequiredService<CampaignOptions>();
            _ = app.Services.GetRequiredService<SqliteCampaignStore>();
            _ = app.Services.GetRequiredService<CampaignService>();   // builds the scenario check's dialog tree now, not in a turn
            _ = app.Services.GetRequiredService<PrivacyOptions>();
            _ = app.Services.GetRequiredService<PolicyBot.Requests.RequestOptions>();
            _ = app.Services.GetRequiredService<PolicyBot.Requests.SqliteRequestStore>();
        }
        catch
        {
            ((IDisposable)app).Dispose();
            throw;
        }

        StartupReport.LogRest(app.Services, logger);
        if (settings.IsLocalMode)
        {
            logger.LogWarning(
                "Local mode: no {AppIdKey} is set, so incoming requests are NOT authenticated (developer machine or Agents Playground only).",
                SettingsKeys.MicrosoftAppId);
        }
        else
        {
            logger.LogInformation("Bot Framework authentication is on for app id {AppId} ({AppType}).", settings.AppId, settings.AppType ?? "MultiTenant");
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapPost(MessagesPath, ActivityEndpoint.HandleAsync);
        app.MapGet(HealthPath, () => Results.Json(new { status = "ok" }));
        DownloadEndpoint.Map(app);
        return app;
    }

    private static CloudAdapter CreateAdapter(IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILogger<CloudAdapter>>();
        var adapter = new CloudAdapter(services.GetRequiredService<BotFrameworkAuthentication>(), logger);

        // First, in this order: start the turn's clock; drop a redelivered activity before anything reads or writes
        // state; keep the recipient directory current (install, refresh, uninstall) before the bot answers.
        adapter.Use(new TurnBudgetMiddleware(services.GetRequiredService<BotRuntimeSettings>().ReplyTimeBudget, TimeProvider.System));
        adapter.Use(services.GetRequiredService<SeenActivityMiddleware>());
        adapter.Use(services.GetRequiredService<ReachabilityMiddleware>());

        // State is written only after the bot finished the turn without an exception: a failing turn leaves the
        // stored state as it was before the turn. Bots need not (but may) call SaveChangesAsync themselves.
        adapter.Use(new AutoSaveStateMiddleware(
            services.GetRequiredService<ConversationState>(),
            services.GetRequiredService<UserState>(),
            services.GetRequiredService<PrivateConversationState>()));

        var privacy = services.GetRequiredService<PolicyBot.Privacy.LogPrivacy>();
        adapter.OnTurnError = async (turnContext, exception) =>
        {
            var activity = turnContext.Activity;
            // The exception's message may quote what was typed: outside a troubleshooting window only its type and stack.
            logger.LogError(
                privacy.Exception(exception),
                "Turn failed for activity {ActivityId} ({ActivityType}) in conversation {ConversationId}.",
                activity?.Id, activity?.Type, activity?.Conversation?.Id);

            // Deliberately no state save or delete here: whatever the turn changed in memory is dropped.
            if (activity?.Type == ActivityTypes.Invoke)
            {
                // Without an invoke response the adapter answers 501 Not Implemented, which misleads. A card's
                // Action.Execute gets the error body Teams shows on the card; other invokes a plain 500.
                var response = activity.Name == "adaptiveCard/action"
                    ? new InvokeResponse
                    {
                        Status = StatusCodes.Status200OK,
                        Body = new AdaptiveCardInvokeResponse
                        {
                            StatusCode = StatusCodes.Status500InternalServerError,
                            Type = "application/vnd.microsoft.error",
                            Value = new Error("TurnFailed", TurnErrorMessage),
                        },
                    }
                    : new InvokeResponse { Status = StatusCodes.Status500InternalServerError };
                turnContext.TurnState[BotAdapter.InvokeResponseKey] = new Activity { Type = "invokeResponse", Value = response };
            }

            try
            {
                await turnContext.SendActivityAsync(TurnErrorMessage).ConfigureAwait(false);
            }
            catch (Exception sendFailure)
            {
                logger.LogError(privacy.Exception(sendFailure), "Could not tell the user about the failed turn for activity {ActivityId}.", activity?.Id);
            }
        };
        return adapter;
    }

    private static bool HasConfiguredUrls(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["urls"])
        || !string.IsNullOrEmpty(configuration["http_ports"])
        || !string.IsNullOrEmpty(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").Exists();
}
