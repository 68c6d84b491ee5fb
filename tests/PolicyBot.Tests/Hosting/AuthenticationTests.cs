using System.Net;
using Microsoft.AspNetCore.Builder;
using PolicyBot.Hosting;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Hosting;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task With_an_app_id_a_request_without_a_token_gets_401_and_never_reaches_the_bot()
    {
        var options = new BotHostOptions().UseBot<CountingBot>();
        options.Settings[SettingsKeys.MicrosoftAppType] = "MultiTenant";
        options.Settings[SettingsKeys.MicrosoftAppId] = "00000000-0000-4000-8000-00000000b07a";
        options.Settings[SettingsKeys.MicrosoftAppPassword] = "not-a-real-secret";
        await using var connector = await FakeBotConnector.StartAsync();
        await using var host = await BotHost.StartAsync(options);

        var turn = await new TeamsChatClient(host, connector).SayAsync(TeamsConversation.Personal(), TeamsUser.Create("Mallory"), "hi");

        Assert.Equal(HttpStatusCode.Unauthorized, turn.Status);
        Assert.Empty(turn.Replies);
        Assert.Empty(connector.Received);
        Assert.DoesNotContain(host.Logs, l => l.Message.Contains("Local mode", StringComparison.Ordinal));
        using var again = await host.PostMessagesAsync("{\"type\":\"message\",\"serviceUrl\":\"http://127.0.0.1:9/\",\"conversation\":{\"id\":\"c\"},\"from\":{\"id\":\"u\"},\"recipient\":{\"id\":\"b\"}}");
        await HttpEndpointTests.AssertProblemAsync(again, HttpStatusCode.Unauthorized, "");
    }

    [Theory]
    [InlineData("SingleTenant", "id", "secret", "", "MicrosoftAppTenantId")]
    [InlineData("SingleTenant", "", "", "", "MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId")]
    [InlineData("MultiTenant", "id", "", "", "MicrosoftAppPassword")]
    [InlineData("UserAssignedMSI", "id", "", "", "MicrosoftAppTenantId")]
    [InlineData("Anonymous", "", "", "", "is not one of")]
    public void Incomplete_credentials_stop_the_startup_naming_the_missing_keys(string type, string id, string password, string tenant, string expected)
    {
        var builder = PolicyBotApp.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Configuration[SettingsKeys.MicrosoftAppType] = type;
        builder.Configuration[SettingsKeys.MicrosoftAppId] = id;
        builder.Configuration[SettingsKeys.MicrosoftAppPassword] = password;
        builder.Configuration[SettingsKeys.MicrosoftAppTenantId] = tenant;
        builder.Configuration[SettingsKeys.DataFolder] = Path.Combine(Path.GetTempPath(), "policybot-tests", Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<InvalidOperationException>(() => PolicyBotApp.Build(builder));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
