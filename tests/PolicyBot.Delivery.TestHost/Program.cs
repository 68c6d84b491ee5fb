using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolicyBot.Delivery;
using PolicyBot.Hosting;
using PolicyBot.TestSupport.Delivery;

// The delivery tests' and benchmark's host: the real app, built by PolicyBotApp exactly as src/PolicyBot/Program.cs
// builds it, plus an IRecipientDirectory whose recipients are synthetic (TestRecipients: the key gives the conversation)
// on the service URL in the setting TestRecipientsServiceUrl. Messages are queued by the driver, which writes the outbox
// in the same SQLite file (the durable path a restart relies on); this process drains it.
var builder = PolicyBotApp.CreateBuilder(args);
builder.Services.AddSingleton<IRecipientDirectory, SyntheticDirectory>();
var app = PolicyBotApp.Build(builder);
await app.RunAsync();

/// <summary>Every key is a reachable person on the configured service URL, unless a send marked it unreachable.</summary>
internal sealed class SyntheticDirectory(IConfiguration configuration, ILogger<SyntheticDirectory> logger) : IRecipientDirectory
{
    private readonly Uri _serviceUrl = new(configuration["TestRecipientsServiceUrl"]
        ?? throw new InvalidOperationException("Setting TestRecipientsServiceUrl (the fake connector's URL) is missing."));

    private readonly ConcurrentDictionary<string, string> _unreachable = new(StringComparer.Ordinal);

    public Task<StoredRecipient?> FindAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult<StoredRecipient?>(new StoredRecipient(
            key, "personal", TestRecipients.TenantId, key.Split(':')[^1], null, TestRecipients.ReferenceJson(key, _serviceUrl), _unreachable.GetValueOrDefault(key)));

    public Task MarkUnreachableAsync(string key, string reason, CancellationToken cancellationToken)
    {
        _unreachable[key] = reason;
        logger.LogInformation("Recipient {Key} marked unreachable: {Reason}.", key, reason);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoredRecipient>> ListReachablePeopleAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredRecipient>>([]);
}
