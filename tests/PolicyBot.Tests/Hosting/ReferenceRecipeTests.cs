using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using Microsoft.Recognizers.Text.Number;
using Microsoft.Recognizers.Text.Sequence;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Hosting;

/// <summary>BotFramework.targets brings in working assemblies: they load and run, not just compile.</summary>
public sealed class ReferenceRecipeTests
{
    [Fact]
    public void Sequence_recognizer_finds_a_phone_number()
    {
        var results = SequenceRecognizer.RecognizePhoneNumber("you can reach me at 406-555-0123 after school", Culture.English);
        var phone = Assert.Single(results);
        Assert.Equal("406-555-0123", phone.Text);
    }

    [Fact]
    public void Number_and_datetime_recognizers_run()
    {
        Assert.Equal("3", NumberRecognizer.RecognizeNumber("three students", Culture.English).Single().Resolution["value"]);
        Assert.NotEmpty(DateTimeRecognizer.RecognizeDateTime("next Friday at 5pm", Culture.English));
    }

    [Fact]
    public async Task The_host_runs_with_the_adapter_and_storage_wired()
    {
        await using var host = await BotHost.StartAsync();
        Assert.IsType<CloudAdapter>(host.Services.GetRequiredService<IBotFrameworkHttpAdapter>());
        Assert.IsType<PolicyBot.Storage.SqliteStorage>(host.Services.GetRequiredService<IStorage>());
        Assert.NotNull(host.Services.GetRequiredService<IBot>()); // whichever bot the app registers
    }
}
