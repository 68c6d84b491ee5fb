using PolicyBot.Hosting;
using PolicyBot.Tests.Infrastructure;
using static PolicyBot.Tests.Conversation.Cards;

namespace PolicyBot.Tests.Conversation;

/// <summary>A district swaps the policy file (setting PolicyFile), not the code.</summary>
public class PolicyFileTests
{
    private static string Embedded(string name)
    {
        using var stream = typeof(PolicyBot.Rules.Loading.PolicyLoader).Assembly.GetManifestResourceStream("PolicyBot.Rules.Policies." + name)!;
        return new StreamReader(stream).ReadToEnd();
    }

    [Fact]
    public async Task Another_districts_policy_file_without_a_lexicon_is_served_with_buttons()
    {
        var folder = Directory.CreateTempSubdirectory("district-").FullName;
        var yaml = Embedded("stevensville.policy.yaml")
            .Replace("id: stevensville-electronic-resources", "id: otherville-social-media")
            .Replace("district: Stevensville School District", "district: Otherville Unified");
        File.WriteAllText(Path.Combine(folder, "otherville.policy.yaml"), yaml);
        File.WriteAllText(Path.Combine(folder, "stevensville-electronic-resources-and-social-networking.txt"), Embedded("stevensville-electronic-resources-and-social-networking.txt"));
        var options = new BotHostOptions();
        options.Settings[SettingsKeys.PolicyFile] = Path.Combine(folder, "otherville.policy.yaml");
        await using var connector = await FakeBotConnector.StartAsync();
        await using var host = await BotHost.StartAsync(options);
        var teams = new TeamsChatClient(host, connector);
        var chat = TeamsConversation.Personal();
        var teacher = TeamsUser.Create("Other Teacher");

        var first = await teams.SayAsync(chat, teacher, "can I text this student?");
        var activity = LastCard(first);
        Assert.Equal("activity", AskedFact(activity));   // no lexicon: nothing read from free text, so it asks from the start
        var contact = await teams.SubmitAsync(chat, teacher, SubmitsOf(activity).Single(s => s.Title == "Contacting someone").Data);
        var typed = await teams.SayAsync(chat, teacher, "My child or close relative");   // typed labels still work

        Assert.Equal("relationship", AskedFact(LastCard(contact)));
        Assert.Equal("Allowed", VerdictWords(LastCard(typed)));
        Assert.Contains(host.Logs, l => l.Message.Contains("No lexicon for policy 'otherville-social-media'"));
    }
}
