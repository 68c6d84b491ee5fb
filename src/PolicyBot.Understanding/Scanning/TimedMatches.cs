using System.Text.RegularExpressions;

namespace PolicyBot.Understanding.Scanning;

/// <summary>Matching an expression that carries a match timeout, for the lexicon's patterns and the safety cues alike.</summary>
internal static class TimedMatches
{
    /// <summary>
    /// Every match of <paramref name="regex"/> in <paramref name="text"/>, read in full, or null when matching timed out
    /// twice. The timeout's clock runs on through a compiled pattern's first match (compiling its code: tens of
    /// milliseconds, more on a busy machine), a garbage collection or a loaded machine's pause, so a timeout is tried once
    /// more: only a text that is pathological for the expression loses its matches, and the turn is never stalled.
    /// </summary>
    public static MatchCollection? Of(Regex regex, string text)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var matches = regex.Matches(text);
                _ = matches.Count;
                return matches;
            }
            catch (RegexMatchTimeoutException) when (attempt < 2)
            {
            }
            catch (RegexMatchTimeoutException)
            {
                return null;
            }
        }
    }
}
