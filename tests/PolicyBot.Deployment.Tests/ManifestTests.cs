using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PolicyBot.Conversation;
using PolicyBot.TestSupport;

namespace PolicyBot.Deployment.Tests;

/// <summary>manifest/manifest.json as committed (with placeholders) and the icons beside it.</summary>
public sealed class ManifestTests
{
    private static readonly JsonObject Manifest = JsonNode.Parse(File.ReadAllText(RepoPaths.Manifest))!.AsObject();

    private static JsonObject Bot => Assert.Single(Manifest["bots"]!.AsArray())!.AsObject();

    private static IEnumerable<JsonObject> CommandLists => Bot["commandLists"]!.AsArray().Select(l => l!.AsObject());

    [Fact]
    public void Uses_a_current_manifest_version_and_its_schema()
    {
        var version = (string)Manifest["manifestVersion"]!;
        Assert.True(Version.Parse(version) >= new Version(1, 25), $"manifestVersion {version} is older than 1.25");
        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{version}/MicrosoftTeams.schema.json", (string?)Manifest["$schema"]);
    }

    [Fact]
    public void Ids_and_version_are_placeholders_filled_at_packaging()
    {
        Assert.Equal("{{TEAMS_APP_ID}}", (string?)Manifest["id"]);
        Assert.Equal("{{VERSION}}", (string?)Manifest["version"]);
        Assert.Equal("{{BOT_ID}}", (string?)Bot["botId"]);
    }

    [Fact]
    public void Bot_works_in_personal_chat_teams_and_group_chats()
    {
        Assert.Equal(["groupChat", "personal", "team"], Bot["scopes"]!.AsArray().Select(s => (string)s!).Order(StringComparer.Ordinal));
        Assert.False((bool?)Bot["isNotificationOnly"] ?? false);
    }

    [Fact]
    public void Every_listed_command_is_one_the_bot_understands()
    {
        foreach (var list in CommandLists)
        {
            foreach (var command in list["commands"]!.AsArray())
            {
                var title = (string)command!["title"]!;
                Assert.Contains(title, BotCommands.All, StringComparer.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void Every_scope_has_a_command_list_offering_every_command_with_a_description()
    {
        var scopes = CommandLists.SelectMany(l => l["scopes"]!.AsArray().Select(s => (string)s!)).ToList();
        Assert.Equal(scopes.Count, scopes.Distinct().Count()); // one list per scope
        Assert.Equal(Bot["scopes"]!.AsArray().Select(s => (string)s!).Order(), scopes.Order());

        foreach (var list in CommandLists)
        {
            var commands = list["commands"]!.AsArray().Select(c => c!.AsObject()).ToList();
            Assert.Equal(
                BotCommands.All.Select(c => c.ToLowerInvariant()).Order(),
                commands.Select(c => ((string)c["title"]!).ToLowerInvariant()).Order());
            foreach (var command in commands)
            {
                var description = (string?)command["description"];
                Assert.False(string.IsNullOrWhiteSpace(description), $"command '{command["title"]}' has no description");
                Assert.True(description!.Length <= 128, $"Teams shows at most 128 characters of a command description: '{description}'");
            }
        }
    }

    [Fact]
    public void Names_and_descriptions_fit_teams_limits()
    {
        Assert.InRange(((string)Manifest["name"]!["short"]!).Length, 1, 30);
        Assert.InRange(((string)Manifest["name"]!["full"]!).Length, 1, 100);
        Assert.InRange(((string)Manifest["description"]!["short"]!).Length, 1, 80);
        Assert.InRange(((string)Manifest["description"]!["full"]!).Length, 1, 4000);
        Assert.InRange(((string)Manifest["developer"]!["name"]!).Length, 1, 32);
        Assert.Matches("^#[0-9A-Fa-f]{6}$", (string?)Manifest["accentColor"]);
    }

    [Fact]
    public void Icons_are_the_committed_pngs()
    {
        Assert.Equal("color.png", (string?)Manifest["icons"]!["color"]);
        Assert.Equal("outline.png", (string?)Manifest["icons"]!["outline"]);
        Assert.True(File.Exists(Path.Combine(RepoPaths.ManifestFolder, "color.png")));
        Assert.True(File.Exists(Path.Combine(RepoPaths.ManifestFolder, "outline.png")));
    }

    [Fact]
    public async Task Committed_icons_are_the_output_of_make_icons()
    {
        // Compared as decoded pixels: deflate output may differ between zlib builds, the image may not.
        var outDir = Directory.CreateTempSubdirectory("policybot-icons-").FullName;
        try
        {
            var result = await NodeTools.RunScriptAsync(RepoPaths.MakeIconsScript, "--out", outDir);
            Assert.True(result.ExitCode == 0, result.ToString());

            foreach (var icon in new[] { "color.png", "outline.png" })
            {
                var drawn = Path.Combine(outDir, icon);
                var committed = Path.Combine(RepoPaths.ManifestFolder, icon);
                var facts = await NodeTools.RunToolAsync("png-facts.mjs", drawn, committed);
                Assert.True(facts.ExitCode == 0, facts.ToString());
                var report = JsonNode.Parse(facts.StdOut)!;
                foreach (var property in new[] { "width", "height", "rgbaSha256" })
                {
                    Assert.True(
                        report[drawn]![property]!.ToJsonString() == report[committed]![property]!.ToJsonString(),
                        $"manifest/{icon} differs from what manifest/make-icons.mjs draws ({property}): run `node manifest/make-icons.mjs` and commit the result");
                }
            }
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }

    [Fact]
    public void Placeholders_are_only_the_ones_package_fills()
    {
        var placeholders = Regex.Matches(File.ReadAllText(RepoPaths.Manifest), @"\{\{[^}]*\}\}").Select(m => m.Value).Distinct().Order();
        Assert.Equal(["{{BOT_ID}}", "{{TEAMS_APP_ID}}", "{{VERSION}}"], placeholders);
    }
}
