using System.Security.Cryptography;

namespace PolicyBot.Deployment.Tests.NodeTools;

/// <summary>
/// Runs Node.js scripts for tests and captures stdout, stderr and the exit code.
/// <list type="bullet">
/// <item><see cref="RunScriptAsync"/> runs any script (e.g. manifest/package.mjs, which needs no packages).</item>
/// <item><see cref="RunToolAsync"/> runs a script in tests/node-tools after making sure its packages are installed
/// (<c>npm ci</c>, once per change of package-lock.json, guarded in-process and across test processes).</item>
/// </list>
/// To add a Node-side check (e.g. an Adaptive Cards renderer check): <c>npm install --save-exact PKG</c> in
/// tests/node-tools, commit package.json and package-lock.json, add a script there that prints JSON and sets its
/// exit code, and call it with <see cref="RunToolAsync"/>.
/// </summary>
public static class NodeRunner
{
    /// <summary>Written into node_modules after a successful <c>npm ci</c>: the SHA-256 of the package-lock.json it installed.</summary>
    private const string StampFile = ".policybot-installed-lock.sha256";

    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private static volatile bool installed;

    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromMinutes(2);

    /// <summary>Runs <c>node script args…</c> in the repository root.</summary>
    public static Task<ProcessResult> RunScriptAsync(string scriptPath, params string[] arguments) =>
        ProcessRunner.RunAsync("node", [scriptPath, .. arguments], RepoPaths.Root, DefaultTimeout);

    /// <summary>Installs tests/node-tools if needed, then runs <c>node tests/node-tools/script args…</c> there.</summary>
    public static async Task<ProcessResult> RunToolAsync(string toolScript, params string[] arguments)
    {
        await EnsureToolsInstalledAsync().ConfigureAwait(false);
        return await ProcessRunner.RunAsync(
            "node", [Path.Combine(RepoPaths.NodeTools, toolScript), .. arguments], RepoPaths.NodeTools, DefaultTimeout).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <c>npm ci</c> in tests/node-tools unless node_modules was installed from the current package-lock.json.
    /// Parallel test classes share one install (a semaphore), and so do parallel test processes (an exclusive lock
    /// on tests/node-tools/.npm-ci.lock).
    /// </summary>
    public static async Task EnsureToolsInstalledAsync()
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
