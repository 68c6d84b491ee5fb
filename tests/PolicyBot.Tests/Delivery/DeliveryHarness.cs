using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyBot.Delivery;
using PolicyBot.Hosting;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.TestSupport.Delivery;
using Xunit.Abstractions;

namespace PolicyBot.Tests.Delivery;

/// <summary>
/// A recipient directory for tests: every <c>user:…</c> key is a person in a 1:1 chat on the fake connector (conversation
/// from <see cref="TestRecipients.ConversationId"/>, or one set with <see cref="Place"/>); other keys are unknown.
/// Records <see cref="MarkUnreachableAsync"/> calls.
/// </summary>
public sealed class TestDirectory(Uri serviceUrl) : IRecipientDirectory
{
    private readonly ConcurrentDictionary<string, string> _conversations = new(StringComparer.Ordinal);

    /// <summary>Recipients marked unreachable, with the reason.</summary>
    public ConcurrentDictionary<string, string> Unreachable { get; } = new(StringComparer.Ordinal);

    /// <summary>Puts <paramref name="key"/> in <paramref name="conversationId"/> (several keys may share one).</summary>
    public void Place(string key, string conversationId) => _conversations[key] = conversationId;

    /// <summary>The conversation <paramref name="key"/>'s sends go to.</summary>
    public string ConversationOf(string key) => _conversations.GetValueOrDefault(key) ?? TestRecipients.ConversationId(key);

    /// <inheritdoc />
    public Task<StoredRecipient?> FindAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(key.StartsWith("user:", StringComparison.Ordinal)
            ? new StoredRecipient(key, "personal", TestRecipients.TenantId, key.Split(':')[^1], null,
                TestRecipients.ReferenceJson(key, serviceUrl, ConversationOf(key)), Unreachable.GetValueOrDefault(key))
            : null);

    /// <inheritdoc />
    public Task MarkUnreachableAsync(string key, string reason, CancellationToken cancellationToken)
    {
        Unreachable[key] = reason;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredRecipient>> ListReachablePeopleAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredRecipient>>([]);
}

/// <summary>
/// The real app (<see cref="BotHost"/>) with the delivery engine draining into a <see cref="ThrottlingConnector"/>, with
/// settings for fast tests: a high per-app limit (1000/s, the fake enforcing the same) and short back-offs.
/// </summary>
public sealed class DeliveryHarness : IAsyncDisposable
{
    private DeliveryHarness(ThrottlingConnector connector, BotHost host, TestDirectory directory)
    {
        Connector = connector;
        Host = host;
        Directory = directory;
    }

    /// <summary>The fake Bot Connector.</summary>
    public ThrottlingConnector Connector { get; }

    /// <summary>The app.</summary>
    public BotHost Host { get; }

    /// <summary>The recipient directory the app uses.</summary>
    public TestDirectory Directory { get; }

    /// <summary>The app's outbox.</summary>
    public IOutbox Outbox => Host.Services.GetRequiredService<IOutbox>();

    /// <summary>The app's outbox status.</summary>
    public IOutboxStatus Status => Host.Services.GetRequiredService<IOutboxStatus>();

    /// <summary>Starts the connector and the app. <paramref name="settings"/> override the fast defaults.</summary>
    public static async Task<DeliveryHarness> StartAsync(
        ITestOutputHelper? output = null, Dictionary<string, string>? settings = null, ThrottlingConnectorOptions? connectorOptions = null)
    {
        var all = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [SettingsKeys.DeliveryAppLimits] = "1000/1s",
            [SettingsKeys.DeliveryRetryBaseDelaySeconds] = "0.02",
            [SettingsKeys.DeliveryRetryMaxDelaySeconds] = "0.2",
            // Generous: on a loaded machine a send can take seconds, and a send that times out is retried, which repeats
            // it if the fake had accepted it (as Teams would).
            [SettingsKeys.DeliverySendTimeoutSeconds] = "10",
            [SettingsKeys.DeliveryClaimLeaseSeconds] = "15",
            [SettingsKeys.DeliveryPollSeconds] = "0.1",
            [SettingsKeys.DeliveryMaxAttempts] = "4",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var options = connectorOptions ?? new ThrottlingConnectorOptions
        {
            AppLimits = RateWindow.ParseList(all[SettingsKeys.DeliveryAppLimits], "app").Select(w => (w.Limit, w.Window)).ToList(),
        };
        var connector = await ThrottlingConnector.StartAsync(options);
        var directory = new TestDirectory(connector.ServiceUrl);
        var hostOptions = new BotHostOptions
        {
            Output = output,
            ConfigureServices = services =>
            {
                services.RemoveAll<IRecipientDirectory>();
                services.AddSingleton<IRecipientDirectory>(directory);
            },
        };
        foreach (var (key, value) in all)
        {
            hostOptions.Settings[key] = value;
        }

        try
        {
            return new DeliveryHarness(connector, await BotHost.StartAsync(hostOptions), directory);
        }
        catch
        {
            await connector.DisposeAsync();
            throw;
        }
    }

    /// <summary>Queues <paramref name="text"/> as message <paramref name="messageId"/> for each key; returns how many were new.</summary>
    public Task<int> EnqueueAsync(string messageId, IEnumerable<string> keys, string text = "Reminder: read the policy.") =>
        Outbox.EnqueueAsync(keys.Select(k => new OutboundMessage(messageId, k, TestRecipients.MessageJson(text))), CancellationToken.None);

    /// <summary>Waits until no row of <paramref name="messageId"/> is queued or sending and it has <paramref name="expected"/> rows.</summary>
    public async Task<MessageDeliveryTotals> WaitFinishedAsync(string messageId, int expected, TimeSpan? timeout = null)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var totals = await Status.GetTotalsAsync(messageId, CancellationToken.None);
            if (totals.IsFinished && totals.Total == expected)
            {
                return totals;
            }

            if (stopwatch.Elapsed > (timeout ?? TimeSpan.FromSeconds(60)))
            {
                throw new TimeoutException($"{messageId} not finished: {totals}; connector: {Connector.Describe()}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Stops the app and the connector.</summary>
    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
