using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using PolicyBot.TestSupport;

namespace PolicyBot.Deployment.Tests;

/// <summary>Skips a fact where the Bicep CLI downloaded by the project (linux-x64 build) cannot run.</summary>
public sealed class LinuxX64FactAttribute : FactAttribute
{
    public LinuxX64FactAttribute()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            Skip = "The Bicep CLI package used here is the linux-x64 build.";
        }
    }
}

/// <summary>
/// azuredeploy.json checked offline against Azure's published resource types: the Bicep CLI decompiles the
/// template, type-checking every resource, property and value against the type definitions of its API version.
/// </summary>
public sealed partial class ArmTemplateTypeCheckTests
{
    [LinuxX64Fact]
    public async Task Template_matches_azure_resource_types_with_no_errors_or_type_warnings()
    {
        var bicep = typeof(ArmTemplateTypeCheckTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepCli").Value!;
        Assert.True(File.Exists(bicep), $"Bicep CLI not found at {bicep}: restore downloads it (PackageDownload Azure.Bicep.CommandLine.linux-x64)");
        if (OperatingSystem.IsLinux() && !File.GetUnixFileMode(bicep).HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(bicep, File.GetUnixFileMode(bicep) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        var work = Directory.CreateTempSubdirectory("policybot-bicep-").FullName;
        try
        {
            var template = Path.Combine(work, "azuredeploy.json");
            File.Copy(RepoPaths.ArmTemplate, template);

            var result = await ProcessRunner.RunAsync(
                bicep, ["decompile", template, "--force"], work, TimeSpan.FromMinutes(2),
                new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["BICEP_TRACING_ENABLED"] = "false" });

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.True(File.Exists(Path.Combine(work, "azuredeploy.bicep")), result.ToString());

            // Linter rules (style, such as use-resource-symbol-reference) are named by rule; compiler diagnostics are
            // BCPnnn codes: an unknown property, a wrong type or an invalid value. None of those, and no errors at all.
            var diagnostics = Diagnostic().Matches(result.StdOut + result.StdErr).Select(m => m.Value).ToList();
            var problems = diagnostics.Where(d => d.Contains(": Error ", StringComparison.Ordinal) || BcpCode().IsMatch(d)).ToList();
            Assert.True(problems.Count == 0, string.Join('\n', problems));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [GeneratedRegex(@"^.*\(\d+,\d+\) : (Error|Warning|Info) .*$", RegexOptions.Multiline)]
    private static partial Regex Diagnostic();

    [GeneratedRegex(@" : (Error|Warning|Info) BCP\d+:")]
    private static partial Regex BcpCode();
}
