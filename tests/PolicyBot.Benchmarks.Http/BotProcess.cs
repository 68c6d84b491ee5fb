using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace PolicyBot.Benchmarks.Http;

/// <summary>
/// A bot in a process of its own (<c>dotnet &lt;app&gt;.dll --urls http://127.0.0.1:0 --DataFolder &lt;temp&gt;</c>), so
/// its resident memory is the bot's alone. Waits for its "Now listening on" line and its health probe; keeps the last
/// lines it logged and counts its <c>fail:</c>/<c>crit:</c> lines; stops it (SIGTERM, then SIGKILL) on dispose.
/// </summary>
internal sealed partial class BotProcess : IDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _failures;
    private bool _disposed;

    private BotProcess(string name, Process process, string dataFolder)
    {
        Name = name;
        _process = process;
        DataFolder = dataFolder;
    }

    public string Name { get; }

    public int Pid => _process.Id;

    public string DataFolder { get; }

    public Uri BaseUrl { get; private set; } = null!;

    public Uri MessagesUrl => new(BaseUrl, "/api/messages");

    /// <summary>Lines the bot logged at level fail or crit (a failed turn logs one).</summary>
    public int LoggedFailures => Volatile.Read(ref _failures);

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="dll"/> with the dotnet host and waits until it answers its health probe.</summary>
    public static async Task<BotProcess> StartAsync(
        string name, string dll, IEnumerable<string> extraArgs, string dataFolder, IReadOnlyDictionary<string, string?> environment,
        HttpClient http, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataFolder);
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, // content root: the app's appsettings.json
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in extraArgs)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.ArgumentList.Add("--DataFolder");
        start.ArgumentList.Add(dataFolder);

        // Only what the benchmark decides: no inherited URLs, credentials or policy settings.
        foreach (var key in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_URLS", "MicrosoftAppType", "MicrosoftAppId",
                     "MicrosoftAppPassword", "MicrosoftAppTenantId", "PolicyFile", "SafetyFile", "SchoolEmailDomains", "POLICYBOT_BENCH_PROFILE", "DOTNET_gcServer", "DOTNET_GCgen0size" })
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["DataFolder"] = dataFolder;
        start.Environment["POLICYBOT_BENCH_PARENT_PID"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.Start();
        var bot = new BotProcess(name, process, dataFolder);
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(dataFolder)!, name + ".pid"), process.Id.ToString(CultureInfo.InvariantCulture));
        process.OutputDataReceived += (_, e) => bot.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => bot.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.Exited += (_, _) => bot._listening.TrySetException(new InvalidOperationException($"{name} exited with code {SafeExitCode(process)} during start-up."));

        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            bot.BaseUrl = await bot._listening.Task.WaitAsync(limit.Token).ConfigureAwait(false);
            while (true)
            {
                try
                {
                    using var health = await http.GetAsync(new Uri(bot.BaseUrl, "/healthz"), limit.Token).ConfigureAwait(false);
                    if (health.IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                }

                await Task.Delay(100, limit.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException)
        {
            var log = bot.LastLines();
            bot.Dispose();
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new InvalidOperationException($"{name} did not start within {timeout.TotalSeconds:F0} s ({ex.Message}). Its last lines:\n{log}", ex);
        }

        return bot;
    }

    /// <summary>Resident memory now and at its peak (VmRSS, VmHWM of /proc/&lt;pid&gt;/status), in MB.</summary>
    public (double Rss, double Peak) Memory()
    {
        double rss = double.NaN, peak = double.NaN;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kilobytes(line) / 1024.0;
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    peak = Kilobytes(line) / 1024.0;
                }
            }
        }
        catch (IOException)
        {
        }

        return (rss, peak);
    }

    /// <summary>CPU time the process used so far (user + system), from /proc/&lt;pid&gt;/stat.</summary>
    public TimeSpan CpuTime()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{Pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
        }
        catch (Exception ex) when (ex is IOException or FormatException or IndexOutOfRangeException)
        {
            return TimeSpan.Zero;
        }
    }

    public string LastLines()
    {
        lock (_lastLines)
        {
            return string.Join('\n', _lastLines.Select(l => "    " + l));
        }
    }

    /// <summary>SIGTERM (a graceful stop: the host logs and closes SQLite), then SIGKILL after 5 s.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (!_process.HasExited)
            {
                _ = Kill(_process.Id, 15);
                if (!_process.WaitForExit(5000))
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(5000);
                }
            }

            _process.WaitForExit(); // drains the output readers
        }
        catch (InvalidOperationException)
        {
        }
        finally
        {
            _process.Dispose();
        }
    }

    /// <summary>Kills (SIGKILL) a process left over from a benchmark run that was itself killed; see Program.SweepOrphans.</summary>
    public static void KillOrphan(int pid, string mustMention)
    {
        try
        {
            var cmdline = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            if (cmdline.Contains(mustMention, StringComparison.Ordinal))
            {
                _ = Kill(pid, 9);
            }
        }
        catch (IOException)
        {
        }
    }

    private static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        // <dotnet root>/shared/Microsoft.NETCore.App/<version>/ → <dotnet root>/dotnet
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var host = Path.Combine(root, "dotnet");
        return File.Exists(host) ? host : "dotnet";
    }

    private static string SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode.ToString(CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _failures);
        }

        var listening = ListeningLine().Match(line);
        if (listening.Success)
        {
            _listening.TrySetResult(new Uri(listening.Groups[1].Value));
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line.Length > 400 ? line[..400] + "…" : line);
            while (_lastLines.Count > 40)
            {
                _lastLines.Dequeue();
            }
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
