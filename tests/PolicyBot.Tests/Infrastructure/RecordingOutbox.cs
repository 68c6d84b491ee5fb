using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyBot.Delivery;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>
/// An <see cref="IOutbox"/> (and its urgent front) for tests of what is queued rather than what is delivered: it keeps
/// what was queued, once per (message id, recipient key) as the contract says, and sends nothing.
/// </summary>
public sealed class RecordingOutbox : IOutbox, IUrgentOutbox
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

    /// <summary>Urgent messages are recorded like the rest (the order of the queue is the engine's business).</summary>
    public Task<int> EnqueueUrgentAsync(IEnumerable<OutboundMessage> messages, CancellationToken cancellationToken) =>
        EnqueueAsync(messages, cancellationToken);
}

/// <summary>Registering the placeholder outbox in a <see cref="BotHost"/>.</summary>
public static class RecordingOutboxExtensions
{
    /// <summary>Registers <paramref name="outbox"/> as the app's <see cref="IOutbox"/> and <see cref="IUrgentOutbox"/>.</summary>
    public static BotHostOptions UseOutbox(this BotHostOptions options, RecordingOutbox outbox)
    {
        ArgumentNullException.ThrowIfNull(options);
        var previous = options.ConfigureServices;
        options.ConfigureServices = services =>
        {
            previous?.Invoke(services);
            services.RemoveAll<IOutbox>();
            services.RemoveAll<IUrgentOutbox>();
            services.AddSingleton<IOutbox>(outbox);
            services.AddSingleton<IUrgentOutbox>(outbox);
        };
        return options;
    }
}
