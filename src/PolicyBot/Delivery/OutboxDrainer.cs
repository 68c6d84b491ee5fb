using System.Collections.Concurrent;
using System.Threading.Channels;
using Newtonsoft.Json.Linq;
using Polly;

namespace PolicyBot.Delivery;

/// <summary>
/// Drains the <see cref="SqliteOutbox"/>: a reader finds claimable rows (queued, or claimed by a process that died and
/// whose claim lapsed) in queue order and hands them to <see cref="DeliveryOptions.Concurrency"/> workers. A worker claims
/// its row (one attempt counted, before anything is sent, so a crash can only repeat a send that was in flight), waits for
/// the <see cref="DeliveryPacer"/>, sends through <see cref="IProactiveSender"/> under <see cref="SendRetryPipeline"/>, and
/// records the final status. Unreachable recipients are marked in the <see cref="IRecipientDirectory"/> too.
/// Run by <see cref="DeliveryService"/>.
/// </summary>
public sealed class OutboxDrainer(
    SqliteOutbox outbox,
    IRecipientDirectory directory,
    IProactiveSender sender,
    DeliveryPacer pacer,
    SendRetryPipeline pipeline,
    DeliveryOptions options,
    ILogger<OutboxDrainer> logger)
{
    private readonly ConcurrentDictionary<long, byte> _inMemory = new();
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Wakes the reader at once (called when rows were queued in this process).</summary>
    public void Wake()
    {
        try
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }

    /// <summary>
    /// Drains until <paramref name="stoppingToken"/> is cancelled. Then no new send starts; rows waiting for a permit are
    /// given back; sends in flight finish (within their timeout) and are recorded.
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var channel = Channel.CreateBounded<OutboxRow>(new BoundedChannelOptions(options.Concurrency)
        {
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var workers = Enumerable.Range(0, options.Concurrency)
            .Select(_ => Task.Run(() => WorkAsync(channel.Reader, stoppingToken), CancellationToken.None))
            .ToArray();
        try
        {
            await ReadAsync(channel.Writer, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            channel.Writer.TryComplete();
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
    }

    private async Task ReadAsync(ChannelWriter<OutboxRow> writer, CancellationToken stoppingToken)
    {
        var batch = Math.Max(64, options.Concurrency * 2);
        long after = 0;
        var handedOutThisPass = 0;
        var passStarted = Environment.TickCount64;
        while (!stoppingToken.IsCancellationRequested)
        {
            // A long queue is read in passes by id; start again from the top now and then, so rows whose claim lapsed
            // (a crashed process's sends) go out within a poll interval, not after the whole queue.
            if (after > 0 && Environment.TickCount64 - passStarted > options.PollInterval.TotalMilliseconds)
            {
                after = 0;
                handedOutThisPass = 0;
                passStarted = Environment.TickCount64;
            }

            IReadOnlyList<OutboxRow> rows;
            try
            {
                // Urgent rows (replies that missed their turn) first, whatever the pass has reached; they are few.
                foreach (var row in await outbox.ReadClaimableAsync(0, batch, urgentOnly: true, stoppingToken).ConfigureAwait(false))
                {
                    if (_inMemory.TryAdd(row.Id, 0))
                    {
                        handedOutThisPass++;
                        await writer.WriteAsync(row, stoppingToken).ConfigureAwait(false);
                    }
                }

                rows = await outbox.ReadClaimableAsync(after, batch, urgentOnly: false, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not read the outbox; trying again in {Poll}.", options.PollInterval);
                await WaitForWorkAsync(stoppingToken).ConfigureAwait(false);
                continue;
            }

            if (rows.Count == 0)
            {
                // End of a pass. Start again from the top, but wait first if the pass gave nothing new
                // (everything claimable is already in memory), so the store is not read in a loop.
                if (handedOutThisPass == 0)
                {
                    await WaitForWorkAsync(stoppingToken).ConfigureAwait(false);
                }

                after = 0;
                handedOutThisPass = 0;
                passStarted = Environment.TickCount64;
                continue;
            }

            foreach (var row in rows)
            {
                after = row.Id;
                if (_inMemory.TryAdd(row.Id, 0))
                {
                    handedOutThisPass++;
                    await writer.WriteAsync(row, stoppingToken).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task WaitForWorkAsync(CancellationToken stoppingToken) =>
        await _wake.WaitAsync(options.PollInterval, stoppingToken).ConfigureAwait(false);

    private async Task WorkAsync(ChannelReader<OutboxRow> reader, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var row in reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await DeliverAsync(row, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    // The row keeps its claim, which lapses; it is tried again then. Nothing else stops.
                    logger.LogError(e, "Delivering outbox row {RowId} ({MessageId} to {RecipientKey}) failed unexpectedly.", row.Id, row.MessageId, row.RecipientKey);
                }
                finally
                {
                    _inMemory.TryRemove(row.Id, out _);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverAsync(OutboxRow row, CancellationToken stoppingToken)
    {
        var recipient = await directory.FindAsync(row.RecipientKey, stoppingToken).ConfigureAwait(false);
        var token = Guid.NewGuid().ToString("N");
        var claimed = await outbox.ClaimAsync(row.Id, token, options.ClaimLease, stoppingToken).ConfigureAwait(false);
        if (claimed is not { } attempts)
        {
            return; // finished meanwhile, or another sender has it
        }

        // Database writes that record an outcome must happen even while the host stops.
        var none = CancellationToken.None;
        if (attempts > options.MaxAttempts)
        {
            // Only after crashes: every attempt was started and none was seen to finish.
            await outbox.CompleteAsync(row.Id, token, DeliveryStatus.DeadLettered, null,
                $"no attempts left ({options.MaxAttempts}) after the process stopped during sends", false, none).ConfigureAwait(false);
            return;
        }

        if (recipient is null)
        {
            await outbox.CompleteAsync(row.Id, token, DeliveryStatus.Failed, null, "unknown recipient", false, none).ConfigureAwait(false);
            return;
        }

        if (recipient.UnreachableReason is { } known)
        {
            await outbox.CompleteAsync(row.Id, token, DeliveryStatus.Unreachable, null, known, false, none).ConfigureAwait(false);
            return;
        }

        var (conversationId, tenantId) = Route(recipient);
        var sendStarted = false;
        Outcome<SendResult> outcome;
        try
        {
            outcome = await pipeline.ExecuteAsync(
                attempts - 1,
                async (_, cancellationToken) =>
                {
                    // Attempts after the first were counted (and the claim renewed) by the retry callback below.
                    using var slot = await pacer.WaitAsync(conversationId, tenantId, cancellationToken).ConfigureAwait(false);
                    if (slot.Waited > options.ClaimLease / 2)
                    {
                        await outbox.RenewAsync(row.Id, token, options.ClaimLease, false, false, null, none).ConfigureAwait(false);
                    }

                    // The slot is returned when the answer came (end of this block): the windows count from then. A send
                    // once started is not cancelled by the host stopping, only by its timeout: a graceful stop waits for
                    // it and records its result, so only a crash can leave a send unrecorded.
                    sendStarted = true;
                    return await pipeline.SendWithTimeoutAsync(
                        ct => new ValueTask<SendResult>(sender.SendAsync(recipient, row.ActivityJson, ct)), CancellationToken.None).ConfigureAwait(false);
                },
                async retry =>
                {
                    logger.LogInformation(
                        "Send of {MessageId} to {RecipientKey} failed ({Reason}, attempt {Attempt}); retrying in {Delay}.",
                        row.MessageId, row.RecipientKey, retry.Reason, attempts - 1 + retry.Attempt, retry.Delay);

                    // The next attempt is counted now: a crash during the delay or the send then still counts it.
                    await outbox.RenewAsync(row.Id, token, retry.Delay + options.ClaimLease, true, retry.Throttled, retry.Reason, none).ConfigureAwait(false);
                },
                stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            if (stoppingToken.IsCancellationRequested && !sendStarted)
            {
                await outbox.ReleaseAsync(row.Id, token, none).ConfigureAwait(false);
            }
        }

        if (outcome.Exception is OperationCanceledException && stoppingToken.IsCancellationRequested)
        {
            // Stopped during a send or a retry delay: the claim lapses and the row is tried again after the restart.
            return;
        }

        await FinishAsync(row, token, recipient, outcome).ConfigureAwait(false);
    }

    private async Task FinishAsync(OutboxRow row, string token, StoredRecipient recipient, Outcome<SendResult> outcome)
    {
        var none = CancellationToken.None;
        var throttled = outcome.Result?.Outcome == SendOutcome.Throttled;
        var (status, reason) = outcome switch
        {
            { Result.Outcome: SendOutcome.Sent } => (DeliveryStatus.Sent, (string?)null),
            { Result: { Outcome: SendOutcome.Unreachable } r } => (DeliveryStatus.Unreachable, r.Reason ?? "unreachable"),
            { Result: { Outcome: SendOutcome.Failed } r } => (DeliveryStatus.Failed, r.Reason ?? "failed"),
            { Result.Outcome: SendOutcome.Throttled or SendOutcome.Transient } or { Exception: not null } when IsRetryableEnd(outcome) =>
                (DeliveryStatus.DeadLettered, $"attempts used up ({options.MaxAttempts}); last: {SendRetryPipeline.Describe(outcome)}"),
            _ => (DeliveryStatus.Failed, SendRetryPipeline.Describe(outcome)),
        };

        // The directory first: if the process dies in between, the row is taken again and finds the recipient unreachable.
        if (status == DeliveryStatus.Unreachable)
        {
            await directory.MarkUnreachableAsync(recipient.Key, reason!, none).ConfigureAwait(false);
        }

        if (!await outbox.CompleteAsync(row.Id, token, status, outcome.Result?.ActivityId, reason, throttled, none).ConfigureAwait(false))
        {
            logger.LogWarning("Outbox row {RowId} ({MessageId} to {RecipientKey}) was taken over before its result ({Status}) was recorded.",
                row.Id, row.MessageId, row.RecipientKey, status);
        }

        if (status is DeliveryStatus.DeadLettered or DeliveryStatus.Failed)
        {
            logger.LogWarning("Outbox row {RowId} ({MessageId} to {RecipientKey}) is {Status}: {Reason}.", row.Id, row.MessageId, row.RecipientKey, status, reason);
        }
    }

    private static bool IsRetryableEnd(Outcome<SendResult> outcome) =>
        outcome.Result?.Outcome is SendOutcome.Throttled or SendOutcome.Transient
        || outcome.Exception is Polly.Timeout.TimeoutRejectedException or HttpRequestException or OperationCanceledException;

    /// <summary>The conversation id and tenant a recipient's sends count against (from its stored conversation reference).</summary>
    private static (string ConversationId, string TenantId) Route(StoredRecipient recipient)
    {
        string? conversationId = null, tenantId = recipient.TenantId;
        try
        {
            var reference = JObject.Parse(recipient.ConversationReferenceJson);
            conversationId = (string?)reference.SelectToken("conversation.id");
            tenantId ??= (string?)reference.SelectToken("conversation.tenantId");
        }
        catch (Newtonsoft.Json.JsonException)
        {
            // The sender reports the malformed reference as a failure; pace it under the recipient key meanwhile.
        }

        return (conversationId ?? recipient.Key, tenantId ?? "");
    }
}
