using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using PolicyBot.Conversation;
using PolicyBot.Hosting;
using PolicyBot.Rules.Loading;
using PolicyBot.Tests.Infrastructure;
using static PolicyBot.Tests.Conversation.Cards;

namespace PolicyBot.Tests.Conversation;

/// <summary>
/// Safety first, over real HTTP: a message saying a student may be in danger gets the district's safety card before
/// anything else, then the policy answer if a policy question was asked, else one short line.
/// </summary>
public class SafetyTests(ConversationFixture bot) : IClassFixture<ConversationFixture>
{
    private const string StevensvilleHeading = "Stevensville School District's safety guidance";
    private readonly TeamsUser _teacher = TeamsUser.Create("Sam Counselor");

    private static string? HeadingOf(JObject? card) => card?["body"]?[0]?["items"]?[0]?["text"]?.ToString();

    private static bool IsSafetyCard(JObject? card) => HeadingOf(card)?.EndsWith("'s safety guidance", StringComparison.Ordinal) == true;

    [Theory]
    [InlineData("A student texted me at midnight saying she wants to kill herself. Can I text her back?")]
    [InlineData("he said everyone would be better off without him, can I message him on Instagram tonight?")]
    [InlineData("ask can I text a student who said he'd bring a gun tomorrow?")]
    public async Task Danger_with_a_policy_question_gets_the_safety_card_first_then_the_answer(string text)
    {
        var turn = await bot.Teams.SayAsync(TeamsConversation.Personal(), _teacher, text);

        var first = CardOf(turn.Activities[0]);
        Assert.True(IsSafetyCard(first), $"first reply: {turn.Activities[0].Text ?? first?.ToString()}");
        Assert.Equal(StevensvilleHeading, HeadingOf(first));
        Assert.Contains("If a student is in immediate danger, call 911 now.", TextOf(first!));
        var rest = turn.Activities.Skip(1).Select(CardOf).ToList();
        Assert.NotEmpty(rest);
        Assert.DoesNotContain(rest, IsSafetyCard);
        Assert.True(AskedFact(LastCard(turn)) is not null || VerdictWords(LastCard(turn)) is not null, TextOf(LastCard(turn)));
    }

    [Theory]
    [InlineData("she said everyone would be better off without her")]
    [InlineData("bruises again and scared to go home")]
    [InlineData("hasn't come home since Friday")]
    public async Task Danger_without_a_policy_question_gets_the_card_and_one_short_line(string text)
    {
        var turn = await bot.Teams.SayAsync(TeamsConversation.Personal(), _teacher, text);

        Assert.Equal(2, turn.Activities.Count);
        Assert.True(IsSafetyCard(CardOf(turn.Activities[0])));
        Assert.Equal(ConversationEngine.AlsoAskLine, turn.Activities[1].Text);
    }

    [Fact]
    public async Task An_open_question_stays_open_after_the_safety_card()
    {
        var chat = TeamsConversation.Personal();
        var question = LastCard(await bot.Teams.SayAsync(chat, _teacher, "can I text this student?"));
        Assert.Equal("purpose", AskedFact(question));

        var safety = await bot.Teams.SayAsync(chat, _teacher, "she told me she doesn't want to live anymore");
        Assert.True(IsSafetyCard(CardOf(safety.Activities[0])));
        Assert.Equal(ConversationEngine.AlsoAskLine, safety.Activities[^1].Text);

        var answer = await bot.Teams.SayAsync(chat, _teacher, "Teaching and learning");
        Assert.Equal("Allowed with conditions", VerdictWords(LastCard(answer)));
    }

    [Theory]
    [InlineData("can I shoot her a text about practice tomorrow?")]
    [InlineData("the students killed it at the concert, can I post a video?")]
    [InlineData("can I text my students an urgent notice about a snow day?")]
    [InlineData("help")]
    public async Task Ordinary_staff_talk_gets_no_safety_card(string text)
    {
        var turn = await bot.Teams.SayAsync(TeamsConversation.Personal(), _teacher, text);

        Assert.DoesNotContain(turn.Activities.Select(CardOf), IsSafetyCard);
    }

    [Fact]
    public async Task Showing_the_card_is_logged_without_the_message_text()
    {
        const string text = "my student posted that she is going to end her life";
        await bot.Teams.SayAsync(TeamsConversation.Personal(), _teacher, text);

        var shown = bot.Host.Logs.Where(l => l.Message.StartsWith("Safety card shown", StringComparison.Ordinal)).ToList();
        Assert.Contains(shown, l => l.Message == "Safety card shown in personal conversation (signals: suicide)." && l.Level == LogLevel.Warning);
        Assert.DoesNotContain(shown, l => l.Message.Contains("her life", StringComparison.Ordinal) || l.Message.Contains("student", StringComparison.Ordinal));
    }
}

/// <summary>The district's safety guidance file: found beside the policy or by the SafetyFile setting, defaults otherwise, refused when broken.</summary>
public class SafetyFileTests
{
    private static string Embedded(string name)
    {
        using var stream = typeof(PolicyLoader).Assembly.GetManifestResourceStream("PolicyBot.Rules.Policies." + name)!;
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>A folder with an "Otherville Unified" policy file (the Stevensville rules renamed) and its source text.</summary>
    private static string OthervillePolicy()
    {
        var folder = Directory.CreateTempSubdirectory("district-").FullName;
        var yaml = Embedded("stevensville.policy.yaml")
            .Replace("id: stevensville-electronic-resources", "id: otherville-social-media")
            .Replace("district: Stevensville School District", "district: Otherville Unified");
        File.WriteAllText(Path.Combine(folder, "otherville.policy.yaml"), yaml);
        File.WriteAllText(Path.Combine(folder, "stevensville-electronic-resources-and-social-networking.txt"), Embedded("stevensville-electronic-resources-and-social-networking.txt"));
        return Path.Combine(folder, "otherville.policy.yaml");
    }

    private static async Task<JObject> SafetyCardAsync(BotHost host)
    {
        await using var connector = await FakeBotConnector.StartAsync();
        var teams = new TeamsChatClient(host, connector);
        var turn = await teams.SayAsync(TeamsConversation.Personal(), TeamsUser.Create("Other Teacher"), "a student said he wants to kill himself");
        return CardOf(turn.Activities[0]) ?? throw new Xunit.Sdk.XunitException("no card first");
    }

    [Fact]
    public async Task A_district_without_a_safety_file_gets_the_defaults_under_its_name()
    {
        var options = new BotHostOptions();
        options.Settings[SettingsKeys.PolicyFile] = OthervillePolicy();
        await using var host = await BotHost.StartAsync(options);

        var card = await SafetyCardAsync(host);

        Assert.Equal("Otherville Unified's safety guidance", card["body"]![0]!["items"]![0]!["text"]!.ToString());
        Assert.Contains("Tell your principal or school counselor.", TextOf(card));
        Assert.Contains(host.Logs, l => l.Message.Contains("No safety guidance file for 'Otherville Unified'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_file_beside_the_policy_is_used()
    {
        var policy = OthervillePolicy();
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(policy)!, "otherville.safety.yaml"), """
            district: Otherville Unified
            contact:
              name: Pat Lee, district safety coordinator
              phone: (406) 555-0100
            """);
        var options = new BotHostOptions();
        options.Settings[SettingsKeys.PolicyFile] = policy;
        await using var host = await BotHost.StartAsync(options);

        var card = await SafetyCardAsync(host);

        Assert.Contains("Tell Pat Lee, district safety coordinator: (406) 555-0100.", TextOf(card));
        Assert.Contains(card.Descendants().OfType<JObject>(), o => o["url"]?.ToString() == "tel:4065550100");
    }

    [Fact]
    public async Task The_SafetyFile_setting_names_the_file_and_a_broken_one_stops_the_start_with_its_line()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("safety-").FullName, "district.safety.yaml");
        File.WriteAllText(file, "district: Stevensville School District\ncontact:\n  name: Front office\n  phone: call the office\n");
        var options = new BotHostOptions();
        options.Settings[SettingsKeys.SafetyFile] = file;

        var e = await Assert.ThrowsAsync<PolicyLoadException>(() => BotHost.StartAsync(options));
        Assert.Equal("district.safety.yaml, line 4: contact → phone: 'call the office' is not a phone number (digits, with spaces, dashes, dots, parentheses, a leading + or an extension).", e.Message);

        File.WriteAllText(file, "district: Stevensville School District\ncontact:\n  name: the front office\n");
        await using var host = await BotHost.StartAsync(options);
        Assert.Contains("Tell the front office.", TextOf(await SafetyCardAsync(host)));
    }
}
