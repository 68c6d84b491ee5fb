using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PolicyBot.Hosting;
using PolicyBot.TestSupport;

namespace PolicyBot.Deployment.Tests;

/// <summary>README facts an IT administrator copies that would silently drift from the code and the suites.</summary>
public partial class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

    [Fact]
    public void The_Playground_command_answers_yes_and_pins_the_version_the_end_to_end_suite_uses()
    {
        var package = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "e2e", "package.json")))!;
        var pinned = (string)package["dependencies"]!["@microsoft/m365agentsplayground"]!;

        var commands = PlaygroundCommand().Matches(Readme).Select(m => m.Value).ToList();

        Assert.NotEmpty(commands);
        Assert.All(commands, c => Assert.Contains($"npx --yes @microsoft/m365agentsplayground@{pinned} ", c, StringComparison.Ordinal));
    }

    [Fact]
    public void The_Playgrounds_devTools_folder_is_ignored()
    {
        var ignored = File.ReadAllLines(Path.Combine(RepoPaths.Root, ".gitignore")).Select(l => l.Trim());
        Assert.Contains("devTools/", ignored);
    }

    [Fact]
    public void Every_setting_is_in_the_settings_table()
    {
        foreach (var key in SettingsKeys.All)
        {
            Assert.Contains($"| `{key}` |", Readme, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"npx [^\n`]*m365agentsplayground[^\n`]*")]
    private static partial Regex PlaygroundCommand();
}
