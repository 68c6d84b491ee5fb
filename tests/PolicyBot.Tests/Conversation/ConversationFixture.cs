using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using PolicyBot.Cards;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.TestSupport;

namespace PolicyBot.Tests.Conversation;

/// <summary>The real bot on loopback with a fake Teams connector, shared by a test class, on a <see cref="SchoolDayClock"/>.</summary>
public sealed class ConversationFixture : IAsyncLifetime
{
    public FakeBotConnector Connector { get; private set; } = null!;
    public BotHost Host { get; private set; } = null!;
    public TeamsChatClient Teams { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Connector = await FakeBotConnector.StartAsync();
        var options = new BotHostOptions();
        options.Settings["SchoolEmailDomains"] = "stevensville.k12.mt.us";
        // A school day whatever day the suite runs: the corpora's "today" and "this afternoon" are a school day's.
        options.UseClock(SchoolDayClock.Instance);
        Host = await BotHost.StartAsync(options);
        Teams = new TeamsChatClient(Host, Connector);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
    }
}

/// <summary>Reading what the bot sent: cards, their text, their buttons.</summary>
public static class Cards
{
    /// <summary>The Adaptive Card of an activity, or null.</summary>
    public static JObject? CardOf(Activity activity) =>
        activity.Attachments?.FirstOrDefault(a => a.ContentType == PolicyCards.ContentType)?.Content switch
        {
            JObject o => o,
            null => null,
            var other => JObject.FromObject(other),
        };

    /// <summary>Every text a card shows (TextBlock and TextRun text, FactSet titles and values), in order.</summary>
    public static string TextOf(JObject card) =>
        string.Join("\n", card.Descendants().OfType<JProperty>()
            .Where(p => p.Name is "text" or "title" or "value" && p.Value.Type == JTokenType.String && p.Parent?["type"]?.ToString() is not "Action.Submit")
            .Select(p => (string)p.Value!));

    /// <summary>Every Action.Submit of a card: its title and data.</summary>
    public static IReadOnlyList<(string Title, JObject Data)> SubmitsOf(JObject card) =>
        card.Descendants().OfType<JObject>()
            .Where(o => o["type"]?.ToString() == "Action.Submit" && o["data"] is JObject)
            .Select(o => (o["title"]?.ToString() ?? "", (JObject)o["data"]!))
            .ToList();

    /// <summary>The last card among a turn's replies.</summary>
    public static JObject LastCard(TurnResult turn) =>
        turn.Activities.Select(CardOf).LastOrDefault(c => c is not null)
        ?? throw new Xunit.Sdk.XunitException("The turn sent no card. Texts: " + string.Join(" | ", turn.Texts));

    /// <summary>The fact a question card asks ("fact" of its answer buttons), or null for another card.</summary>
    public static string? AskedFact(JObject card) =>
        SubmitsOf(card).Where(s => s.Data[CardActions.ActionField]?.ToString() == CardActions.Answer)
            .Select(s => s.Data[CardActions.FactField]?.ToString()).FirstOrDefault(f => f is not null);

    /// <summary>True for a confirmation card (what the bot understood, before a verdict that lets the person go ahead).</summary>
    public static bool IsConfirmation(JObject card) =>
        SubmitsOf(card).Any(s => s.Data[CardActions.ActionField]?.ToString() == CardActions.Confirm);

    /// <summary>The "Yes, that's right" data of a confirmation card.</summary>
    public static JObject ConfirmData(JObject card) =>
        SubmitsOf(card).Single(s => s.Data[CardActions.ActionField]?.ToString() == CardActions.Confirm).Data;

    /// <summary>What a confirmation card says the bot understood: each fact, value and its "Change" button's data.</summary>
    public static IReadOnlyList<(string Fact, string Value, JObject Change)> UnderstoodOf(JObject card) =>
        SubmitsOf(card).Where(s => s.Data[CardActions.ActionField]?.ToString() == CardActions.Change && s.Data[CardActions.FactField] is not null)
            .Select(s => (s.Data[CardActions.FactField]!.ToString(), s.Data[CardActions.ValueField]?.ToString() ?? "", s.Data)).ToList();

    /// <summary>The facts a confirmation card's "Change" buttons name (what it says it understood).</summary>
    public static IReadOnlyList<string> ConfirmedFacts(JObject card) =>
        SubmitsOf(card).Where(s => s.Data[CardActions.ActionField]?.ToString() == CardActions.Change && s.Data[CardActions.FactField] is not null)
            .Select(s => s.Data[CardActions.FactField]!.ToString()).ToList();

    /// <summary>The verdict words of a verdict card ("Allowed", "Forbidden", …), or null for another card.</summary>
    public static string? VerdictWords(JObject card)
    {
        var text = TextOf(card);
        return new[] { "Allowed with conditions", "Needs administration", "Not covered", "Forbidden", "Allowed" }
            .FirstOrDefault(w => text.Split('\n').Any(l => l.Trim().Equals(w, StringComparison.OrdinalIgnoreCase)
                || l.Trim().StartsWith(w + ": ", StringComparison.OrdinalIgnoreCase)));   // "Not covered: the policy does not cover this"
    }
}
