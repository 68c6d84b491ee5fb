using System.IO.Compression;
using System.Text.Json.Nodes;
using PolicyBot.TestSupport;

namespace PolicyBot.Deployment.Tests;

/// <summary>Builds appPackage.zip once with manifest/package.mjs and inspects it with tests/node-tools.</summary>
public sealed class BuiltPackage : IAsyncLifetime
{
    public const string BotId = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    public const string AppVersion = "2.3.4";

    public string OutDir { get; } = Directory.CreateTempSubdirectory("policybot-package-").FullName;

    public string ZipPath => Path.Combine(OutDir, "appPackage.zip");

    public ProcessResult Packaging { get; private set; } = null!;

    public ProcessResult Inspection { get; private set; } = null!;

    /// <summary>The JSON report of tests/node-tools/inspect-app-package.mjs.</summary>
    public JsonObject Report { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Packaging = await NodeTools.RunScriptAsync(RepoPaths.PackageScript, "--app-id", BotId, "--version", AppVersion, "--out", OutDir);
        if (Packaging.ExitCode != 0)
        {
            throw new InvalidOperationException($"package.mjs failed: {Packaging}");
        }

        Inspection = await NodeTools.RunToolAsync("inspect-app-package.mjs", ZipPath);
        Report = JsonNode.Parse(Inspection.StdOut)?.AsObject()
            ?? throw new InvalidOperationException($"inspect-app-package.mjs printed no report: {Inspection}");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(OutDir, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class AppPackageTests(BuiltPackage package) : IClassFixture<BuiltPackage>
{
    private JsonObject Report => package.Report;

    private JsonObject Manifest => Report["manifest"]!.AsObject();

    [Fact]
    public void Package_command_says_where_it_wrote_the_package()
    {
        Assert.Contains($"Wrote {package.ZipPath}", package.Packaging.StdOut);
        Assert.True(File.Exists(package.ZipPath));
    }

    [Fact]
    public void Packaged_manifest_passes_microsofts_schema_for_its_version_with_zero_errors()
    {
        Assert.True(package.Inspection.ExitCode == 0, package.Inspection.ToString());
        Assert.Empty(Report["problems"]!.AsArray());
        Assert.Empty(Report["schemaErrors"]!.AsArray());

        // The schema used is the one Microsoft publishes for the manifest's version, as bundled in @microsoft/app-manifest.
        var schema = Report["schema"]!;
        var version = (string)Manifest["manifestVersion"]!;
        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{version}/MicrosoftTeams.schema.json", (string?)schema["url"]);
        var schemaFile = ((string)schema["file"]!).Replace('\\', '/');
        Assert.EndsWith($"node_modules/@microsoft/app-manifest/build/json-schemas/teams/v{version}/MicrosoftTeams.schema.json", schemaFile);
    }

    [Fact]
    public void Package_holds_the_manifest_and_both_icons_at_its_root()
    {
        Assert.Equal(["color.png", "manifest.json", "outline.png"], Report["files"]!.AsArray().Select(f => (string)f!).Order(StringComparer.Ordinal));
        using var zip = ZipFile.OpenRead(package.ZipPath); // .NET's reader agrees with fflate's
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        foreach (var icon in new[] { "color.png", "outline.png" })
        {
            using var stream = zip.GetEntry(icon)!.Open();
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            Assert.Equal(File.ReadAllBytes(Path.Combine(RepoPaths.ManifestFolder, icon)), bytes.ToArray());
        }
    }

    [Fact]
    public void Packaged_manifest_carries_the_bot_id_and_version()
    {
        Assert.Equal(BuiltPackage.BotId, (string?)Manifest["id"]);
        Assert.Equal(BuiltPackage.AppVersion, (string?)Manifest["version"]);
        Assert.Equal(BuiltPackage.BotId, (string?)Manifest["bots"]![0]!["botId"]);
        Assert.DoesNotContain("{{", Manifest.ToJsonString());
    }

    [Fact]
    public void Color_icon_is_192_square_on_the_accent_colour()
    {
        var color = Report["icons"]!["color"]!;
        Assert.Equal(192, (int)color["width"]!);
        Assert.Equal(192, (int)color["height"]!);
        var accent = Convert.FromHexString(((string)Manifest["accentColor"]!)[1..]);
        var corner = color["firstNotWhiteVisible"]!; // pixel (0, 0): the background
        Assert.Equal(0, (int)corner["x"]!);
        Assert.Equal(0, (int)corner["y"]!);
        Assert.Equal([accent[0], accent[1], accent[2], 255], corner["rgba"]!.AsArray().Select(v => (byte)(int)v!));
    }

    [Fact]
    public void Outline_icon_is_32_square_white_on_transparent()
    {
        var outline = Report["icons"]!["outline"]!;
        Assert.Equal(32, (int)outline["width"]!);
        Assert.Equal(32, (int)outline["height"]!);
        Assert.True((int)outline["notWhiteVisible"]! == 0, $"a visible pixel is not white: {outline["firstNotWhiteVisible"]}");
        Assert.Equal((int)outline["pixels"]!, (int)outline["whiteOrTransparent"]!);
        Assert.True((int)outline["transparent"]! > (int)outline["pixels"]! / 2, "the outline icon's background must be transparent");
        Assert.True((int)outline["opaque"]! > 0, "the outline icon draws something");
    }

    [Fact]
    public async Task Validator_reports_errors_for_a_broken_manifest()
    {
        // Control: the same package with a non-GUID bot id and no accent colour must fail validation,
        // so a zero-error result above means something.
        var brokenZip = Path.Combine(package.OutDir, "broken.zip");
        File.Copy(package.ZipPath, brokenZip, overwrite: true);
        using (var zip = ZipFile.Open(brokenZip, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("manifest.json")!;
            JsonObject manifest;
            using (var reader = new StreamReader(entry.Open()))
            {
                manifest = JsonNode.Parse(reader.ReadToEnd())!.AsObject();
            }

            manifest["bots"]![0]!["botId"] = "{{BOT_ID}}";
            manifest.Remove("accentColor");
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open());
            writer.Write(manifest.ToJsonString());
        }

        var result = await NodeTools.RunToolAsync("inspect-app-package.mjs", brokenZip);

        Assert.Equal(1, result.ExitCode);
        var errors = JsonNode.Parse(result.StdOut)!["schemaErrors"]!.AsArray().Select(e => (string)e!).ToList();
        Assert.Contains(errors, e => e.StartsWith("/bots/0/botId", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("accentColor", StringComparison.Ordinal));
    }
}

/// <summary>What manifest/package.mjs refuses, and how it says so.</summary>
public sealed class PackageCommandTests
{
    [Theory]
    [InlineData(new string[0], "error: --app-id is required")]
    [InlineData(new[] { "--app-id" }, "error: --app-id needs a value.")]
    [InlineData(new[] { "--app-id", "not-a-guid" }, "error: --app-id 'not-a-guid' is not a GUID")]
    [InlineData(new[] { "--app-id", "3f2504e0-4f89-11d3-9a0c-0305e82c330" }, "is not a GUID")]
    [InlineData(new[] { "--app-id", "{3f2504e0-4f89-11d3-9a0c-0305e82c3301}" }, "is not a GUID")]
    [InlineData(new[] { "--app-id", "00000000-0000-0000-0000-000000000000" }, "the all-zero GUID")]
    [InlineData(new[] { "--app-id", "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "--teams-app-id", "x" }, "error: --teams-app-id 'x' is not a GUID")]
    [InlineData(new[] { "--app-id", "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "--version", "1.0" }, "error: --version '1.0' is not a version")]
    [InlineData(new[] { "--app-id", "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "--bogus" }, "error: unknown argument '--bogus'")]
    public async Task Refuses_bad_arguments_with_a_clear_message_and_writes_nothing(string[] arguments, string message)
    {
        var outDir = Directory.CreateTempSubdirectory("policybot-package-").FullName;
        try
        {
            var result = await NodeTools.RunScriptAsync(RepoPaths.PackageScript, [.. arguments, "--out", outDir]);

            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains(message, result.StdErr);
            Assert.Contains("Usage: node manifest/package.mjs --app-id <GUID>", result.StdErr);
            Assert.Empty(Directory.GetFileSystemEntries(outDir));
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }

    [Fact]
    public async Task Teams_app_id_can_differ_from_the_bot_id_and_ids_are_normalised_to_lower_case()
    {
        var outDir = Directory.CreateTempSubdirectory("policybot-package-").FullName;
        try
        {
            var result = await NodeTools.RunScriptAsync(
                RepoPaths.PackageScript,
                "--app-id", "3F2504E0-4F89-11D3-9A0C-0305E82C3301", "--teams-app-id", "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d", "--out", outDir);
            Assert.True(result.ExitCode == 0, result.ToString());

            using var zip = ZipFile.OpenRead(Path.Combine(outDir, "appPackage.zip"));
            using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
            var manifest = JsonNode.Parse(reader.ReadToEnd())!;
            Assert.Equal("9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d", (string?)manifest["id"]);
            Assert.Equal("3f2504e0-4f89-11d3-9a0c-0305e82c3301", (string?)manifest["bots"]![0]!["botId"]);
            Assert.Equal("1.0.0", (string?)manifest["version"]); // the default
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }
}
