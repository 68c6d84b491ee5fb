using System.Security.Cryptography;

namespace PolicyBot.TestSupport;

/// <summary>
/// Runs the Node.js scripts in tests/node-tools after making sure their packages are installed: <c>npm ci</c> runs
/// at most once per change of package-lock.json, guarded in-process (a semaphore) and across test processes (an
/// exclusive lock on tests/node-tools/.npm-ci.lock), so test projects running in parallel never install twice.
/// </summary>
public static class NodeTools
{
    /// <summary>Written into node_modules after a successful <c>npm ci</c>: the SHA-256 of the package-lock.json it installed.</summary>
    public const string StampFile = ".policybot-installed-lock.sha256";

    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private static volatile bool installed;

    /// <summary>How long a script may run.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromMinutes(2);

    /// <summary>Runs <c>node script args…</c> in the repository root (a script that needs no packages).</summary>
    public static Task<ProcessResult> RunScriptAsync(string scriptPath, params string[] arguments) =>
        ProcessRunner.RunAsync("node", [scriptPath, .. arguments], RepoPaths.Root, DefaultTimeout);

    /// <summary>Installs tests/node-tools if needed, then runs <c>node tests/node-tools/script args…</c> there.</summary>
    public static Task<ProcessResult> RunToolAsync(string toolScript, params string[] arguments) =>
        RunToolAsync(toolScript, (IEnumerable<string>)arguments);

    /// <summary>Installs tests/node-tools if needed, then runs <c>node tests/node-tools/script args…</c> there.</summary>
    public static async Task<ProcessResult> RunToolAsync(string toolScript, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        await EnsureInstalledAsync().ConfigureAwait(false);
        return await ProcessRunner.RunAsync(
            "node", [Path.Combine(RepoPaths.NodeTools, toolScript), .. arguments], RepoPaths.NodeTools, timeout ?? DefaultTimeout).ConfigureAwait(false);
    }

    /// <summary>Runs <c>npm ci</c> in tests/node-tools unless node_modules was installed from the current package-lock.json.</summary>
    /// <exception cref="InvalidOperationException">npm ci failed.</exception>
    public static async Task EnsureInstalledAsync()
    {
        if (installed)
        {
            return;
        }

        await InstallGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (installed)
            {
                return;
            }

            using (await AcquireExclusiveAsync(Path.Combine(RepoPaths.NodeTools, ".npm-ci.lock"), TimeSpan.FromMinutes(10)).ConfigureAwait(false))
            {
                var lockHash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(RepoPaths.NodeTools, "package-lock.json"))));
                var stamp = Path.Combine(RepoPaths.NodeTools, "node_modules", StampFile);
                if (!File.Exists(stamp) || File.ReadAllText(stamp).Trim() != lockHash)
                {
                    var (npm, prefix) = OperatingSystem.IsWindows() ? ("cmd.exe", new[] { "/c", "npm" }) : ("npm", Array.Empty<string>());
                    var result = await ProcessRunner.RunAsync(
                        npm, [.. prefix, "ci", "--no-audit", "--no-fund"], RepoPaths.NodeTools, TimeSpan.FromMinutes(10)).ConfigureAwait(false);
                    if (result.ExitCode != 0)
                    {
                        throw new InvalidOperationException($"npm ci in {RepoPaths.NodeTools} failed: {result}");
                    }

                    File.WriteAllText(stamp, lockHash);
                }
            }

            installed = true;
        }
        finally
        {
            InstallGate.Release();
        }
    }

    /// <summary>An exclusive lock on a file (flock on Unix), polled until <paramref name="timeout"/>.</summary>
    private static async Task<FileStream> AcquireExclusiveAsync(string path, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250).ConfigureAwait(false);
            }
        }
    }
}
