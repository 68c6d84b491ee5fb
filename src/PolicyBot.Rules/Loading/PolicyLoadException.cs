namespace PolicyBot.Rules.Loading;

/// <summary>
/// A policy file (or a file that goes with one, such as a lexicon) that cannot be served. The message names
/// the file, the line (when known) and the problem, e.g.
/// <c>stevensville.policy.yaml, line 212: rule 'text-personal' cites unknown clause '13'.</c>
/// </summary>
public class PolicyLoadException : Exception
{
    /// <summary>Creates the error for <paramref name="file"/>; <paramref name="line"/> is 1-based, 0 when unknown.</summary>
    public PolicyLoadException(string file, int line, string problem, Exception? inner = null)
        : base(line > 0 ? $"{file}, line {line}: {problem}" : $"{file}: {problem}", inner)
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    /// <summary>The file's name.</summary>
    public string File { get; }

    /// <summary>1-based line of the offending node; 0 when the problem has no single place.</summary>
    public int Line { get; }

    /// <summary>The problem alone, without file and line.</summary>
    public string Problem { get; }
}
