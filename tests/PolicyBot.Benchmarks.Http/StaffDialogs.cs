using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyBot.Hosting;

namespace PolicyBot.Benchmarks.Http;

/// <summary>
/// Staff dialogs as Teams would deliver them: a personal chat per staff member; a typed question, then a click on a
/// choice of the question card the bot sent back (an Action.Submit: a message whose <c>value</c> is the button's
/// <c>data</c> and whose <c>text</c> is null), more clicks while the bot asks, and after a verdict a new typed question.
/// </summary>
internal static class StaffDialogs
{
    /// <summary>The questions staff type (the issue's own, then the real staff questions when the file is there).</summary>
    public static IReadOnlyList<string> LoadQuestions()
    {
        List<string> questions =
        [
            "can I text this student?",
            "Can I friend my nephew on Instagram?",
            "is it ok to check Facebook at lunch?",
            "Can I post class photos on my Facebook?",
            "Can I text a student about homework?",
            "may I email a parent from my personal account?",
            "can I accept a friend request from a former student?",
            "Can I call a student on my cell about a field trip?",
        ];

        // The real staff questions of the rules tests' data (column "question"), typed as staff wrote them.
        var file = Path.Combine(AppContext.BaseDirectory, "staff-questions.tsv");
        if (File.Exists(file))
        {
            var lines = File.ReadAllLines(file);
            var column = Array.IndexOf(lines[0].Split('\t'), "question");
            if (column >= 0)
            {
                questions.AddRange(lines.Skip(1)
                    .Select(l => l.Split('\t'))
                    .Where(f => f.Length > column && !string.IsNullOrWhiteSpace(f[column]))
                    .Select(f => f[column].Trim()));
            }
        }

        return questions;
    }

    /// <summary>Classifies the replies of one turn and, for a question card, keeps its choices for the next click.</summary>
    public static TurnReplies Read(IReadOnlyList<CapturedReply> replies)
    {
        var outcome = new TurnReplies { Count = replies.Count };
        foreach (var reply in replies)
        {
            using var json = JsonDocument.Parse(reply.Body);
            var root = json.RootElement;
            if (root.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
            {
                var value = text.GetString() ?? "";
                if (value == PolicyBotApp.TurnErrorMessage)
                {
                    outcome.TurnErrors++;
                }
                else if (value.StartsWith("That card belongs to an earlier question", StringComparison.Ordinal))
                {
                    outcome.Stale++;
                }
            }

            if (!root.TryGetProperty("attachments", out var attachments) || attachments.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var attachment in attachments.EnumerateArray())
            {
                if (!attachment.TryGetProperty("content", out var card) || card.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                if (card.TryGetProperty("fallbackText", out var fallback) && fallback.ValueKind == JsonValueKind.String
                    && (fallback.GetString() ?? "").StartsWith("Sorry, that did not work", StringComparison.Ordinal))
                {
                    outcome.ErrorCards++;
                    continue;
                }

                var submits = new CardSubmits();
                CollectSubmits(card, submits);
                if (submits.Answers.Count > 0)
                {
                    // A question card, or a confirmation card ("Yes, that's right" before a permissive verdict).
                    if (submits.Confirms)
                    {
                        outcome.Confirmations++;
                    }
                    else
                    {
                        outcome.QuestionCards++;
                    }

                    outcome.Choices = submits.Answers;
                    outcome.ChoicesCardId = reply.Id;
                }
                else if (submits.Feedback)
                {
                    // Only the verdict card asks for feedback on the answer ("Helpful" / "Not right").
                    outcome.Verdicts++;
                }
                else
                {
                    outcome.OtherCards++;
                }
            }
        }

        return outcome;
    }

    /// <summary>
    /// The raw JSON of every Action.Submit <c>data</c> with <c>"policybot":"answer"</c> or <c>"confirm"</c> (the choices), in
    /// card order, and whether the card asks for feedback on a verdict (<c>"policybot":"feedback"</c>).
    /// </summary>
    private static void CollectSubmits(JsonElement element, CardSubmits submits)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "Action.Submit"
                    && element.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                    && data.TryGetProperty("policybot", out var action) && action.ValueKind == JsonValueKind.String)
                {
                    switch (action.GetString())
                    {
                        case "answer":
                            submits.Answers.Add(data.GetRawText());
                            break;
                        case "confirm":   // a confirmation card is answered with its one tap
                            submits.Answers.Add(data.GetRawText());
                            submits.Confirms = true;
                            break;
                        case "feedback":
                            submits.Feedback = true;
                            break;
                    }
                }

                foreach (var property in element.EnumerateObject())
                {
                    CollectSubmits(property.Value, submits);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CollectSubmits(item, submits);
                }

                break;
        }
    }

    private sealed class CardSubmits
    {
        public List<string> Answers { get; } = [];

        public bool Confirms { get; set; }

        public bool Feedback { get; set; }
    }
}

/// <summary>One staff member's personal chat with the bot, and where their dialog is.</summary>
internal sealed class StaffConversation(string runId, string name, int index, IReadOnlyList<string> questions, Uri serviceUrl)
{
    private const string TenantId = "72f988bf-0000-4000-8000-5c5d15e5f7a1";
    private static long _lastActivityId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;

    private readonly Random _random = new(index * 7919 + 17);
    private int _nextQuestion = index * 5 % questions.Count;
    private List<string>? _choices;
    private string? _cardId;

    public string Id { get; } = $"a:1bench{runId}{name}";

    private string UserId => $"29:1bench{runId}{name}";

    /// <summary>The next activity: a click on the last question card's choices, else a typed question.</summary>
    public (string Id, string Body, bool IsClick) Next()
    {
        var id = Interlocked.Increment(ref _lastActivityId).ToString(CultureInfo.InvariantCulture);
        var now = DateTimeOffset.UtcNow;
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = id,
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl.ToString(),
            ["timestamp"] = now.ToString("O", CultureInfo.InvariantCulture),
            ["localTimestamp"] = now.ToOffset(TimeSpan.FromHours(-6)).ToString("O", CultureInfo.InvariantCulture),
            ["localTimezone"] = "America/Denver",
            ["locale"] = "en-US",
            ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Benchmark Staff", ["aadObjectId"] = "00000000-0000-4000-8000-000000000001" },
            ["recipient"] = new JsonObject { ["id"] = "28:policybot-bench", ["name"] = "PolicyBot" },
            ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["id"] = Id, ["tenantId"] = TenantId },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["country"] = "US", ["platform"] = "Web", ["timezone"] = "America/Denver" }),
        };

        var isClick = _choices is { Count: > 0 };
        if (isClick)
        {
            // Action.Submit: text null, value = the button's data, replyToId = the card's activity id.
            activity["text"] = null;
            activity["value"] = JsonNode.Parse(_choices![_random.Next(_choices.Count)]);
            activity["replyToId"] = _cardId;
            activity["channelData"]!["source"] = new JsonObject { ["name"] = "message" };
            activity["channelData"]!["legacy"] = new JsonObject { ["replyToId"] = _cardId };
        }
        else
        {
            activity["text"] = questions[_nextQuestion];
            activity["textFormat"] = "plain";
            _nextQuestion = (_nextQuestion + 1) % questions.Count;
        }

        return (id, activity.ToJsonString(), isClick);
    }

    /// <summary>Takes in the bot's replies: the next turn clicks a choice of a question card, else types a new question.</summary>
    public void Apply(TurnReplies replies)
    {
        _choices = replies.Choices;
        _cardId = replies.ChoicesCardId;
    }
}

/// <summary>What the bot sent in one turn.</summary>
internal sealed class TurnReplies
{
    public int Count { get; set; }

    public int QuestionCards { get; set; }

    /// <summary>Confirmation cards: what the bot understood, confirmed with one tap before a permissive verdict.</summary>
    public int Confirmations { get; set; }

    /// <summary>Verdict cards (the only cards with feedback buttons).</summary>
    public int Verdicts { get; set; }

    public int OtherCards { get; set; }

    /// <summary>Error cards ("Sorry, that did not work"): the bot could not use what the driver sent.</summary>
    public int ErrorCards { get; set; }

    /// <summary>The app's "Sorry, something went wrong" text: a failed turn.</summary>
    public int TurnErrors { get; set; }

    /// <summary>"That card belongs to an earlier question": the driver clicked an old card.</summary>
    public int Stale { get; set; }

    /// <summary>The answer choices (raw JSON data) of the last question card, or null.</summary>
    public List<string>? Choices { get; set; }

    public string? ChoicesCardId { get; set; }
}
