using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using PolicyBot.Hosting;

namespace PolicyBot.Tests.Hosting;

/// <summary>
/// The real PolicyBot process (<c>dotnet PolicyBot.dll</c>), as an IT administrator starts it and reads its output:
/// its first lines say what it serves, and a port already in use gets one friendly line (no logged stack trace before
/// it) naming a port that is actually free.
/// </summary>
public partial class StartupProcessTests
{
    private const string Author = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private const string Decider = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    private const string DeciderTeam = "1b4e28ba-2fa1-11d2-883f-0016d3cca427";

    [Fact]
    public async Task The_first_lines_name_the_policy_lexicon_administrators_and_store()
    {
        var folder = Directory.CreateTempSubdirectory("policybot-start-").FullName;
        var policies = Directory.CreateDirectory(Path.Combine(folder, "policies")).FullName;
        File.WriteAllText(Path.Combine(policies, "otherville.policy.yaml"), Embedded("stevensville.policy.yaml")
            .Replace("id: stevensville-electronic-resources", "id: otherville-social-media", StringComparison.Ordinal)
            .Replace("district: Stevensville School District", "district: Otherville Unified", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(policies, "stevensville-electronic-resources-and-social-networking.txt"), Embedded("stevensville-electronic-resources-and-social-networking.txt"));
        var data = Path.Combine(folder, "data");
        try
        {
            var lines = await RunUntilListeningAsync(
                "--urls", "http://127.0.0.1:0", "--DataFolder", data, "--PolicyFile", Path.Combine(policies, "otherville.policy.yaml"),
                "--CampaignAuthors", Author, "--RequestDeciders", $"{Decider}@{DeciderTeam}");

            // Before Kestrel's "Now listening", PolicyBot's own lines come first, in this order.
            var ours = lines.TakeWhile(l => !l.Contains("Now listening on", StringComparison.Ordinal)).ToList();
            string Line(string start) => ours.FirstOrDefault(l => l.Contains("PolicyBot.Hosting[0] " + start, StringComparison.Ordinal))
                ?? throw new Xunit.Sdk.XunitException($"no start-up line '{start}' in:\n{string.Join("\n", lines)}");
            Assert.Equal(
                $"Policy: Otherville Unified, \"Electronic Resources and Social Networking\" (id otherville-social-media), revised 2019-05-09, from {Path.Combine(policies, "otherville.policy.yaml")}.",
                Line("Policy:")[(Line("Policy:").IndexOf("Policy:", StringComparison.Ordinal))..]);
            Assert.EndsWith("Lexicon: (no lexicon).", Line("Lexicon:"), StringComparison.Ordinal);
            Assert.Contains($"1 campaign author(s) (CampaignAuthors: {Author}); 1 request decider(s) (RequestDeciders: {Decider}@{DeciderTeam})", Line("Administrators:"), StringComparison.Ordinal);
            Assert.Contains($"Store: SQLite file {Path.Combine(data, "policybot.db")} ", Line("Store:"), StringComparison.Ordinal);
            Assert.Contains("Log: no typed text and no names", Line("Log:"), StringComparison.Ordinal);
            var order = new[] { "Policy:", "Lexicon:", "Safety guidance:", "Administrators:", "Store:", "Log:" }.Select(s => ours.IndexOf(Line(s))).ToList();
            Assert.Equal(order.Order(), order);
            Assert.True(order[0] == 0, "the policy line is not the first line:\n" + string.Join("\n", lines));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task A_port_in_use_gets_one_line_naming_a_free_port_and_no_stack_trace(string host)
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var data = Directory.CreateTempSubdirectory("policybot-port-").FullName;
        try
        {
            var (exitCode, output) = await RunToExitAsync("--urls", $"http://{host}:{port}", "--DataFolder", data);

            Assert.Equal(1, exitCode);
            var line = Assert.Single(output, l => l.Trim().Length > 0);
            Assert.StartsWith($"PolicyBot could not start: port {port} (http://{host}:{port}) is in use by another program.", line, StringComparison.Ordinal);
            var suggested = int.Parse(SuggestedPort().Match(line).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.NotEqual(port, suggested);
            using var probe = new TcpListener(IPAddress.Loopback, suggested);
            probe.Start();   // throws if the suggested port is not free
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void The_suggested_port_skips_ports_that_are_taken()
    {
        using var first = new TcpListener(IPAddress.Loopback, 0);
        first.Start();
        var port = ((IPEndPoint)first.LocalEndpoint).Port;
        using var next = TryListen(port + 1);

        var free = PortCheck.FreePortNear(port);

        Assert.NotEqual(port, free);
        if (next is not null)
        {
            Assert.NotEqual(port + 1, free);
        }
        using var probe = new TcpListener(IPAddress.Loopback, free);
        probe.Start();
    }

    private static TcpListener? TryListen(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return listener;
        }
        catch (SocketException)
        {
            return null;
        }
    }

    private static string Embedded(string name)
    {
        using var stream = typeof(PolicyBot.Rules.Loading.PolicyLoader).Assembly.GetManifestResourceStream("PolicyBot.Rules.Policies." + name)!;
        return new StreamReader(stream).ReadToEnd();
    }

    private static Process Start(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PolicyBot.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return Process.Start(start)!;
    }

    /// <summary>Runs the bot until it exits (at most 60 s); its stdout and stderr lines, in arrival order.</summary>
    private static async Task<(int ExitCode, List<string> Output)> RunToExitAsync(params string[] arguments)
    {
        using var process = Start(arguments);
        var lines = new List<string>();
        var reading = Task.WhenAll(CollectAsync(process.StandardOutput, lines), CollectAsync(process.StandardError, lines));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException("PolicyBot did not exit:\n" + string.Join("\n", lines));
        }
        await reading;
        return (process.ExitCode, lines);
    }

    /// <summary>Starts the bot, returns its output lines up to "Now listening on" (at most 60 s), then stops it.</summary>
    private static async Task<List<string>> RunUntilListeningAsync(params string[] arguments)
    {
        using var process = Start(arguments);
        var lines = new List<string>();
        var reading = Task.WhenAll(CollectAsync(process.StandardOutput, lines), CollectAsync(process.StandardError, lines));
        try
        {
            for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(50))
            {
                lock (lines)
                {
                    if (lines.Any(l => l.Contains("Now listening on", StringComparison.Ordinal)))
                    {
                        return [.. lines];
                    }
                }
                if (process.HasExited)
                {
                    break;
                }
            }
            lock (lines)
            {
                throw new Xunit.Sdk.XunitException("PolicyBot did not start listening:\n" + string.Join("\n", lines));
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            await process.WaitForExitAsync();
            await reading;
        }
    }

    private static async Task CollectAsync(StreamReader reader, List<string> lines)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }
    }

    [GeneratedRegex(@"--urls http://[^:]+:(\d+)$")]
    private static partial Regex SuggestedPort();
}
