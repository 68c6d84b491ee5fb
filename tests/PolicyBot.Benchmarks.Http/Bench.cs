using System.Diagnostics;
using System.Net;
using System.Text;
using System.Threading.Channels;

namespace PolicyBot.Benchmarks.Http;

/// <summary>
/// Drives the two bots in alternating blocks: PolicyBot plays staff dialogs for one block (its replies decide each
/// next activity), then the echo bot gets exactly the same activities, in the same order and concurrency. Alternating
/// in blocks keeps the two rows comparable on a machine whose load changes from minute to minute.
/// </summary>
internal sealed class Bench(BenchmarkConnector connector, HttpClient http, BenchOptions options, Stopwatch runClock)
{
    private readonly IReadOnlyList<string> _questions = StaffDialogs.LoadQuestions();

    /// <summary>True once the time limit or Ctrl-C stopped the run before all turns were played.</summary>
    public bool Incomplete { get; private set; }

    public int QuestionCount => _questions.Count;

    /// <summary>Plays <paramref name="turns"/> dialog turns over <paramref name="conversations"/> new conversations, both bots, block by block.</summary>
    /// <param name="afterBlock">Called after each block pair with the turns played so far.</param>
    public async Task PlayAsync(
        string phase, int turns, int conversations, BotRun app, BotRun baseline, Func<int, Task> afterBlock, CancellationToken cancellationToken)
    {
        var runId = Guid.NewGuid().ToString("N")[..6];
        var staff = Enumerable.Range(0, conversations)
            .Select(i => new StaffConversation(runId, $"{phase}{i}", i, _questions, connector.ServiceUrl))
            .ToArray();
        var queue = Channel.CreateUnbounded<StaffConversation>();
        foreach (var conversation in staff)
        {
            queue.Writer.TryWrite(conversation);
        }

        var played = 0;
        while (played < turns && !Incomplete)
        {
            var block = Math.Min(options.Block, turns - played);
            var script = await DialogBlockAsync(app, queue.Reader, queue.Writer, block, cancellationToken).ConfigureAwait(false);
            await ReplayBlockAsync(baseline, script, cancellationToken).ConfigureAwait(false);
            played += script.Count;
            await afterBlock(played).ConfigureAwait(false);
        }
    }

    /// <summary>PolicyBot's block: each conversation's next activity depends on the card it got back.</summary>
    private async Task<List<Scripted>> DialogBlockAsync(
        BotRun bot, ChannelReader<StaffConversation> ready, ChannelWriter<StaffConversation> done, int turns, CancellationToken cancellationToken)
    {
        var script = new Scripted?[turns];
        var issued = 0;
        var cpu = bot.Process.CpuTime();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var slot = Interlocked.Increment(ref issued) - 1;
                if (slot >= turns)
                {
                    return;
                }

                if (OutOfTime(cancellationToken))
                {
                    return;
                }

                var conversation = await ready.ReadAsync(cancellationToken).ConfigureAwait(false);
                var (id, body, isClick) = conversation.Next();
                script[slot] = new Scripted(id, conversation.Id, body, isClick);
                var replies = await TurnAsync(bot, id, conversation.Id, body, isClick, cancellationToken).ConfigureAwait(false);
                conversation.Apply(replies ?? new TurnReplies());
                done.TryWrite(conversation);
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        bot.Stats.AddBlock(clock.Elapsed, bot.Process.CpuTime() - cpu);
        return script.OfType<Scripted>().ToList();
    }

    /// <summary>The echo bot's block: the same activities PolicyBot just got, in the same order and concurrency.</summary>
    private async Task ReplayBlockAsync(BotRun bot, List<Scripted> script, CancellationToken cancellationToken)
    {
        var next = -1;
        var cpu = bot.Process.CpuTime();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
        {
            int slot;
            while ((slot = Interlocked.Increment(ref next)) < script.Count && !OutOfTime(cancellationToken))
            {
                var turn = script[slot];
                await TurnAsync(bot, turn.ActivityId, turn.ConversationId, turn.Body, turn.IsClick, cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        bot.Stats.AddBlock(clock.Elapsed, bot.Process.CpuTime() - cpu);
    }

    /// <summary>One turn: POST the activity, time it, then read what the bot sent back (outside the timed part).</summary>
    private async Task<TurnReplies?> TurnAsync(BotRun bot, string activityId, string conversationId, string body, bool isClick, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        HttpStatusCode status;
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(bot.Process.MessagesUrl, content, cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            connector.Take(activityId, conversationId);
            bot.Stats.AddFailure(isClick, status: null, ex.GetType().Name);
            return null;
        }

        var elapsed = Stopwatch.GetTimestamp() - start;
        var captured = connector.Take(activityId, conversationId);
        if ((int)status is < 200 or > 299)
        {
            bot.Stats.AddFailure(isClick, (int)status, null);
            return null;
        }

        var replies = StaffDialogs.Read(captured);
        bot.Stats.AddTurn(isClick, elapsed, replies, bot.IsEcho);
        return replies;
    }

    private bool OutOfTime(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested || runClock.Elapsed.TotalSeconds >= options.MaxSeconds)
        {
            Incomplete = true;
        }

        return Incomplete;
    }

    private sealed record Scripted(string ActivityId, string ConversationId, string Body, bool IsClick);
}

/// <summary>A bot under test: its process and what was measured of it.</summary>
internal sealed record BotRun(string Name, BotProcess Process, bool IsEcho)
{
    public TurnStats Stats { get; set; } = new();
}

/// <summary>Counts, latencies and busy time of one bot in one phase (warm-up or measured).</summary>
internal sealed class TurnStats
{
    private readonly object _gate = new();
    private readonly List<long> _typed = [];
    private readonly List<long> _clicks = [];

    public int Typed { get; private set; }

    public int Clicks { get; private set; }

    public long Replies { get; private set; }

    public int QuestionCards { get; private set; }

    public int Confirmations { get; private set; }

    public int Verdicts { get; private set; }

    public int OtherCards { get; private set; }

    /// <summary>Turns that failed (any of the kinds below).</summary>
    public int Errors { get; private set; }

    public SortedDictionary<string, int> ErrorKinds { get; } = new(StringComparer.Ordinal);

    public TimeSpan Busy { get; private set; }

    public TimeSpan Cpu { get; private set; }

    public int Turns => Typed + Clicks;

    public double TurnsPerSecond => Turns / Busy.TotalSeconds;

    public double CpuMsPerTurn => Cpu.TotalMilliseconds / Turns;

    public void AddBlock(TimeSpan busy, TimeSpan cpu)
    {
        lock (_gate)
        {
            Busy += busy;
            Cpu += cpu;
        }
    }

    public void AddFailure(bool isClick, int? status, string? exception)
    {
        lock (_gate)
        {
            Count(isClick);
            Error(status is { } s ? $"HTTP {s}" : $"no response ({exception})");
        }
    }

    public void AddTurn(bool isClick, long elapsedTicks, TurnReplies replies, bool isEcho)
    {
        lock (_gate)
        {
            Count(isClick);
            (isClick ? _clicks : _typed).Add(elapsedTicks);
            Replies += replies.Count;
            QuestionCards += replies.QuestionCards;
            Confirmations += replies.Confirmations;
            Verdicts += replies.Verdicts;
            OtherCards += replies.OtherCards;
            if (replies.TurnErrors > 0)
            {
                Error("\"Sorry, something went wrong\" reply");
            }
            else if (replies.Count == 0)
            {
                Error("no reply");
            }
            else if (!isEcho && replies.ErrorCards > 0)
            {
                Error("error card");
            }
            else if (!isEcho && replies.Stale > 0)
            {
                Error("stale-card notice");
            }
            else if (!isEcho && replies.QuestionCards + replies.Confirmations + replies.Verdicts + replies.OtherCards == 0)
            {
                Error("no card");
            }
        }
    }

    /// <summary>Latency percentile in ms over the turns of <paramref name="kind"/> (null: all) that got a 2xx.</summary>
    public double Percentile(double p, bool? kind = null)
    {
        long[] all;
        lock (_gate)
        {
            all = kind switch
            {
                true => [.. _clicks],
                false => [.. _typed],
                null => [.. _typed, .. _clicks],
            };
        }

        if (all.Length == 0)
        {
            return double.NaN;
        }

        Array.Sort(all);
        var index = Math.Clamp((int)Math.Ceiling(p * all.Length) - 1, 0, all.Length - 1);
        return all[index] * 1000.0 / Stopwatch.Frequency;
    }

    private void Count(bool isClick)
    {
        if (isClick)
        {
            Clicks++;
        }
        else
        {
            Typed++;
        }
    }

    private void Error(string kind)
    {
        Errors++;
        ErrorKinds[kind] = ErrorKinds.GetValueOrDefault(kind) + 1;
    }
}
