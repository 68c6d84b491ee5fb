namespace PolicyBot.Understanding.Lexicons;

/// <summary>
/// A lexicon that cannot be used with its policy. The message names the file, the line (when known),
/// the entry and the problem, e.g.
/// <c>stevensville.lexicon.yaml, line 150: medium → txt: the policy has no value 'txt' for fact 'medium' (values: …).</c>
/// </summary>
public sealed class LexiconLoadException : Exception
{
    /// <summary>Creates the error for <paramref name="file"/>; <paramref name="line"/> is 1-based, 0 when unknown.</summary>
    public LexiconLoadException(string file, int line, string problem, Exception? inner = null)
        : base(line > 0 ? $"{file}, line {line}: {problem}" : $"{file}: {problem}", inner)
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    /// <summary>The lexicon file's name.</summary>
    public string File { get; }

    /// <summary>1-based line of the offending entry; 0 when the problem has no single place.</summary>
    public int Line { get; }

    /// <summary>The problem alone, without file and line.</summary>
    public string Problem { get; }
}
