namespace PolicyBot.Deployment.Tests;

/// <summary>Paths in the repository, found from the test assembly's folder (the folder holding PolicyBot.sln).</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No PolicyBot.sln above {AppContext.BaseDirectory}.");
    });

    public static string Root => RootLazy.Value;

    public static string ArmTemplate => Path.Combine(Root, "azuredeploy.json");

    public static string ManifestFolder => Path.Combine(Root, "manifest");

    public static string Manifest => Path.Combine(ManifestFolder, "manifest.json");

    public static string PackageScript => Path.Combine(ManifestFolder, "package.mjs");

    public static string MakeIconsScript => Path.Combine(ManifestFolder, "make-icons.mjs");

    public static string NodeTools => Path.Combine(Root, "tests", "node-tools");
}
