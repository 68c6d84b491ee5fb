namespace PolicyBot.TestSupport;

/// <summary>Paths in the repository, found from the running assembly's folder (the folder holding PolicyBot.sln).</summary>
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

    /// <summary>The repository root.</summary>
    public static string Root => RootLazy.Value;

    /// <summary>cards/: the Adaptive Card templates.</summary>
    public static string Cards => Path.Combine(Root, "cards");

    /// <summary>The unseen-questions corpus (<c>tests/corpus</c>).</summary>
    public static string Corpus => Path.Combine(Root, "tests", "corpus");

    /// <summary>tests/node-tools: the Node.js scripts the tests run.</summary>
    public static string NodeTools => Path.Combine(Root, "tests", "node-tools");

    /// <summary>azuredeploy.json.</summary>
    public static string ArmTemplate => Path.Combine(Root, "azuredeploy.json");

    /// <summary>manifest/: the Teams app manifest, icons and their scripts.</summary>
    public static string ManifestFolder => Path.Combine(Root, "manifest");

    /// <summary>manifest/manifest.json.</summary>
    public static string Manifest => Path.Combine(ManifestFolder, "manifest.json");

    /// <summary>manifest/package.mjs: builds appPackage.zip.</summary>
    public static string PackageScript => Path.Combine(ManifestFolder, "package.mjs");

    /// <summary>manifest/make-icons.mjs: draws the icons.</summary>
    public static string MakeIconsScript => Path.Combine(ManifestFolder, "make-icons.mjs");
}
