using Newtonsoft.Json.Linq;
using PolicyBot.TestSupport;
using PolicyBot.Tests.Infrastructure;
using static PolicyBot.Tests.Conversation.Cards;

namespace PolicyBot.Tests.Conversation;

/// <summary>
/// Every command the Teams manifest offers (manifest/manifest.json, all scopes) is one the bot
/// answers as that command: sent as a user would pick it from the command menu, in the scope
/// that lists it, the reply is the command's own, never the "I'm not sure which situation" fallback.
/// </summary>
public class ManifestCommandsTests(ConversationFixture bot) : IClassFixture<ConversationFixture>
{
    public static TheoryData<string, string> ManifestCommands()
    {
        var manifest = JObject.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "manifest", "manifest.json")));
        var data = new TheoryData<string, string>();
        foreach (var list in manifest.SelectTokens("bots[*].commandLists[*]"))
        {
            foreach (var scope in list["scopes"]!.Values<string>())
            {
                foreach (var command in list["commands"]!)
                {
                    data.Add(scope!, (string)command["title"]!);
                }
            }
        }
        return data;
    }

    /// <summary>What each command's reply must show: a phrase only that command's reply has.</summary>
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["help"] = "start over",                                   // the help card lists the commands
        ["policy"] = "Electronic Resources and Social Networking", // the policy card
        ["start over"] = "start over",                              // "OK, let's start over …"
        ["cancel"] = "nothing to cancel",                           // nothing open in a fresh chat
        ["ask"] = "What would you like to ask?",
        ["roles"] = "Your roles",                                  // the roles card (no role for a new user)
    };

    [Theory]
    [MemberData(nameof(ManifestCommands))]
    public async Task Every_manifest_command_is_answered_as_that_command(string scope, string command)
    {
        var chat = scope switch
        {
            "personal" => TeamsConversation.Personal(),
            "groupChat" => TeamsConversation.GroupChat(),
            _ => TeamsConversation.Channel(),
        };

        var turn = await bot.Teams.SayAsync(chat, TeamsUser.Create("Menu User"), command);

        var shown = string.Join("\n", turn.Texts.Concat(turn.Activities.Select(CardOf).OfType<JObject>().Select(TextOf)));
        Assert.True(Expected.ContainsKey(command), $"the manifest offers '{command}', which this test (and the bot) does not know");
        Assert.Contains(Expected[command], shown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("I'm not sure which situation", shown);
    }
}
