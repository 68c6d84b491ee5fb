using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using PolicyBot.Hosting;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Hosting;

/// <summary>One running app (echo placeholder bot, local mode) and connector shared by the tests of this class.</summary>
public sealed class LocalBotFixture : IAsyncLifetime
{
    public FakeBotConnector Connector { get; private set; } = null!;

    public BotHost Host { get; private set; } = null!;

    public TeamsChatClient Teams { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Connector = await FakeBotConnector.StartAsync();
        // The echo stand-in explicitly: these tests are about the host, whatever IBot the app registers.
        Host = await BotHost.StartAsync(new BotHostOptions().UseBot<EchoTestBot>());
        Teams = new TeamsChatClient(Host, Connector);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
    }
}

/// <summary>The HTTP surface over real loopback HTTP: health, validation before the adapter, the echo path.</summary>
public sealed class HttpEndpointTests(LocalBotFixture fixture) : IClassFixture<LocalBotFixture>
{
    private BotHost Host => fixture.Host;

    [Fact]
    public async Task Healthz_answers_200_with_small_json()
    {
        using var response = await BotHost.Http.GetAsync(Host.Url(PolicyBotApp.HealthPath));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("ok", (string?)JObject.Parse(await response.Content.ReadAsStringAsync())["status"]);
    }

    [Theory]
    [InlineData("{\"type\": \"message\", ", "Malformed JSON")]
    [InlineData("{\"type\": \"message\"} trailing", "Malformed JSON")]
    [InlineData("", "Empty body")]
    [InlineData("[1, 2]", "Not an activity")]
    [InlineData("\"message\"", "Not an activity")]
    [InlineData("{\"text\": \"hi\"}", "Activity has no type")]
    [InlineData("{\"type\": \"\"}", "Activity has no type")]
    [InlineData("{\"type\": 7}", "Activity has no type")]
    [InlineData("{\"type\": \"message\", \"from\": 5}", "Not an activity")]
    [InlineData("{\"type\": \"message\", \"conversation\": {\"id\": \"c\"}}", "Activity has no serviceUrl")]
    [InlineData("{\"type\": \"message\", \"serviceUrl\": \"http://127.0.0.1:9/\"}", "Activity has no conversation")]
    public async Task Bad_input_gets_400_problem_naming_it(string body, string title)
    {
        using var response = await Host.PostMessagesAsync(body);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, title);
    }

    [Fact]
    public async Task Body_over_the_limit_gets_413()
    {
        var big = "{\"type\": \"message\", \"text\": \"" + new string('a', (int)PolicyBotApp.MaxActivityBodyBytes) + "\"}";
        using var response = await Host.PostMessagesAsync(big);
        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "Request body too large");
    }

    [Fact]
    public async Task Chunked_body_over_the_limit_gets_413()
    {
        // No Content-Length: the limit is enforced while reading.
        var big = Encoding.UTF8.GetBytes("{\"type\": \"message\", \"text\": \"" + new string('a', (int)PolicyBotApp.MaxActivityBodyBytes) + "\"}");
        var content = new StreamContent(new NonSeekableStream(big));
        content.Headers.ContentType = new("application/json");
        using var response = await Host.PostMessagesAsync(content);
        Assert.Null(response.RequestMessage?.Content?.Headers.ContentLength);
        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "Request body too large");
    }

    [Fact]
    public async Task A_teams_message_reaches_the_bot_and_its_reply_reaches_the_connector()
    {
        var chat = TeamsConversation.Channel();
        var turn = await fixture.Teams.SayAsync(chat, TeamsUser.Create("Ada Lovelace"), "can I text a student?");

        Assert.Equal(HttpStatusCode.OK, turn.Status);
        var reply = turn.SingleReply;
        Assert.Equal("Echo: can I text a student?", reply.Text);
        Assert.Equal(turn.Sent.Id, reply.ReplyToId);
        Assert.Equal(chat.Id, turn.Replies[0].ConversationId);
        Assert.Equal(Infrastructure.ConnectorOperation.ReplyToActivity, turn.Replies[0].Operation);
        Assert.Null(turn.Replies[0].Authorization); // local mode: no token on outgoing calls
    }

    [Fact]
    public async Task A_card_submit_in_a_channel_with_a_mention_and_no_text_is_handled()
    {
        var chat = TeamsConversation.Channel();
        var turn = await fixture.Teams.SubmitAsync(chat, TeamsUser.Create("Grace Hopper"), new { choice = "family" }, replyToId: "1234", mentionBot: true);

        Assert.Equal(HttpStatusCode.OK, turn.Status);
        Assert.Contains("\"choice\": \"family\"", turn.SingleReply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_mode_is_announced_in_exactly_one_startup_line()
    {
        Assert.Single(Host.Logs, l => l.Message.Contains("Local mode", StringComparison.Ordinal));
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JObject.Parse(body);
        Assert.Equal((int)status, (int?)problem["status"]);
        if (title.Length > 0)
        {
            Assert.Equal(title, (string?)problem["title"]);
        }
    }

    /// <summary>Forces chunked transfer: HttpClient sends Content-Length whenever the stream can tell its length.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
