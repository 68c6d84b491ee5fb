using System.Security.Claims;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest.Serialization;
using Newtonsoft.Json.Linq;
using PolicyBot.Cards;
using PolicyBot.Hosting;
using PolicyBot.Rules.Evaluation;
using PolicyBot.Rules.Loading;
using PolicyBot.Rules.Model;

namespace PolicyBot.Tests.Hosting;

/// <summary>
/// The connector clients of <see cref="SharedContractsAuthentication"/> write a card attachment's JSON straight out
/// instead of through Bot Framework's attachment converter: what goes to Teams must be byte for byte what Bot
/// Framework's own settings write, for every card and for values the converter handles specially.
/// </summary>
public sealed class ConnectorSerializationTests
{
    private static readonly Policy Policy = PolicyLoader.LoadEmbedded();

    public static TheoryData<string> Cards() => [.. AllCards().Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cards))]
    public async Task A_card_reply_is_written_as_Bot_Framework_writes_it(string name)
    {
        var card = AllCards().Single(c => c.Name == name).Card;
        await AssertSameJsonAsync(Reply(new Attachment { ContentType = PolicyCards.ContentType, Content = card }));
    }

    [Fact]
    public async Task Values_with_converters_and_other_content_are_written_as_Bot_Framework_writes_them()
    {
        var special = new JObject
        {
            ["time"] = new JValue(TimeSpan.FromMinutes(90)),   // the connector's Iso8601TimeSpanConverter
            ["local"] = new JValue(new DateTime(2026, 12, 3, 9, 30, 0, DateTimeKind.Local)),
            ["offset"] = new JValue(new DateTimeOffset(2026, 12, 3, 9, 30, 0, TimeSpan.FromHours(-7))),
            ["number"] = 0.1 + 0.2,
            ["raw"] = new JRaw("{\"a\": [1, 2]}"),
            ["nothing"] = JValue.CreateNull(),
            ["text"] = "“quoted” </script> \u2028 é",
        };
        await AssertSameJsonAsync(Reply(
            new Attachment { ContentType = "application/json", Content = special },
            new Attachment { ContentType = "application/json", Content = new JArray(1, "two", special) },
            new Attachment { ContentType = "text/plain", Content = "plain text" },
            new Attachment { ContentType = "application/octet-stream", Content = new MemoryStream([1, 2, 3]) },
            new Attachment { ContentType = "application/json", Content = new Dictionary<string, object> { ["a"] = 1, ["b"] = new[] { "x" } } },
            new Attachment { ContentType = "image/png", ContentUrl = "https://example.org/a.png" }));
    }

    private static async Task AssertSameJsonAsync(Activity activity)
    {
        var shared = (ConnectorClient)await new SharedContractsAuthentication(BotFrameworkAuthenticationFactory.Create())
            .CreateConnectorFactory(new ClaimsIdentity()).CreateAsync("https://smba.example/", null, CancellationToken.None);
        using var stock = new ConnectorClient(new Uri("https://smba.example/"), MicrosoftAppCredentials.Empty);
        Assert.NotSame(stock.SerializationSettings.ContractResolver, shared.SerializationSettings.ContractResolver);

        var expected = SafeJsonConvert.SerializeObject(activity, stock.SerializationSettings);
        var actual = SafeJsonConvert.SerializeObject(activity, shared.SerializationSettings);

        Assert.Equal(expected, actual);
    }

    private static Activity Reply(params Attachment[] attachments) => new()
    {
        Type = ActivityTypes.Message,
        Id = "1",
        ReplyToId = "0",
        Conversation = new ConversationAccount(id: "a:1"),
        From = new ChannelAccount("28:bot", "PolicyBot"),
        Recipient = new ChannelAccount("29:1", "Staff"),
        Attachments = [.. attachments],
    };

    /// <summary>Every question, confirmation and verdict card of the policy's dialog tree, and the welcome, help, policy and safety cards.</summary>
    private static IEnumerable<(string Name, JObject Card)> AllCards()
    {
        var tree = DialogTree.Build(Policy);
        yield return ("welcome", PolicyCards.Welcome(Policy.Metadata, ["Can I text a student about homework?"]));
        yield return ("help", PolicyCards.Help(Policy.Metadata));
        yield return ("policy", PolicyCards.PolicyInfo(Policy));
        yield return ("safety", PolicyCards.Safety(PolicyBot.Rules.Safety.SafetyGuidanceLoader.LoadEmbedded()));
        foreach (var node in Walk(tree.Root))
        {
            var path = node.Path.Count == 0 ? "(start)" : string.Join(" ", node.Path.Select(s => $"{s.Fact.Id}={s.Value.Id}"));
            var facts = node.Path.Select(s => new SituationFact(s.Fact.Id, s.Fact.Question, s.Value.Label, true, s.Value.Id)).ToList();
            var context = new SubmitContext("situation-42", node.Path.Count);
            if (node.Outcome?.Question is { } question)
            {
                yield return ($"question {path}", PolicyCards.Question(question, facts, context));
            }
            if (node.Outcome?.Verdict is { } verdict)
            {
                yield return ($"confirmation {path}", PolicyCards.Confirm(facts, context));
                yield return ($"verdict {path}", PolicyCards.Verdict(verdict, facts, context));
            }
        }
    }

    private static IEnumerable<DialogTree.Node> Walk(DialogTree.Node node) => new[] { node }.Concat(node.Children.SelectMany(Walk));
}
