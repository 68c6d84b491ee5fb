using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>The fake connector speaks the protocol the SDK's ConnectorClient expects (sends, updates, proactive, 429s).</summary>
public sealed class FakeBotConnectorTests
{
    [Fact]
    public async Task Sends_updates_creates_and_injected_429s_look_like_the_real_service_to_the_connector_client()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        // With an HttpClient of its own the client has no retry handler, as in CloudAdapter's connector factory
        // (which is handed one by IHttpClientFactory): a 429 reaches the caller.
        using var client = new ConnectorClient(connector.ServiceUrl, (Microsoft.Rest.ServiceClientCredentials)MicrosoftAppCredentials.Empty, new HttpClient(), true);

        var sent = await client.Conversations.SendToConversationAsync("a:1", Msg("card"));
        var updated = await client.Conversations.UpdateActivityAsync("a:1", sent.Id, Msg("card v2"));
        Assert.Equal(sent.Id, updated.Id);

        var user = new ChannelAccount("29:ada");
        var first = await client.Conversations.CreateConversationAsync(new ConversationParameters { Members = [user] });
        var again = await client.Conversations.CreateConversationAsync(new ConversationParameters { Members = [user] });
        Assert.Equal(first.Id, again.Id);

        connector.FailNext(1, 429, TimeSpan.FromSeconds(2));
        var throttled = await Assert.ThrowsAsync<ErrorResponseException>(
            () => client.Conversations.SendToConversationAsync(first.Id, Msg("reminder")));
        Assert.Equal((HttpStatusCode)429, throttled.Response.StatusCode);
        Assert.Equal("2", throttled.Response.Headers["Retry-After"].Single());
        await client.Conversations.SendToConversationAsync(first.Id, Msg("reminder"));

        Assert.Equal(
            [ConnectorOperation.SendToConversation, ConnectorOperation.UpdateActivity, ConnectorOperation.CreateConversation,
             ConnectorOperation.CreateConversation, ConnectorOperation.SendToConversation, ConnectorOperation.SendToConversation],
            connector.Received.Select(r => r.Operation));
        Assert.Equal([true, true, true, true, false, true], connector.Received.Select(r => r.Accepted));
        Assert.Equal("card v2", connector.Received[1].Activity?.Text);
    }

    private static Activity Msg(string text) => (Activity)MessageFactory.Text(text);
}
