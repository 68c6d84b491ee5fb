using PolicyBot.Rules.Loading;

namespace PolicyBot.Understanding.Lexicons;

/// <summary>
/// A lexicon that cannot be used with its policy, or a safety signals file (a lexicon of danger words) that cannot be
/// used: a <see cref="PolicyLoadException"/> whose message names the
/// file, the line (when known), the entry and the problem, e.g.
/// <c>stevensville.lexicon.yaml, line 150: medium → txt: the policy has no value 'txt' for fact 'medium' (values: …).</c>
/// </summary>
public sealed class LexiconLoadException : PolicyLoadException
{
    /// <summary>Creates the error for <paramref name="file"/>; <paramref name="line"/> is 1-based, 0 when unknown.</summary>
    public LexiconLoadException(string file, int line, string problem, Exception? inner = null)
        : base(file, line, problem, inner)
    {
    }
}
