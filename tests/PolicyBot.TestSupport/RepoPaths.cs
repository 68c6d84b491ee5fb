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

    /// <summary>tests/node-tools: the Node.js scripts the tests run.</summary>
    public static string NodeTools => Path.Combine(Root, "tests", "node-tools");
}
