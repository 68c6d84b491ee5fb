using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyBot.Delivery;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>
/// A placeholder <see cref="IOutbox"/> for tests until the delivery engine lands: it keeps what was queued, once per
/// (message id, recipient key) as the contract says, and sends nothing.
/// </summary>
public sealed class RecordingOutbox : IOutbox
{
    private readonly ConcurrentDictionary<(string MessageId, string RecipientKey), OutboundMessage> _messages = new();
    private long _order;
    private readonly ConcurrentDictionary<(string, string), long> _sequence = new();

    /// <summary>Everything queued so far, in the order it was queued.</summary>
    public IReadOnlyList<OutboundMessage> Messages =>
        _messages.OrderBy(m => _sequence[m.Key]).Select(m => m.Value).ToList();

    /// <inheritdoc />
    public Task<int> EnqueueAsync(IEnumerable<OutboundMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var added = 0;
        foreach (var message in messages)
        {
            var key = (message.MessageId, message.RecipientKey);
            if (_messages.TryAdd(key, message))
            {
                _sequence[key] = Interlocked.Increment(ref _order);
                added++;
            }
        }

        return Task.FromResult(added);
    }
}

/// <summary>Registering the placeholder outbox in a <see cref="BotHost"/>.</summary>
public static class RecordingOutboxExtensions
{
    /// <summary>Registers <paramref name="outbox"/> as the app's <see cref="IOutbox"/>.</summary>
    public static BotHostOptions UseOutbox(this BotHostOptions options, RecordingOutbox outbox)
    {
        ArgumentNullException.ThrowIfNull(options);
        var previous = options.ConfigureServices;
        options.ConfigureServices = services =>
        {
            previous?.Invoke(services);
            services.RemoveAll<IOutbox>();
            services.AddSingleton<IOutbox>(outbox);
        };
        return options;
    }
}
