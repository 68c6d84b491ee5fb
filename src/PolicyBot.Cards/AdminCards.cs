using System.Globalization;
using Newtonsoft.Json.Linq;

namespace PolicyBot.Cards;

/// <summary>
/// The cards of administrator features (<c>cards/roles.json</c>, <c>cards/test-message.json</c>): plain data in, a
/// bound Adaptive Card (schema 1.5) out, like <see cref="PolicyCards"/>. Thread-safe.
/// </summary>
public static class AdminCards
{
    /// <summary>One role a person holds (or "Staff member", which everyone is), in words.</summary>
    /// <param name="Name">The role's name, e.g. "Campaign author".</param>
    /// <param name="Allows">What it lets the person do, with the commands or where it happens.</param>
    public sealed record RoleLine(string Name, string Allows);

    /// <summary>"Your roles": what the person holds and may do, their Entra object id (to give their IT team), and how roles change.</summary>
    /// <param name="summary">One sentence, e.g. "You are a campaign author."</param>
    /// <param name="roles">The roles, each with what it allows; the first is usually what everyone may do.</param>
    /// <param name="objectId">The person's Entra object id, shown when not null (personal chat only: a channel is not the place).</param>
    /// <param name="howToChange">Who grants roles and how (small text).</param>
    /// <param name="canSendTestMessage">True to offer "Send a test message" (campaign authors, in personal chat).</param>
    /// <param name="botName">The bot's name.</param>
    public static JObject Roles(string summary, IReadOnlyList<RoleLine> roles, string? objectId, string howToChange, bool canSendTestMessage, string botName = PolicyCards.DefaultBotName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(summary);
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentException.ThrowIfNullOrWhiteSpace(howToChange);
        var data = new JObject
        {
            ["botName"] = botName,
            ["summary"] = summary,
            ["roles"] = new JArray(roles.Select(r => new JObject { ["name"] = r.Name, ["allows"] = r.Allows })),
            ["showObjectId"] = objectId is not null,
            ["objectId"] = objectId ?? "",
            ["howToChange"] = howToChange,
            ["canSendTestMessage"] = canSendTestMessage,
            ["testMessageData"] = CardActions.TestMessageData(),
            ["helpData"] = CardActions.HelpData(),
        };
        return CardTemplateBinder.Bind("roles.json", data);
    }

    /// <summary>What a "test message" command queued: the text, for how many people, and the send's id.</summary>
    /// <param name="text">The test message as recipients will read it.</param>
    /// <param name="queued">How many messages were queued (one per reachable person; 0 when nobody is reachable).</param>
    /// <param name="messageId">The send's id (<c>test:{guid}</c>), the key its per-recipient status will be found by.</param>
    public static JObject TestMessageQueued(string text, int queued, string messageId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentOutOfRangeException.ThrowIfNegative(queued);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        var people = queued == 1 ? "1 person" : queued.ToString("N0", CultureInfo.InvariantCulture) + " people";

        var data = new JObject
        {
            ["headline"] = queued == 0
                ? "Nobody can be reached yet, so nothing was queued. People become reachable when PolicyBot is installed for them (see the README: an app setup policy installs it for all staff)."
                : $"Queued a test message for {people}: everyone who has PolicyBot installed and can be reached.",
            ["text"] = text,
            ["queuedLine"] = people,
            ["messageId"] = messageId,
            ["note"] = "Messages are sent in the background at the pace Teams allows, so a large district takes a while.",
            ["hasStatus"] = queued > 0,
            ["statusData"] = CardActions.TestStatusData(messageId),
        };
        return CardTemplateBinder.Bind("test-message.json", data);
    }

    /// <summary>
    /// A send's delivery status: totals per status (queued, sending, sent, failed, unreachable, dead-lettered), the sends
    /// it took and times Teams throttled them, then each person with their status and, when not sent, the reason.
    /// </summary>
    /// <param name="messageId">The send id.</param>
    /// <param name="totals">(status in words, count) in a fixed order; zero counts are left out by the caller or shown.</param>
    /// <param name="attempts">Sends made, retries included.</param>
    /// <param name="throttled">Times Teams answered 429.</param>
    /// <param name="people">(name, status in words, reason or null) per person, at most <paramref name="shownLimit"/> shown.</param>
    /// <param name="shownLimit">How many people the card lists (the rest are counted).</param>
    public static JObject TestMessageStatus(string messageId, IReadOnlyList<(string Status, int Count)> totals, long attempts, long throttled,
        IReadOnlyList<(string Name, string Status, string? Reason)> people, int shownLimit = 40)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(people);
        var total = totals.Sum(t => t.Count);
        var shown = people.Take(shownLimit).ToList();
        var data = new JObject
        {
            ["headline"] = total == 0 ? "No delivery is known for this send." : $"Delivery of the test message to {total.ToString("N0", CultureInfo.InvariantCulture)} {(total == 1 ? "person" : "people")}.",
            ["messageId"] = messageId,
            ["totals"] = new JArray(totals.Select(t => new JObject { ["title"] = t.Status, ["value"] = t.Count.ToString("N0", CultureInfo.InvariantCulture) })),
            ["sendsLine"] = $"{attempts.ToString("N0", CultureInfo.InvariantCulture)} sends, {throttled.ToString("N0", CultureInfo.InvariantCulture)} throttled by Teams (429) and retried",
            ["hasPeople"] = shown.Count > 0,
            ["people"] = new JArray(shown.Select(p => new JObject { ["title"] = p.Name, ["value"] = p.Reason is null ? p.Status : $"{p.Status}: {p.Reason}" })),
            ["moreLine"] = people.Count > shown.Count ? $"… and {(people.Count - shown.Count).ToString("N0", CultureInfo.InvariantCulture)} more." : "",
            ["hasMore"] = people.Count > shown.Count,
            ["statusData"] = CardActions.TestStatusData(messageId),
        };
        return CardTemplateBinder.Bind("test-status.json", data);
    }
}
